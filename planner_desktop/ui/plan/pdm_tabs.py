"""The lower tabs of the PDM page: the five-year programming by project, its totals by
source and year, and the targets by year of every indicator."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHeaderView, QTabWidget, QVBoxLayout, QWidget

from planner_desktop.domain import summaries
from planner_desktop.i18n import _
from planner_desktop.plan import programming
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.models.grid import GridModel
from planner_desktop.ui.pages.base import fit_height, section_label, set_heading, table_view
from planner_desktop.ui.plan.programming_editor import ProgrammingEditor
from planner_desktop.ui.plan.targets_grid import TargetsEditor

PROGRAMMING_TABLES = ("funding_source", "source_ceiling", "multi_year_programming")
"""Tables shown in the programming grid."""


class PdmTabs(QTabWidget):
    """Programming by project, totals by source, targets by year (then the annexes)."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, currency: str) -> None:
        super().__init__()
        self.setObjectName("pdmTabs")
        self.setDocumentMode(True)
        self.store, self.currency = store, currency
        self.programming = GridModel(self, fmt=formatting.money)
        self.programming_view = table_view(self.programming, name="programming")
        self.programming_view.verticalHeader().show()
        self.programming_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.programming_view.setSelectionMode(self.programming_view.SelectionMode.NoSelection)
        self.programming_title = section_label()
        self.editor = ProgrammingEditor(store, hub, undo_stack)
        self.targets = TargetsEditor(store, hub, undo_stack)
        summary = QWidget()
        summary_layout = QVBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.programming_title)
        summary_layout.addWidget(self.programming_view)
        summary_layout.addStretch(1)
        self.addTab(self.editor, _("Programming by project"))
        self.addTab(summary, _("Totals by source"))
        self.addTab(self.targets, _("Targets by year"))
        hub.sig_changed.connect(self._saved)

    def refresh(self) -> None:
        self.editor.load_sources()
        self.targets.reload()
        self.show_totals()

    def select(self, table: str, record_id: uuid.UUID) -> bool:
        """Go to a programming cell or an indicator's targets (a finding, a trace link)."""
        if table in PROGRAMMING_TABLES:
            with self.store.session() as session:
                cell = programming.cell_of(session, table, record_id)
            self.setCurrentWidget(self.editor)
            if cell is None or not self.editor.select_cell(cell):
                return False
            self.editor.view.setFocus()
            return True
        if table in ("indicator", "indicator_target"):
            self.setCurrentWidget(self.targets)
            return self.targets.select(table, record_id)
        return False

    def _saved(self, table: str, _serial: int) -> None:
        if table in PROGRAMMING_TABLES and self.isVisible():
            self.show_totals()

    def show_totals(self) -> None:
        """Funding sources down, years across, with totals."""
        with self.store.session() as session:
            totals = summaries.programming_totals(session)
        years = totals.years
        rows = [
            [totals.amounts.get((year, source)) for year in years] + [totals.source_total(source)]
            for source in totals.sources
        ]
        sums = [totals.year_total(year) for year in years] + [totals.total]
        self.programming.set_grid(
            [totals.names.get(source, source) for source in totals.sources] + [_("Total")],
            [str(year) for year in years] + [_("Total")],
            [*rows, sums],
            total_row=True,
            total_column=True,
        )
        set_heading(
            self.programming_title,
            _("Five-year programming ({currency})").format(currency=self.currency),
        )
        fit_height(self.programming_view)
