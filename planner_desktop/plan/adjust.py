"""Adjustments to an approved POA, each one kept as a dated, attributed PlanAdjustment.

The caller owns the transaction; ``store.session()`` stamps who made each change.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import (
    AnnualPlan,
    ManagementObjective,
    Operation,
    PlanAdjustment,
)
from planner_desktop.domain.enums import AdjustmentKind
from planner_desktop.domain.plan import PlanElement
from planner_desktop.i18n import _
from planner_desktop.plan import validate
from planner_desktop.plan.derive import PlanRefused
from planner_desktop.plan.scope import live


def _operation(session: Session, operation_id: uuid.UUID) -> Operation:
    operation = session.get(Operation, operation_id)
    if operation is None or operation.deleted_at is not None:
        raise PlanRefused(_("that operation does not exist (it may have been deleted)"))
    if operation.cancelled:
        raise PlanRefused(
            _("operation {code} is cancelled; it cannot change any more").format(
                code=operation.code
            )
        )
    return operation


def _reason(reason: str) -> str:
    text = " ".join(reason.split())
    if not text:
        raise PlanRefused(_("say why: every adjustment of the POA keeps its reason"))
    return text


def _record(
    session: Session,
    operation: Operation | None,
    plan_id: uuid.UUID,
    kind: AdjustmentKind,
    on: date,
    description: str,
) -> PlanAdjustment:
    adjustment = PlanAdjustment(
        annual_plan_id=plan_id,
        operation_id=operation.id if operation is not None else None,
        kind=kind,
        date=on,
        description=description,
    )
    session.add(adjustment)
    session.flush()
    return adjustment


def cancel_operation(
    session: Session, operation_id: uuid.UUID, *, on: date, reason: str
) -> PlanAdjustment:
    """Cancel an operation (it stays in the POA, marked cancelled) and keep why."""
    why = _reason(reason)
    operation = _operation(session, operation_id)
    operation.cancelled = True
    return _record(
        session,
        operation,
        operation.annual_plan_id,
        AdjustmentKind.operation_cancelled,
        on,
        _("operation {code} cancelled: {reason}").format(code=operation.code, reason=why),
    )


def vary_target(
    session: Session, operation_id: uuid.UUID, target: str, *, on: date, reason: str
) -> PlanAdjustment:
    """Change an operation's target (it must be a number) and keep the old one."""
    why = _reason(reason)
    refusal = validate.target_text(target)
    if refusal:
        raise PlanRefused(refusal)
    operation = _operation(session, operation_id)
    old, operation.target = operation.target, target.strip()
    return _record(
        session,
        operation,
        operation.annual_plan_id,
        AdjustmentKind.target_changed,
        on,
        _("target of {code} from «{old}» to «{new}»: {reason}").format(
            code=operation.code, old=old, new=operation.target, reason=why
        ),
    )


def change_budget(
    session: Session, operation_id: uuid.UUID, budget: Decimal | str, *, on: date, reason: str
) -> PlanAdjustment:
    """Change an operation's budget and keep the old amount."""
    why = _reason(reason)
    refusal = validate.amount(budget)
    number = validate.to_number(budget)
    if refusal or number is None:
        raise PlanRefused(refusal or _("the amount is not a number"))
    operation = _operation(session, operation_id)
    old, operation.budget = operation.budget, number.quantize(Decimal("0.01"))
    return _record(
        session,
        operation,
        operation.annual_plan_id,
        AdjustmentKind.budget_changed,
        on,
        _("budget of {code} from {old} to {new}: {reason}").format(
            code=operation.code, old=old, new=operation.budget, reason=why
        ),
    )


def add_objective(
    session: Session,
    plan_id: uuid.UUID,
    description: str,
    *,
    on: date,
    element_id: uuid.UUID | None = None,
    reason: str,
) -> ManagementObjective:
    """Add an objetivo de gestión (linked to an element of the plan when given)."""
    why = _reason(reason)
    text = " ".join(description.split())
    if not text:
        raise PlanRefused(_("the new objective needs a description"))
    plan = session.get(AnnualPlan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise PlanRefused(_("that POA does not exist (it may have been deleted)"))
    if element_id is not None:
        element = session.get(PlanElement, element_id)
        if element is None or element.deleted_at is not None:
            raise PlanRefused(_("that element of the plan does not exist"))
    n = session.scalar(
        select(func.count(ManagementObjective.id)).where(
            ManagementObjective.annual_plan_id == plan_id
        )
    )
    objective = ManagementObjective(
        annual_plan_id=plan_id,
        element_id=element_id,
        code=f"OG-{int(n or 0) + 1}",
        description=text,
    )
    session.add(objective)
    _record(
        session,
        None,
        plan_id,
        AdjustmentKind.objective_added,
        on,
        _("objective {code} added: {reason}").format(code=objective.code, reason=why),
    )
    return objective


def history(session: Session, plan_id: uuid.UUID) -> list[PlanAdjustment]:
    """The adjustments of a POA, oldest first."""
    return list(
        session.scalars(
            select(PlanAdjustment)
            .where(PlanAdjustment.annual_plan_id == plan_id, live(PlanAdjustment))
            .order_by(PlanAdjustment.date, PlanAdjustment.created_at, PlanAdjustment.id)
        )
    )
