"""Checks of the five-year programming: ceilings per source and year, and the plan period."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.projects import (
    FundingSource,
    MultiYearProgramming,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.i18n import _
from planner_desktop.plan.findings import Finding, Severity, label
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live, plan_period
from planner_desktop.reports.numbers import money


def ceiling_exceeded(session: Session) -> list[Finding]:
    """Error: a year in which the programming of a source goes above its ceiling.
    Warning: money programmed from a source in a year that has no ceiling for it.
    The programming summed is the one every total counts (a project recommended to be
    dropped is out of the plan and adds nothing)."""
    programmed = (
        select(
            MultiYearProgramming.source_id,
            MultiYearProgramming.year,
            func.sum(MultiYearProgramming.amount).label("amount"),
        )
        .where(counted_programming())
        .group_by(MultiYearProgramming.source_id, MultiYearProgramming.year)
        .subquery()
    )
    rows = session.execute(
        select(
            FundingSource.id,
            FundingSource.code,
            FundingSource.name,
            programmed.c.year,
            programmed.c.amount,
            SourceCeiling.id,
            SourceCeiling.amount,
        )
        .join(FundingSource, FundingSource.id == programmed.c.source_id)
        .outerjoin(
            SourceCeiling,
            and_(
                SourceCeiling.source_id == programmed.c.source_id,
                SourceCeiling.year == programmed.c.year,
                live(SourceCeiling),
            ),
        )
        .where(programmed.c.amount > 0)
        .order_by(programmed.c.year, bytewise(FundingSource.code), FundingSource.id)
    ).all()
    findings = []
    for source_id, code, name, year, amount, ceiling_id, ceiling in rows:
        source = label(code, name)
        if ceiling_id is None:
            findings.append(
                Finding(
                    Severity.warning,
                    "no-ceiling",
                    _(
                        "{amount} programmed from {source} in {year}, which has no ceiling "
                        "for that year"
                    ).format(amount=money(amount), source=source, year=year),
                    "funding_source",
                    source_id,
                )
            )
        elif amount > ceiling:
            findings.append(
                Finding(
                    Severity.error,
                    "ceiling-exceeded",
                    _(
                        "in {year} the programming of {source} is {amount}, above its ceiling of "
                        "{ceiling} by {over}"
                    ).format(
                        year=year,
                        source=source,
                        amount=money(amount),
                        ceiling=money(ceiling),
                        over=money(amount - ceiling),
                    ),
                    "source_ceiling",
                    ceiling_id,
                )
            )
    return findings


def programming_outside_period(session: Session) -> list[Finding]:
    """Error: money programmed in a year outside the PDM's period."""
    period = plan_period(session)
    if period is None:
        return []
    rows = session.execute(
        select(
            MultiYearProgramming.id,
            MultiYearProgramming.year,
            ProjectProfile.code,
            ProjectProfile.name,
        )
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(
            live(MultiYearProgramming),
            live(ProjectProfile),
            (MultiYearProgramming.year < period.start) | (MultiYearProgramming.year > period.end),
        )
        .order_by(bytewise(ProjectProfile.code), MultiYearProgramming.year, MultiYearProgramming.id)
    ).all()
    return [
        Finding(
            Severity.error,
            "programming-outside-period",
            _(
                "profile {profile} is programmed in {year}, outside the plan period {start}–{end}"
            ).format(profile=label(code, name), year=year, start=period.start, end=period.end),
            "multi_year_programming",
            row_id,
        )
        for row_id, year, code, name in rows
    ]
