"""The PDM page's funding sources tab: the municipality's sources typed in, and under
them the chosen source's ceilings per year of the plan period.

"Add source" makes a source with the next free code (``F-01``…) and the keyboard on its
name; every cell is then typed over like a spreadsheet (the kind from a drop-down of
translated labels). "Delete source" deletes the chosen source unless the programming, a
project's funding or a POA operation uses it (the line under the tables says which).
Every change is one step of the window's undo stack; a refused value names its field in
that line and saves nothing. The years are those of the current plan, or of the period
the municipality was set up with while it has no plan.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.projects import FundingSource
from planner_desktop.domain.summaries import current_municipality
from planner_desktop.i18n import N_, _
from planner_desktop.plan import source_ceilings, sources
from planner_desktop.plan.sources import SourceLine
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.deleting import delete_action
from planner_desktop.ui.plan.sources_models import (
    NAME_COLUMN,
    CeilingsModel,
    DeleteSource,
    SourcesModel,
)
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

STRETCH = QHeaderView.ResizeMode.Stretch
FIT = QHeaderView.ResizeMode.ResizeToContents
TAB_TITLE = N_("Funding sources")
"""The tab's title (translate it with ``_``)."""
CEILING_TABLES = ("source_ceiling", "plan", "municipality")
"""Writes after which the chosen source's ceilings (and years) are read again."""


