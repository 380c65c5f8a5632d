"""The plan's annexes typed by a person: work plan, agreement, team, pacts, the municipal
structure and actors by phase; each refusal names its field and writes nothing (issue 14)."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from planner_desktop.capture import actor_roles, org_units, plan_records, records
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.enums import ActorPhase, OrganizationKind, UnitKind
from planner_desktop.domain.plan import (
    ActorRole,
    Agreement,
    OrgUnit,
    Pact,
    PlanElement,
    PlanLevel,
    TeamMember,
    WorkActivity,
)
from planner_desktop.domain.projects import ProjectProfile
from tests.capture.annex_setup import annex_store, municipality_and_plan, municipality_only


@pytest.fixture
def store(tmp_path):
    store = annex_store(tmp_path / "annex.sqlite")
    yield store
    store.close()


def test_no_plan_yet_then_the_latest_one(store):
    with store.session() as s:
        assert plan_records.current_plan(s) is None
    _municipality, plan = municipality_and_plan(store)
    with store.session() as s:
        assert plan_records.current_plan(s).id == plan


def test_a_work_activity_is_checked_and_placed_last(store):
    _municipality, plan = municipality_and_plan(store)
    with store.session() as s:
        values = plan_records.work_activity_values(
            s, plan, " Talleres   comunales ", "3/2/2026", "2026-04-30", "Equipo técnico"
        )
    assert values["activity"] == "Talleres comunales"
    assert (values["start_date"], values["end_date"]) == (date(2026, 3, 2), date(2026, 4, 30))
    assert values["position"] == 0
    records.create(store, WorkActivity, values)
    with store.session() as s:
        again = plan_records.work_activity_values(s, plan, "Cumbre")
    assert again["position"] == 1 and again["start_date"] is None


@pytest.mark.parametrize(
    ("args", "field", "says"),
    [
        (("  ",), "activity", "Activity: write it."),
        (("Taller", "2026-04-30", "2026-03-02"), "end_date", "End: 3/2/2026 is before the start"),
        (("Taller", "2/31/2026"), "start_date", 'Start: "2/31/2026" is not a date'),
        (("Taller", None, "mañana"), "end_date", 'End: "mañana" is not a date'),
        (("Taller", None, None, "x" * 201), "responsible", "Responsible: at most 200"),
    ],
)
def test_a_bad_work_activity_is_refused_naming_the_field(store, args, field, says):
    _municipality, plan = municipality_and_plan(store)
    with store.session() as s, pytest.raises(FieldRefused) as refused:
        plan_records.work_activity_values(s, plan, *args)
    assert refused.value.field == field
    assert str(refused.value).startswith(says) and "\n" not in str(refused.value)


def test_an_end_before_the_start_names_the_end_with_both_dates():
    with pytest.raises(FieldRefused) as refused:
        plan_records.check_dates(date(2026, 4, 30), date(2026, 3, 2))
    assert str(refused.value) == "End: 3/2/2026 is before the start (4/30/2026)."
    plan_records.check_dates(date(2026, 3, 2), date(2026, 3, 2))
    plan_records.check_dates(None, date(2026, 3, 2))


def test_agreement_and_team_member(store):
    _municipality, plan = municipality_and_plan(store)
    agreement = plan_records.agreement_values(
        plan, "Convenio GAM – Fundación", "GAM\tFundación", "2026-01-15", "Alcalde"
    )
    assert agreement["parties"] == "GAM Fundación"
    assert agreement["signed_on"] == date(2026, 1, 15)
    records.create(store, Agreement, agreement)
    with pytest.raises(FieldRefused) as refused:
        plan_records.agreement_values(plan, "")
    assert refused.value.field == "title"
    with pytest.raises(FieldRefused) as refused:
        plan_records.agreement_values(plan, "Convenio", signed_on="ayer")
    assert refused.value.field == "signed_on"
    with store.session() as s:
        member = plan_records.team_member_values(s, plan, "Ana Quispe", "Coordinadora", "GAM")
        assert member["position"] == 0
        with pytest.raises(FieldRefused) as refused:
            plan_records.team_member_values(s, plan, " ")
        assert str(refused.value) == "Name: write it."
    records.create(store, TeamMember, member)


def test_a_pact_needs_an_organisation_and_shows_elements_with_their_level(store):
    municipality, plan = municipality_and_plan(store)
    organization = records.create(
        store,
        Organization,
        {"municipality_id": municipality, "name": "Fundación Agua", "kind": OrganizationKind.ngo},
    )
    for depth, name in ((1, "Eje"), (2, "Objetivo")):
        records.create(store, PlanLevel, {"plan_id": plan, "depth": depth, "name": name})
    axis = records.create(
        store, PlanElement, {"plan_id": plan, "depth": 1, "code": "1", "name": "Agua"}
    )
    goal = records.create(
        store,
        PlanElement,
        {"plan_id": plan, "parent_id": axis, "depth": 2, "code": "1.1", "name": "Riego"},
    )
    with store.session() as s:
        assert plan_records.element_choices(s, plan) == [
            (axis, "Eje 1 Agua"),
            (goal, "Objetivo 1.1 Riego"),
        ]
    with pytest.raises(FieldRefused) as refused:
        plan_records.pact_values(plan, None, "Aporte")
    assert str(refused.value) == "Organization: choose one."
    with pytest.raises(FieldRefused) as refused:
        plan_records.pact_values(plan, organization, "Aporte", None, "", "2027", "")
    assert refused.value.field == "start_date"
    with pytest.raises(FieldRefused) as refused:
        plan_records.pact_values(plan, organization, "x", goal, "", "2027-06-01", "2027-01-01")
    assert refused.value.field == "end_date"
    values = plan_records.pact_values(plan, organization, "Riego", goal, "Bs 100.000")
    pact = records.create(store, Pact, values)
    with store.session() as s:
        assert s.get(Pact, pact).element_id == goal


def test_lists_are_reordered_in_one_step(store):
    _municipality, plan = municipality_and_plan(store)
    ids = []
    for name in ("Uno", "Dos", "Tres"):
        with store.session() as s:
            values = plan_records.team_member_values(s, plan, name)
        ids.append(records.create(store, TeamMember, values))

    def names() -> list[str]:
        with store.session() as s:
            query = select(TeamMember.name).order_by(TeamMember.position)
            return list(s.scalars(query.where(TeamMember.deleted_at.is_(None))))

    assert plan_records.move(store, TeamMember, ids[2], -1)
    assert names() == ["Uno", "Tres", "Dos"]
    assert not plan_records.move(store, TeamMember, ids[0], -1)
    assert plan_records.move(store, TeamMember, ids[2], 1)
    assert names() == ["Uno", "Dos", "Tres"]


def test_units_nest_move_and_are_deleted_only_when_unused(store):
    municipality, plan = municipality_and_plan(store)
    with store.session() as s:
        top = org_units.unit_values(s, municipality, "Secretaría de Planificación")
    assert top["kind"] is UnitKind.secretariat
    secretariat = records.create(store, OrgUnit, top)
    with store.session() as s:
        under = org_units.unit_values(s, municipality, "Dirección de Obras", secretariat)
    assert under["kind"] is UnitKind.directorate
    directorate = records.create(store, OrgUnit, under)
    with store.session() as s:
        deeper = org_units.unit_values(s, municipality, "Unidad de Riego", directorate)
        assert deeper["kind"] is UnitKind.unit
        with pytest.raises(FieldRefused) as refused:
            org_units.unit_values(s, municipality, "  ")
        assert str(refused.value) == "Unit name: write a name."
    unit = records.create(store, OrgUnit, deeper)
    with pytest.raises(FieldRefused) as refused:
        org_units.move_under(store, secretariat, unit)
    assert refused.value.field == "parent_id"
    place = org_units.move_under(store, unit, None)
    with store.session() as s:
        tree = org_units.unit_tree(s, municipality)
    assert [node.name for node in tree] == ["Secretaría de Planificación", "Unidad de Riego"]
    assert [child.name for child in tree[0].children] == ["Dirección de Obras"]
    org_units.place_back(store, unit, place)
    with store.session() as s:
        assert s.get(OrgUnit, unit).parent_id == directorate
    records.create(
        store,
        PlanElement,
        {"plan_id": plan, "depth": 1, "code": "1", "name": "Agua", "unit_id": unit},
    )
    from planner_desktop.capture import deletion

    with pytest.raises(deletion.DependentsExist):
        deletion.delete(store, OrgUnit, unit)
    with pytest.raises(deletion.DependentsExist):
        deletion.delete(store, OrgUnit, secretariat)
    assert ProjectProfile.unit_id is not None


def test_roles_by_phase_are_one_row_each_and_undone_by_writing_back(store):
    municipality = municipality_only(store)
    values = actor_roles.organization_values(municipality, "  Fundación   Agua ")
    assert values["name"] == "Fundación Agua" and values["kind"] is OrganizationKind.other
    with pytest.raises(FieldRefused) as refused:
        actor_roles.organization_values(municipality, " ")
    assert str(refused.value) == "Organization: write a name."
    organization = records.create(store, Organization, values)
    planning = ActorPhase.planning
    assert actor_roles.set_role(store, organization, planning, "Control\tsocial") == ""
    assert actor_roles.set_role(store, organization, planning, "Convoca") == "Control social"
    assert actor_roles.set_role(store, organization, ActorPhase.follow_up, "") == ""
    with store.session() as s:
        rows = list(s.scalars(select(ActorRole)))
        assert [(r.phase, r.role) for r in rows] == [(planning, "Convoca")]
        assert rows[0].base_version_id is not None
        matrix = actor_roles.roles_matrix(s, municipality)
    assert matrix[0].name == "Fundación Agua" and matrix[0].roles == {planning: "Convoca"}
    with pytest.raises(LookupError):
        actor_roles.set_role(store, uuid.uuid4(), planning, "x")
