"""A small read-only grid of figures computed by an aggregate query (counts, totals).

Not a copy of database rows: each cell is one aggregate, such as findings per dimension
and kind or the programmed amount per year and source.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from planner_desktop.ui import formatting

Index = QModelIndex | QPersistentModelIndex


class GridModel(QAbstractTableModel):
    """Rows × columns of numbers with translated headers; the last row/column may be totals."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        fmt: Callable[[Any], str] = formatting.number,
    ) -> None:
        super().__init__(parent)
        self._rows: list[str] = []
        self._columns: list[str] = []
        self._values: list[list[Any]] = []
        self._fmt = fmt
        self._bold_rows: frozenset[int] = frozenset()
        self._bold_columns: frozenset[int] = frozenset()

    def set_grid(
        self,
        rows: Sequence[str],
        columns: Sequence[str],
        values: Sequence[Sequence[Any]],
        *,
        total_row: bool = False,
        total_column: bool = False,
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._columns = list(columns)
        self._values = [list(row) for row in values]
        self._bold_rows = frozenset({len(self._rows) - 1} if total_row else ())
        self._bold_columns = frozenset({len(self._columns) - 1} if total_column else ())
        self.endResetModel()

    def value(self, row: int, column: int) -> Any:
        return self._values[row][column]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._fmt(self._values[row][column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.RIGHT
        if role == Qt.ItemDataRole.FontRole and (
            row in self._bold_rows or column in self._bold_columns
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        labels = self._columns if orientation == Qt.Orientation.Horizontal else self._rows
        return labels[section] if 0 <= section < len(labels) else None
