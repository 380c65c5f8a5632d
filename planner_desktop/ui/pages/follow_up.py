"""Seguimiento: where each project and operation stands (physical and financial progress,
compliance of targets, results against resources), recording its progress, every progress
record, and the re-prioritisation of dropped or postponed demands."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget
from sqlalchemy import select

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.follow_up import Progress
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.models.table import KEY_ROLE
from planner_desktop.ui.pages.base import Page, counted, fit_columns, table_view
from planner_desktop.ui.plan.follow_table import TABLE_ROLE

WATCHED = ("progress", "operation", "annual_plan", "plan_adjustment", "component",
           "project_profile")
"""Tables whose changes move the follow-up figures."""


class FollowUpPage(Page):
    phase = Phase.follow_up
    count_tables = frozenset({"progress"})
    """The header counts progress records (and the projects and operations they are of)."""

    def build(self) -> None:
        from planner_desktop.ui.changes import hub_for
        from planner_desktop.ui.plan.follow_table import FollowUpModel, SortedFollowUp
        from planner_desktop.ui.plan.progress_panel import ProgressPanel
        from planner_desktop.ui.plan.reprioritize_panel import ReprioritizePanel

        self.progress = self.table_model(queries.progress())
        self.progress_view = table_view(self.progress, name="progress")
        hub = hub_for(self.context.undo_stack, self.store)
        self.follow = FollowUpModel(self.store, self)
        self.follow_sorted = SortedFollowUp(self.follow, self)
        self.follow_view = table_view(self.follow_sorted, name="followUp")
        self.follow_view.setSortingEnabled(True)
        self.follow_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.entry = ProgressPanel(self.store, hub, self.context.undo_stack)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("followUpSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(self.follow_view)
        split.addWidget(self.entry)
        split.setSizes([400, 350])
        self.follow_split = split
        self.reprioritize = ReprioritizePanel(self.store, hub, self.context.undo_stack)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(split, _("Follow-up"))
        self.tabs.addTab(self.progress_view, _("Progress records"))
        self.tabs.addTab(self.reprioritize, _("Re-prioritisation"))
        self.body.addWidget(self.tabs)
        self.follow_view.selectionModel().selectionChanged.connect(self._chosen)
        hub.sig_changed.connect(self._saved)

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.choose(self.follow_sorted.index(indexes[0].row(), 0))

    def choose(self, index: object) -> None:
        key = index.data(KEY_ROLE)  # type: ignore[attr-defined]
        table = index.data(TABLE_ROLE)  # type: ignore[attr-defined]
        if (key, table) != self._shown():
            self.entry.show_subject(key, table)

    def _shown(self) -> tuple[object, object]:
        subject = self.entry.subject
        return (subject.id, subject.table) if subject else (None, None)

    def _saved(self, table: str, _serial: int) -> None:
        if table not in WATCHED:
            return
        if not self.isVisible():
            self._stale = True  # read again when next shown (an undo from another page)
            return
        self._reload_follow()
        if table == "progress":
            self.progress.reload()

    def _reload_follow(self) -> None:
        """Read the figures again, keeping the chosen row chosen."""
        shown = self._shown()
        self.follow.reload()
        if shown[0] is None:
            return
        for row in range(self.follow_sorted.rowCount()):
            index = self.follow_sorted.index(row, 0)
            if (index.data(KEY_ROLE), index.data(TABLE_ROLE)) == shown:
                self.follow_view.selectRow(row)
                return

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Select a progress record (a trace link, a check's finding) where it is edited:
        its project or operation chosen, the record's date in the history under it."""
        if table != "progress":
            return False
        with self.store.session() as session:
            owner = session.execute(
                select(Progress.operation_id, Progress.profile_id)
                .where(Progress.id == record_id, Progress.deleted_at.is_(None))
            ).first()
        if owner is None:
            return False
        subject = ("operation", owner[0]) if owner[0] else ("project_profile", owner[1])
        self.tabs.setCurrentWidget(self.follow_split)
        for row in range(self.follow_sorted.rowCount()):
            index = self.follow_sorted.index(row, 0)
            if (index.data(TABLE_ROLE), index.data(KEY_ROLE)) == subject:
                self.follow_view.selectRow(row)
                self.follow_view.scrollTo(index)
                break
        if self._shown() != (subject[1], subject[0]):
            self.entry.show_subject(subject[1], subject[0])
        row = self.entry.model.row_of(record_id)
        if row < 0:
            return False
        cell = self.entry.model.index(row, 0)
        self.entry.view.setCurrentIndex(cell)
        self.entry.view.scrollTo(cell)
        self.entry.view.setFocus()
        return True

    def refresh(self) -> None:
        self.progress.reload()
        self._reload_follow()
        fit_columns(self.follow_view)
        self.reprioritize.refresh()
        self.show_counts()
        fit_columns(self.progress_view)

    def show_counts(self) -> None:
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
