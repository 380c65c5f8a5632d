"""Indicators with a target per plan year, for project profiles and elements of the plan."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from planner_desktop.demo.context import Context, SectorInfo, at
from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.models import Indicator, IndicatorTarget

OBJECTIVE_INDICATOR_DAY = date(2026, 6, 29)


def _sector_indicators(ctx: Context, code: str) -> list[dict[str, Any]]:
    for sector in ctx.sources.sectors["sectors"]:
        if sector["code"] == code:
            return list(sector["indicators"])
    return []


def _write(
    ctx: Context,
    when: datetime,
    indicator: dict[str, Any],
    level: IndicatorLevel,
    *,
    profile_id: uuid.UUID | None = None,
    element_id: uuid.UUID | None = None,
    rising: Callable[[int], bool] = lambda _year: True,
) -> None:
    """One indicator and its yearly targets: in each ``rising`` year percentages rise and
    counts accumulate; in the other years the target stays where it was."""
    rng, writer, who = ctx.rng, ctx.writer, ctx.facilitators[0]
    percent = indicator["unit"].strip() == "%"
    if percent:
        baseline = rng.randint(15, 60)
        step = rng.randint(2, 7)
    else:
        baseline = 0 if level is IndicatorLevel.product else rng.randint(10, 200)
        step = rng.randint(1, 5) if level is IndicatorLevel.product else rng.randint(5, 40)
    indicator_id = writer.synced(
        Indicator,
        when,
        who,
        profile_id=profile_id,
        element_id=element_id,
        name=indicator["name"],
        unit=indicator["unit"],
        level=level,
        baseline=str(baseline),
    )
    value = baseline
    for year in range(ctx.plan_start, ctx.plan_end + 1):
        if rising(year):
            value = min(100, value + step) if percent else value + step
        writer.synced(
            IndicatorTarget, when, who, indicator_id=indicator_id, year=year, target=str(value)
        )


def make_profile_indicators(
    ctx: Context, profile_id: uuid.UUID, sector: SectorInfo, when: datetime, years: set[int]
) -> str:
    """A result and a product indicator from the sector's list; returns the first name.

    ``years`` are the project's programmed years: the product grows in those years, the
    result from the first of them on; a project with none keeps its baseline.
    """
    options = _sector_indicators(ctx, sector.code)
    if not options:
        return ""
    chosen = ctx.rng.sample(options, min(2, len(options)))
    first = min(years, default=None)
    rules: tuple[Callable[[int], bool], ...] = (
        lambda year: first is not None and year >= first,
        lambda year: year in years,
    )
    levels = (IndicatorLevel.result, IndicatorLevel.product)
    for indicator, level, rising in zip(chosen, levels, rules, strict=False):
        _write(ctx, when, indicator, level, profile_id=profile_id, rising=rising)
    return str(chosen[0]["name"])


def make_element_indicators(ctx: Context, funded_from: dict[str, int]) -> None:
    """An impact indicator per axis and a result indicator per strategic objective, from
    the axis' sectors; they rise from the first year the axis has money
    (``funded_from``, by axis code; never for an axis with none)."""
    when = at(OBJECTIVE_INDICATOR_DAY)
    for code, axis_id, sectors in ctx.axes:
        options = _sector_indicators(ctx, sectors[-1]) if sectors else []
        if options:
            _write(
                ctx,
                when,
                options[-1],
                IndicatorLevel.impact,
                element_id=axis_id,
                rising=_from(funded_from.get(code)),
            )
    for code, objective_id, sectors in ctx.objectives:
        options = _sector_indicators(ctx, sectors[0]) if sectors else []
        if options:
            _write(
                ctx,
                when,
                options[0],
                IndicatorLevel.result,
                element_id=objective_id,
                rising=_from(funded_from.get(code)),
            )


def _from(first: int | None) -> Callable[[int], bool]:
    return lambda year: first is not None and year >= first
