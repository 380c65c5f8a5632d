"""The territory (municipality → districts → communities) beside the pages.

Choosing a row sets the scope the pages look at (``sig_scope_changed``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTreeView, QWidget

from planner_desktop.i18n import _
from planner_desktop.ui.scope import MUNICIPALITY, Scope

if TYPE_CHECKING:
    from planner_desktop.store.database import Store
    from planner_desktop.ui.models.tree import LazyTreeModel


class TerritoryDock(QDockWidget):
    sig_scope_changed = Signal(object)
    """A :class:`~planner_desktop.ui.scope.Scope`: municipality, district or community."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("territory")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.model: LazyTreeModel | None = None
        self.view = QTreeView()
        self.view.setObjectName("territoryTree")
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("Territory"))
        self.toggleViewAction().setText(_("Territory"))
        if self.model is not None:
            from PySide6.QtCore import Qt

            self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def set_store(self, store: Store | None) -> None:
        """Show the territory of ``store``: the municipality and its districts, expanded."""
        from planner_desktop.ui import trees
        from planner_desktop.ui.models.tree import LazyTreeModel

        old = self.model
        self.model = LazyTreeModel(
            store,
            trees.territory_children,
            trees.TERRITORY_COLUMNS,
            self,
            number_columns=(1,),
        )
        self.view.setModel(self.model)
        if old is not None:
            old.deleteLater()
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(self._chosen)
        for index in self.model.expand_all_loaded(depth=2):
            if not index.parent().isValid():
                self.view.expand(index)

    def refresh(self) -> None:
        """Read the territory again (a name or a population changed), keeping the branches
        that were open and the row that was chosen; the scope is not announced again."""
        if self.model is None:
            return
        from planner_desktop.ui.models.tree import NODE_ROLE

        model = self.model
        opened: set[tuple[str, object]] = set()
        pending = [model.index(row, 0) for row in range(model.rowCount())]
        while pending:
            index = pending.pop()
            if self.view.isExpanded(index):
                node = index.data(NODE_ROLE)
                opened.add((node.kind, node.id))
                pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
        current = self.view.currentIndex().data(NODE_ROLE)
        chosen = (current.kind, current.id) if current is not None else None
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            model.reload()
            level = [QModelIndex()]
            while level:
                parent = level.pop()
                if model.canFetchMore(parent):
                    model.fetchMore(parent)
                for row in range(model.rowCount(parent)):
                    index = model.index(row, 0, parent)
                    node = index.data(NODE_ROLE)
                    key = (node.kind, node.id)
                    if key == chosen:
                        self.view.setCurrentIndex(index)
                    if key in opened:
                        self.view.expand(index)
                        level.append(index)
        finally:
            selection.blockSignals(False)

    def select_municipality(self) -> None:
        if self.model is not None and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        from planner_desktop.ui.models.tree import NODE_ROLE

        indexes = selected.indexes()
        node = indexes[0].data(NODE_ROLE) if indexes else None
        if node is None or node.kind == "municipality":
            scope = MUNICIPALITY
        else:
            scope = Scope(node.kind, node.id, node.texts[0])
        self.sig_scope_changed.emit(scope)
