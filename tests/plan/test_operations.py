"""POA operations typed in the window (issue 6): new ones, dates inside the fiscal year,
adjustments kept as history and undone."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation, PlanAdjustment
from planner_desktop.domain.enums import AdjustmentKind
from planner_desktop.plan import operations


def _plan(session):
    return session.scalars(select(AnnualPlan).where(AnnualPlan.deleted_at.is_(None))).first()


def _open_operation(session, plan):
    return session.scalars(select(Operation).where(
        Operation.annual_plan_id == plan.id, Operation.cancelled.is_(False),
        Operation.deleted_at.is_(None)).order_by(Operation.code)).first()


def test_a_new_operation_takes_the_next_code_and_the_fiscal_year(store):
    with store.session() as session:
        plan = _plan(session)
        values = operations.new_operation(session, plan.id, "Nueva")
        highest = max(session.scalars(select(Operation.code).where(
            Operation.annual_plan_id == plan.id)))
    year = plan.fiscal_year
    assert values["code"] > highest and values["code"].startswith(f"OP-{year}-")
    assert (values["start_date"], values["end_date"]) == (date(year, 1, 1), date(year, 12, 31))


def test_dates_outside_the_fiscal_year_or_reversed_are_refused():
    schedule = operations.Schedule(2027, date(2027, 3, 1), date(2027, 6, 30))
    start = operations.date_parser(schedule, "start")
    end = operations.date_parser(schedule, "end")
    assert start("2027-02-01") == date(2027, 2, 1)
    assert end("12/31/2027") == date(2027, 12, 31)  # as English writes it
    with pytest.raises(Invalid, match="outside the fiscal year 2027"):
        start("2028-01-10")
    with pytest.raises(Invalid, match="ends before it starts"):
        end("2027-02-01")
    with pytest.raises(Invalid, match="Type a date"):
        start("mañana")
    assert start("") is None


def test_adjustments_are_checked_kept_and_undone(store):
    with store.session() as session:
        plan = _plan(session)
        operation = _open_operation(session, plan)
        op_id, old_target, old_budget = operation.id, operation.target, operation.budget
        refuse = operations.adjustment_refusal
        assert refuse(session, AdjustmentKind.target_changed, op_id, "mucho", "x")[0] == "value"
        assert refuse(session, AdjustmentKind.budget_changed, op_id, "-3", "x")[0] == "value"
        assert refuse(session, AdjustmentKind.target_changed, op_id, "90", " ")[0] == "reason"
        assert refuse(session, AdjustmentKind.operation_cancelled, None, "", "x")[0] == (
            "operation")
        assert refuse(session, AdjustmentKind.objective_added, plan.id, "", "x")[0] == "value"
        assert refuse(session, AdjustmentKind.target_changed, op_id, "90 %", "x") is None
        made, undo = operations.adjust_operation(
            session, AdjustmentKind.target_changed, op_id, "90 %", on=date(2027, 6, 1),
            reason="sequía")
        assert session.get(Operation, op_id).target == "90 %"
        operations.undo_adjustment(session, made, undo)
        assert session.get(Operation, op_id).target == old_target
        assert session.get(PlanAdjustment, made).deleted_at is not None
        made, undo = operations.adjust_operation(
            session, AdjustmentKind.budget_changed, op_id, "1.250,50", on=date(2027, 6, 1),
            reason="ajuste")
        assert session.get(Operation, op_id).budget == Decimal("1250.50")
        operations.undo_adjustment(session, made, undo)
        assert session.get(Operation, op_id).budget == old_budget
        made, undo = operations.adjust_operation(
            session, AdjustmentKind.operation_cancelled, op_id, "", on=date(2027, 6, 1),
            reason="sin fondos")
        assert refuse(session, AdjustmentKind.target_changed, op_id, "1", "x")[0] == (
            "operation")
        operations.undo_adjustment(session, made, undo)
        assert session.get(Operation, op_id).cancelled is False
        made, undo = operations.add_objective(session, plan.id, "Mejorar la gestión",
                                              on=date(2027, 6, 1), reason="nuevo")
        assert session.get(PlanAdjustment, made).kind is AdjustmentKind.objective_added
        operations.undo_adjustment(session, made, undo)
        assert session.get(ManagementObjective, undo.objective_id).deleted_at is not None
