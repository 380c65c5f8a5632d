"""A lazy table over a query whose cells can be typed into (see :mod:`.editing`).

Suits lists of hundreds of rows (communities, findings of one self-diagnosis, persons):
after a saved change to its table the keys are read again, and the rows when shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack

from planner_desktop.domain.base import Synced
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.models.editing import EditSupport, FieldSpec, Index
from planner_desktop.ui.models.table import PAGE_SIZE, QueryTableModel
from planner_desktop.ui.queries import TableQuery


class EditableQueryModel(QueryTableModel):
    """A :class:`QueryTableModel` whose rows are ``record`` rows and whose ``fields``
    columns are editable. Never opens a dialog: refusals go out by ``sig_refused``."""

    sig_refused = Signal(str)
    """A typed value was refused, with the reason ("" when the refusal is cleared)."""

    def __init__(
        self,
        store: Store,
        query: TableQuery,
        record: type[Synced],
        fields: dict[int, FieldSpec],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(store, query, parent)
        self.record = record
        self.editing = EditSupport(self, record, fields, self.key, self.sig_refused.emit)
        self.also_reload_on: set[str] = set()
        """Other tables whose changes this list shows (for example a joined name)."""
        self.follow_order = False
        """Reorder the rows when a saved change moves one. Off by default: in a table
        typed into like a spreadsheet rows do not jump (nor close the cell being typed
        in) because a value changed; the new order shows when the list is read again."""

    def attach(self, hub: ChangeHub, undo_stack: QUndoStack) -> None:
        self.editing.attach(hub, undo_stack)
        hub.sig_changed.connect(self._changed)

    def _changed(self, table: str, serial: int) -> None:
        if table == self.record.__tablename__:  # type: ignore[attr-defined]
            self.editing.saved(serial)
            self.refresh()
        elif table in self.also_reload_on:
            self.refresh()

    def refresh(self) -> None:
        """Read again after a write. When the rows are the same ones (in the same order,
        unless :attr:`follow_order`), only their values are read again, so the cursor,
        the scroll and a cell being typed in stay put."""
        if self._store is None:
            return
        with self._store.session() as session:
            keys = self._query.fetch_ids(session)
        if keys != self._keys and (self.follow_order or set(keys) != set(self._keys)):
            self.reload()
            return
        old = dict(self._blocks)
        self._blocks.clear()
        for block, rows in old.items():
            fresh = self._read_block(block)
            start = block * PAGE_SIZE
            for offset, key in enumerate(self._keys[start : start + PAGE_SIZE]):
                changed_cells(self, start + offset, rows.get(key, ()), fresh.get(key, ()))

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self.editing.flags(index, super().flags(index))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.editing.set_data(index, value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        handled, value = self.editing.data(index, role)
        if handled:
            return value
        if role == Qt.ItemDataRole.EditRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


def changed_cells(
    model: QAbstractItemModel, row: int, before: tuple[Any, ...], after: tuple[Any, ...]
) -> None:
    """Announce each changed cell alone: Qt 6 writes a range's values into every open
    editor in it, which would wipe what a person is typing in another cell of the row."""
    for column in range(max(len(before), len(after))):
        old = before[column] if column < len(before) else None
        new = after[column] if column < len(after) else None
        if old != new:
            index = model.index(row, column)
            model.dataChanged.emit(index, index)
