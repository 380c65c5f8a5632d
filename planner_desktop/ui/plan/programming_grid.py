"""The five-year programming typed in: for one funding source, projects down and years
across, then the year's total, the source's ceiling and what remains under it.

Accepted amounts show at once, with the totals and what remains, and are saved by an
undoable step on the write worker; a refused amount changes nothing, its cell is painted
and the reason shown under the grid.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.i18n import _
from planner_desktop.plan import programming, validate
from planner_desktop.plan.programming import Cell, SourceGrid
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.models.editing import REFUSED_COLOR
from planner_desktop.ui.plan.parsers import parse_amount
from planner_desktop.ui.plan.plan_commands import SetCeiling, SetProgramming

Index = QModelIndex | QPersistentModelIndex
OVER_COLOR = QColor("#a4161a")
FOOTER = 3
"""Rows under the projects: total, ceiling, remaining."""
WATCHED = ("multi_year_programming", "source_ceiling", "project_profile", "component",
           "funding_source")


class ProgrammingModel(QAbstractTableModel):
    """The grid of one source (see the module docstring); never opens a dialog."""

    sig_refused = Signal(str)

    def __init__(self, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack = hub, undo_stack
        self.grid: SourceGrid | None = None
        self.refused: tuple[int, int, str] | None = None

    # --- shape ---------------------------------------------------------------------

    @property
    def projects(self) -> int:
        return len(self.grid.projects) if self.grid else 0

    @property
    def total_row(self) -> int:
        return self.projects

    @property
    def ceiling_row(self) -> int:
        return self.projects + 1

    @property
    def remaining_row(self) -> int:
        return self.projects + 2

    def load(self, grid: SourceGrid | None) -> None:
        self.beginResetModel()
        self.grid = grid
        self.refused = None
        self.endResetModel()

    def replace(self, grid: SourceGrid | None) -> None:
        """Show ``grid`` read again: in place, cell by cell, when its rows and years are
        the same (a cell being typed in stays open), else from scratch."""
        old = self.grid
        if (old is None or grid is None or old.years != grid.years
                or [p.id for p in old.projects] != [p.id for p in grid.projects]):
            self.load(grid)
            return
        before = [[self._value(r, c) for c in range(self.columnCount())]
                  for r in range(self.rowCount())]
        self.grid = grid
        for r, values in enumerate(before):
            for c, value in enumerate(values):
                if self._value(r, c) != value:
                    index = self.index(r, c)
                    self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else self.projects + FOOTER

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.years) + 1

    def year_of(self, column: int) -> int | None:
        years = self.grid.years if self.grid else []
        return years[column] if 0 <= column < len(years) else None

    def index_of(self, cell: Cell) -> QModelIndex:
        if self.grid is None or cell.year not in self.grid.years:
            return QModelIndex()
        column = self.grid.years.index(cell.year)
        if cell.profile_id is None:
            return self.index(self.ceiling_row, column)
        rows = [p.id for p in self.grid.projects]
        if cell.profile_id not in rows:
            return QModelIndex()
        return self.index(rows.index(cell.profile_id), column)

    # --- reading -------------------------------------------------------------------

    def _value(self, row: int, column: int) -> Decimal | None:
        grid = self.grid
        assert grid is not None
        year = self.year_of(column)
        if row < self.projects:
            profile = grid.projects[row].id
            return grid.amount(profile, year) if year else grid.project_total(profile)
        if row == self.total_row:
            return grid.year_total(year) if year else grid.total
        if row == self.ceiling_row:
            if year:
                return grid.ceilings.get(year)
            return sum(grid.ceilings.values(), Decimal(0)) if grid.ceilings else None
        if year:
            return grid.remaining(year)
        if not grid.ceilings:
            return None
        return sum(grid.ceilings.values(), Decimal(0)) - sum(
            (grid.year_total(y) for y in grid.ceilings), Decimal(0))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        refused = self.refused is not None and self.refused[:2] == (row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self._value(row, column)
            if value is None:
                return "—" if role == Qt.ItemDataRole.DisplayRole and row > self.total_row else ""
            if not value and row < self.projects and self.year_of(column) is not None:
                return ""  # nothing programmed: a blank cell reads faster than a zero
            return formatting.money(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole and row == self.remaining_row:
            value = self._value(row, column)
            return QBrush(OVER_COLOR) if value is not None and value < 0 else None
        if role == Qt.ItemDataRole.FontRole and (row >= self.total_row
                                                 or column == len(self.grid.years)):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if refused:
                assert self.refused is not None
                return self.refused[2]
            if row < self.projects and column == len(self.grid.years):
                line = self.grid.projects[row]
                reason = validate.funding_split(line.cost, [line.programmed_all])
                return reason or _("the programming covers the cost")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None or role not in (Qt.ItemDataRole.DisplayRole,
                                             Qt.ItemDataRole.ToolTipRole):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            if orientation == Qt.Orientation.Vertical and section < self.projects:
                line = self.grid.projects[section]
                return f"{line.code} {line.name}"
            return None
        if orientation == Qt.Orientation.Horizontal:
            year = self.year_of(section)
            return str(year) if year else _("Total")
        if section < self.projects:
            line = self.grid.projects[section]
            return f"{line.code} {records_name(line.name)}"
        return (_("Total of the year"), _("Ceiling"), _("Remaining"))[section - self.projects]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (index.isValid() and self.year_of(index.column()) is not None
                and index.row() in (*range(self.projects), self.ceiling_row)):
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    # --- typing --------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        grid = self.grid
        year = self.year_of(index.column())
        if role != Qt.ItemDataRole.EditRole or grid is None or year is None:
            return False
        row = index.row()
        try:
            if row == self.ceiling_row:
                typed = clean_text(str(value or ""))
                ceiling = parse_amount(typed) if typed else None
                reason = programming.refuse_ceiling(grid, year, ceiling)
            elif row < self.projects:
                amount = parse_amount(value)
                reason = programming.refuse_amount(grid, grid.projects[row].id, year, amount)
            else:
                return False
        except Invalid as error:
            reason = error.reason
        if reason:
            self.refused = (row, index.column(), reason)
            self.dataChanged.emit(index, index)
            field = f"{self.headerData(row, Qt.Orientation.Vertical)} {year}"
            self.sig_refused.emit(_("{field}: {reason}").format(field=field, reason=reason))
            return False
        self._clear_refusal()
        if row == self.ceiling_row:
            self._set_ceiling(year, ceiling)
        else:
            self._set_amount(row, year, amount)
        self.dataChanged.emit(self.index(0, 0),
                              self.index(self.rowCount() - 1, self.columnCount() - 1))
        return True

    def _set_amount(self, row: int, year: int, amount: Decimal) -> None:
        grid = self.grid
        assert grid is not None
        line = grid.projects[row]
        previous = grid.amount(line.id, year)
        if previous == amount:
            return
        grid.amounts[(line.id, year)] = amount
        grid.projects[row] = programming.ProjectLine(
            line.id, line.code, line.name, line.cost, line.programmed_all - previous + amount)
        self.undo_stack.push(SetProgramming(
            self.hub, _("Programme {project} in {year}").format(project=line.code, year=year),
            line.id, year, grid.source_id, amount, previous))

    def _set_ceiling(self, year: int, ceiling: Decimal | None) -> None:
        grid = self.grid
        assert grid is not None
        previous = grid.ceilings.get(year)
        if previous == ceiling:
            return
        if ceiling is None:
            grid.ceilings.pop(year, None)
        else:
            grid.ceilings[year] = ceiling
        self.undo_stack.push(SetCeiling(
            self.hub, _("Ceiling of {year}").format(year=year), grid.source_id, year,
            ceiling, previous))

    def _clear_refusal(self) -> None:
        if self.refused is not None:
            self.refused = None
            self.sig_refused.emit("")


def records_name(name: str) -> str:
    from planner_desktop.plan.findings import one_line

    return one_line(name, 26)
