"""The five-year programming as typed in the window: one funding source's grid of projects
× years, its ceilings, and the checks of a typed amount (refused with a reason, nothing
written).

Reading builds a :class:`SourceGrid` with two aggregate queries; writing sets one cell
(:func:`set_amount`) or one ceiling (:func:`set_ceiling`), reusing the row kept for that
cell (the store keeps one row per project, year and source, tombstoned ones too).
The caller owns the transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import Recommendation
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.projects import (
    Component,
    MultiYearProgramming,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.i18n import _
from planner_desktop.plan import validate
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import PlanPeriod, live, plan_period

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ProjectLine:
    """One project of the grid: its cost and what it has programmed from every source."""

    id: uuid.UUID
    code: str
    name: str
    cost: Decimal
    programmed_all: Decimal
    """Programmed from every source in every year (the cost's counterpart)."""


@dataclass
class SourceGrid:
    """The programming of one source: ``amounts[(profile id, year)]`` and
    ``ceilings[year]``; ``years`` are the plan period plus any year holding money."""

    source_id: uuid.UUID
    years: list[int]
    projects: list[ProjectLine]
    amounts: dict[tuple[uuid.UUID, int], Decimal] = field(default_factory=dict)
    ceilings: dict[int, Decimal] = field(default_factory=dict)
    period: PlanPeriod | None = None

    def amount(self, profile_id: uuid.UUID, year: int) -> Decimal:
        return self.amounts.get((profile_id, year), ZERO)

    def year_total(self, year: int) -> Decimal:
        return sum((a for (_p, y), a in self.amounts.items() if y == year), ZERO)

    def project_total(self, profile_id: uuid.UUID) -> Decimal:
        return sum((a for (p, _y), a in self.amounts.items() if p == profile_id), ZERO)

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), ZERO)

    def remaining(self, year: int) -> Decimal | None:
        ceiling = self.ceilings.get(year)
        return None if ceiling is None else ceiling - self.year_total(year)


