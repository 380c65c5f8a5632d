"""Choosing a place of the map in the territory tree (as a click on its row does)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex

from planner_desktop.ui.models.tree import NODE_ROLE
from planner_desktop.ui.territory_dock import TerritoryDock


def select_in_tree(
    dock: TerritoryDock, kind: str, key: uuid.UUID, district_id: uuid.UUID | None
) -> bool:
    """Select the district or community ``key`` (of district ``district_id``) in the
    tree, opening its branch; the dock announces the new scope. False: not in the tree."""
    model = dock.model
    if model is None:
        return False
    path = [key] if kind == "district" else [district_id, key]
    parent = QModelIndex()
    if model.canFetchMore(parent):
        model.fetchMore(parent)
    if not model.rowCount(parent):
        return False
    parent = model.index(0, 0, parent)  # the municipality
    found = QModelIndex()
    for wanted in path:
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        found = QModelIndex()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            node = index.data(NODE_ROLE)
            if node is not None and node.id == wanted:
                found = index
                break
        if not found.isValid():
            return False
        dock.view.expand(parent)
        parent = found
    dock.view.setCurrentIndex(found)
    dock.view.scrollTo(found)
    return True
