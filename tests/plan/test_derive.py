"""The POA of a year derived from the PDM's programming, and its adjustment history."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.annual import ManagementObjective, Operation, PlanAdjustment
from planner_desktop.domain.enums import AdjustmentKind
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.plan import adjust
from planner_desktop.plan.derive import PlanRefused, derive_poa
from tests.plan.helpers import errors, tombstone

YEAR = 2028


def _programmed(session, year):
    return session.execute(
        select(MultiYearProgramming.profile_id, MultiYearProgramming.source_id,
               MultiYearProgramming.amount)
        .where(MultiYearProgramming.year == year, MultiYearProgramming.amount > 0)
    ).all()


def test_poa_derived_from_the_programming_of_its_year(store):
    with store.session() as session:
        plan = derive_poa(session, YEAR)
        lines = _programmed(session, YEAR)
        operations = session.scalars(
            select(Operation).where(Operation.annual_plan_id == plan.id)
        ).all()
        assert plan.fiscal_year == YEAR and lines
        assert {(o.profile_id, o.source_id, o.budget) for o in operations} == set(lines)
        for operation in operations:
            profile = session.get(ProjectProfile, operation.profile_id)
            assert operation.element_id == profile.element_id
            assert operation.executing_unit == profile.executing_unit != ""
            assert operation.start_date.year == operation.end_date.year == YEAR
            assert operation.target and operation.indicator
            objective = session.get(ManagementObjective, operation.management_objective_id)
            strategic = session.get(PlanElement, profile.element_id)
            while strategic.depth > 2:
                strategic = session.get(PlanElement, strategic.parent_id)
            assert objective.element_id == strategic.id
            assert objective.description == strategic.name
        codes = sorted(o.code for o in operations)
        assert codes[0] == f"OP-{YEAR}-001" and len(set(codes)) == len(codes)
        assert operations[0].facilitator == "Facilitadora de prueba"
    assert not errors(store), "a derived POA passes the checks"


def test_refused_outside_the_period_or_when_the_year_has_a_poa(store):
    with store.session() as session:
        with pytest.raises(PlanRefused, match="outside the plan period 2026–2030"):
            derive_poa(session, 2031)
        with pytest.raises(PlanRefused, match="already a POA for 2027"):
            derive_poa(session, 2027)


def test_refused_when_nothing_is_programmed_that_year(store):
    with store.session() as session:
        tombstone(*session.scalars(
            select(MultiYearProgramming).where(MultiYearProgramming.year == YEAR)))
        session.flush()
        with pytest.raises(PlanRefused, match="nothing is programmed in 2028"):
            derive_poa(session, YEAR)


def test_adjustments_are_kept_as_a_dated_attributed_history(store):
    with store.session() as session:
        plan = derive_poa(session, YEAR)
        first, second, third = session.scalars(
            select(Operation).where(Operation.annual_plan_id == plan.id)
            .order_by(Operation.code).limit(3)
        ).all()
        adjust.cancel_operation(session, first.id, on=date(YEAR, 5, 2), reason="Sin terreno")
        adjust.vary_target(session, second.id, "80 %", on=date(YEAR, 6, 1),
                           reason="Lluvias")
        adjust.change_budget(session, third.id, "150.000,50", on=date(YEAR, 7, 1),
                             reason="Mayores costos")
        objective_id = session.scalar(select(PlanElement.id).where(PlanElement.depth == 2))
        added = adjust.add_objective(session, plan.id, "Atender la emergencia", on=date(YEAR, 8, 1),
                                     element_id=objective_id, reason="Helada")
        history = adjust.history(session, plan.id)
        assert [h.kind for h in history] == [
            AdjustmentKind.operation_cancelled, AdjustmentKind.target_changed,
            AdjustmentKind.budget_changed, AdjustmentKind.objective_added,
        ]
        assert all(h.facilitator == "Facilitadora de prueba" for h in history)
        assert first.cancelled and second.target == "80 %"
        assert third.budget == Decimal("150000.50")
        assert "Lluvias" in history[1].description and "80 %" in history[1].description
        assert added.element_id == objective_id and added.code.startswith("OG-")
        with pytest.raises(PlanRefused, match="cancelled"):
            adjust.vary_target(session, first.id, "1", on=date(YEAR, 9, 1), reason="x")
        with pytest.raises(PlanRefused, match="must be a number"):
            adjust.vary_target(session, second.id, "casi todo", on=date(YEAR, 9, 1), reason="x")
        with pytest.raises(PlanRefused, match="say why"):
            adjust.cancel_operation(session, second.id, on=date(YEAR, 9, 1), reason="  ")
        with pytest.raises(PlanRefused, match="negative"):
            adjust.change_budget(session, second.id, "-5", on=date(YEAR, 9, 1), reason="x")
        assert session.scalar(select(func.count(PlanAdjustment.id)).where(
            PlanAdjustment.annual_plan_id == plan.id)) == 4
