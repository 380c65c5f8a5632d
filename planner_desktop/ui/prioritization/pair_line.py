"""Typing the pairwise wall chart: a group, the pair as ``winner>other`` and the reason.

Emits ``sig_chosen(group, winner, other, reason)`` for a readable cell and
``sig_refused(reason)`` for one that is not (the panel shows it in place, one line).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from planner_desktop.i18n import _
from planner_desktop.ui.prioritization.keys import group_label


class PairLine(QWidget):
    sig_chosen = Signal(str, str, str, str)
    sig_refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QComboBox()
        self.group.setObjectName("pairGroup")
        self.pair = QLineEdit()
        self.pair.setObjectName("pairEntry")
        self.pair.setPlaceholderText(_("Preferred > other, e.g. A>C"))
        self.pair.setMaxLength(21)
        self.reason = QLineEdit()
        self.reason.setObjectName("pairReason")
        self.reason.setPlaceholderText(_("Why the group chose it, then Enter"))
        self.record = QPushButton(_("Record the choice"))
        self.record.setObjectName("pairRecord")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for text, widget, stretch in ((_("Group"), self.group, 0), (_("Pair"), self.pair, 0),
                                      (_("Reason"), self.reason, 1)):
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            layout.addWidget(widget, stretch)
        layout.addWidget(self.record)
        self.pair.returnPressed.connect(self.reason.setFocus)
        self.reason.returnPressed.connect(self.submit)
        self.record.clicked.connect(self.submit)

    def set_groups(self, groups: Sequence[str]) -> None:
        chosen = self.group.currentData()
        self.group.clear()
        for group in groups:
            self.group.addItem(group_label(group), group)
        index = self.group.findData(chosen)
        self.group.setCurrentIndex(max(index, 0))

    def submit(self) -> None:
        group = self.group.currentData()
        winner, mark, other = self.pair.text().partition(">")
        if not mark:
            other, mark, winner = self.pair.text().partition("<")
        winner, other = winner.strip().upper(), other.strip().upper()
        if not mark or not winner or not other:
            self.sig_refused.emit(_("Pair: type the preferred demand, > and the other, e.g. A>C"))
            self.pair.setFocus()
            return
        if not self.reason.text().strip():
            self.sig_refused.emit(_("Reason: say why the group chose it"))
            self.reason.setFocus()
            return
        if group is None:
            self.sig_refused.emit(_("Group: choose the group that compared the pair"))
            return
        self.sig_chosen.emit(str(group), winner, other, self.reason.text().strip())

    def recorded(self) -> None:
        """The choice is stored: clear the pair and the reason for the next one."""
        self.pair.clear()
        self.reason.clear()
        self.pair.setFocus()
