"""Choosing where an element of the frame goes: the top of the plan or another element
(never itself nor one below it). *Move* tries the move in the core first: a move that
would push its subtree below the plan's deepest level is named in the dialog, which
stays open, and nothing is saved."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.plan import frame_elements
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.store.database import Store
from planner_desktop.ui.plan import plan_choices
from planner_desktop.ui.spreadsheet import refusal_line

ID_ROLE = Qt.ItemDataRole.UserRole
TOP = "top"


def parent_choices(store: Store, element_id: uuid.UUID) -> list[tuple[uuid.UUID | None, str]]:
    """The places ``element_id`` may go, in the tree's order, indented by level."""
    with store.session() as session:
        record = frame_elements.element(session, element_id)
        below = {e.id for e in frame_elements.subtree(session, record)}
        rows = plan_choices.element_rows(session, record.plan_id)
    found: list[tuple[uuid.UUID | None, str]] = [(None, _("(the top of the plan)"))]
    found.extend(plan_choices.in_tree_order(rows, leave_out=below))
    return found


class MoveDialog(QDialog):
    """The chooser; ``try_move(parent_id)`` gives the refusal or None (and then the move
    is pushed by the caller): see the module docstring."""

    def __init__(
        self,
        store: Store,
        element_id: uuid.UUID,
        what: str,
        try_move: Callable[[uuid.UUID | None], FrameRefused | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveElementDialog")
        self.setWindowTitle(_("Move {what}").format(what=what))
        self.try_move = try_move
        self.places = QListWidget()
        self.places.setObjectName("moveTargets")
        for place_id, text in parent_choices(store, element_id):
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, place_id)
            self.places.addItem(item)
        self.places.setCurrentRow(0)
        self.refusal = refusal_line("moveRefusal")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.move_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.move_button.setText(_("Move"))
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        self.places.itemDoubleClicked.connect(lambda _item: self.check())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Hang {what} from:").format(what=what)))
        layout.addWidget(self.places)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def choose(self, text: str) -> None:
        """Make the place whose text contains ``text`` the current one (for the keyboard
        and for tests)."""
        for row in range(self.places.count()):
            if text in self.places.item(row).text():
                self.places.setCurrentRow(row)
                return

    def check(self) -> None:
        item = self.places.currentItem()
        if item is None:
            return
        refused = self.try_move(item.data(ID_ROLE))
        if refused is not None:
            self.refusal.setText(refused.reason)
            return
        self.accept()
