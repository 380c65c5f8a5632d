"""The plan's cross-cutting dimensions tagged on one element: one box to tick for each."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from planner_desktop.domain.plan import PlanElement
from planner_desktop.i18n import _
from planner_desktop.plan import frame_links, frame_plan
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan import frame_commands

ID_ROLE = Qt.ItemDataRole.UserRole
WATCHED = ("cross_cutting", "element_cross_cutting")


class TagsEditor(QWidget):
    """Ticking a dimension tags the element shown; unticking removes the tag (undoable)."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("elementTags")
        self.hub, self.undo_stack = hub, undo_stack
        self.element_id: uuid.UUID | None = None
        self.title = QLabel(_("Cross-cutting dimensions"))
        self.empty = QLabel(_("The plan has no cross-cutting dimensions (add them under Plan)."))
        self.empty.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("tagList")
        self.list.setMaximumHeight(100)
        self.list.itemChanged.connect(self._ticked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        hub.sig_changed.connect(self._saved)

    def show_element(self, element_id: uuid.UUID | None) -> None:
        self.element_id = element_id
        self.reload()

    def reload(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        dimensions: list[tuple[uuid.UUID, str]] = []
        tagged: set[uuid.UUID] = set()
        if self.element_id is not None:
            with self.hub.store.session() as session:
                element = session.get(PlanElement, self.element_id)
                if element is not None:
                    dimensions = [
                        (d.id, d.name) for d in frame_plan.dimensions(session, element.plan_id)
                    ]
                    tagged = set(frame_links.tags(session, self.element_id))
        for dimension_id, name in dimensions:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, dimension_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if dimension_id in tagged else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setVisible(bool(dimensions))
        self.empty.setVisible(not dimensions)

    def _ticked(self, item: QListWidgetItem) -> None:
        element_id, dimension_id = self.element_id, item.data(ID_ROLE)
        if element_id is None:
            return
        on = item.checkState() == Qt.CheckState.Checked
        frame_commands.push(
            self.hub,
            self.undo_stack,
            _("Tag {name}").format(name=item.text())
            if on
            else _("Untag {name}").format(name=item.text()),
            lambda session: frame_links.set_tag(session, element_id, dimension_id, on),
        )

    def _saved(self, table: str, _serial: int) -> None:
        if table in WATCHED:
            self.reload()
