"""The five-year programming typed in the window (issue 6): one source's grid, the refusals
of a typed amount or ceiling, and the writes that reuse the one row kept per cell."""

from decimal import Decimal

from sqlalchemy import func, select

from planner_desktop.domain.projects import FundingSource, MultiYearProgramming, SourceCeiling
from planner_desktop.plan import programming
from planner_desktop.plan.totals import five_year_totals


def _source(session):
    """The source with the most programming in the demo."""
    return session.scalar(
        select(MultiYearProgramming.source_id).group_by(MultiYearProgramming.source_id)
        .order_by(func.count().desc(), MultiYearProgramming.source_id)
    )


def test_the_grid_of_a_source_matches_the_totals(store):
    with store.session() as session:
        source_id = _source(session)
        grid = programming.source_grid(session, source_id)
        totals = five_year_totals(session)
    assert grid.years == [2026, 2027, 2028, 2029, 2030]
    assert grid.projects, "every live profile is a row"
    for year in grid.years:
        cell = totals.cell(source_id, year)
        assert grid.year_total(year) == cell.programmed
        assert grid.ceilings.get(year) == cell.ceiling
        assert grid.remaining(year) == cell.remaining


def test_refusals_of_a_typed_amount(store):
    with store.session() as session:
        grid = programming.source_grid(session, _source(session))
    line = next(p for p in grid.projects if p.cost)
    assert programming.refuse_amount(grid, line.id, 2027, Decimal(-1)) == (
        "an amount cannot be negative")
    assert "outside the plan period" in programming.refuse_amount(
        grid, line.id, 2031, Decimal(5))
    assert programming.refuse_amount(grid, line.id, 2031, Decimal(0)) is None, (
        "clearing money outside the period is allowed")
    over = programming.refuse_amount(grid, line.id, 2027,
                                     grid.amount(line.id, 2027) + Decimal(1))
    assert over and "more than the cost" in over
    assert programming.refuse_amount(grid, line.id, 2027, Decimal(0)) is None
    assert "outside the plan period" in programming.refuse_ceiling(grid, 2025, Decimal(1))
    assert programming.refuse_ceiling(grid, 2027, None) is None


def test_set_amount_reuses_the_cell_and_zero_removes_it(store):
    with store.session() as session:
        source_id = _source(session)
        grid = programming.source_grid(session, source_id)
        line = grid.projects[0]
        programming.set_amount(session, line.id, 2029, source_id, Decimal("12.50"))
    with store.session() as session:
        programming.set_amount(session, line.id, 2029, source_id, Decimal(0))
    with store.session() as session:
        programming.set_amount(session, line.id, 2029, source_id, Decimal(7))
    with store.session() as session:
        rows = session.scalars(select(MultiYearProgramming).where(
            MultiYearProgramming.profile_id == line.id, MultiYearProgramming.year == 2029,
            MultiYearProgramming.source_id == source_id)).all()
        assert len(rows) == 1 and rows[0].deleted_at is None
        assert rows[0].amount == Decimal(7)
        assert programming.source_grid(session, source_id).amount(line.id, 2029) == 7


def test_set_ceiling_and_clear_it(store):
    with store.session() as session:
        source_id = session.scalar(select(FundingSource.id).order_by(FundingSource.code))
        programming.set_ceiling(session, source_id, 2028, Decimal(999))
    with store.session() as session:
        assert programming.source_grid(session, source_id).ceilings[2028] == 999
        programming.set_ceiling(session, source_id, 2028, None)
    with store.session() as session:
        assert 2028 not in programming.source_grid(session, source_id).ceilings
        assert session.scalar(select(func.count()).select_from(SourceCeiling).where(
            SourceCeiling.source_id == source_id, SourceCeiling.year == 2028)) == 1


def test_cell_of_each_programming_record(store):
    with store.session() as session:
        row = session.scalars(select(MultiYearProgramming)).first()
        assert programming.cell_of(session, "multi_year_programming", row.id) == (
            programming.Cell(row.source_id, row.year, row.profile_id))
        ceiling = session.scalars(select(SourceCeiling)).first()
        assert programming.cell_of(session, "source_ceiling", ceiling.id) == (
            programming.Cell(ceiling.source_id, ceiling.year, None))
        cell = programming.cell_of(session, "funding_source", ceiling.source_id)
        assert cell.source_id == ceiling.source_id and cell.profile_id is None
        assert programming.cell_of(session, "operation", row.id) is None
