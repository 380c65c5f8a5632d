"""Redo brings back the same records (issue 6): an undone adjustment returns as the same
history row, an undone POA made from the PDM returns with the same ids."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation, PlanAdjustment
from planner_desktop.domain.enums import AdjustmentKind
from planner_desktop.plan import derived, operations
from planner_desktop.plan.derive import PlanRefused, derive_refusal

YEAR = 2028


def _open_operation(session):
    return session.scalars(select(Operation).where(
        Operation.cancelled.is_(False), Operation.deleted_at.is_(None))
        .order_by(Operation.code)).first()


def _live_adjustments(session):
    return session.scalar(select(func.count(PlanAdjustment.id)).where(
        PlanAdjustment.deleted_at.is_(None)))


def test_redo_brings_back_the_same_adjustment_row(store):
    with store.session() as session:
        operation = _open_operation(session)
        op_id, old = operation.id, operation.budget
        before = _live_adjustments(session)
        made, undo = operations.adjust_operation(
            session, AdjustmentKind.budget_changed, op_id, "777", on=date(2027, 6, 1),
            reason="ajuste")
        assert undo.after == {"budget": Decimal("777.00")}
        operations.undo_adjustment(session, made, undo)
        assert session.get(Operation, op_id).budget == old
        operations.redo_adjustment(session, made, undo)
        assert session.get(Operation, op_id).budget == Decimal("777.00")
        assert session.get(PlanAdjustment, made).deleted_at is None
        assert _live_adjustments(session) == before + 1
        total = session.scalar(select(func.count(PlanAdjustment.id)))
        operations.undo_adjustment(session, made, undo)
        operations.redo_adjustment(session, made, undo)
        assert session.scalar(select(func.count(PlanAdjustment.id))) == total, "no new row"


def test_redo_brings_back_an_added_objective(store):
    with store.session() as session:
        plan_id = _open_operation(session).annual_plan_id
        made, undo = operations.add_objective(session, plan_id, "Mejorar la gestión",
                                              on=date(2027, 6, 1), reason="nuevo")
        operations.undo_adjustment(session, made, undo)
        operations.redo_adjustment(session, made, undo)
        assert session.get(ManagementObjective, undo.objective_id).deleted_at is None
        assert session.get(PlanAdjustment, made).deleted_at is None


def test_the_poa_from_the_pdm_is_withdrawn_and_brought_back(store):
    with store.session() as session:
        assert derive_refusal(session, YEAR) is None
        assert "already a POA for 2027" in derive_refusal(session, 2027)
        assert "outside the plan period" in derive_refusal(session, 2031)
        made = derived.derive(session, YEAR)
        assert made.operation_ids and made.objective_ids
        assert "already a POA" in derive_refusal(session, YEAR)
        derived.withdraw(session, made)
        assert session.get(AnnualPlan, made.plan_id).deleted_at is not None
        assert all(session.get(Operation, key).deleted_at is not None
                   for key in made.operation_ids)
        with pytest.raises(PlanRefused):
            derived.derive(session, YEAR)
        derived.bring_back(session, made)
        live = session.scalars(select(Operation.id).where(
            Operation.annual_plan_id == made.plan_id, Operation.deleted_at.is_(None))).all()
        assert set(live) == set(made.operation_ids)
        assert derive_refusal(session, YEAR) is not None
