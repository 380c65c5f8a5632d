"""Adjustments of a POA: cancel an operation, vary its target or budget, add an objective,
each with its reason, kept as dated history (who and when) and undoable."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain import labels
from planner_desktop.domain.annual import Operation, PlanAdjustment
from planner_desktop.domain.enums import AdjustmentKind
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import N_, _
from planner_desktop.plan import operations
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.table import QueryTableModel
from planner_desktop.ui.pages.base import fit_columns, section_label, table_view
from planner_desktop.ui.plan.plan_commands import AdjustPlan
from planner_desktop.ui.queries import TableQuery
from planner_desktop.ui.spreadsheet import refusal_line

NO_PLAN = uuid.UUID(int=0)
KINDS = (
    (AdjustmentKind.operation_cancelled, N_("Cancel the chosen operation")),
    (AdjustmentKind.target_changed, N_("Vary the target of the chosen operation")),
    (AdjustmentKind.budget_changed, N_("Change the budget of the chosen operation")),
    (AdjustmentKind.objective_added, N_("Add a management objective")),
)
FIELD_TITLES = {"operation": N_("Operation"), "value": N_("New value"),
                "reason": N_("Reason")}


def history_query(plan_id: uuid.UUID | None) -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Date"), Kind.date), Column(N_("Adjustment"), Kind.label),
                 Column(N_("Operation")), Column(N_("What changed and why"), stretch=True),
                 Column(N_("By"))),
        ids=select(PlanAdjustment.id)
        .where(PlanAdjustment.annual_plan_id == (plan_id or NO_PLAN), live(PlanAdjustment))
        .order_by(PlanAdjustment.date.desc(), PlanAdjustment.created_at.desc(), PlanAdjustment.id),
        rows=lambda keys: select(
            PlanAdjustment.id, PlanAdjustment.date, PlanAdjustment.kind, Operation.code,
            PlanAdjustment.description, PlanAdjustment.facilitator,
        ).outerjoin(Operation, PlanAdjustment.operation_id == Operation.id)
        .where(PlanAdjustment.id.in_(keys)),
    )


class AdjustmentsPanel(QWidget):
    """The adjustment bar and the POA's history; ``current_operation`` names the operation
    chosen in the operations table."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 current_operation: Callable[[], uuid.UUID | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adjustmentsPanel")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.current_operation = current_operation
        self.plan_id: uuid.UUID | None = None
        self.kind = QComboBox()
        self.kind.setObjectName("adjustmentKind")
        for kind, text in KINDS:
            self.kind.addItem(_(text), kind)
        self.value = QLineEdit()
        self.value.setObjectName("adjustmentValue")
        self.value.setPlaceholderText(_("New target, budget or objective"))
        self.reason = QLineEdit()
        self.reason.setObjectName("adjustmentReason")
        self.reason.setPlaceholderText(_("Why (required)"))
        self.apply = QPushButton(_("Adjust the POA"))
        self.apply.setObjectName("adjustmentApply")
        self.apply.clicked.connect(self.adjust)
        self.refusal = refusal_line("adjustmentRefusal")
        self.history = QueryTableModel(store, history_query(None), self)
        self.history_view = table_view(self.history, name="adjustmentHistory")
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(16)
        bar = QHBoxLayout()
        bar.addWidget(self.kind, 1)
        bar.addWidget(self.value, 1)
        why = QHBoxLayout()
        why.addWidget(QLabel(_("Reason")))
        why.addWidget(self.reason, 1)
        why.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_label(_("Adjustments of the POA (history)")))
        layout.addLayout(bar)
        layout.addLayout(why)
        layout.addWidget(self.refusal)
        layout.addWidget(self.history_view, 1)
        hub.sig_changed.connect(self._saved)

    def show_plan(self, plan_id: uuid.UUID | None) -> None:
        self.plan_id = plan_id
        self.refusal.clear()
        self.history.reload(history_query(plan_id))
        fit_columns(self.history_view)
        self.setEnabled(plan_id is not None)

    def _saved(self, table: str, _serial: int) -> None:
        if table == "plan_adjustment":
            self.history.reload()

    def adjust(self) -> bool:
        """Refuse in place (field and reason) or push the adjustment as one undo step."""
        kind = AdjustmentKind(self.kind.currentData())
        value, reason = self.value.text(), self.reason.text()
        plan_id = self.plan_id
        operation_id = self.current_operation()
        if plan_id is None:
            return False
        target = plan_id if kind is AdjustmentKind.objective_added else operation_id
        with self.store.session() as session:
            refused = operations.adjustment_refusal(session, kind, target, value, reason)
        if refused:
            field, why = refused
            self.refusal.setText(_("{field}: {reason}").format(
                field=_(FIELD_TITLES[field]), reason=why))
            return False
        self.refusal.clear()
        today = date.today()
        if kind is AdjustmentKind.objective_added:
            def made(session: Session) -> tuple[uuid.UUID, operations.Undo]:
                return operations.add_objective(session, plan_id, value, on=today,
                                                reason=reason)
        else:
            assert operation_id is not None
            op_id = operation_id

            def made(session: Session) -> tuple[uuid.UUID, operations.Undo]:
                return operations.adjust_operation(session, kind, op_id, value, on=today,
                                                   reason=reason)
        self.undo_stack.push(AdjustPlan(self.hub, labels.label(kind), made))
        self.value.clear()
        self.reason.clear()
        return True
