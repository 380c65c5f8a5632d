"""The plan's statements in the workbook: values, SDG links and the elements' indicators
with a target per year (one cell per stored target: an empty cell clears it, as in the
window)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy.orm import Session

from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.plan import PlanValue, SdgLink
from planner_desktop.domain.projects import Indicator, IndicatorTarget
from planner_desktop.exchange.xlsx.errors import refuse
from planner_desktop.exchange.xlsx.plan_cells import Row
from planner_desktop.exchange.xlsx.plan_context import Context, Counts
from planner_desktop.exchange.xlsx.plan_match import (
    Target,
    key_text,
    match,
    next_position,
    put,
    refuse_at,
    unique,
    write,
)
from planner_desktop.exchange.xlsx.plan_spec import INDICATORS, SDGS, VALUES, Cell, SheetSpec
from planner_desktop.i18n import _
from planner_desktop.plan import frame


def resolve(context: Context) -> None:
    simple_sheet(
        context,
        VALUES,
        PlanValue,
        context.stored("values"),
        "name",
        lambda value: value.name,
        owner="plan_id",
        positioned=True,
    )
    _sdgs(context)
    _indicators(context)


def simple_sheet(
    context: Context,
    spec: SheetSpec,
    model: type[Any],
    stored: list[Any],
    key: str,
    stored_key: Callable[[Any], str],
    *,
    owner: str,
    positioned: bool = False,
    check: Callable[[Target], None] | None = None,
) -> list[Target]:
    """A list of records each row of which is one record of ``model``: its columns are
    its fields, ``key`` the column matched by name; new records hang from the plan or the
    municipality (``owner``) and, when ``positioned``, go last."""
    matched = match(
        context.session,
        context.book.sheet(spec),
        model,
        stored,
        lambda row: key_text(row.values[key]),
        lambda record: key_text(stored_key(record)),
    )
    for target in matched.targets:
        for col in spec.columns:
            value = target.row.values.get(col.key)
            text = col.cell in (Cell.TEXT, Cell.LONG)
            target.offer(col.key, "" if text and value is None else value, col.cell)
        if check is not None:
            check(target)

    def write_rows(session: Session, counts: Counts) -> None:
        parent = {owner: context.plan if owner == "plan_id" else context.town}
        for target in matched.targets:
            if target.is_new and positioned:
                target.set("position", next_position(session, model, **parent))
            counts.count(write(session, model, target, **parent))

    context.then(write_rows)
    return matched.targets


def _sdg_key(context: Context, row: Row) -> tuple[Any, int, str]:
    """The link's owner (an element's id, or None for the plan), goal and target."""
    code = row.values["element"]
    owner = context.elements.get(key_text(code)) if code else None
    if code and owner is None:
        raise refuse(row.at("element"), _("no element has the code «{code}»").format(code=code))
    try:
        goal, target = frame.sdg(row.values["sdg"], row.values["target"])
    except frame.FrameRefused as refused:
        raise refuse_at(row.at("target" if refused.field == "target" else "sdg"), refused) from None
    return (owner.id if owner is not None else None, goal, target)


def _sdgs(context: Context) -> None:
    sheet = context.book.sheet(SDGS)
    keys: dict[int, tuple[Any, int, str]] = {
        row.number: _sdg_key(context, row) for row in (sheet.rows if sheet else [])
    }

    def stored_key(link: SdgLink) -> Hashable:
        return (link.element_id, link.sdg, link.target)

    matched = match(
        context.session, sheet, SdgLink, context.stored("sdgs"),
        lambda row: keys[row.number], stored_key,
    )  # fmt: skip
    unique(
        matched,
        lambda t: keys[t.row.number],
        stored_key,
        "sdg",
        lambda t, _other: _("{sdg} is already linked").format(
            sdg=keys[t.row.number][2] or keys[t.row.number][1]
        ),
    )

    def write_links(session: Session, counts: Counts) -> None:
        for target in matched.targets:
            element, goal, sdg_target = keys[target.row.number]
            target.set("element_id", element)
            target.set("plan_id", context.plan if element is None else None)
            target.set("sdg", goal)
            target.set("target", sdg_target, Cell.TEXT)
            counts.count(write(session, SdgLink, target))

    context.then(write_links)


def _indicators(context: Context) -> None:
    sheet = context.book.sheet(INDICATORS)
    owners: dict[int, Any] = {}
    for row in sheet.rows if sheet else []:
        code = row.values["element"]
        owner = context.elements.get(key_text(code))
        if owner is None:
            raise refuse(row.at("element"), _("no element has the code «{code}»").format(code=code))
        owners[row.number] = owner.id
    matched = match(
        context.session,
        sheet,
        Indicator,
        context.stored("indicators"),
        lambda row: (owners[row.number], key_text(row.values["name"])),
        lambda indicator: (indicator.element_id, key_text(indicator.name)),
    )
    years = sheet.years if sheet else []
    for target in matched.targets:
        values = target.row.values
        target.set("element_id", owners[target.row.number])
        target.set("name", values["name"], Cell.TEXT)
        target.offer("level", values.get("level") or IndicatorLevel.result)
        for name in ("unit", "baseline"):
            target.offer(name, values.get(name) or "", Cell.TEXT)

    def write_indicators(session: Session, counts: Counts) -> None:
        for target in matched.targets:
            counts.count(write(session, Indicator, target))
        session.flush()
        for target in matched.targets:
            for year in years:
                text = target.row.years[year]
                keys = {"indicator_id": target.id, "year": year}
                outcome = put(session, IndicatorTarget, keys, {"target": text}, empty=not text)
                if outcome != "unchanged":
                    counts.count(outcome)

    context.then(write_indicators)
