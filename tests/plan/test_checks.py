"""Each plan check fails on a broken plan and passes on the demo (issue 6)."""

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.enums import OperationType, Recommendation
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import (
    Component,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProfileDemand,
    ProfileFunding,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.plan.findings import Severity
from tests.plan.helpers import errors, findings, first, programme, tombstone

DEMO_WARNINGS = {
    "priority-a-without-profile",
    "element-without-projects",
    "element-without-programming",
    "no-progress-recorded",
}


def _programmed_profile(session):
    planned = select(MultiYearProgramming.profile_id).where(MultiYearProgramming.amount > 0)
    return first(session, ProjectProfile, ProjectProfile.id.in_(planned),
                 order=ProjectProfile.code)


def _draft_profile(session):
    planned = select(MultiYearProgramming.profile_id)
    return first(session, ProjectProfile, ProjectProfile.id.not_in(planned),
                 order=ProjectProfile.code)


def test_the_demo_plan_has_no_error_only_expected_warnings(store):
    found = findings(store)
    assert not [f for f in found if f.is_error]
    assert {f.code for f in found} <= DEMO_WARNINGS
    assert all("\n" not in f.message for f in found)


def test_findings_are_one_line_and_name_the_record_to_fix(store):
    finding = findings(store, "priority-a-without-profile")[0]
    assert finding.table == "demand" and isinstance(finding.record_id, uuid.UUID)
    assert finding.line().startswith("WARNING priority-a-without-profile: demand ")


def test_an_element_whose_parent_is_deleted_does_not_hang_from_the_plan(store):
    assert not findings(store, "element-detached")
    with store.session() as session:
        element = programme(session)
        tombstone(session.get(PlanElement, element.parent_id))
        element_id = element.id
    found = findings(store, "element-detached")
    assert element_id in {f.record_id for f in found}
    assert all(f.severity is Severity.error and f.table == "plan_element" for f in found)
    assert "Programa PR" in next(f.message for f in found if f.record_id == element_id)


def test_an_element_below_the_plan_s_last_level_is_detached(store):
    with store.session() as session:
        parent = programme(session)
        deeper = PlanElement(
            plan_id=parent.plan_id, parent_id=parent.id, depth=6, code="X1", name="Subprograma"
        )
        session.add(deeper)
        session.flush()
        deeper_id = deeper.id
    found = findings(store, "element-detached")
    assert [f.record_id for f in found] == [deeper_id]
    assert "below the plan's last level" in found[0].message


def _programme_without_problem(session):
    """A programme whose chain states no problem (its objective's is cleared too)."""
    element = programme(session)
    element.problem = ""
    node = element
    while node.parent_id is not None:
        node = session.get(PlanElement, node.parent_id)
        node.problem = ""
    for profile in session.scalars(
        select(ProjectProfile).where(ProjectProfile.element_id == element.id)
    ):
        profile.central_problem = ""
    return element.id


def test_programme_without_problem_and_with_one(store):
    assert not findings(store, "element-without-problem")
    with store.session() as session:
        element_id = _programme_without_problem(session)
    flagged = findings(store, "element-without-problem")
    assert [(f.record_id, f.severity) for f in flagged] == [(element_id, Severity.warning)]
    with store.session() as session:
        session.get(PlanElement, element_id).problem = "Baja cobertura de agua segura"
    assert not findings(store, "element-without-problem")


def test_a_problem_stated_on_the_objective_covers_its_programmes(store):
    with store.session() as session:
        element_id = _programme_without_problem(session)
    assert findings(store, "element-without-problem")
    with store.session() as session:
        objective = session.get(PlanElement, element_id)
        while objective.depth > 2:
            objective = session.get(PlanElement, objective.parent_id)
        objective.problem = "Pobreza rural"
    assert not findings(store, "element-without-problem")


def test_profile_without_central_problem(store):
    assert not findings(store, "profile-without-problem")
    with store.session() as session:
        planned, draft = _programmed_profile(session), _draft_profile(session)
        planned.central_problem = draft.central_problem = " "
        ids = planned.id, draft.id
    found = {f.record_id: f.severity for f in findings(store, "profile-without-problem")}
    assert found == {ids[0]: Severity.warning, ids[1]: Severity.note}


def test_profile_outside_the_plan_s_tree(store):
    assert not findings(store, "profile-without-element")
    with store.session() as session:
        planned = _programmed_profile(session)
        planned.element_id = None
        planned_id = planned.id
    found = findings(store, "profile-without-element")
    assert [(f.record_id, f.severity) for f in found] == [(planned_id, Severity.error)]


def test_priority_a_demand_without_profile_and_once_profiled(store):
    flagged = findings(store, "priority-a-without-profile")
    assert flagged and all(f.severity is Severity.warning for f in flagged)
    demand_id = flagged[0].record_id
    with store.session() as session:
        profile = _programmed_profile(session)
        session.add(ProfileDemand(profile_id=profile.id, demand_id=demand_id))
    assert demand_id not in {f.record_id for f in findings(store, "priority-a-without-profile")}


def test_profile_in_the_plan_without_indicator_is_an_error_a_draft_a_note(store):
    with store.session() as session:
        planned, draft = _programmed_profile(session), _draft_profile(session)
        tombstone(*session.scalars(select(Indicator).where(
            Indicator.profile_id.in_([planned.id, draft.id]))))
        ids = planned.id, draft.id
    found = {f.record_id: f.severity for f in findings(store, "profile-without-indicator")}
    assert found == {ids[0]: Severity.error, ids[1]: Severity.note}


def test_a_dropped_profile_is_not_checked(store):
    with store.session() as session:
        draft = _draft_profile(session)
        draft.recommendation = Recommendation.drop
        tombstone(*session.scalars(select(Indicator).where(Indicator.profile_id == draft.id)))
    assert not findings(store, "profile-without-indicator")


def test_profile_without_cost_and_without_funding(store):
    with store.session() as session:
        profile = _programmed_profile(session)
        tombstone(*session.scalars(select(Component).where(Component.profile_id == profile.id)))
        tombstone(*session.scalars(
            select(ProfileFunding).where(ProfileFunding.profile_id == profile.id)))
        profile_id = profile.id
    for code in ("profile-without-cost", "profile-without-funding"):
        found = findings(store, code)
        assert [(f.record_id, f.severity) for f in found] == [(profile_id, Severity.error)]


def test_funding_split_that_does_not_add_up(store):
    assert not findings(store, "funding-split-mismatch")
    with store.session() as session:
        profile = _programmed_profile(session)
        share = first(session, ProfileFunding, ProfileFunding.profile_id == profile.id)
        share.amount += Decimal("1000.00")
        profile_id = profile.id
    found = findings(store, "funding-split-mismatch")
    assert [(f.record_id, f.severity) for f in found] == [(profile_id, Severity.error)]
    assert "adds up to" in found[0].message
    assert profile_id in {f.record_id for f in findings(store, "programming-differs-from-funding")}


def test_indicator_without_target(store):
    assert not findings(store, "indicator-without-target")
    with store.session() as session:
        profile = _programmed_profile(session)
        indicator = first(session, Indicator, Indicator.profile_id == profile.id)
        for target in session.scalars(
            select(IndicatorTarget).where(IndicatorTarget.indicator_id == indicator.id)
        ):
            target.target = "  "
        indicator_id = indicator.id
    found = findings(store, "indicator-without-target")
    assert [(f.record_id, f.severity) for f in found] == [(indicator_id, Severity.error)]


def test_year_over_a_source_ceiling(store):
    assert not findings(store, "ceiling-exceeded")
    with store.session() as session:
        source_id, year, total = session.execute(
            select(MultiYearProgramming.source_id, MultiYearProgramming.year,
                   func.sum(MultiYearProgramming.amount))
            .group_by(MultiYearProgramming.source_id, MultiYearProgramming.year)
            .order_by(func.sum(MultiYearProgramming.amount).desc())
        ).first()
        ceiling = first(session, SourceCeiling, SourceCeiling.source_id == source_id,
                        SourceCeiling.year == year)
        ceiling.amount = total - Decimal("0.01")
        ceiling_id = ceiling.id
    found = findings(store, "ceiling-exceeded")
    assert [(f.record_id, f.severity) for f in found] == [(ceiling_id, Severity.error)]
    assert "0.01" in found[0].message


def test_a_ceiling_counts_no_money_of_a_project_recommended_to_be_dropped(store):
    with store.session() as session:
        row = first(session, MultiYearProgramming, MultiYearProgramming.amount > 0,
                    order=MultiYearProgramming.year)
        source_id, year, dropped_id = row.source_id, row.year, row.profile_id
        total = session.scalar(
            select(func.sum(MultiYearProgramming.amount))
            .where(MultiYearProgramming.source_id == source_id,
                   MultiYearProgramming.year == year, counted_programming())
        )
        ceiling = first(session, SourceCeiling, SourceCeiling.source_id == source_id,
                        SourceCeiling.year == year)
        ceiling.amount = total - row.amount  # room for all but the project to be dropped
        ceiling_id = ceiling.id
    assert [f.record_id for f in findings(store, "ceiling-exceeded")] == [ceiling_id]
    with store.session() as session:
        session.get(ProjectProfile, dropped_id).recommendation = Recommendation.drop
    assert findings(store, "ceiling-exceeded") == []


def test_programming_without_a_ceiling_is_a_warning(store):
    with store.session() as session:
        row = first(session, MultiYearProgramming, order=MultiYearProgramming.year)
        tombstone(first(session, SourceCeiling, SourceCeiling.source_id == row.source_id,
                        SourceCeiling.year == row.year))
        source_id = row.source_id
    found = findings(store, "no-ceiling")
    assert found and {(f.record_id, f.severity) for f in found} == {(source_id, Severity.warning)}


def test_programming_year_outside_the_plan_period(store):
    assert not findings(store, "programming-outside-period")
    with store.session() as session:
        row = first(session, MultiYearProgramming, order=MultiYearProgramming.year)
        row.year = 2035
        row_id = row.id
    found = findings(store, "programming-outside-period")
    assert [(f.record_id, f.severity) for f in found] == [(row_id, Severity.error)]


def _add_operation(session, **values):
    plan = first(session, AnnualPlan)
    operation = Operation(annual_plan_id=plan.id, code="OP-X", name="Operación suelta",
                          type=OperationType.investment, budget=Decimal(1000), **values)
    session.add(operation)
    session.flush()
    return operation.id


def test_operation_not_traceable_to_the_pdm(store):
    assert not findings(store, "operation-not-traceable")
    with store.session() as session:
        loose = _add_operation(session)
        traced = _add_operation(session, element_id=programme(session).id)
    found = findings(store, "operation-not-traceable")
    assert [(f.record_id, f.severity) for f in found] == [(loose, Severity.error)]
    assert traced not in {f.record_id for f in found}


def test_operation_of_a_project_programmed_in_another_year(store):
    assert not findings(store, "operation-not-programmed-that-year")
    with store.session() as session:
        planned = select(MultiYearProgramming.profile_id).where(MultiYearProgramming.year == 2029)
        profile = first(session, ProjectProfile, ProjectProfile.id.in_(planned),
                        order=ProjectProfile.code)
        operation_id = _add_operation(session, profile_id=profile.id)
    found = findings(store, "operation-not-programmed-that-year")
    assert [(f.record_id, f.severity) for f in found] == [(operation_id, Severity.warning)]
    assert not findings(store, "operation-not-traceable")


def test_a_cancelled_operation_is_not_checked(store):
    with store.session() as session:
        loose = session.get(Operation, _add_operation(session))
        loose.cancelled = True
    assert not findings(store, "operation-not-traceable")


def test_operation_outside_the_fiscal_year(store):
    assert not findings(store, "operation-outside-fiscal-year")
    with store.session() as session:
        operation = first(session, Operation, order=Operation.code)
        operation.end_date = date(2031, 1, 15)
        operation_id = operation.id
    found = findings(store, "operation-outside-fiscal-year")
    assert [(f.record_id, f.severity) for f in found] == [(operation_id, Severity.error)]


def test_poa_outside_the_plan_period(store):
    assert not findings(store, "poa-outside-period")
    with store.session() as session:
        plan = first(session, AnnualPlan)
        plan.fiscal_year = 2031
    found = findings(store, "poa-outside-period")
    assert len(found) == 1 and found[0].severity is Severity.warning


def test_targets_that_are_not_numbers(store):
    assert not findings(store, "target-not-number")
    with store.session() as session:
        target = first(session, IndicatorTarget, order=IndicatorTarget.year)
        target.target = "alta"
        operation = first(session, Operation, order=Operation.code)
        operation.target = "todo"
        target_id, operation_id = target.id, operation.id
    assert [(f.record_id, f.severity) for f in findings(store, "target-not-number")] == [
        (target_id, Severity.error)
    ]
    assert [(f.record_id, f.severity) for f in findings(store, "operation-target-not-number")] \
        == [(operation_id, Severity.warning)]


def test_errors_come_first(store):
    with store.session() as session:
        first(session, IndicatorTarget, order=IndicatorTarget.year).target = "alta"
    found = findings(store)
    assert found[0].is_error and not found[-1].is_error
    assert len(errors(store)) == 1
