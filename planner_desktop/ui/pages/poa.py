"""POA: the annual operating plans and the operations of the chosen year."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, QSignalBlocker, Qt
from PySide6.QtWidgets import QSplitter
from sqlalchemy import select

from planner_desktop.domain import summaries
from planner_desktop.domain.annual import Operation
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.models.table import KEY_ROLE
from planner_desktop.ui.pages.base import (
    Page,
    counted,
    fit_columns,
    fit_height,
    set_heading,
    table_view,
)


class PoaPage(Page):
    phase = Phase.poa
    count_tables = frozenset({"annual_plan", "operation", "plan_adjustment"})

    def build(self) -> None:
        from planner_desktop.ui.changes import hub_for
        from planner_desktop.ui.plan.adjustments_panel import AdjustmentsPanel
        from planner_desktop.ui.plan.approval_bar import ApprovalBar
        from planner_desktop.ui.plan.derive_bar import DeriveBar
        from planner_desktop.ui.plan.operations_editor import OperationsEditor

        hub = hub_for(self.context.undo_stack, self.store)
        self.derive = DeriveBar(self.store, hub, self.context.undo_stack)
        self.derive.sig_made.connect(self._made)
        self.plans = self.table_model(queries.annual_plans())
        self.plans_view = table_view(self.plans, name="annualPlans")
        self.plans_view.horizontalHeader().setStretchLastSection(False)
        self.editor = OperationsEditor(self.store, hub, self.context.undo_stack)
        self.operations = self.editor.model
        self.operations_view = self.editor.view
        self.operations_title = self.editor.title
        self.adjustments = AdjustmentsPanel(self.store, hub, self.context.undo_stack,
                                            self.editor.current_operation)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.editor)
        split.addWidget(self.adjustments)
        split.setSizes([500, 250])
        self.body.addWidget(self.derive)
        self.body.addWidget(self.plans_view)
        self.approval = ApprovalBar(self.store, hub, self.context.undo_stack)
        self.body.addWidget(self.approval)
        self.body.addSpacing(4)
        self.body.addWidget(split, 1)
        self.plans_view.selectionModel().selectionChanged.connect(self._plan_chosen)
        hub.sig_changed.connect(self._saved)

    def _saved(self, table: str, _serial: int) -> None:
        if table == "annual_plan" and not self.isVisible():
            self._stale = True  # read again when next shown (an undo from another page)
        elif table == "annual_plan":
            self.derive.refresh()
            self._reload_plans(self.editor.plan_id)

    def _made(self, plan_id: uuid.UUID) -> None:
        """A POA was made from the PDM: show it."""
        self._reload_plans(plan_id)

    def refresh(self) -> None:
        self.derive.refresh()
        self._reload_plans(None)

    def _reload_plans(self, keep: uuid.UUID | None) -> None:
        """Read the POAs again and choose ``keep`` (the first one when it is gone)."""
        self.plans.reload()
        fit_columns(self.plans_view)
        fit_height(self.plans_view, max_rows=4)
        row = self.plans.row_of(keep) if keep is not None else -1
        if row < 0 and self.plans.rowCount():
            row = 0
        if row >= 0:
            if self.plans.index(row, 0).data(KEY_ROLE) == self.editor.plan_id:
                self.plans_view.clearSelection()
            self.plans_view.selectRow(row)
        else:
            self._show_plan(None)

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Select a POA, or an operation in its POA (a check's finding, a trace link)."""
        plan_id: uuid.UUID | None = record_id
        if table == "operation":
            with self.store.session() as session:
                plan_id = session.scalar(
                    select(Operation.annual_plan_id).where(Operation.id == record_id)
                )
        elif table != "annual_plan":
            return False
        row = self.plans.row_of(plan_id)
        if row < 0:
            return False
        self.plans_view.selectRow(row)
        if table == "annual_plan":  # a POA outside the plan period: deleted here
            self.approval.delete.setFocus()
            return True
        row = self.operations.row_of(record_id)
        if row >= 0:
            index = self.operations.index(row, 1)
            self.operations_view.setCurrentIndex(index)
            self.operations_view.scrollTo(index)
            self.operations_view.setFocus()
        return row >= 0

    def _plan_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_plan(self.plans.index(indexes[0].row(), 0).data(KEY_ROLE))

    def _show_plan(self, plan_id: object) -> None:
        self.editor.show_plan(plan_id)  # type: ignore[arg-type]
        self.approval.show_plan(plan_id)  # type: ignore[arg-type]
        self.adjustments.show_plan(plan_id)  # type: ignore[arg-type]
        self._show_summary(plan_id)
        fit_columns(self.operations_view, 260)

    def show_counts(self) -> None:
        self._show_summary(self.editor.plan_id)
        self._reread_plans()

    def _reread_plans(self) -> None:
        """Read the POAs table's figures again, the chosen POA still chosen without its
        operations being read again (the cell being typed in stays put)."""
        keep = self.editor.plan_id
        with QSignalBlocker(self.plans_view.selectionModel()):
            self.plans.reload()
            row = self.plans.row_of(keep) if keep is not None else -1
            if row >= 0:
                self.plans_view.selectRow(row)

    def _show_summary(self, plan_id: object) -> None:
        with self.store.session() as session:
            summary = summaries.annual_summary(session, plan_id)  # type: ignore[arg-type]
        if summary.fiscal_year is None:
            self.set_summary(_("No POA recorded yet."))
            set_heading(self.operations_title, _("Operations"))
            return
        self.set_summary(
            counted(ngettext("{n} POA", "{n} POAs", summary.plans), summary.plans),
            _("POA {year}").format(year=summary.fiscal_year),
            counted(
                ngettext("{n} operation", "{n} operations", summary.operations),
                summary.operations,
            ),
            _("budget {currency} {amount}").format(
                currency=self.currency(), amount=formatting.money(summary.budget)
            ),
            counted(
                ngettext("{n} cancelled", "{n} cancelled", summary.cancelled), summary.cancelled
            )
            if summary.cancelled
            else "",
        )
        title = _("Operations of the POA {year}").format(year=summary.fiscal_year)
        set_heading(self.operations_title, title)
