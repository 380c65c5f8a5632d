"""Approving the POA shown, or withdrawing its approval, as one undoable edit; deleting it
(a POA made for the wrong year: it leaves a tombstone, and Ctrl+Z brings it back).

Approval is refused in place while the plan checks find an error (the reason, in one line,
names how many and the first one: :func:`planner_desktop.plan.approval.approval_refusal`);
the checks run in a read-only background job, the approval is then pushed on the undo
stack. Withdrawing is never refused.
"""

from __future__ import annotations

import uuid

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from planner_desktop.domain.annual import AnnualPlan
from planner_desktop.i18n import _
from planner_desktop.plan.approval import approval_refusal
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import EditRecord
from planner_desktop.ui.deleting import delete_record
from planner_desktop.ui.spreadsheet import refusal_line


class ApprovalBar(QWidget):
    """Whether the POA shown is approved, and the button that changes it."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("approvalBar")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.plan_id: uuid.UUID | None = None
        self.year: int | None = None
        self.approved = False
        self.job: jobs.Job | None = None
        self.state = QLabel()
        self.state.setObjectName("approvalState")
        self.button = QPushButton()
        self.button.setObjectName("approvePoa")
        self.button.clicked.connect(self.toggle)
        self.delete = QPushButton(_("Delete this POA"))
        self.delete.setObjectName("deletePoa")
        self.delete.clicked.connect(self.delete_plan)
        self.refusal = refusal_line("approvalRefusal")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.button)
        layout.addWidget(self.refusal, 1)
        layout.addWidget(self.delete)
        self.show_plan(None)

    def show_plan(self, plan_id: uuid.UUID | None) -> None:
        """Show the approval of the POA ``plan_id`` (read again from the store)."""
        plan = None
        if plan_id is not None:
            with self.store.session() as session:
                record = session.get(AnnualPlan, plan_id)
                if record is not None and record.deleted_at is None:
                    plan = (record.fiscal_year, record.approved)
        if plan_id != self.plan_id:
            self.refusal.clear()
        self.plan_id = plan_id if plan is not None else None
        self.setEnabled(plan is not None)
        if plan is None:
            self.state.clear()
            self.button.setText(_("Approve the POA"))
            return
        self.year, self.approved = plan
        self.state.setText(_("POA {year}: approved").format(year=self.year) if self.approved
                           else _("POA {year}: not approved").format(year=self.year))
        self.button.setText(
            _("Withdraw the approval") if self.approved else _("Approve the POA {year}").format(
                year=self.year))

    def toggle(self) -> None:
        """Withdraw the approval at once; approve after the checks find no error."""
        plan_id = self.plan_id
        if plan_id is None or self.job is not None:
            return
        if self.approved:
            self._push(plan_id, False)
            return
        self.button.setEnabled(False)
        self.refusal.setText(_("Checking the plan…"))
        store = self.store

        def refusal(_context: jobs.JobContext) -> str:
            with store.session() as session:
                return approval_refusal(session, plan_id)

        self.job = jobs.run_job(self, refusal, on_done=lambda reason: self._checked(
            plan_id, reason), on_error=self._failed, writes=False)

    def delete_plan(self) -> bool:
        """Delete the POA shown (its operations with it, after a confirmation naming
        them)."""
        if self.plan_id is None:
            return False
        return delete_record(self, self.hub, self.undo_stack, AnnualPlan, self.plan_id,
                             _("the POA {year}").format(year=self.year))

    def _checked(self, plan_id: uuid.UUID, reason: str) -> None:
        self.job = None
        self.button.setEnabled(True)
        self.refusal.setText(reason)
        if not reason and plan_id == self.plan_id:
            self._push(plan_id, True)

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.button.setEnabled(True)
        self.refusal.setText(_("The checks failed: {reason}").format(
            reason=jobs.error_text(error)))

    def _push(self, plan_id: uuid.UUID, approved: bool) -> None:
        self.refusal.clear()
        text = (_("Approve the POA {year}") if approved
                else _("Withdraw the approval of the POA {year}")).format(year=self.year)
        self.undo_stack.push(EditRecord(self.hub, text, AnnualPlan, plan_id,
                                        {"approved": approved}, {"approved": not approved}))
