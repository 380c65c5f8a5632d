"""Issue 13: one figure, one computation. The totals the window shows and the documents
print come from the same functions; cancelled operations, dropped profiles and tombstoned
communities are left out the same way everywhere."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from planner_desktop.domain import figures, summaries
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.enums import Recommendation
from planner_desktop.domain.projects import FundingSource, MultiYearProgramming, ProjectProfile
from planner_desktop.domain.territory import Community
from planner_desktop.plan.derive import derive_poa, split_target
from planner_desktop.plan.follow import operation_follow_up
from planner_desktop.plan.programming import source_grid
from planner_desktop.plan.totals import five_year_totals, top_totals, unassigned_total
from tests.plan.helpers import first, tombstone


def _plan(session) -> AnnualPlan:
    return first(session, AnnualPlan, order=AnnualPlan.fiscal_year)


def test_a_cancelled_operation_counts_nowhere(store):
    with store.session() as session:
        plan = _plan(session)
        operations = session.scalars(select(Operation).where(
            Operation.annual_plan_id == plan.id, Operation.deleted_at.is_(None))).all()
        cancelled = [o for o in operations if o.cancelled]
        assert cancelled, "the demo POA has a cancelled operation"
        counted = [o for o in operations if not o.cancelled]
        budget = figures.poa_budget(session, plan.id)
        assert budget.total == sum(o.budget for o in counted) < sum(o.budget for o in operations)
        assert budget.operations == len(counted) and budget.cancelled == len(cancelled)
        assert sum(budget.by_source.values()) == budget.total
        assert sum(budget.by_type.values()) == budget.total
        assert sum(u.amount for u in budget.by_unit.values()) == budget.total
        assert sum(u.operations for u in budget.by_unit.values()) == budget.operations
        screen = summaries.annual_summary(session, plan.id)
        assert (screen.budget, screen.operations, screen.cancelled) == (
            budget.total, budget.operations, budget.cancelled)
        followed = {f.id for f in operation_follow_up(session, plan.id)}
        assert followed == {o.id for o in counted}


def test_the_programming_counts_the_same_rows_everywhere(store):
    with store.session() as session:
        profile = first(session, ProjectProfile, ProjectProfile.id.in_(
            select(MultiYearProgramming.profile_id)), order=ProjectProfile.code)
        mine = sum(row.amount for row in session.scalars(select(MultiYearProgramming).where(
            MultiYearProgramming.profile_id == profile.id,
            MultiYearProgramming.deleted_at.is_(None))))
        before = summaries.programming_totals(session).total
        assert before == five_year_totals(session).total.programmed
        profile.recommendation = Recommendation.drop
        session.flush()
        after = summaries.programming_totals(session)
        assert after.total == before - mine > 0
        totals = five_year_totals(session)
        assert totals.total.programmed == after.total
        assert sum(p.total for p in top_totals(session)) + unassigned_total(session) \
            == after.total
        sources = session.scalars(select(FundingSource).where(
            FundingSource.deleted_at.is_(None))).all()
        grids = [source_grid(session, s.id) for s in sources]
        assert sum(g.total for g in grids) == after.total
        for grid in grids:
            for year in grid.years:
                assert grid.year_total(year) == totals.cell(grid.source_id, year).programmed
        shown = {p.id for g in grids for p in g.projects}
        assert profile.id not in shown
        assert all(p in shown for g in grids for p, _y in g.amounts), \
            "every amount the grid adds up is on a row it shows"
        source = sources[0]
        money_of_source = totals.source_total(source.id).programmed
        tombstone(source)
        session.flush()
        assert summaries.programming_totals(session).total == after.total - money_of_source


def test_population_by_district_adds_up_to_the_summary(store):
    with store.session() as session:
        community = first(session, Community, order=Community.name)
        by_district = figures.population_by_district(session)
        whole = figures.population(session)
        assert sum(p.women for p in by_district.values()) == whole.women
        summary = summaries.territory_summary(session)
        assert (summary.women, summary.men, summary.families, summary.communities) == (
            whole.women, whole.men, whole.families, whole.communities)
        one = summaries.territory_summary(session, district_id=community.district_id)
        assert one.population == by_district[community.district_id].total
        tombstone(community)
        session.flush()
        assert figures.population(session).women == whole.women - community.population_women


def test_population_by_sex_and_by_age_agree_or_not():
    assert figures.Population(women=5, men=5, children=4, adults=6).agrees
    assert not figures.Population(women=5, men=5).agrees, "the form refuses it too"
    assert not figures.Population(women=6, men=5, children=4, adults=6).agrees


def test_a_target_is_split_by_share_of_funding():
    shares = [Decimal(500), Decimal(300), Decimal(200)]
    assert split_target("227", shares) == ["114", "68", "45"]
    assert split_target("12,5", [Decimal(1), Decimal(1)]) == ["6,3", "6,2"]
    assert split_target("1", [Decimal(1)] * 3) == ["1", "0", "0"]
    assert split_target("85 %", shares) == ["85 %"] * 3, "a rate is not divided"
    assert split_target("", shares) == [""] * 3
    assert split_target("227", [Decimal(7)]) == ["227"]


def test_a_derived_poa_counts_a_project_target_once(store):
    """Regression for issue 13: three operations × 227 km of road."""
    year = 2028
    with store.session() as session:
        rows = session.scalars(select(MultiYearProgramming).where(
            MultiYearProgramming.year == year, MultiYearProgramming.deleted_at.is_(None))).all()
        by_profile: dict = {}
        for row in rows:
            by_profile.setdefault(row.profile_id, []).append(row)
        profile_id = next(p for p, own in by_profile.items() if len(own) >= 2)
        from planner_desktop.domain.projects import Indicator, IndicatorTarget

        targets = session.scalars(select(IndicatorTarget).join(Indicator).where(
            Indicator.profile_id == profile_id, IndicatorTarget.year == year)).all()
        for target in targets:
            target.target = "227"
        session.flush()
        plan = derive_poa(session, year)
        operations = session.scalars(select(Operation).where(
            Operation.annual_plan_id == plan.id, Operation.profile_id == profile_id)).all()
        assert len(operations) == len(by_profile[profile_id]) >= 2
        assert sum(Decimal(o.target) for o in operations) == 227
        biggest = max(operations, key=lambda o: o.budget)
        assert Decimal(biggest.target) == max(Decimal(o.target) for o in operations)


def test_communities_whose_two_population_totals_differ(store):
    with store.session() as session:
        assert figures.population_disagreements(session) == []
        community = first(session, Community, order=Community.name)
        community.population_women += 5
        session.flush()
        found = figures.population_disagreements(session)
        assert [(d.id, d.by_sex - d.by_age) for d in found] == [(community.id, 5)]
        other = figures.population_disagreements(session, Community.id != community.id)
        assert other == []