def source_grid(session: Session, source_id: uuid.UUID) -> SourceGrid:
    """Every live project not recommended to be dropped, with its money from ``source_id``
    (the rows :func:`~planner_desktop.domain.figures.counted_programming` counts, so the
    grid's totals are those of the PDM page and the printed PDM)."""
    costs = (
        select(Component.profile_id, func.sum(Component.cost).label("cost"))
        .where(live(Component))
        .group_by(Component.profile_id)
        .subquery()
    )
    everything = (
        select(
            MultiYearProgramming.profile_id, func.sum(MultiYearProgramming.amount).label("amount")
        )
        .where(counted_programming())
        .group_by(MultiYearProgramming.profile_id)
        .subquery()
    )
    rows = session.execute(
        select(
            ProjectProfile.id,
            ProjectProfile.code,
            ProjectProfile.name,
            costs.c.cost,
            everything.c.amount,
        )
        .outerjoin(costs, costs.c.profile_id == ProjectProfile.id)
        .outerjoin(everything, everything.c.profile_id == ProjectProfile.id)
        .where(
            live(ProjectProfile),
            ProjectProfile.recommendation.is_distinct_from(Recommendation.drop),
        )
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    projects = [
        ProjectLine(pid, code, name, Decimal(cost or 0), Decimal(amount or 0))
        for pid, code, name, cost, amount in rows
    ]
    amounts = {
        (pid, int(year)): Decimal(amount)
        for pid, year, amount in session.execute(
            select(
                MultiYearProgramming.profile_id,
                MultiYearProgramming.year,
                MultiYearProgramming.amount,
            ).where(MultiYearProgramming.source_id == source_id, counted_programming())
        )
    }
    ceilings = {
        int(year): Decimal(amount)
        for year, amount in session.execute(
            select(SourceCeiling.year, SourceCeiling.amount).where(
                SourceCeiling.source_id == source_id, live(SourceCeiling)
            )
        )
    }
    period = plan_period(session)
    years = set(period.years if period else [])
    years.update(year for _p, year in amounts)
    years.update(ceilings)
    return SourceGrid(source_id, sorted(years), projects, amounts, ceilings, period)


def refuse_amount(grid: SourceGrid, profile_id: uuid.UUID, year: int, value: Decimal) -> str | None:
    """Why typing ``value`` in a cell is refused, or None.

    Refused: a bad amount; money in a year outside the plan period (clearing it is
    allowed); programming that would add up to more than the project's cost.
    """
    reason = validate.amount(value)
    if reason:
        return reason
    if value and grid.period is not None:
        reason = validate.year_in_period(year, grid.period.start, grid.period.end)
        if reason:
            return reason
    line = next((p for p in grid.projects if p.id == profile_id), None)
    if line is None:
        return _("that project no longer exists")
    programmed = line.programmed_all - grid.amount(profile_id, year) + value
    if line.cost and programmed > line.cost:
        return validate.funding_split(line.cost, [programmed])
    return None


def refuse_ceiling(grid: SourceGrid, year: int, value: Decimal | None) -> str | None:
    """Why a typed ceiling is refused (None clears it), or None."""
    if value is None:
        return None
    reason = validate.amount(value)
    if reason:
        return reason
    if grid.period is not None:
        return validate.year_in_period(year, grid.period.start, grid.period.end)
    return None


def programming_row(
    session: Session, profile_id: uuid.UUID, year: int, source_id: uuid.UUID
) -> MultiYearProgramming | None:
    """The row of one cell, tombstoned or not."""
    return session.scalars(
        select(MultiYearProgramming).where(
            MultiYearProgramming.profile_id == profile_id,
            MultiYearProgramming.year == year,
            MultiYearProgramming.source_id == source_id,
        )
    ).first()


def set_amount(
    session: Session, profile_id: uuid.UUID, year: int, source_id: uuid.UUID, amount: Decimal
) -> None:
    """Programme ``amount`` for one cell; zero removes the cell (a tombstone)."""
    row = programming_row(session, profile_id, year, source_id)
    if not amount:
        if row is not None and row.deleted_at is None:
            mark_deleted(row)
        return
    if row is None:
        session.add(
            MultiYearProgramming(
                profile_id=profile_id, year=year, source_id=source_id, amount=amount
            )
        )
    else:
        row.amount, row.deleted_at = amount, None
    session.flush()


def set_ceiling(session: Session, source_id: uuid.UUID, year: int, amount: Decimal | None) -> None:
    """Set one source's ceiling for one year; None removes it."""
    row = session.scalars(
        select(SourceCeiling).where(
            SourceCeiling.source_id == source_id, SourceCeiling.year == year
        )
    ).first()
    if amount is None:
        if row is not None and row.deleted_at is None:
            mark_deleted(row)
        return
    if row is None:
        session.add(SourceCeiling(source_id=source_id, year=year, amount=amount))
    else:
        row.amount, row.deleted_at = amount, None
    session.flush()


@dataclass(frozen=True)
class Cell:
    """Where a record of the programming is shown in the grid."""

    source_id: uuid.UUID
    year: int
    profile_id: uuid.UUID | None
    """None for a ceiling (the ceiling row)."""


def cell_of(session: Session, table: str, record_id: uuid.UUID) -> Cell | None:
    """The grid cell of a programming row, a ceiling, or a source (its first year with
    money and no ceiling, else the first year)."""
    if table == "multi_year_programming":
        row = session.get(MultiYearProgramming, record_id)
        return Cell(row.source_id, row.year, row.profile_id) if row is not None else None
    if table == "source_ceiling":
        ceiling = session.get(SourceCeiling, record_id)
        return Cell(ceiling.source_id, ceiling.year, None) if ceiling is not None else None
    if table != "funding_source":
        return None
    grid = source_grid(session, record_id)
    bare = [year for year in grid.years if grid.year_total(year) and year not in grid.ceilings]
    years = bare or grid.years
    return Cell(record_id, years[0], None) if years else None