class FundingSourcesTab(QWidget):
    """The sources table, its buttons, the chosen source's ceilings and the refusal line."""

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("fundingSourcesTab")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.municipality_id: uuid.UUID | None = None
        self.model = SourcesModel(hub, undo_stack, self)
        self.view = self._table(self.model, "fundingSourcesTable")
        self.ceilings = CeilingsModel(hub, undo_stack, self)
        self.ceilings_view = self._table(self.ceilings, "sourceCeilingsTable")
        self._shape_tables()
        self.add = QPushButton(_("Add source"))
        self.add.setObjectName("addSourceButton")
        self.add.clicked.connect(self.add_source)
        self.delete = QPushButton(_("Delete source"))
        self.delete.setObjectName("deleteSourceButton")
        self.delete.clicked.connect(self.delete_source)
        self.ceilings_title = QLabel()
        self.ceilings_title.setObjectName("ceilingsTitle")
        self.refusal = refusal_line("sourcesRefusal")
        for model in (self.model, self.ceilings):
            model.sig_refused.connect(self._refused)
        delete_action(self.view, self.delete_source)
        self.view.selectionModel().currentRowChanged.connect(
            lambda _now, _before: self._show_ceilings()
        )
        self._lay_out()
        hub.sig_changed.connect(self._saved)
        hub.sig_failed.connect(self._failed)
        self.reload()

    @staticmethod
    def _table(model: SourcesModel | CeilingsModel, name: str) -> QTableView:
        view = spreadsheet_view(model, name=name)
        assert isinstance(view, QTableView)
        return view

    def _shape_tables(self) -> None:
        """Name and funder take the room left; the ceilings are one row, years stretched."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        for column, field in enumerate(sources.FIELDS):
            wide = field in ("name", "funder")
            header.setSectionResizeMode(column, STRETCH if wide else FIT)
        view = self.ceilings_view
        view.verticalHeader().show()
        view.horizontalHeader().setSectionResizeMode(STRETCH)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_ceilings()

    def _fit_ceilings(self) -> None:
        """The ceilings table as high as its header and its one row."""
        view = self.ceilings_view
        header = max(view.horizontalHeader().sizeHint().height(), view.fontMetrics().height() + 8)
        row = view.verticalHeader().defaultSectionSize()
        view.setFixedHeight(header + row + 2 * view.frameWidth())

    def _lay_out(self) -> None:
        hint = QLabel(
            _(
                "Type over a cell to change it; each year's ceiling is what the "
                "source can give to the plan that year. Every change is saved and "
                "can be undone."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.ceilings_title)
        layout.addWidget(self.ceilings_view)
        layout.addWidget(self.refusal)

    # --- reading -------------------------------------------------------------------------

    def current_source(self) -> SourceLine | None:
        index = self.view.currentIndex()
        lines = self.model.lines
        return lines[index.row()] if index.isValid() and index.row() < len(lines) else None

    def reload(self, *, force: bool = False) -> None:
        """Read the sources again, keeping the chosen one (and the cell) chosen; the
        tables are only rebuilt when what they show changed (or when ``force``)."""
        chosen = self.current_source()
        column = max(self.view.currentIndex().column(), 0)
        with self.store.session() as session:
            municipality = current_municipality(session)
            self.municipality_id = municipality.id if municipality is not None else None
            lines = [] if municipality is None else sources.live_sources(session, municipality.id)
        if force or lines != self.model.lines:
            self.model.load(lines)
            self._choose(chosen.id if chosen is not None else None, column)
        self.add.setEnabled(self.municipality_id is not None)
        self._show_ceilings(force=force)

    def _choose(self, source_id: uuid.UUID | None, column: int) -> None:
        row = self.model.row_of(source_id)
        if row < 0 and self.model.lines:
            row = 0
        index = self.model.index(row, column) if row >= 0 else QModelIndex()
        self.view.setCurrentIndex(index)
        if index.isValid():
            self.view.scrollTo(index)

    def _show_ceilings(self, *, force: bool = False) -> None:
        line = self.current_source()
        self.delete.setEnabled(line is not None)
        if line is None:
            self.ceilings.load(None, [], [], {})
            self.ceilings_title.setText(_("Add a funding source to type its ceilings."))
            return
        with self.store.session() as session:
            period = (
                source_ceilings.plan_years(session, self.municipality_id)
                if self.municipality_id is not None
                else []
            )
            amounts = source_ceilings.ceilings(session, line.id)
        years = sorted({*period, *amounts})  # a source not saved yet has none
        self.ceilings_title.setText(
            _("Ceilings of {source} per year").format(source=f"{line.code} {line.name}")
        )
        shown = (self.ceilings.source_id, self.ceilings.years, self.ceilings.amounts)
        if force or (line.id, years, amounts) != shown:
            self.ceilings.load(line.id, years, period, amounts)
            self._fit_ceilings()

    def _refused(self, reason: str) -> None:
        self.refusal.setText(reason)
        if not reason:
            self.model.forget_refusal()
            self.ceilings.forget_refusal()

    def _saved(self, table: str, _serial: int) -> None:
        """Read again once every queued write is saved (a cell typed meanwhile stays, and
        a cell being typed is not closed under the person's fingers)."""
        editing = QAbstractItemView.State.EditingState
        if self.hub.pending or editing in (self.view.state(), self.ceilings_view.state()):
            return
        if table == "funding_source":
            self.reload()
        elif table in CEILING_TABLES:
            self._show_ceilings()

    def _failed(self, reason: str) -> None:
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
        self.reload(force=True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.hub.pending:
            self.reload()

    # --- adding and deleting -------------------------------------------------------------

    def add_source(self) -> uuid.UUID | None:
        """A new source with the next free code, the keyboard on its name."""
        if self.municipality_id is None:
            self.refusal.setText(_("There is no municipality yet."))
            return None
        with self.store.session() as session:
            taken = [line.code for line in self.model.lines]
            code = sources.next_code(session, self.municipality_id, taken)
            try:
                values = sources.new_source_values(session, self.municipality_id, code=code)
            except Invalid as error:
                self.refusal.setText(str(error))
                return None
        command = CreateRecord(self.hub, _("New funding source"), FundingSource, values)
        self.undo_stack.push(command)
        fields = {field: values[field] for field in sources.FIELDS}
        line = SourceLine(command.record_id, **fields)
        self.model.load(sorted([*self.model.lines, line], key=lambda s: s.code.upper()))
        self._choose(line.id, NAME_COLUMN)
        self.view.setFocus()
        self.refusal.clear()
        return line.id

    def delete_source(self) -> bool:
        """Delete the chosen source, or say in the line under the tables what uses it."""
        line = self.current_source()
        if line is None:
            return False
        try:
            with self.store.session() as session:
                reason = sources.delete_refusal(session, line.id)
        except LookupError as error:
            reason = str(error)
        if reason:
            self.refusal.setText(reason)
            return False
        self.undo_stack.push(
            DeleteSource(self.hub, _("Delete {what}").format(what=line.code), line.id)
        )
        row = self.model.row_of(line.id)
        self.model.load([s for s in self.model.lines if s.id != line.id])
        self._choose(None if row <= 0 else self.model.lines[row - 1].id, 0)
        self.refusal.clear()
        return True

    def select_source(self, source_id: uuid.UUID) -> bool:
        """Show ``source_id`` (a finding about it, for instance); False if it is gone."""
        self.reload()
        if self.model.row_of(source_id) < 0:
            return False
        self._choose(source_id, 0)
        return True
