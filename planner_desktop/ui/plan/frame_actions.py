"""What can be done to the frame tree, from its toolbar, its right-click menu or the keys
while it has the focus:

=====================  =====================
Add a top element      Ctrl+Shift+Insert
Add a child            Insert
Rename                 F2 (typed in the tree)
Delete                 Delete
Move up / down         Alt+Up / Alt+Down
Move to…               Ctrl+M
=====================  =====================

A new element is named "<Level> without a name" and its name is opened for typing at
once. Deleting names what hangs from the element and refuses (one line under the tree);
an element with indicators, SDG links or tags of its own is deleted with them after the
project's confirmation naming them. Every change is one undoable step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QLabel, QToolBar, QTreeView, QWidget
from sqlalchemy import select

from planner_desktop.capture.deletion import Dependent
from planner_desktop.domain.plan import ElementCrossCutting, PlanLevel, SdgLink
from planner_desktop.domain.projects import Indicator
from planner_desktop.i18n import NN_, _, ngettext
from planner_desktop.plan import frame_elements
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.deleting import ask_to_delete
from planner_desktop.ui.plan import frame_commands
from planner_desktop.ui.plan.frame_tree import FrameTreeModel
from planner_desktop.ui.plan.move_dialog import MoveDialog


class FrameActions(QObject):
    """The actions on ``view``'s current element; ``plan_id()`` gives the plan shown."""

    def __init__(
        self,
        view: QTreeView,
        model: FrameTreeModel,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        refusal: QLabel,
        plan_id: Callable[[], uuid.UUID | None],
    ) -> None:
        super().__init__(view)
        self.view, self.model, self.hub, self.undo_stack = view, model, hub, undo_stack
        self.refusal, self.plan_id = refusal, plan_id
        self.pending: frame_commands.FrameEdit | None = None
        """The edit whose element becomes current once saved (a new one: renamed then)."""
        self.rename_pending = False
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("frameToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.add_top = self._action(
            "addTop", _("Add top element"), "Ctrl+Shift+Ins", lambda: self.add(top=True)
        )
        self.add_child = self._action(
            "addChild", _("Add child"), "Ins", lambda: self.add(top=False)
        )
        self.rename = self._action("rename", _("Rename"), "F2", self.start_rename)
        self.delete = self._action("delete", _("Delete"), "Del", self.delete_current)
        self.move_up = self._action("moveUp", _("Move up"), "Alt+Up", lambda: self.shift(-1))
        self.move_down = self._action("moveDown", _("Move down"), "Alt+Down", lambda: self.shift(1))
        self.move_to = self._action("moveTo", _("Move to…"), "Ctrl+M", self.open_move_dialog)
        self.model.rename = self.rename_to

    def _action(self, name: str, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.view)
        action.setObjectName(f"frame_{name}")
        action.setShortcuts([QKeySequence(key)])
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(
            f"{text} ({QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)})"
        )
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        self.toolbar.addAction(action)
        return action

    def current(self) -> uuid.UUID | None:
        return self.model.element_id(self.view.currentIndex())

    def _push(self, text: str, edit: frame_commands.Edit) -> frame_commands.FrameEdit | None:
        result = frame_commands.push(self.hub, self.undo_stack, text, edit)
        if isinstance(result, FrameRefused):
            self.refusal.setText(result.reason)
            return None
        self.refusal.setText("")
        return result

    def add(self, *, top: bool) -> None:
        plan_id, parent_id = self.plan_id(), None if top else self.current()
        if plan_id is None:
            return
        if not top and parent_id is None:
            self.refusal.setText(_("Choose the element the new one hangs from."))
            return
        with self.hub.store.session() as session:
            depth = 1
            if parent_id is not None:
                depth = frame_elements.element(session, parent_id).depth + 1
            level = session.scalar(
                select(PlanLevel.name).where(
                    PlanLevel.plan_id == plan_id,
                    PlanLevel.depth == depth,
                    PlanLevel.deleted_at.is_(None),
                )
            ) or _("Element")
        name = _("{level} without a name").format(level=level)
        command = self._push(
            _("Add {level}").format(level=level),
            lambda session: frame_elements.add_element(session, plan_id, name, parent_id),
        )
        if command is not None:
            self.pending, self.rename_pending = command, True

    def start_rename(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(0))

    def rename_to(self, element_id: uuid.UUID, name: str) -> bool:
        return (
            self._push(
                _("Rename {name}").format(name=name.strip()),
                lambda session: frame_elements.rename_element(session, element_id, name),
            )
            is not None
        )

    def shift(self, steps: int) -> None:
        element_id = self.current()
        if element_id is not None:
            command = self._push(
                _("Move up") if steps < 0 else _("Move down"),
                lambda session: frame_elements.move_among_siblings(session, element_id, steps),
            )
            if command is not None:
                self.pending, self.rename_pending = command, False
                command.focus = element_id

    def owned(self, element_id: uuid.UUID) -> list[Dependent]:
        """The element's own details deleted with it, named as the confirmation does."""
        found = []
        with self.hub.store.session() as session:
            for model, (one, many) in (
                (Indicator, NN_("{n} indicator", "{n} indicators")),
                (SdgLink, NN_("{n} SDG link", "{n} SDG links")),
                (ElementCrossCutting, NN_("{n} cross-cutting tag", "{n} cross-cutting tags")),
            ):
                count = len(
                    session.scalars(
                        select(model.id).where(
                            model.element_id == element_id, model.deleted_at.is_(None)
                        )
                    ).all()
                )
                if count:
                    found.append(
                        Dependent(
                            model.__tablename__, ngettext(one, many, count).format(n=count), count
                        )
                    )
        return found

    def delete_current(self) -> None:
        element_id = self.current()
        if element_id is None:
            return
        what = self.model.data(self.view.currentIndex().siblingAtColumn(0)) or ""
        with self.hub.store.session() as session:
            record = frame_elements.element(session, element_id)
            blockers = frame_elements.blockers(session, element_id)
            if blockers:
                self.refusal.setText(str(frame_elements.FrameDependents(record, blockers)))
                return
        owned = self.owned(element_id)
        if owned and not ask_to_delete(self.view, what, owned):
            return
        self._push(
            _("Delete {what}").format(what=what),
            lambda session: frame_elements.delete_element(session, element_id),
        )

    def open_move_dialog(self, parent: QWidget | None = None) -> MoveDialog | None:
        """Open the chooser of the current element's new place (not modal: its *Move*
        pushes the move)."""
        element_id = self.current()
        if element_id is None:
            return None
        what = self.model.data(self.view.currentIndex().siblingAtColumn(0)) or ""

        def try_move(parent_id: uuid.UUID | None) -> FrameRefused | None:
            command = self._push(
                _("Move {what}").format(what=what),
                lambda session: frame_elements.move_element(session, element_id, parent_id),
            )
            if command is None:
                reason = self.refusal.text()
                self.refusal.setText("")
                return FrameRefused("parent_id", reason)
            self.pending, self.rename_pending = command, False
            command.focus = element_id
            return None

        dialog = MoveDialog(self.hub.store, element_id, what, try_move, parent or self.view)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
