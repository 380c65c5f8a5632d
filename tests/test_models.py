"""Model constraints and relations."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import AgeGroup, Group, ScoreState
from planner_desktop.domain.plan import Plan, PlanElement, PlanLevel, SdgLink
from planner_desktop.domain.territory import Community, District, Municipality, Sector
from tests.helpers import new_store


@pytest.fixture
def store(empty_target):
    """An empty database on each backend: the constraints are the database's own."""
    store = new_store(empty_target)
    yield store
    store.close()


@pytest.fixture
def territory(store):
    with store.session() as s:
        m = Municipality(name="San Benito", department="Cochabamba")
        s.add(m)
        s.flush()
        d2 = District(municipality_id=m.id, code="D2", name="Valle Alto")
        d1 = District(municipality_id=m.id, code="D1", name="Centro")
        s.add_all([d2, d1])
        s.flush()
        c = Community(district_id=d1.id, code="C1", name="Ñuñumayu", population_women=120)
        sector = Sector(municipality_id=m.id, code="agua", name="Agua y saneamiento")
        s.add_all([c, sector])
        s.flush()
        return {"municipality": m.id, "district": d1.id, "community": c.id, "sector": sector.id}


def test_relations_follow_the_territory(store, territory):
    with store.session() as s:
        m = s.get(Municipality, territory["municipality"])
        assert [d.code for d in m.districts] == ["D1", "D2"]
        assert m.districts[0].communities[0].name == "Ñuñumayu"
        assert m.districts[0].communities[0].district.municipality.name == "San Benito"


def test_negative_population_is_refused(store, territory):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(Community(district_id=territory["district"], code="X", name="X", population_men=-1))


def test_foreign_keys_are_enforced(store):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(District(municipality_id=uuid.uuid4(), code="D9", name="Sin municipio"))


@pytest.fixture
def area(store, territory):
    with store.session() as s:
        area = AssessmentArea(municipality_id=territory["municipality"], name="Planificación")
        s.add(area)
        s.flush()
        return area.id


def test_percentage_outside_0_100_is_refused(store, area):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(AssessmentScore(area_id=area, year=2026, percentage=Decimal("100.01")))


def test_a_score_keeps_two_decimals_exactly(store, area):
    with store.session() as s:
        s.add(AssessmentScore(area_id=area, year=2026, percentage=Decimal("86.55")))
    with store.session() as s:
        score = s.scalars(select(AssessmentScore)).one()
        assert (score.state, score.percentage) == (ScoreState.scored, Decimal("86.55"))


@pytest.mark.parametrize(
    ("state", "percentage"),
    [(ScoreState.scored, None), (ScoreState.not_evaluated, Decimal("50"))],
)
def test_a_percentage_is_there_exactly_when_the_area_was_scored(store, area, state, percentage):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(AssessmentScore(area_id=area, year=2026, state=state, percentage=percentage))


def test_one_score_per_area_and_year(store, area):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(AssessmentScore(area_id=area, year=2026, state=ScoreState.not_applicable))
        s.flush()
        s.add(AssessmentScore(area_id=area, year=2026, percentage=Decimal("10")))


def test_unknown_enum_value_is_refused(store, territory):
    with pytest.raises((StatementError, LookupError)), store.session() as s:
        s.add(
            Demand(
                community_id=territory["community"],
                sector_id=territory["sector"],
                code="D-1",
                description="Agua",
                raising_group="aliens",
            )
        )


def test_money_is_exact_to_the_cent(store, territory):
    with store.session() as s:
        s.add(
            Demand(
                community_id=territory["community"],
                sector_id=territory["sector"],
                code="D-1",
                description="Sistema de agua potable",
                raising_group=Group.women,
                estimated_cost=Decimal("1234567.89"),
            )
        )
    with store.session() as s:
        demand = s.scalars(select(Demand)).one()
        assert demand.estimated_cost == Decimal("1234567.89")
        assert demand.raising_group is Group.women


def test_negative_cost_is_refused(store, territory):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(
            Demand(
                community_id=territory["community"],
                sector_id=territory["sector"],
                code="D-2",
                description="Camino",
                estimated_cost=Decimal("-5"),
            )
        )


@pytest.fixture
def plan(store, territory):
    with store.session() as s:
        plan = Plan(municipality_id=territory["municipality"], start_year=2026, end_year=2030)
        s.add(plan)
        s.flush()
        names = ("Eje", "Objetivo", "Política", "Lineamiento", "Programa")
        s.add_all(PlanLevel(plan_id=plan.id, depth=d, name=n) for d, n in enumerate(names, 1))
        return plan.id


def test_the_plan_is_a_tree_of_elements_by_level(store, plan, territory):
    with store.session() as s:
        axis = PlanElement(plan_id=plan, depth=1, code="E1", name="Desarrollo humano")
        s.add(axis)
        s.flush()
        objective = PlanElement(plan_id=plan, parent_id=axis.id, depth=2, code="O1", name="Agua")
        s.add(objective)
        s.flush()
        policy = PlanElement(plan_id=plan, parent_id=objective.id, depth=3, code="P1", name="P")
        s.add(policy)
        s.flush()
        s.add(
            PlanElement(  # a programme straight under a policy: no lineamiento between
                plan_id=plan,
                parent_id=policy.id,
                depth=5,
                code="PR1",
                name="Agua para todos",
                sector_id=territory["sector"],
            )
        )
    with store.session() as s:
        found = s.get(Plan, plan)
        assert [level.name for level in found.levels][-1] == "Programa"
        program = s.scalars(select(PlanElement).where(PlanElement.depth == 5)).one()
        parent = s.get(PlanElement, program.parent_id)
        assert (parent.code, parent.depth) == ("P1", 3)


def test_a_level_deeper_than_six_is_refused(store, plan):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(PlanElement(plan_id=plan, depth=7, code="X", name="Demasiado hondo"))


def test_one_name_per_level_of_a_plan(store, plan):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(PlanLevel(plan_id=plan, depth=1, name="Pilar"))


def test_an_sdg_link_is_of_the_plan_or_of_one_element(store, plan):
    with store.session() as s:
        s.add(SdgLink(plan_id=plan, sdg=6))
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(SdgLink(sdg=6))
    with pytest.raises(IntegrityError), store.session() as s:
        axis = PlanElement(plan_id=plan, depth=1, code="E1", name="Eje")
        s.add(axis)
        s.flush()
        s.add(SdgLink(plan_id=plan, element_id=axis.id, sdg=6))


def test_plan_period_must_be_ordered(store, territory):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(Plan(municipality_id=territory["municipality"], start_year=2030, end_year=2026))


@pytest.mark.parametrize(
    ("age", "group"),
    [
        (5, AgeGroup.child),
        (16, AgeGroup.youth),
        (28, AgeGroup.youth),
        (29, AgeGroup.adult),
        (59, AgeGroup.adult),
        (60, AgeGroup.elder),
    ],
)
def test_age_groups_follow_the_bolivian_convention(age, group):
    assert AgeGroup.from_age(age) is group


def test_event_date_is_a_date(store, territory):
    from planner_desktop.domain.enums import EventKind
    from planner_desktop.domain.events import Event

    with store.session() as s:
        s.add(
            Event(
                municipality_id=territory["municipality"],
                kind=EventKind.summit,
                title="Cumbre municipal",
                date=datetime.date(2026, 5, 20),
            )
        )
    with store.session() as s:
        assert s.scalars(select(Event)).one().date == datetime.date(2026, 5, 20)
