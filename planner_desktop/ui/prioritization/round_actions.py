"""The buttons above the list of rounds: open a round, delete the chosen one, reopen a
closed one with the reason the room gave (typed beside the button, logged and printed)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.i18n import _
from planner_desktop.prioritization.opening import RoundSpec
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.deleting import delete_record
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.prioritization.open_round import OpenRoundDialog
from planner_desktop.ui.prioritization.round_commands import OpenRound, ReopenRound
from planner_desktop.ui.spreadsheet import refusal_line


class RoundActions(QWidget):
    """``sig_opened(round id)`` once a round is opened (the page lists and chooses it)."""

    sig_opened = Signal(object)

    def __init__(self, context: PageContext, chosen: Callable[[], uuid.UUID | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hub = hub_for(context.undo_stack, context.store)
        self.chosen = chosen
        self.dialog: OpenRoundDialog | None = None
        self.open_button = QPushButton(_("Open a &round…"))
        self.open_button.setObjectName("openRoundButton")
        self.delete_button = QPushButton(_("Delete round"))
        self.delete_button.setObjectName("deleteRoundButton")
        self.reason = QLineEdit()
        self.reason.setObjectName("reopenReason")
        self.reason.setPlaceholderText(_("Why the closed round is reopened"))
        self.reopen_button = QPushButton(_("Reopen"))
        self.reopen_button.setObjectName("reopenRoundButton")
        self.refusal = refusal_line("roundActionRefusal")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.open_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.reason, 2)
        row.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.refusal)
        self.open_button.clicked.connect(self.open_dialog)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.reopen_button.clicked.connect(self.reopen_chosen)
        self.reason.returnPressed.connect(self.reopen_chosen)

    def open_dialog(self) -> OpenRoundDialog:
        """Show the dialog (not blocking: the window stays usable behind it)."""
        self.refusal.clear()
        dialog = OpenRoundDialog(self.context.store, self.context.current_event_id, self)
        dialog.sig_accepted.connect(self._open)
        self.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        dialog.title.setFocus()
        return dialog

    def _open(self, spec: RoundSpec) -> None:
        command = OpenRound(self.hub, spec)
        self.context.undo_stack.push(command)
        self.sig_opened.emit(command.round_id)

    def delete_chosen(self) -> None:
        round_id = self.chosen()
        if round_id is None:
            self.refusal.setText(_("Choose a round in the list first"))
            return
        self.refusal.clear()
        with self.context.store.session() as session:
            found = session.get(PrioritizationRound, round_id)
            title = found.title if found is not None else ""
        delete_record(self, self.hub, self.context.undo_stack, PrioritizationRound, round_id,
                      _("the round {title}").format(title=title))

    def reopen_chosen(self) -> None:
        round_id = self.chosen()
        if round_id is None:
            self.refusal.setText(_("Choose a round in the list first"))
            return
        with self.context.store.session() as session:
            found = session.get(PrioritizationRound, round_id)
            closed = found is not None and found.closed
        if not closed:
            self.refusal.setText(_("The round is open: there is nothing to reopen"))
            return
        reason = " ".join(self.reason.text().split())
        if not reason:
            self.refusal.setText(_("Reason: say why the round is reopened"))
            self.reason.setFocus()
            return
        self.refusal.clear()
        self.context.undo_stack.push(ReopenRound(self.hub, round_id, reason))
        self.reason.clear()
