"""Marks on the rows of a table: a record in an unresolved conflict, or a row whose figures
do not add up. A marked row is tinted, its first column carries a warning sign and every
cell says why in its tooltip, so a person never reads such a value as settled."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from planner_desktop.domain.base import Synced
from planner_desktop.exchange.conflict_marks import conflicted_ids, explanation
from planner_desktop.store.database import Store
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.models.editing import FieldSpec
from planner_desktop.ui.queries import TableQuery

CONFLICT_COLOR = QColor("#fde2b8")
"""The tint of a row in conflict."""
WARNING_COLOR = QColor("#fff3cd")
"""The tint of the cells that do not add up."""
MARK_COLUMN = 0
"""The column carrying the warning sign."""


def warning_icon() -> QIcon:
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else QIcon()


def mark(role: int, column: int, why: str, color: QColor,
         icon_column: int = MARK_COLUMN) -> tuple[bool, Any]:
    """(handled, value) of a marked cell for ``role``; display roles are not handled."""
    if role == Qt.ItemDataRole.BackgroundRole:
        return True, QBrush(color)
    if role == Qt.ItemDataRole.ToolTipRole:
        return True, why
    if role == Qt.ItemDataRole.DecorationRole and column == icon_column:
        return True, warning_icon()
    return False, None


class ConflictMarks:
    """The records of one table in an unresolved conflict, read again by :meth:`reload`
    (the owning model calls it whenever it reads its rows again)."""

    def __init__(self, store: Store | None, table: str) -> None:
        self.store = store
        self.table = table
        self.ids: set[uuid.UUID] = set()

    def reload(self) -> bool:
        """Read the conflicts again; whether the marked records changed."""
        if self.store is None:
            return False
        with self.store.session() as session:
            ids = conflicted_ids(session, self.table)
        changed, self.ids = ids != self.ids, ids
        return changed

    def data(self, key: Any, column: int, role: int) -> tuple[bool, Any]:
        """(handled, value) for a cell of the row ``key``."""
        if key not in self.ids:
            return False, None
        return mark(role, column, explanation(), CONFLICT_COLOR)


def repaint_all(model: QAbstractItemModel) -> None:
    """Every cell of a flat ``model`` may show another mark: ask the views to repaint."""
    rows, columns = model.rowCount(), model.columnCount()
    if rows and columns:
        model.dataChanged.emit(model.index(0, 0), model.index(rows - 1, columns - 1),
                               [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole,
                                Qt.ItemDataRole.DecorationRole])


class ConflictMarkedModel(EditableQueryModel):
    """An editable table whose rows in an unresolved conflict are marked: the marks are
    read again with the rows, and a change of the conflicts alone repaints the table."""

    def __init__(
        self,
        store: Store,
        query: TableQuery,
        record: type[Synced],
        fields: dict[int, FieldSpec],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, query, record, fields, parent)
        self.conflicts = ConflictMarks(store, str(record.__tablename__))  # type: ignore[attr-defined]
        self.also_reload_on.add("merge_conflict")

    def reload(self, query: TableQuery | None = None) -> None:
        self.conflicts.reload()
        super().reload(query)

    def refresh(self) -> None:
        changed = self.conflicts.reload()
        super().refresh()
        if changed:
            repaint_all(self)
