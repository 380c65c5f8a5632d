"""What the room decides by hand, under the agreed results: a demand's priority class with
the reason the room gave (choose a row, a class — or "as the rule gives" to undo — and
the reason), and an agreed order reached by discussion (every demand code once, in order,
with a note saying how; an empty order goes back to the computed one). Both are stored as
inputs of the round's results.
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


class OrderBar(QWidget):
    """Emits ``sig_set(codes or None, note)``: the agreed order typed as demand codes."""

    sig_set = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = QLineEdit()
        self.codes.setObjectName("agreedOrder")
        self.codes.setPlaceholderText(_("every demand code in the agreed order, e.g. C A B"))
        self.note = QLineEdit()
        self.note.setObjectName("agreedNote")
        self.note.setPlaceholderText(_("how the room agreed it (required)"))
        self.apply = QPushButton(_("Set the agreed order"))
        self.apply.setObjectName("setAgreedOrder")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Agreed order by hand")))
        layout.addWidget(self.codes, 2)
        layout.addWidget(self.note, 2)
        layout.addWidget(self.apply)
        self.apply.clicked.connect(self.submit)
        self.note.returnPressed.connect(self.submit)

    def submit(self) -> None:
        codes = self.codes.text().replace(",", " ").split()
        self.sig_set.emit(codes or None, self.note.text())

    def clear(self) -> None:
        self.codes.clear()
        self.note.clear()
