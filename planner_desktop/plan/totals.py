"""Five-year totals for the PDM page and the reports: programming per year × source against
the ceilings, and under each element of the plan at every level. Money counts as
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
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import PlanTree, live, plan_period, plan_tree

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
            .order_by(bytewise(FundingSource.code), FundingSource.id)
        )
    ]
    known = {source.id for source in sources}
    amounts = {(s, int(y)): a or ZERO for s, y, a in programmed if s in known}
    limits = {(s, int(y)): a for s, y, a in ceilings if s in known}
    period = plan_period(session)
    years = set(period.years if period else [])
    years.update(year for _s, year in (*amounts, *limits))
    cells = {
        key: SourceYear(amounts.get(key, ZERO), limits.get(key)) for key in {*amounts, *limits}
    }
    return FiveYearTotals(sorted(years), sources, cells)


@dataclass(frozen=True)
class BranchTotal:
    """Money programmed under one element of the plan, per year: the projects that hang
    from it and from every element below it."""

    id: uuid.UUID
    code: str
    name: str
    per_year: dict[int, Decimal]
    parent_id: uuid.UUID | None = None
    depth: int = 1
    level: str = ""
    """The name of the element's level (*Programa*)."""

    @property
    def total(self) -> Decimal:
        return sum(self.per_year.values(), ZERO)


def money_by_element(session: Session) -> dict[uuid.UUID | None, dict[int, Decimal]]:
    """Counted programming per year of the profiles hanging from each element (the
    element the profile names, not the ones above it); ``None`` for profiles with none."""
    rows = session.execute(
        select(
            ProjectProfile.element_id,
            MultiYearProgramming.year,
            func.sum(MultiYearProgramming.amount),
        )
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(counted_programming())
        .group_by(ProjectProfile.element_id, MultiYearProgramming.year)
    ).all()
    result: dict[uuid.UUID | None, dict[int, Decimal]] = {}
    for element_id, year, amount in rows:
        result.setdefault(element_id, {})[int(year)] = amount or ZERO
    return result


def sums_under(
    tree: PlanTree, money: dict[uuid.UUID | None, dict[int, Decimal]]
) -> dict[uuid.UUID, dict[int, Decimal]]:
    """For every element of ``tree``: per year, the money of its own projects plus that of
    every element below it (money of an element outside the tree reaches no one)."""
    sums: dict[uuid.UUID, dict[int, Decimal]] = {node_id: {} for node_id in tree.nodes}
    for element_id, years in money.items():
        for node in tree.chain(element_id):
            into = sums[node.id]
            for year, amount in years.items():
                into[year] = into.get(year, ZERO) + amount
    return sums


def element_totals(session: Session, depth: int | None = None) -> list[BranchTotal]:
    """Every live element of the current plan (or only those of ``depth``), each followed
    by the elements below it, with the money programmed under it per year."""
    tree = plan_tree(session)
    if tree is None:
        return []
    sums = sums_under(tree, money_by_element(session))
    return [
        BranchTotal(
            node.id,
            node.code,
            node.name,
            sums[node.id],
            node.parent_id,
            node.depth,
            tree.level_name(node.depth),
        )
        for node in tree.in_order()
        if depth is None or node.depth == depth
    ]


def programme_totals(session: Session) -> list[BranchTotal]:
    """The elements of the plan's deepest level (its programmes) with their money."""
    tree = plan_tree(session)
    return element_totals(session, tree.deepest) if tree is not None else []


def top_totals(session: Session) -> list[BranchTotal]:
    """The elements of the plan's top level (its ejes) with the money under each."""
    return element_totals(session, 1)


def unassigned_total(session: Session) -> Decimal:
    """Programmed money of profiles that reach no element of the top level (no element, an
    element of another plan, or a broken chain): with :func:`top_totals` it adds up to all
    the counted programming."""
    tree = plan_tree(session)
    money = money_by_element(session)
    attached = (
        {node_id for node_id, node in tree.nodes.items() if tree.attached(node)} if tree else set()
    )
    return sum(
        (sum(years.values(), ZERO) for eid, years in money.items() if eid not in attached), ZERO
    )
