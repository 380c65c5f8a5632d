"""A short list of the plan's named things (levels, values, cross-cutting dimensions):
renamed in place (F2 or a double click), one added from the line under it (Enter),
the chosen one deleted (Delete) or moved (Alt+Up / Alt+Down) when the list allows it.

Every change goes through the core as one undoable frame edit; a refused one (an empty
name, a name already there, a level still in use) is named in the line under the list,
and the list shows again what is saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from planner_desktop.i18n import _
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.deleting import delete_action
from planner_desktop.ui.pages.base import section_label
from planner_desktop.ui.plan import frame_commands
from planner_desktop.ui.spreadsheet import refusal_line

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class ListEdits:
    """What a list reads and how it changes, all in the core (``plan_id`` given)."""

    read: Callable[[Session, uuid.UUID], list[tuple[Any, str]]]
    rename: Callable[[Session, uuid.UUID, Any, str], None]
    add: Callable[[Session, uuid.UUID, str], Any]
    delete: Callable[[Session, uuid.UUID, Any], None] | None = None
    move: Callable[[Session, Any, int], None] | None = None
    tables: tuple[str, ...] = ()


class NamedList(QWidget):
    """See the module docstring; ``sig_chosen`` is the list's ``currentRowChanged``."""

    def __init__(
        self,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        name: str,
        title: str,
        edits: ListEdits,
        add_text: str,
        delete_text: str = "",
    ) -> None:
        super().__init__()
        self.setObjectName(name)
        self.hub, self.undo_stack, self.edits = hub, undo_stack, edits
        self.plan_id: uuid.UUID | None = None
        self.list = QListWidget()
        self.list.setObjectName(f"{name}List")
        self.list.setMaximumHeight(130)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.list.itemChanged.connect(self._renamed)
        self.new_name = QLineEdit()
        self.new_name.setObjectName(f"{name}New")
        self.new_name.setPlaceholderText(add_text)
        self.new_name.returnPressed.connect(self.add)
        add = QPushButton(_("Add"))
        add.setObjectName(f"{name}Add")
        add.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        if edits.delete is not None:
            self.delete_action = delete_action(self.list, self.delete_chosen)
            if delete_text:
                self.delete_action.setText(delete_text)
                remove = QPushButton(delete_text)
                remove.setObjectName(f"{name}Delete")
                remove.clicked.connect(self.delete_chosen)
                row.addWidget(remove)
        if edits.move is not None:
            for text, key, steps in ((_("Move up"), "Alt+Up", -1), (_("Move down"), "Alt+Down", 1)):
                action = QAction(text, self.list)
                action.setShortcuts([QKeySequence(key)])
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.triggered.connect(lambda _c=False, s=steps: self.move_chosen(s))
                self.list.addAction(action)
        self.refusal = refusal_line(f"{name}Refusal")
        self.box = layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_label(title))
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.refusal)
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.timeout.connect(self.reload)
        hub.sig_changed.connect(self._saved)

    def show_plan(self, plan_id: uuid.UUID | None) -> None:
        if plan_id != self.plan_id:
            self.refusal.setText("")
        self.plan_id = plan_id
        self.reload()

    def reload(self) -> None:
        row = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        if self.plan_id is not None:
            with self.hub.store.session() as session:
                found = self.edits.read(session, self.plan_id)
            for key, text in found:
                item = QListWidgetItem(text)
                item.setData(KEY_ROLE, key)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
        self.list.blockSignals(False)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))

    def chosen_key(self) -> Any:
        item = self.list.currentItem()
        return item.data(KEY_ROLE) if item is not None else None

    def _push(self, text: str, edit: frame_commands.Edit) -> bool:
        result = frame_commands.push(self.hub, self.undo_stack, text, edit)
        if isinstance(result, FrameRefused):
            self.refusal.setText(result.reason)
            return False
        self.refusal.setText("")
        return True

    def _renamed(self, item: QListWidgetItem) -> None:
        plan_id, key, name = self.plan_id, item.data(KEY_ROLE), item.text()
        if plan_id is None:
            return
        if not self._push(
            _("Rename {name}").format(name=name),
            lambda session: self.edits.rename(session, plan_id, key, name),
        ):
            self.reload()

    def add(self) -> None:
        plan_id, name = self.plan_id, self.new_name.text()
        if plan_id is None:
            return
        if self._push(
            _("Add {name}").format(name=name.strip()),
            lambda session: self.edits.add(session, plan_id, name),
        ):
            self.new_name.clear()

    def delete_chosen(self) -> None:
        plan_id, key, delete = self.plan_id, self.chosen_key(), self.edits.delete
        item = self.list.currentItem()
        if plan_id is None or delete is None or item is None:
            return
        self._push(
            _("Delete {name}").format(name=item.text()),
            lambda session: delete(session, plan_id, key),
        )

    def move_chosen(self, steps: int) -> None:
        key, move = self.chosen_key(), self.edits.move
        if key is None or move is None:
            return
        self.list.setCurrentRow(max(0, min(self.list.count() - 1, self.list.currentRow() + steps)))
        self._push(_("Move"), lambda session: move(session, key, steps))

    def _saved(self, table: str, _serial: int) -> None:
        if table in self.edits.tables:
            self._due.start(0)
