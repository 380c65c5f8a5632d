"""Seguimiento: physical and financial progress of projects and operations, and the
re-prioritisation of dropped or postponed demands."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QTabWidget

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.pages.base import Page, counted, fit_columns, table_view


class FollowUpPage(Page):
    phase = Phase.follow_up

    def build(self) -> None:
        from planner_desktop.ui.changes import hub_for
        from planner_desktop.ui.plan.reprioritize_panel import ReprioritizePanel

        self.progress = self.table_model(queries.progress())
        self.progress_view = table_view(self.progress, name="progress")
        hub = hub_for(self.context.undo_stack, self.store)
        self.reprioritize = ReprioritizePanel(self.store, hub, self.context.undo_stack)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.progress_view, _("Progress"))
        self.tabs.addTab(self.reprioritize, _("Re-prioritisation"))
        self.body.addWidget(self.tabs)

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Select a progress record (a trace link, a check's finding)."""
        if table != "progress":
            return False
        row = self.progress.row_of(record_id)
        if row < 0:
            return False
        self.tabs.setCurrentWidget(self.progress_view)
        self.progress_view.selectRow(row)
        self.progress_view.scrollTo(self.progress.index(row, 0))
        return True

    def refresh(self) -> None:
        self.progress.reload()
        self.reprioritize.refresh()
        with self.store.session() as session:
            summary = summaries.follow_up_summary(session)
        self.set_summary(
            counted(
                ngettext("{n} progress record", "{n} progress records", summary.records),
                summary.records,
            ),
            counted(ngettext("{n} project", "{n} projects", summary.projects), summary.projects),
            counted(
                ngettext("{n} operation", "{n} operations", summary.operations),
                summary.operations,
            ),
            _("average physical progress {percent}").format(
                percent=formatting.percent(summary.average_physical)
            )
            if summary.average_physical is not None
            else "",
            _("executed {currency} {amount}").format(
                currency=self.currency(), amount=formatting.money(summary.financial_executed)
            ),
        )
        fit_columns(self.progress_view)
