"""Proyectos: the project profiles that answer the prioritised demands."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget

from planner_desktop.domain import labels, summaries
from planner_desktop.domain.enums import Phase, Recommendation
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan.records import PROFILE_TABLES, profile_of
from planner_desktop.ui import formatting
from planner_desktop.ui.pages.base import Page, counted

if TYPE_CHECKING:
    from planner_desktop.plan.checks import CheckReport


class ProjectsPage(Page):
    phase = Phase.projects
    count_tables = frozenset({"project_profile", "component", "profile_funding"})

    sig_jump = Signal(str, object)
    """Go to a record this page does not show (the window switches pages)."""

    def build(self) -> None:
        from planner_desktop.ui.changes import hub_for
        from planner_desktop.ui.plan.checks_panel import ChecksPanel
        from planner_desktop.ui.plan.profiles_tab import ProfilesTab
        from planner_desktop.ui.plan.trace_view import TraceView

        hub = hub_for(self.context.undo_stack, self.store)
        self.profiles_tab = ProfilesTab(self.context, hub)
        self.profiles = self.profiles_tab.profiles
        self.profiles_view = self.profiles_tab.view
        self.checks = ChecksPanel(self.store, hub)
        self.trace = TraceView(self.store)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.profiles_tab, _("Profiles"))
        self.tabs.addTab(self.checks, _("Checks"))
        self.tabs.addTab(self.trace, _("Traceability"))
        self.body.addWidget(self.tabs)
        self.checks.sig_jump.connect(self.select_record)
        self.checks.sig_checked.connect(self._checked)
        self.trace.sig_jump.connect(self._trace_jump)
        self.trace.sig_new_profile.connect(self._new_profile)

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Show a record: a profile's part in the editor, a demand's chain; else ask the
        window to go to the page that shows it."""
        if table == "multi_year_programming":  # shown in the PDM's programming grid
            self.sig_jump.emit(table, record_id)
            return False
        with self.store.session() as session:
            profile_id = profile_of(session, table, record_id)
        if profile_id is not None:
            self.tabs.setCurrentWidget(self.profiles_tab)
            if not self.profiles_tab.select_profile(profile_id):
                return False
            if table == "project_profile":
                self.profiles_tab.editor.focus_gap()
                return True
            return self.profiles_tab.editor.select_part(table, record_id)
        if table in ("indicator", "indicator_target"):  # of a strategic objective
            self.sig_jump.emit(table, record_id)
            return False
        if table in PROFILE_TABLES:  # a record that no longer exists
            return False
        if table == "demand":
            self.tabs.setCurrentWidget(self.trace)
            self.trace.show_demand(record_id)
            self.trace.new_profile.setFocus()  # the fix: a profile that answers it
            return True
        self.sig_jump.emit(table, record_id)
        return False

    def _trace_jump(self, table: str, record_id: uuid.UUID) -> None:
        if table == "demand":
            self.sig_jump.emit(table, record_id)
        else:
            self.select_record(table, record_id)

    def _new_profile(self, demand_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.profiles_tab)
        self.profiles_tab.new_from_demand(demand_id)

    def _checked(self, report: CheckReport) -> None:
        self.tabs.setTabText(1, _("Checks ({errors} errors, {warnings} warnings)").format(
            errors=report.errors, warnings=report.warnings))

    def refresh(self) -> None:
        self.profiles_tab.refresh()
        self.show_counts()

    def show_counts(self) -> None:
        with self.store.session() as session:
            summary = summaries.projects_summary(session)
        recommendations = [
            f"{labels.label(rec)}: {summary.recommendations[rec]}"
            for rec in Recommendation
            if summary.recommendations.get(rec)
        ]
        self.set_summary(
            counted(
                ngettext("{n} project profile", "{n} project profiles", summary.profiles),
                summary.profiles,
            ),
            _("total cost {currency} {amount}").format(
                currency=self.currency(), amount=formatting.money(summary.total_cost)
            ),
            ", ".join(recommendations),
        )
