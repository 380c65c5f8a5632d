"""Yearly targets of every indicator of the plan's projects and elements, as one grid to type into:
indicators down, the plan's years across. The store keeps one row per indicator and year
(tombstoned ones too), so a cell is written by reusing its row. The caller owns the
transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Recommendation
from planner_desktop.domain.projects import Indicator, IndicatorTarget, ProjectProfile
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.plan import validate
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import PlanPeriod, live, plan_period, plan_tree


@dataclass(frozen=True)
class IndicatorLine:
    id: uuid.UUID
    profile_code: str
    name: str
    unit: str


@dataclass
class TargetGrid:
    years: list[int]
    indicators: list[IndicatorLine]
    targets: dict[tuple[uuid.UUID, int], str] = field(default_factory=dict)
    period: PlanPeriod | None = None

    def target(self, indicator_id: uuid.UUID, year: int) -> str:
        return self.targets.get((indicator_id, year), "")


def target_grid(session: Session) -> TargetGrid:
    """The indicators of live profiles not recommended to be dropped, then those of the
    elements of the plan (named by the element's code, in the order of the tree), with
    their targets."""
    rows = session.execute(
        select(Indicator.id, ProjectProfile.code, Indicator.name, Indicator.unit)
        .join(ProjectProfile, Indicator.profile_id == ProjectProfile.id)
        .where(
            live(Indicator),
            live(ProjectProfile),
            ProjectProfile.recommendation.is_distinct_from(Recommendation.drop),
        )
        .order_by(
            bytewise(ProjectProfile.code),
            Indicator.created_at,
            bytewise(Indicator.name),
            Indicator.id,
        )
    ).all()
    tree = plan_tree(session)
    nodes = tree.in_order() if tree is not None else []
    position = {node.id: index for index, node in enumerate(nodes)}
    found = session.execute(
        select(Indicator.id, Indicator.element_id, Indicator.name, Indicator.unit)
        .where(live(Indicator), Indicator.profile_id.is_(None))
        .order_by(Indicator.created_at, bytewise(Indicator.name), Indicator.id)
    ).all()
    ordered = sorted(
        (row for row in found if row.element_id in position),
        key=lambda row: position[row.element_id],
    )
    objectives = [
        (row.id, nodes[position[row.element_id]].code, row.name, row.unit) for row in ordered
    ]
    indicators = [IndicatorLine(*row) for row in (*rows, *objectives)]
    wanted = [line.id for line in indicators]
    targets = {
        (indicator_id, int(year)): text
        for indicator_id, year, text in session.execute(
            select(
                IndicatorTarget.indicator_id, IndicatorTarget.year, IndicatorTarget.target
            ).where(IndicatorTarget.indicator_id.in_(wanted), live(IndicatorTarget))
        )
    }
    period = plan_period(session)
    years = set(period.years if period else [])
    years.update(year for _i, year in targets)
    return TargetGrid(sorted(years), indicators, targets, period)


def refuse_target(grid: TargetGrid, year: int, text: str) -> str | None:
    """Why a typed target is refused (empty clears it), or None."""
    if not text:
        return None
    if grid.period is not None:
        reason = validate.year_in_period(year, grid.period.start, grid.period.end)
        if reason:
            return reason
    return validate.target_text(text)


def set_target(session: Session, indicator_id: uuid.UUID, year: int, text: str) -> None:
    """Write one target; an empty one removes it (a tombstone)."""
    row = session.scalars(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year
        )
    ).first()
    if not text:
        if row is not None and row.deleted_at is None:
            mark_deleted(row)
        return
    if row is None:
        session.add(IndicatorTarget(indicator_id=indicator_id, year=year, target=text))
    else:
        row.target, row.deleted_at = text, None
    session.flush()
