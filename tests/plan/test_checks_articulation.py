"""The strategy articulated with the investment plan, sector policies and the structure:
each check triggers on a gap and is silent once it is closed."""

from sqlalchemy import select

from planner_desktop.domain.plan import OrgUnit, PlanElement
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.plan.findings import Severity
from tests.plan.helpers import findings, first, programme, tombstone


def _ids(store, code):
    return {f.record_id: f.severity for f in findings(store, code)}


def _funded_programme(session):
    """A programme with a project that has money in the programming."""
    funded = select(ProjectProfile.element_id).join(
        MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id
    )
    return first(
        session,
        PlanElement,
        PlanElement.depth == 5,
        PlanElement.id.in_(funded),
        order=PlanElement.code,
    )


def test_a_programme_without_projects_until_one_hangs_from_it(store):
    flagged = findings(store, "element-without-projects")
    assert flagged and all(f.table == "plan_element" for f in flagged)
    assert all(f.severity is Severity.warning for f in flagged)
    assert "has no project" in flagged[0].message and flagged[0].message.startswith("Programa ")
    element_id = flagged[0].record_id
    with store.session() as session:
        profile = first(session, ProjectProfile, order=ProjectProfile.code)
        profile.element_id = element_id
    assert element_id not in _ids(store, "element-without-projects")


def test_a_programme_whose_projects_have_no_programming(store):
    with store.session() as session:
        element = _funded_programme(session)
        element_id = element.id
    assert element_id not in _ids(store, "element-without-programming")
    with store.session() as session:
        projects = select(ProjectProfile.id).where(ProjectProfile.element_id == element_id)
        tombstone(
            *session.scalars(
                select(MultiYearProgramming).where(MultiYearProgramming.profile_id.in_(projects))
            )
        )
    assert _ids(store, "element-without-programming")[element_id] is Severity.warning
    assert element_id not in _ids(store, "element-without-projects")


def test_a_programme_without_a_sector(store):
    assert not findings(store, "element-without-sector")
    with store.session() as session:
        element = programme(session)
        element.sector_id = None
        element_id = element.id
    found = findings(store, "element-without-sector")
    assert [(f.record_id, f.severity) for f in found] == [(element_id, Severity.warning)]
    assert "sector policy" in found[0].message


def test_a_programme_without_a_unit_or_with_a_deleted_one(store):
    assert not findings(store, "element-without-unit")
    with store.session() as session:
        first_one = programme(session, "PR01")
        second = programme(session, "PR02")
        first_one.unit_id = None
        tombstone(session.get(OrgUnit, second.unit_id))
        siblings = set(
            session.scalars(select(PlanElement.id).where(PlanElement.unit_id == second.unit_id))
        )
        ids = first_one.id, second.id
    found = _ids(store, "element-without-unit")
    assert set(found) == {ids[0]} | siblings and ids[1] in found
    assert set(found.values()) == {Severity.warning}


def test_a_top_level_element_without_budget(store):
    assert not findings(store, "element-without-budget")
    with store.session() as session:
        axis = first(session, PlanElement, PlanElement.depth == 1, order=PlanElement.code)
        empty = PlanElement(
            plan_id=axis.plan_id, depth=1, code="E9", name="Eje sin presupuesto", position=9
        )
        session.add(empty)
        session.flush()
        axis_id, empty_id = axis.id, empty.id
    found = _ids(store, "element-without-budget")
    assert found == {empty_id: Severity.warning}
    assert axis_id not in found


def test_money_anywhere_below_a_top_element_counts_for_it(store):
    with store.session() as session:
        axis = first(session, PlanElement, PlanElement.depth == 1, order=PlanElement.code)
        empty = PlanElement(plan_id=axis.plan_id, depth=1, code="E9", name="Eje nuevo")
        session.add(empty)
        session.flush()
        objective = PlanElement(
            plan_id=axis.plan_id, parent_id=empty.id, depth=2, code="O9", name="Objetivo nuevo"
        )
        session.add(objective)
        session.flush()
        _funded_programme(session).parent_id = objective.id  # skipping levels is allowed
        empty_id = empty.id
    assert empty_id not in _ids(store, "element-without-budget")
    assert not findings(store, "element-detached")
