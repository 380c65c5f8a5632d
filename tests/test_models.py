"""Model constraints and relations."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, StatementError

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import InstitutionalScore
from planner_desktop.domain.enums import AgeGroup, Group, PolicyKind
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program, StrategicFrame
from planner_desktop.domain.territory import Community, District, Municipality, Sector
from tests.helpers import new_store


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "m.sqlite")
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


def test_percentage_outside_0_100_is_refused(store, territory):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(
            InstitutionalScore(
                municipality_id=territory["municipality"],
                area="Planificación",
                year=2026,
                percentage=130,
            )
        )


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


def test_strategic_hierarchy_with_guidelines(store, territory):
    with store.session() as s:
        frame = StrategicFrame(
            municipality_id=territory["municipality"],
            start_year=2026,
            end_year=2030,
            vision="Un municipio productivo",
        )
        s.add(frame)
        s.flush()
        axis = Axis(frame_id=frame.id, code="E1", name="Desarrollo humano")
        s.add(axis)
        s.flush()
        objective = Objective(axis_id=axis.id, code="O1", name="Acceso a servicios")
        s.add(objective)
        s.flush()
        policy = Policy(objective_id=objective.id, code="P1", name="Agua segura")
        s.add(policy)
        s.flush()
        guideline = Policy(
            objective_id=objective.id,
            parent_id=policy.id,
            code="L1",
            name="Sistemas por gravedad",
            kind=PolicyKind.guideline,
        )
        s.add(guideline)
        s.flush()
        s.add(
            Program(
                policy_id=policy.id,
                code="PR1",
                name="Agua para todos",
                sector_id=territory["sector"],
            )
        )
    with store.session() as s:
        frame = s.scalars(select(StrategicFrame)).one()
        objective = frame.axes[0].objectives[0]
        assert [p.code for p in objective.policies] == ["P1"], "guidelines hang under policies"
        assert [g.code for g in objective.policies[0].children] == ["L1"]
        assert objective.policies[0].programs[0].name == "Agua para todos"


def test_strategic_frame_period_must_be_ordered(store, territory):
    with pytest.raises(IntegrityError), store.session() as s:
        s.add(
            StrategicFrame(
                municipality_id=territory["municipality"], start_year=2030, end_year=2026
            )
        )


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
