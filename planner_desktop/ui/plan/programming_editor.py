"""The programming grid's page part: a funding source chooser over the grid of
:mod:`.programming_grid`, its hint and the refusal line under it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.plan import programming, records
from planner_desktop.plan.programming import Cell, SourceGrid
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.choosers import find_data, select_data
from planner_desktop.ui.plan.programming_grid import WATCHED, ProgrammingModel
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view


class ProgrammingEditor(QWidget):
    """A source chooser over the grid and the refusal line under it."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmingEditor")
        self.store, self.hub = store, hub
        self.source = QComboBox()
        self.source.setObjectName("programmingSource")
        self.source.currentIndexChanged.connect(lambda _n: self.reload())
        self.model = ProgrammingModel(hub, undo_stack, self)
        view = spreadsheet_view(self.model, name="programmingGrid")
        assert isinstance(view, QTableView)
        self.view = view
        self.view.verticalHeader().show()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refusal = refusal_line("programmingRefusal")
        self.model.sig_refused.connect(self.refusal.setText)
        hint = QLabel(_("Type an amount in a year; the totals, the ceiling and what remains "
                        "follow. Every change is saved and can be undone."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Funding source")))
        top.addWidget(self.source, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal)
        hub.sig_changed.connect(self._saved)
        hub.sig_failed.connect(self._failed)

    def load_sources(self) -> None:
        chosen = self.source.currentData()
        with self.store.session() as session:
            sources = records.funding_sources(session)
        self.source.blockSignals(True)
        self.source.clear()
        for source_id, text in sources:
            self.source.addItem(text, source_id)
        if chosen is not None:
            select_data(self.source, chosen)
        self.source.blockSignals(False)
        self.reload()

    def _read(self) -> SourceGrid | None:
        source_id = self.source.currentData()
        if source_id is None:
            return None
        with self.store.session() as session:
            return programming.source_grid(session, source_id)

    def reload(self) -> None:
        self.model.load(self._read())

    def _saved(self, table: str, _serial: int) -> None:
        """Read again once every queued write is saved (a later cell stays as typed)."""
        if table == "funding_source":
            self.load_sources()
        elif table in WATCHED and self.hub.pending == 0:
            self.model.replace(self._read())

    def _failed(self, reason: str) -> None:
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
        self.model.replace(self._read())

    def select_cell(self, cell: Cell) -> bool:
        if find_data(self.source, cell.source_id) < 0:
            self.load_sources()
        if not select_data(self.source, cell.source_id):
            return False
        self.reload()
        index = self.model.index_of(cell)
        if not index.isValid():
            return False
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        return True

    def focus_first_cell(self) -> bool:
        """The keyboard on the first cell that can be typed in (a finding that asks for
        money to be programmed)."""
        model = self.view.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                if index.flags() & Qt.ItemFlag.ItemIsEditable:
                    self.view.setCurrentIndex(index)
                    self.view.scrollTo(index)
                    self.view.setFocus()
                    return True
        self.view.setFocus()
        return False

    def current_source(self) -> uuid.UUID | None:
        return self.source.currentData()  # type: ignore[no-any-return]
