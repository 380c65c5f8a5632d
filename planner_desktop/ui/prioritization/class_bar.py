"""Setting a demand's priority class by hand, with the reason the room gave.

The bar sits under the agreed results: choose a row, choose a class (or "as the rule
gives" to undo a class set by hand), type the reason and press Enter or the button.
The class and its reason are stored as inputs of the round's results.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.i18n import _


class ClassBar(QWidget):
    """Emits ``sig_set(PriorityClass or None, reason)`` for the demand chosen above."""

    sig_set = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.klass = QComboBox()
        self.klass.setObjectName("classByHand")
        self.klass.addItem(_("as the rule gives"), None)
        for klass in PriorityClass:
            self.klass.addItem(klass.value, klass)
        self.reason = QLineEdit()
        self.reason.setObjectName("classReason")
        self.reason.setPlaceholderText(_("the reason the room gave (required)"))
        self.apply = QPushButton(_("Set class"))
        self.apply.setObjectName("setClass")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Class by hand")))
        layout.addWidget(self.klass)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.apply)
        self.apply.clicked.connect(self.submit)
        self.reason.returnPressed.connect(self.submit)

    def submit(self) -> None:
        self.sig_set.emit(self.klass.currentData(), self.reason.text())

    def clear(self) -> None:
        self.klass.setCurrentIndex(0)
        self.reason.clear()
