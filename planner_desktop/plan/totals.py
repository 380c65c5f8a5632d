"""Five-year totals for the PDM page and the reports: programming per year × source against
the ceilings, and per axis and programme. Money counts as
:func:`~planner_desktop.domain.figures.counted_programming` says (the same rows as every
other total of the programming)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.projects import (
    FundingSource,
    MultiYearProgramming,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.domain.strategy import Axis, Program
from planner_desktop.plan.scope import live, plan_period, program_chain

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class SourceRef:
    id: uuid.UUID
    code: str
    name: str
    funder: str


@dataclass(frozen=True)
class SourceYear:
    """What one source gives in one year: programmed against its ceiling."""

    programmed: Decimal = ZERO
    ceiling: Decimal | None = None
    """None when no ceiling is set for that year."""

    @property
    def remaining(self) -> Decimal | None:
        """Room left under the ceiling (negative when over), None without a ceiling."""
        return None if self.ceiling is None else self.ceiling - self.programmed

    @property
    def over(self) -> bool:
        return self.ceiling is not None and self.programmed > self.ceiling


@dataclass(frozen=True)
class FiveYearTotals:
    """The programming table: a cell per (source id, year)."""

    years: list[int]
    sources: list[SourceRef]
    cells: dict[tuple[uuid.UUID, int], SourceYear] = field(default_factory=dict)

    def cell(self, source_id: uuid.UUID, year: int) -> SourceYear:
        return self.cells.get((source_id, year), SourceYear())

    def year_total(self, year: int) -> SourceYear:
        """All sources in one year; the ceiling counts the sources that have one."""
        return _add(self.cell(source.id, year) for source in self.sources)

    def source_total(self, source_id: uuid.UUID) -> SourceYear:
        return _add(self.cell(source_id, year) for year in self.years)

    @property
    def total(self) -> SourceYear:
        return _add(self.cells.values())


def _add(cells: Iterable[SourceYear]) -> SourceYear:
    programmed, ceiling, any_ceiling = ZERO, ZERO, False
    for cell in cells:
        programmed += cell.programmed
        if cell.ceiling is not None:
            ceiling += cell.ceiling
            any_ceiling = True
    return SourceYear(programmed, ceiling if any_ceiling else None)


def five_year_totals(session: Session) -> FiveYearTotals:
    """Programming per funding source and year, with ceilings and what remains.

    The years are those of the plan period plus any year that holds programming or a ceiling.
    """
    programmed = session.execute(
        select(
            MultiYearProgramming.source_id,
            MultiYearProgramming.year,
            func.sum(MultiYearProgramming.amount),
        )
        .where(counted_programming())
        .group_by(MultiYearProgramming.source_id, MultiYearProgramming.year)
    ).all()
    ceilings = session.execute(
        select(SourceCeiling.source_id, SourceCeiling.year, SourceCeiling.amount).where(
            live(SourceCeiling)
        )
    ).all()
    sources = [
        SourceRef(*row)
        for row in session.execute(
            select(FundingSource.id, FundingSource.code, FundingSource.name, FundingSource.funder)
            .where(live(FundingSource))
            .order_by(FundingSource.code)
        )
    ]
    known = {source.id for source in sources}
    amounts = {(s, int(y)): a or ZERO for s, y, a in programmed if s in known}
    limits = {(s, int(y)): a for s, y, a in ceilings if s in known}
    period = plan_period(session)
    years = set(period.years if period else [])
    years.update(year for _s, year in (*amounts, *limits))
    cells = {
        key: SourceYear(amounts.get(key, ZERO), limits.get(key))
        for key in {*amounts, *limits}
    }
    return FiveYearTotals(sorted(years), sources, cells)


@dataclass(frozen=True)
class BranchTotal:
    """Money programmed under one axis or programme, per year."""

    id: uuid.UUID
    code: str
    name: str
    per_year: dict[int, Decimal]
    parent_id: uuid.UUID | None = None
    """The axis of a programme."""

    @property
    def total(self) -> Decimal:
        return sum(self.per_year.values(), ZERO)


def _per_program_year(session: Session) -> dict[uuid.UUID | None, dict[int, Decimal]]:
    rows = session.execute(
        select(
            ProjectProfile.program_id,
            MultiYearProgramming.year,
            func.sum(MultiYearProgramming.amount),
        )
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(counted_programming())
        .group_by(ProjectProfile.program_id, MultiYearProgramming.year)
    ).all()
    result: dict[uuid.UUID | None, dict[int, Decimal]] = {}
    for program_id, year, amount in rows:
        result.setdefault(program_id, {})[int(year)] = amount or ZERO
    return result


def program_totals(session: Session) -> list[BranchTotal]:
    """Every programme of the current frame (with or without money), by axis and code."""
    period = plan_period(session)
    if period is None:
        return []
    chain = program_chain().subquery()
    rows = session.execute(
        select(Program.id, Program.code, Program.name, chain.c.axis_id)
        .join(chain, chain.c.program_id == Program.id)
        .join(Axis, Axis.id == chain.c.axis_id)
        .where(chain.c.frame_id == period.frame_id)
        .order_by(Axis.position, Axis.code, Program.code)
    ).all()
    money = _per_program_year(session)
    return [
        BranchTotal(program_id, code, name, dict(money.get(program_id, {})), axis_id)
        for program_id, code, name, axis_id in rows
    ]


def axis_totals(session: Session) -> list[BranchTotal]:
    """Every axis of the current frame with the money of its programmes."""
    period = plan_period(session)
    if period is None:
        return []
    per_axis: dict[uuid.UUID, dict[int, Decimal]] = {}
    for program in program_totals(session):
        assert program.parent_id is not None
        years = per_axis.setdefault(program.parent_id, {})
        for year, amount in program.per_year.items():
            years[year] = years.get(year, ZERO) + amount
    rows = session.execute(
        select(Axis.id, Axis.code, Axis.name)
        .where(Axis.frame_id == period.frame_id, live(Axis))
        .order_by(Axis.position, Axis.code)
    ).all()
    return [BranchTotal(a, code, name, per_axis.get(a, {})) for a, code, name in rows]


def unassigned_total(session: Session) -> Decimal:
    """Programmed money of profiles that reach no axis (no programme, or a broken chain)."""
    reached = {program.id for program in program_totals(session)}
    money = _per_program_year(session)
    return sum(
        (sum(years.values(), ZERO) for pid, years in money.items() if pid not in reached), ZERO
    )
