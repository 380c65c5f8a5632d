"""The tree of the plan's elements on the PDM page: each with its level's name, renamed
in place (F2), read again after every edit with the same branches open.

The model never writes: a name typed in the tree is handed to ``sig_rename`` (the page
checks it and pushes the undoable edit); ``setData`` says whether it was accepted so a
refused name does not stay on screen.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from planner_desktop.store.database import Store
from planner_desktop.ui import trees
from planner_desktop.ui.models.tree import LazyTreeModel
from planner_desktop.ui.pages.base import tree_view

Index = QModelIndex | QPersistentModelIndex
DEPTH_LIMIT = 6


class FrameTreeModel(LazyTreeModel):
    """The current plan's elements; the first column edits the element's name."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(store, trees.strategy_children, trees.STRATEGY_COLUMNS, parent)
        self.rename: Callable[[uuid.UUID, str], bool] | None = None
        """Called with the element and the name typed; returns whether it was accepted."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            node = self.node(index)
            return node.texts[2] if node is not None else None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        node = self.node(index)
        if node is None or role != Qt.ItemDataRole.EditRole or self.rename is None:
            return False
        if str(value) == node.texts[2]:
            return False
        return self.rename(node.id, str(value))

    def element_id(self, index: Index) -> uuid.UUID | None:
        node = self.node(index)
        return node.id if node is not None else None

    def all_indexes(self) -> list[QModelIndex]:
        """Every row, reading every branch."""
        return self.expand_all_loaded(depth=DEPTH_LIMIT)

    def index_of(self, element_id: uuid.UUID) -> QModelIndex:
        for index in self.all_indexes():
            if self.element_id(index) == element_id:
                return index
        return QModelIndex()


def frame_tree_view(model: FrameTreeModel) -> QTreeView:
    view = tree_view(model, name="strategicFrame")
    view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
    view.header().setStretchLastSection(False)
    view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    return view


def reload_keeping(view: QTreeView, model: FrameTreeModel, chosen: uuid.UUID | None) -> None:
    """Read the tree again: the branches that were closed stay closed (all others open),
    and ``chosen`` (or the element that was current) is current again."""
    closed = {
        model.element_id(index)
        for index in model.all_indexes()
        if model.hasChildren(index) and not view.isExpanded(index)
    }
    current = chosen or model.element_id(view.currentIndex())
    model.reload()
    for index in model.all_indexes():
        if model.element_id(index) not in closed:
            view.expand(index)
    if current is not None:
        index = model.index_of(current)
        if index.isValid():
            view.setCurrentIndex(index)
            view.scrollTo(index)
