"""The Sustainable Development Goals of the plan or of one element: a short list, a goal
and an optional target to add (Enter or *Add*), Delete to remove the chosen one."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.plan import frame, frame_links
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.deleting import delete_action
from planner_desktop.ui.plan import frame_commands
from planner_desktop.ui.rule_ranges import fit_spin
from planner_desktop.ui.spreadsheet import refusal_line

ID_ROLE = Qt.ItemDataRole.UserRole


def sdg_text(goal: int, target: str) -> str:
    if target:
        return _("SDG {goal} — target {target}").format(goal=goal, target=target)
    return _("SDG {goal}").format(goal=goal)


class SdgEditor(QWidget):
    """The SDG links of one owner: the plan (``plan_id``) or an element (``element_id``)."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.hub, self.undo_stack = hub, undo_stack
        self.plan_id: uuid.UUID | None = None
        self.element_id: uuid.UUID | None = None
        self.links = QListWidget()
        self.links.setObjectName("sdgLinks")
        self.links.setMaximumHeight(90)
        delete_action(self.links, self.remove_chosen)
        self.goal = QSpinBox()
        self.goal.setObjectName("sdgGoal")
        fit_spin(self.goal, "sdg_link", "sdg", (1, frame.SDG_GOALS))
        self.goal.setPrefix(_("SDG") + " ")
        self.target = QLineEdit()
        self.target.setObjectName("sdgTarget")
        self.target.setPlaceholderText(_("Target (optional), such as 6.1"))
        self.target.returnPressed.connect(self.add)
        add = QPushButton(_("Add SDG"))
        add.setObjectName("addSdg")
        add.clicked.connect(self.add)
        self.refusal = refusal_line("sdgRefusal")
        row = QHBoxLayout()
        row.addWidget(self.goal)
        row.addWidget(self.target, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Sustainable Development Goals")))
        layout.addWidget(self.links)
        layout.addLayout(row)
        layout.addWidget(self.refusal)
        hub.sig_changed.connect(self._saved)

    def show_owner(
        self, *, plan_id: uuid.UUID | None = None, element_id: uuid.UUID | None = None
    ) -> None:
        if (plan_id, element_id) != (self.plan_id, self.element_id):
            self.refusal.setText("")
        self.plan_id, self.element_id = plan_id, element_id
        self.reload()

    def reload(self) -> None:
        self.links.clear()
        if self.plan_id is None and self.element_id is None:
            return
        with self.hub.store.session() as session:
            found = [
                (link.id, link.sdg, link.target)
                for link in frame_links.sdg_links(
                    session, plan_id=self.plan_id, element_id=self.element_id
                )
            ]
        for link_id, goal, target in found:
            item = QListWidgetItem(sdg_text(goal, target))
            item.setData(ID_ROLE, link_id)
            self.links.addItem(item)

    def add(self) -> None:
        goal, target = self.goal.value(), self.target.text()
        plan_id, element_id = self.plan_id, self.element_id
        result = frame_commands.push(
            self.hub,
            self.undo_stack,
            _("Add an SDG"),
            lambda session: frame_links.add_sdg(
                session, goal, target, plan_id=plan_id, element_id=element_id
            ),
        )
        if isinstance(result, frame.FrameRefused):
            self.refusal.setText(result.reason)
            self.target.setStyleSheet("background: #f8d7da;")
            return
        self.refusal.setText("")
        self.target.setStyleSheet("")
        self.target.clear()

    def remove_chosen(self) -> None:
        item = self.links.currentItem()
        if item is None:
            return
        link_id = item.data(ID_ROLE)
        frame_commands.push(
            self.hub,
            self.undo_stack,
            _("Remove an SDG"),
            lambda session: frame_links.remove_sdg(session, link_id),
        )

    def _saved(self, table: str, _serial: int) -> None:
        if table == "sdg_link":
            self.reload()
