"""The keyboard line of the tally: one key for the group, then ``K 3`` and Enter.

The group stays chosen until another key is pressed in the group field, since a tally
sheet is usually counted one group at a time. Ballot by ballot, the marks of one paper
ballot are typed one after another and Enter on an empty line starts the next ballot
(the dots allowed per participant are then checked on each ballot).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from planner_desktop.i18n import _, ngettext
from planner_desktop.ui.prioritization.keys import (
    EntryError,
    Typed,
    group_keys,
    group_label,
    parse_entry,
)
from planner_desktop.ui.prioritization.state import EntryMode


class EntryLine(QWidget):
    """Emits ``sig_entered(group, Typed, ballot id or None)`` for a readable entry,
    ``sig_refused(reason)`` for one that cannot be read (the panel shows it in place)."""

    sig_entered = Signal(str, object, object)
    sig_refused = Signal(str)
    sig_group_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys: dict[str, str] = {}
        self.group = ""
        self.ballot: uuid.UUID | None = None
        self.ballot_number = 0
        self.ballot_dots = 0
        self.mode: EntryMode | None = None
        self.group_field = QLineEdit()
        self.group_field.setObjectName("tallyGroup")
        self.group_field.setMaxLength(2)  # the new key is the last one typed
        self.group_field.setFixedWidth(self.group_field.fontMetrics().horizontalAdvance("MM") * 3)
        self.group_field.setToolTip(_("One key chooses the group that is being counted"))
        self.group_name = QLabel()
        self.group_name.setObjectName("tallyGroupName")
        self.group_name.setMinimumWidth(self.fontMetrics().horizontalAdvance("Adultos mayores"))
        self.code_field = QLineEdit()
        self.code_field.setObjectName("tallyEntry")
        self.code_field.setPlaceholderText(_("Demand code and dots, e.g. K 3, then Enter"))
        self.record = QPushButton(_("Record the entry"))
        self.record.setObjectName("tallyRecord")
        self.by_ballot = QCheckBox(_("Ballot by ballot"))
        self.by_ballot.setObjectName("tallyByBallot")
        self.by_ballot.setToolTip(_("Enter on an empty line starts the next ballot"))
        self.ballot_label = QLabel()
        self.ballot_label.setObjectName("tallyBallot")
        self.hint = QLabel()
        self.hint.setObjectName("tallyHint")
        self.hint.setStyleSheet("color: palette(mid);")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Group")))
        layout.addWidget(self.group_field)
        layout.addWidget(self.group_name)
        self.what = QLabel(_("Demand and dots"))
        layout.addWidget(self.what)
        layout.addWidget(self.code_field, 1)
        layout.addWidget(self.record)
        layout.addWidget(self.by_ballot)
        layout.addWidget(self.ballot_label)
        self.by_ballot.toggled.connect(lambda _on: self.next_ballot())
        self.group_field.textEdited.connect(self._group_typed)
        self.code_field.returnPressed.connect(self.submit)
        self.record.clicked.connect(self.submit)

    def set_mode(self, mode: EntryMode) -> None:
        """How the chosen round is typed: counts or places, by ballot or not, or not at
        all (the fields are then disabled and the panel says why)."""
        for widget in (self.group_field, self.code_field, self.record):
            widget.setEnabled(mode.typed)
        self.mode = mode
        if mode.ranked:
            text = _("Demand code and its place, e.g. K 1, then Enter")
            self.what.setText(_("Demand and place"))
        elif mode.ballots:
            text = _("Demand code, e.g. K, then Enter; Enter on an empty line: next ballot")
            self.what.setText(_("Demand"))
        else:
            text = _("Demand code and dots, e.g. K 3, then Enter")
            self.what.setText(_("Demand and dots"))
        self.code_field.setPlaceholderText(text if mode.typed else "")
        self.by_ballot.setEnabled(mode.typed and mode.ballots is None)
        wanted = bool(mode.ballots) if mode.ballots is not None else self.by_ballot.isChecked()
        if self.by_ballot.isChecked() != (wanted and mode.typed):
            self.by_ballot.setChecked(wanted and mode.typed)

    def set_groups(self, groups: Sequence[str]) -> None:
        """The round's groups; the group chosen stays when the new round has it."""
        self.keys = group_keys(groups)
        self.hint.setText(_("Group keys: {keys}").format(
            keys=", ".join(f"{key} {group_label(g)}" for key, g in self.keys.items())))
        self.choose(self.group if self.group in self.keys.values() else "")

    def choose(self, group: str) -> None:
        previous, self.group = self.group, group
        key = next((k for k, g in self.keys.items() if g == group), "")
        self.group_field.setText(key)
        self.group_name.setText(group_label(group) if group else _("(no group)"))
        self.sig_group_changed.emit(group)
        if self.ballot is not None and group != previous and self.ballot_dots:
            self.next_ballot()  # a ballot is one person's, of one group

    def _group_typed(self, text: str) -> None:
        text = text[-1:]
        group = self.keys.get(text.upper())
        if group is None:
            self.choose(self.group)
            if text:
                self.sig_refused.emit(_("{key} is not a group key; use {keys}").format(
                    key=text, keys=", ".join(self.keys)))
            return
        self.choose(group)
        self.code_field.setFocus()

    def submit(self) -> None:
        if not self.group:
            self.sig_refused.emit(_("choose the group first: {keys}").format(
                keys=", ".join(self.keys)))
            self.group_field.setFocus()
            return
        if self.by_ballot.isChecked() and not self.code_field.text().strip():
            self.next_ballot()
            return
        try:
            typed: Typed = parse_entry(self.code_field.text())
        except EntryError as error:
            self.sig_refused.emit(str(error))
            return
        self.code_field.clear()
        self.sig_entered.emit(self.group, typed, self.ballot)

    def next_ballot(self) -> None:
        """Start a new paper ballot (or leave ballot mode when it is off)."""
        on = self.by_ballot.isChecked()
        self.ballot = uuid.uuid4() if on else None
        self.ballot_number = self.ballot_number + 1 if on else 0
        self.ballot_dots = 0
        self._show_ballot()

    def recorded(self, ballot: uuid.UUID | None, count: int) -> None:
        """An entry of ``ballot`` was saved: count its dots."""
        if ballot is not None and ballot == self.ballot:
            self.ballot_dots += count
            self._show_ballot()

    def _show_ballot(self) -> None:
        if self.ballot is None:
            self.ballot_label.setText("")
            return
        marks = self.ballot_dots
        if self.mode is not None and self.mode.ranked:
            text = ngettext("Ballot {number}: {n} place", "Ballot {number}: {n} places", marks)
        elif self.mode is not None and self.mode.ballots:
            text = ngettext("Ballot {number}: {n} choice", "Ballot {number}: {n} choices", marks)
        else:
            text = ngettext("Ballot {number}: {n} dot", "Ballot {number}: {n} dots", marks)
        self.ballot_label.setText(text.format(number=self.ballot_number, n=marks))
