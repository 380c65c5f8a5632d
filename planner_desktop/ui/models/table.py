"""A read-only table over a query of the store, fetched lazily.

The model holds the ordered row keys (one narrow query) and shows them to the view in
pages of :data:`PAGE_SIZE` rows (``canFetchMore`` / ``fetchMore``). The values of a row are
read the first time the view asks for them, one block of keys at a time, and a bounded
number of blocks is cached, so a table of 100,000 demands opens at once.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner_desktop.i18n import _
from planner_desktop.ui import formatting

if TYPE_CHECKING:
    from planner_desktop.store.database import Store
    from planner_desktop.ui.queries import TableQuery

PAGE_SIZE = 500
CACHED_BLOCKS = 40

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, KEY_ROLE)`` gives the row's key (the record id)."""
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, VALUE_ROLE)`` gives the raw value, for sorting or editing later."""


class QueryTableModel(QAbstractTableModel):
    """Rows of a :class:`TableQuery`, read-only and lazy. Never opens a dialog."""

    sig_loaded = Signal(int)
    """Emitted after (re)loading the keys, with the total number of rows."""

    def __init__(
        self, store: Store | None, query: TableQuery, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._query = query
        self._keys: list[Any] = []
        self._shown = 0
        self._blocks: OrderedDict[int, dict[Any, tuple[Any, ...]]] = OrderedDict()
        self.blocks_read = 0
        """How many blocks of rows were read from the database (for tests and tuning)."""

    # --- loading -------------------------------------------------------------------

    @property
    def query(self) -> TableQuery:
        return self._query

    @property
    def total(self) -> int:
        """Every row the query holds, shown or not yet."""
        return len(self._keys)

    def reload(self, query: TableQuery | None = None) -> None:
        """Read the keys again (optionally of a new query); rows are read when shown."""
        self.beginResetModel()
        if query is not None:
            self._query = query
        self._blocks.clear()
        if self._store is None:
            self._keys = []
        else:
            with self._store.session() as session:
                self._keys = self._query.fetch_ids(session)
        self._shown = min(PAGE_SIZE, len(self._keys))
        self.endResetModel()
        self.sig_loaded.emit(len(self._keys))

    def stretch_columns(self) -> set[int]:
        """The columns that take the width left over in a view."""
        return {n for n, column in enumerate(self._query.columns) if column.stretch}

    def key(self, row: int) -> Any:
        return self._keys[row] if 0 <= row < self._shown else None

    def row_of(self, key: Any) -> int:
        """The row of ``key`` (fetching pages until it is shown), or -1."""
        try:
            row = self._keys.index(key)
        except ValueError:
            return -1
        while row >= self._shown:
            self.fetchMore(QModelIndex())
        return row

    def values(self, row: int) -> tuple[Any, ...]:
        """The raw values of a shown row, read from the database on first use."""
        block = row // PAGE_SIZE
        cached = self._blocks.get(block)
        if cached is None:
            cached = self._read_block(block)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self._keys[row], ())

    def _read_block(self, block: int) -> dict[Any, tuple[Any, ...]]:
        keys = self._keys[block * PAGE_SIZE : (block + 1) * PAGE_SIZE]
        rows: dict[Any, tuple[Any, ...]] = {}
        if self._store is not None and keys:
            with self._store.session() as session:
                rows = self._query.fetch_rows(session, keys)
        self.blocks_read += 1
        self._blocks[block] = rows
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return rows

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._query.columns)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._keys)

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        more = min(PAGE_SIZE, len(self._keys) - self._shown)
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        column = self._query.columns[index.column()]
        if role == KEY_ROLE:
            return self._keys[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            VALUE_ROLE,
        ):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.alignment(column.kind)
        values = self.values(index.row())
        value = values[index.column()] if index.column() < len(values) else None
        if role == VALUE_ROLE:
            return value
        text = formatting.display(column.kind, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if len(text) > 40 else None
        return text

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            return None
        if not 0 <= section < len(self._query.columns):
            return None
        column = self._query.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(column.title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.alignment(column.kind)
        return None
