"""A read-only tree over the store whose branches are read when first opened.

A loader ``children(session, node)`` gives the children of a node (``None``: the top
level). Each branch is read once, on ``fetchMore``, when the view expands it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from sqlalchemy.orm import Session

from planner_desktop.i18n import _
from planner_desktop.ui import formatting
from planner_desktop.ui.trees import TreeNode

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[Session, TreeNode | None], list[TreeNode]]
NODE_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, NODE_ROLE)`` gives the :class:`TreeNode` of the row."""


@dataclass
class _Item:
    uid: int
    node: TreeNode | None
    parent: int
    row: int
    children: list[int] | None = field(default=None)


class LazyTreeModel(QAbstractItemModel):
    """Rows of a tree loader, read branch by branch. Never opens a dialog."""

    def __init__(
        self,
        store: Store | None,
        loader: Loader,
        columns: Sequence[str],
        parent: QObject | None = None,
        *,
        number_columns: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._loader = loader
        self._columns = tuple(columns)
        self._number_columns = frozenset(number_columns)
        self._items: dict[int, _Item] = {}
        self._next_uid = 1
        self.branches_read = 0
        self._reset_items()

    def _reset_items(self) -> None:
        self._items = {0: _Item(0, None, -1, 0)}
        self._next_uid = 1

    def reload(self) -> None:
        """Forget every branch; the top level is read again."""
        self.beginResetModel()
        self._reset_items()
        self.endResetModel()

    def _item(self, index: Index) -> _Item:
        if not index.isValid():
            return self._items[0]
        return self._items[index.internalId()]

    def node(self, index: Index) -> TreeNode | None:
        return self._item(index).node if index.isValid() else None

    def _load(self, item: _Item) -> list[TreeNode]:
        if self._store is None:
            return []
        with self._store.session() as session:
            nodes = self._loader(session, item.node)
        self.branches_read += 1
        return nodes

    def _fetch(self, item: _Item, parent_index: Index) -> None:
        nodes = self._load(item)
        if not nodes:
            item.children = []
            return
        self.beginInsertRows(parent_index, 0, len(nodes) - 1)
        children = []
        for row, node in enumerate(nodes):
            uid = self._next_uid
            self._next_uid += 1
            self._items[uid] = _Item(uid, node, item.uid, row)
            children.append(uid)
        item.children = children
        self.endInsertRows()

    # --- Qt model --------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        item = self._item(parent)
        if item.children is None or not 0 <= row < len(item.children):
            return QModelIndex()
        if not 0 <= column < len(self._columns):
            return QModelIndex()
        return self.createIndex(row, column, item.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        item = self._items[index.internalId()]
        if item.parent <= 0:
            return QModelIndex()
        parent = self._items[item.parent]
        return self.createIndex(parent.row, 0, parent.uid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        item = self._item(parent)
        return len(item.children) if item.children is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._columns)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        item = self._item(parent)
        if item.children is not None:
            return bool(item.children)
        return item.node is None or item.node.has_children

    def canFetchMore(self, parent: Index) -> bool:
        item = self._item(parent)
        return item.children is None and (item.node is None or item.node.has_children)

    def fetchMore(self, parent: Index) -> None:
        item = self._item(parent)
        if item.children is None:
            self._fetch(item, parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._items[index.internalId()].node
        if node is None:
            return None
        if role == NODE_ROLE:
            return node
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = node.texts[column] if column < len(node.texts) else ""
            if column in self._number_columns and text.isdigit():
                return formatting.number(int(text))
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or (node.texts[0] if node.texts else None)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self._number_columns:
            return formatting.RIGHT
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return _(self._columns[section])
        return None

    def first_index(self) -> QModelIndex:
        """The first top-level row, reading the top level if needed."""
        root = self._items[0]
        if root.children is None:
            self._fetch(root, QModelIndex())
        return self.index(0, 0)

    def expand_all_loaded(self, depth: int) -> list[QModelIndex]:
        """Read branches down to ``depth`` levels; return their indexes (to expand them)."""
        found: list[QModelIndex] = []
        level = [QModelIndex()]
        for _depth in range(depth):
            next_level = []
            for parent in level:
                if self.canFetchMore(parent):
                    self.fetchMore(parent)
                for row in range(self.rowCount(parent)):
                    child = self.index(row, 0, parent)
                    found.append(child)
                    next_level.append(child)
            level = next_level
        return found
