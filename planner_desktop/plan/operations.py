"""POA operations typed in the window: a new operation's values, the parsers of its dates
(inside the POA's fiscal year), and undoing an adjustment kept in the history.

No Qt here. Parsers raise :class:`~planner_desktop.capture.validation.Invalid` with the
one-line reason; the caller owns the transaction of the functions taking a session.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain.annual import (
    AnnualPlan,
    ManagementObjective,
    Operation,
    PlanAdjustment,
)
from planner_desktop.domain.enums import AdjustmentKind, OperationType
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.i18n import _
from planner_desktop.locales import parse_short_date, short_date
from planner_desktop.plan import validate

_CODE_LIMIT = 999


def next_operation_code(session: Session, plan_id: uuid.UUID, fiscal_year: int) -> str:
    """``OP-YYYY-NNN`` after the highest number used in the POA (deleted ones too)."""
    prefix = f"OP-{fiscal_year}-"
    highest = 0
    for code in session.scalars(select(Operation.code).where(Operation.annual_plan_id == plan_id)):
        tail = (code or "").removeprefix(prefix)
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{prefix}{min(highest + 1, _CODE_LIMIT):03d}"


def new_operation(session: Session, plan_id: uuid.UUID, name: str) -> dict[str, Any] | None:
    """The values of a new operation of a POA, scheduled over its fiscal year."""
    plan = session.get(AnnualPlan, plan_id)
    if plan is None or plan.deleted_at is not None:
        return None
    year = plan.fiscal_year
    return {
        "id": uuid.uuid4(),
        "annual_plan_id": plan.id,
        "code": next_operation_code(session, plan.id, year),
        "name": name,
        "type": OperationType.operating,
        "start_date": date(year, 1, 1),
        "end_date": date(year, 12, 31),
    }


def parse_date(text: Any) -> date | None:
    """A typed date, as the language writes it (``31/3/2027`` in Spanish, ``3/31/2027`` in
    English) or ``2027-03-31``; empty is no date."""
    if isinstance(text, date):
        return text
    typed = clean_text(str(text or ""))
    if not typed:
        return None
    try:
        return parse_short_date(typed)
    except ValueError:
        raise Invalid(
            _("Type a date such as {example}").format(example=short_date(date(2027, 3, 31)))
        ) from None


@dataclass
class Schedule:
    """The fiscal year and the dates of the operation being edited, for the date parsers
    (kept up to date by the window before each edit)."""

    fiscal_year: int = 0
    start: date | None = None
    end: date | None = None
    cancelled: bool = False


def date_parser(schedule: Schedule, which: str) -> Callable[[Any], date | None]:
    """A parser of the ``start`` or ``end`` date that refuses a day outside the fiscal year
    of the POA, or an end before the start."""

    def parse(text: Any) -> date | None:
        day = parse_date(text)
        start, end = (day, schedule.end) if which == "start" else (schedule.start, day)
        reason = validate.operation_dates(schedule.fiscal_year, start, end)
        if reason:
            raise Invalid(reason)
        return day

    return parse


@dataclass(frozen=True)
class Undo:
    """What an adjustment changed: the operation's fields before and after it, or the
    objective it added (so that undoing it puts things back and redoing it brings back the
    same history row)."""

    operation_id: uuid.UUID | None = None
    before: dict[str, Any] | None = None
    objective_id: uuid.UUID | None = None
    after: dict[str, Any] | None = None


def undo_adjustment(session: Session, adjustment_id: uuid.UUID, undo: Undo) -> None:
    """Tombstone the adjustment and put back what it changed."""
    adjustment = session.get(PlanAdjustment, adjustment_id)
    if adjustment is not None:
        mark_deleted(adjustment)
    if undo.operation_id is not None and undo.before:
        operation = session.get(Operation, undo.operation_id)
        if operation is not None:
            for name, value in undo.before.items():
                setattr(operation, name, value)
    if undo.objective_id is not None:
        objective = session.get(ManagementObjective, undo.objective_id)
        if objective is not None:
            mark_deleted(objective)
    session.flush()


def redo_adjustment(session: Session, adjustment_id: uuid.UUID, undo: Undo) -> None:
    """Bring back an undone adjustment: the same history row (its tombstone lifted) and
    what it changed."""
    adjustment = session.get(PlanAdjustment, adjustment_id)
    if adjustment is not None:
        adjustment.deleted_at = None
    if undo.operation_id is not None and undo.after:
        operation = session.get(Operation, undo.operation_id)
        if operation is not None:
            for name, value in undo.after.items():
                setattr(operation, name, value)
    if undo.objective_id is not None:
        objective = session.get(ManagementObjective, undo.objective_id)
        if objective is not None:
            objective.deleted_at = None
    session.flush()


FIELDS_OF_KIND = {
    AdjustmentKind.operation_cancelled: ("cancelled",),
    AdjustmentKind.target_changed: ("target",),
    AdjustmentKind.budget_changed: ("budget",),
}
"""The operation fields each kind of adjustment changes."""


def _before(session: Session, operation_id: uuid.UUID, kind: AdjustmentKind) -> Undo:
    operation = session.get(Operation, operation_id)
    if operation is None:
        return Undo()
    return Undo(operation_id, {name: getattr(operation, name) for name in FIELDS_OF_KIND[kind]})


def adjust_operation(
    session: Session,
    kind: AdjustmentKind,
    operation_id: uuid.UUID,
    value: str,
    *,
    on: date,
    reason: str,
) -> tuple[uuid.UUID, Undo]:
    """Cancel an operation, vary its target or change its budget (``value`` is the new
    target or budget, ignored for a cancellation); returns the adjustment and its undo."""
    from planner_desktop.plan import adjust

    kind = AdjustmentKind(kind)
    undo = _before(session, operation_id, kind)
    if kind is AdjustmentKind.operation_cancelled:
        made = adjust.cancel_operation(session, operation_id, on=on, reason=reason)
    elif kind is AdjustmentKind.target_changed:
        made = adjust.vary_target(session, operation_id, value, on=on, reason=reason)
    else:
        made = adjust.change_budget(session, operation_id, value, on=on, reason=reason)
    operation = session.get(Operation, operation_id)
    if operation is not None and undo.before is not None:
        after = {name: getattr(operation, name) for name in undo.before}
        undo = Undo(undo.operation_id, undo.before, after=after)
    return made.id, undo


def add_objective(
    session: Session, plan_id: uuid.UUID, description: str, *, on: date, reason: str
) -> tuple[uuid.UUID, Undo]:
    """A new objetivo de gestión kept as an adjustment; returns the adjustment and undo."""
    from planner_desktop.plan import adjust

    known = set(
        session.scalars(select(PlanAdjustment.id).where(PlanAdjustment.annual_plan_id == plan_id))
    )
    objective = adjust.add_objective(session, plan_id, description, on=on, reason=reason)
    made = next(
        adjustment_id
        for adjustment_id in session.scalars(
            select(PlanAdjustment.id).where(PlanAdjustment.annual_plan_id == plan_id)
        )
        if adjustment_id not in known
    )
    return made, Undo(objective_id=objective.id)


def adjustment_refusal(
    session: Session, kind: AdjustmentKind, target_id: uuid.UUID | None, value: str, reason: str
) -> tuple[str, str] | None:
    """Why an adjustment would be refused, as (field, reason), or None. ``target_id`` is
    the operation (the POA for a new objective)."""
    kind = AdjustmentKind(kind)
    if kind is AdjustmentKind.objective_added:
        if not " ".join(value.split()):
            return "value", _("the new objective needs a description")
    else:
        operation = session.get(Operation, target_id) if target_id else None
        if operation is None or operation.deleted_at is not None:
            return "operation", _("choose an operation of the POA")
        if operation.cancelled:
            return "operation", _(
                "operation {code} is cancelled; it cannot change any more"
            ).format(code=operation.code)
        if kind is AdjustmentKind.target_changed:
            refused = validate.target_text(value)
            if refused:
                return "value", refused
        elif kind is AdjustmentKind.budget_changed:
            refused = validate.amount(value)
            if refused:
                return "value", refused
    if not " ".join(reason.split()):
        return "reason", _("say why: every adjustment of the POA keeps its reason")
    return None
