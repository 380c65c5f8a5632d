"""Five-year totals per year × source against the ceilings, and per axis and programme."""

from decimal import Decimal

from sqlalchemy import select, text

from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.plan.totals import (
    SourceYear,
    element_totals,
    five_year_totals,
    programme_totals,
    top_totals,
    unassigned_total,
)
from tests.helpers import as_uuid
from tests.plan.helpers import first


def _cents(store, sql):
    with store.engine.connect() as conn:
        return {
            (as_uuid(row[0]), *row[1:-1]): Decimal(row[-1]) / 100
            for row in conn.execute(text(sql))
        }


def test_totals_per_year_and_source_match_the_programming_and_ceilings(store):
    with store.session() as session:
        totals = five_year_totals(session)
    assert totals.years == [2026, 2027, 2028, 2029, 2030]
    programmed = _cents(store, "SELECT source_id, year, sum(amount) "
                               "FROM multi_year_programming GROUP BY source_id, year")
    ceilings = _cents(store, "SELECT source_id, year, amount FROM source_ceiling")
    for source in totals.sources:
        for year in totals.years:
            key = (source.id, year)
            cell = totals.cell(source.id, year)
            assert cell.programmed == programmed.get(key, Decimal(0))
            assert cell.ceiling == ceilings[key]
            assert cell.remaining == ceilings[key] - cell.programmed
            assert not cell.over
    assert totals.total.programmed == sum(programmed.values())
    assert totals.total.ceiling == sum(ceilings.values())
    assert sum(totals.year_total(y).programmed for y in totals.years) == totals.total.programmed
    assert sum(totals.source_total(s.id).programmed for s in totals.sources) == \
        totals.total.programmed


def test_over_the_ceiling_shows_a_negative_remainder(store):
    with store.session() as session:
        row = first(session, MultiYearProgramming, order=MultiYearProgramming.year)
        before = five_year_totals(session).cell(row.source_id, row.year)
        row.amount += before.remaining + Decimal("10.00")
        session.flush()
        after = five_year_totals(session).cell(row.source_id, row.year)
    assert after.over and after.remaining == Decimal("-10.00")


def test_a_cell_without_ceiling():
    cell = SourceYear(Decimal(5))
    assert cell.remaining is None and not cell.over


def test_totals_at_every_level_add_up_to_the_programming(store):
    with store.session() as session:
        totals = five_year_totals(session)
        axes = top_totals(session)
        programs = programme_totals(session)
        every = element_totals(session)
        assert unassigned_total(session) == 0
    assert len(axes) == 5 and len(programs) > 10
    assert {a.level for a in axes} == {"Eje"} and {p.level for p in programs} == {"Programa"}
    assert sum(a.total for a in axes) == totals.total.programmed
    assert sum(p.total for p in programs) == totals.total.programmed
    by_depth = {}
    for branch in every:
        by_depth[branch.depth] = by_depth.get(branch.depth, 0) + branch.total
    assert set(by_depth.values()) == {totals.total.programmed}, "each level adds up to all"
    for branch in every:
        below = [b for b in every if b.parent_id == branch.id]
        if below:
            assert branch.total == sum(b.total for b in below)
    # each element comes before the elements below it
    seen = set()
    for branch in every:
        assert branch.parent_id is None or branch.parent_id in seen
        seen.add(branch.id)
    for year in totals.years:
        assert sum(a.per_year.get(year, 0) for a in axes) == totals.year_total(year).programmed


def test_money_of_a_profile_without_an_element_is_unassigned(store):
    with store.session() as session:
        planned = select(MultiYearProgramming.profile_id)
        profile = first(session, ProjectProfile, ProjectProfile.id.in_(planned),
                        order=ProjectProfile.code)
        profile.element_id = None
        session.flush()
        mine = sum(
            session.scalars(select(MultiYearProgramming.amount)
                            .where(MultiYearProgramming.profile_id == profile.id)),
            Decimal(0),
        )
        assert unassigned_total(session) == mine > 0
        assert sum(a.total for a in top_totals(session)) == \
            five_year_totals(session).total.programmed - mine
