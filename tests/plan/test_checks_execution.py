"""Checks that matter (issue 13): a profile with no programme; money programmed for a year
whose POA has no operation of it; progress dated in the future, on a POA not approved, or
with no one recorded. And approval of a POA refused while the checks find an error."""

from datetime import date

import pytest
from sqlalchemy import select

from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.plan import check_execution
from planner_desktop.plan.approval import ApprovalRefused, approval_refusal, set_approved
from planner_desktop.plan.findings import Severity
from tests.plan.helpers import findings, first, tombstone


def _programmed_profile(session):
    planned = select(MultiYearProgramming.profile_id).where(MultiYearProgramming.amount > 0)
    return first(session, ProjectProfile, ProjectProfile.id.in_(planned),
                 order=ProjectProfile.code)


def _draft_profile(session):
    planned = select(MultiYearProgramming.profile_id)
    return first(session, ProjectProfile, ProjectProfile.id.not_in(planned),
                 order=ProjectProfile.code)


def _poa(session):
    return first(session, AnnualPlan, order=AnnualPlan.fiscal_year)


def test_the_demo_has_none_of_the_new_findings(store):
    codes = {f.code for f in findings(store)}
    assert not codes & {"profile-without-element", "programmed-without-operation",
                        "progress-in-future", "progress-on-unapproved-poa",
                        "progress-without-recorder"}


def test_a_profile_without_an_element_an_error_in_the_plan_a_note_as_a_draft(store):
    with store.session() as session:
        planned, draft = _programmed_profile(session), _draft_profile(session)
        planned.element_id = None
        tombstone(session.get(PlanElement, draft.element_id))
        ids = planned.id, draft.id
    found = {f.record_id: f for f in findings(store, "profile-without-element")}
    assert {record: f.severity for record, f in found.items()} == {
        ids[0]: Severity.error, ids[1]: Severity.note}
    assert found[ids[0]].table == "project_profile"
    assert "does not hang from an element of the plan" in found[ids[0]].message


def _profile_in_the_poa(session):
    """A profile programmed in the POA's year with operations in that POA."""
    poa = _poa(session)
    programmed = select(MultiYearProgramming.profile_id).where(
        MultiYearProgramming.year == poa.fiscal_year, MultiYearProgramming.amount > 0,
        MultiYearProgramming.deleted_at.is_(None))
    operation = first(session, Operation, Operation.annual_plan_id == poa.id,
                      Operation.profile_id.in_(programmed), order=Operation.code)
    return poa, operation.profile_id


def test_money_programmed_in_a_year_whose_approved_poa_does_not_carry_it(store):
    with store.session() as session:
        poa, profile_id = _profile_in_the_poa(session)
        assert poa.approved
        for operation in session.scalars(select(Operation).where(
                Operation.annual_plan_id == poa.id, Operation.profile_id == profile_id)):
            operation.cancelled = True
        biggest = session.scalars(select(MultiYearProgramming).where(
            MultiYearProgramming.profile_id == profile_id,
            MultiYearProgramming.year == poa.fiscal_year)
            .order_by(MultiYearProgramming.amount.desc())).first().id
        poa_id, year = poa.id, poa.fiscal_year
    found = findings(store, "programmed-without-operation")
    assert [(f.table, f.record_id, f.severity) for f in found] == [
        ("multi_year_programming", biggest, Severity.warning)]
    assert f"the approved POA {year} has no operation" in found[0].message
    with store.session() as session:
        session.get(AnnualPlan, poa_id).approved = False
    assert [f.severity for f in findings(store, "programmed-without-operation")] == [
        Severity.note]


def test_a_year_without_a_poa_is_not_checked_for_operations(store):
    with store.session() as session:
        tombstone(_poa(session))
    assert not findings(store, "programmed-without-operation")


def test_progress_dated_after_today_is_an_error(store, monkeypatch):
    monkeypatch.setattr(check_execution, "today", lambda: date(2027, 7, 1))
    with store.session() as session:
        later = set(session.scalars(select(Progress.id).where(
            Progress.date > date(2027, 7, 1), Progress.deleted_at.is_(None))))
    assert later
    found = findings(store, "progress-in-future")
    assert {f.record_id for f in found} == later
    assert {(f.table, f.severity) for f in found} == {("progress", Severity.error)}
    assert "after today" in found[0].message


def test_progress_on_a_poa_not_approved(store):
    with store.session() as session:
        poa = _poa(session)
        poa.approved = False
        on_operations = set(session.scalars(
            select(Progress.id).join(Operation, Progress.operation_id == Operation.id)
            .where(Operation.annual_plan_id == poa.id, Progress.deleted_at.is_(None))))
    found = findings(store, "progress-on-unapproved-poa")
    assert on_operations and {f.record_id for f in found} == on_operations
    assert {f.severity for f in found} == {Severity.warning}


def test_progress_with_no_one_recorded(store):
    with store.session() as session:
        progress = first(session, Progress, order=Progress.date)
        progress.facilitator = "  "
        progress_id = progress.id
    found = findings(store, "progress-without-recorder")
    assert [(f.record_id, f.severity) for f in found] == [(progress_id, Severity.warning)]


def test_progress_of_a_deleted_operation_is_not_checked(store):
    with store.session() as session:
        progress = first(session, Progress, Progress.operation_id.is_not(None))
        progress.facilitator = ""
        tombstone(session.get(Operation, progress.operation_id))
    assert not findings(store, "progress-without-recorder")


def test_approval_is_refused_while_the_checks_find_an_error(store):
    with store.session() as session:
        poa = _poa(session)
        poa.approved = False
        poa_id, year = poa.id, poa.fiscal_year
        assert approval_refusal(session, poa_id) == ""
        _programmed_profile(session).element_id = None
    with store.session() as session, pytest.raises(ApprovalRefused) as refused:
        set_approved(session, poa_id, True)
    reason = str(refused.value)
    assert reason.startswith(f"The POA {year} cannot be approved: the plan checks find 1 "
                             "error. First: Profile outside the plan's tree: profile ")
    assert "\n" not in reason
    with store.session() as session:
        assert session.get(AnnualPlan, poa_id).approved is False
        set_approved(session, poa_id, False)  # withdrawing is never refused


def test_approval_goes_ahead_over_warnings_and_notes(store):
    with store.session() as session:
        poa = _poa(session)
        poa.approved = False
        poa_id = poa.id
    assert findings(store) and not [f for f in findings(store) if f.is_error]
    with store.session() as session:
        set_approved(session, poa_id, True)
    with store.session() as session:
        assert session.get(AnnualPlan, poa_id).approved is True
