"""Targets per year of every indicator of the plan, typed in like a spreadsheet: an
accepted target is shown at once and saved as an undoable step; a refused one (not a
number, a year outside the plan) changes nothing and its reason names the cell."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QUndoStack
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from planner_desktop.capture.validation import clean_text
from planner_desktop.domain.projects import IndicatorTarget
from planner_desktop.i18n import _
from planner_desktop.plan import targets
from planner_desktop.plan.findings import one_line
from planner_desktop.plan.targets import TargetGrid
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand
from planner_desktop.ui.models.editing import REFUSED_COLOR
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

Index = QModelIndex | QPersistentModelIndex
WATCHED = ("indicator", "indicator_target", "project_profile")


class SetTarget(StoreCommand):
    """One indicator's target for one year ("" removes it)."""

    tables = ("indicator_target",)

    def __init__(self, hub: ChangeHub, text: str, indicator_id: uuid.UUID, year: int,
                 target: str, previous: str) -> None:
        super().__init__(hub, text)
        self.indicator_id, self.year = indicator_id, year
        self.target, self.previous = target, previous

    def _write(self, store: Store, target: str) -> None:
        with store.session() as session:
            targets.set_target(session, self.indicator_id, self.year, target)

    def apply(self, store: Store) -> None:
        self._write(store, self.target)

    def revert(self, store: Store) -> None:
        self._write(store, self.previous)


class TargetsModel(QAbstractTableModel):
    """Indicators down, years across; never opens a dialog."""

    sig_refused = Signal(str)

    def __init__(self, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack = hub, undo_stack
        self.grid: TargetGrid | None = None
        self.refused: tuple[int, int, str] | None = None

    def load(self, grid: TargetGrid | None) -> None:
        self.beginResetModel()
        self.grid, self.refused = grid, None
        self.endResetModel()

    def replace(self, grid: TargetGrid) -> None:
        """Show ``grid`` read again, cell by cell when its shape is the same."""
        old = self.grid
        if (old is None or old.years != grid.years
                or [i.id for i in old.indicators] != [i.id for i in grid.indicators]):
            self.load(grid)
            return
        self.grid = grid
        for row, line in enumerate(grid.indicators):
            for column, year in enumerate(grid.years):
                if old.target(line.id, year) != grid.target(line.id, year):
                    self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.indicators)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.years)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        line = self.grid.indicators[index.row()]
        year = self.grid.years[index.column()]
        refused = self.refused is not None and self.refused[:2] == (index.row(), index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.grid.target(line.id, year)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and refused:
            assert self.refused is not None
            return self.refused[2]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and section < len(self.grid.years):
                return str(self.grid.years[section])
            return None
        if section >= len(self.grid.indicators):
            return None
        line = self.grid.indicators[section]
        unit = f" ({line.unit})" if line.unit else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{line.profile_code} {one_line(line.name, 30)}{unit}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.profile_code} {line.name}{unit}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.grid is None or not index.isValid():
            return False
        line = self.grid.indicators[index.row()]
        year = self.grid.years[index.column()]
        text = clean_text(str(value or ""))
        reason = targets.refuse_target(self.grid, year, text)
        if reason:
            self.refused = (index.row(), index.column(), reason)
            self.dataChanged.emit(index, index)
            field = f"{self.headerData(index.row(), Qt.Orientation.Vertical)} {year}"
            self.sig_refused.emit(_("{field}: {reason}").format(field=field, reason=reason))
            return False
        if self.refused is not None:
            self.refused = None
            self.sig_refused.emit("")
        previous = self.grid.target(line.id, year)
        if text == previous:
            return True
        self.grid.targets[(line.id, year)] = text
        self.dataChanged.emit(index, index)
        self.undo_stack.push(SetTarget(
            self.hub, _("Target of {indicator} in {year}").format(
                indicator=one_line(line.name, 30), year=year),
            line.id, year, text, previous))
        return True


class TargetsEditor(QWidget):
    """The targets grid with its hint and refusal line."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("targetsEditor")
        self.store, self.hub = store, hub
        self.model = TargetsModel(hub, undo_stack, self)
        view = spreadsheet_view(self.model, name="targetsGrid")
        assert isinstance(view, QTableView)
        self.view = view
        view.verticalHeader().show()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refusal = refusal_line("targetsRefusal")
        self.model.sig_refused.connect(self.refusal.setText)
        hint = QLabel(_("The target of each indicator in each year of the plan: a number, "
                        "such as 120 or 85 %."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(view, 1)
        layout.addWidget(self.refusal)
        hub.sig_changed.connect(self._saved)

    def reload(self) -> None:
        with self.store.session() as session:
            self.model.load(targets.target_grid(session))

    def select(self, table: str, record_id: uuid.UUID) -> bool:
        """The keyboard on an indicator's row (its first year) or on a target's cell."""
        indicator_id, year = record_id, None
        if table == "indicator_target":
            with self.store.session() as session:
                target = session.get(IndicatorTarget, record_id)
                if target is None:
                    return False
                indicator_id, year = target.indicator_id, target.year
        grid = self.model.grid
        if grid is None:
            self.reload()
            grid = self.model.grid
        rows = [n for n, line in enumerate(grid.indicators if grid else [])
                if line.id == indicator_id]
        if not rows or grid is None:
            return False
        column = grid.years.index(year) if year in grid.years else 0
        index = self.model.index(rows[0], column)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        return True

    def _saved(self, table: str, _serial: int) -> None:
        if table in WATCHED and self.hub.pending == 0:
            with self.store.session() as session:
                self.model.replace(targets.target_grid(session))
