"""Reconciling the tally before closing a round: the figures of the room, checked as
they are typed against each other and against the votes recorded."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.prioritization.closing import Figures
from planner_desktop.ui.rule_ranges import fit_spin


class ReconcileBox(QGroupBox):
    """Emits ``sig_close(issued, counted, present, note)`` when the facilitator closes the
    round; the panel writes it, and a refusal (a mismatch with no note) is shown there."""

    sig_close = Signal(int, int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Reconcile the tally and close the round"), parent)
        self.setObjectName("tallyReconcile")
        self.figures: Figures | None = None
        self.round_id: uuid.UUID | None = None
        self.issued = self._spin("tallyIssued", "ballots_issued")
        self.counted = self._spin("tallyCounted", "ballots_counted")
        self.present = self._spin("tallyPresent", "participants_present")
        self.findings = QLabel()
        self.findings.setObjectName("tallyFindings")
        self.findings.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setObjectName("tallyNote")
        self.note.setPlaceholderText(_("Note for the acta (needed when the figures disagree)"))
        self.close_button = QPushButton(_("Close the round"))
        self.close_button.setObjectName("tallyClose")
        figures = QHBoxLayout()
        for text, spin in ((_("Ballots issued"), self.issued),
                           (_("Ballots counted"), self.counted),
                           (_("Participants present"), self.present)):
            figures.addWidget(QLabel(text))
            figures.addWidget(spin)
        figures.addStretch(1)
        closing = QHBoxLayout()
        closing.addWidget(self.note, 1)
        closing.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(figures)
        layout.addWidget(self.findings)
        layout.addLayout(closing)
        self.close_button.clicked.connect(self._close)

    def _spin(self, name: str, column: str) -> QSpinBox:
        """A figure of the round, in the range of its field's rule."""
        spin = QSpinBox()
        spin.setObjectName(name)
        fit_spin(spin, "prioritization_round", column)
        spin.valueChanged.connect(lambda _value: self.check())
        return spin

    def set_round(self, round_id: uuid.UUID, figures: Figures | None, closed: bool) -> None:
        """The round shown; the figures typed stay while the same round is shown."""
        self.figures = figures
        if round_id != self.round_id and figures is not None:
            self.round_id = round_id
            for spin, value in ((self.issued, figures.issued), (self.counted, figures.counted),
                                (self.present, figures.present)):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
            self.note.setText(figures.note)
        for widget in (self.issued, self.counted, self.present, self.note, self.close_button):
            widget.setEnabled(not closed and figures is not None)
        self.check()

    def check(self) -> None:
        """Show the findings of the figures as they stand (nothing is written)."""
        if self.figures is None:
            self.findings.clear()
            return
        found = self.figures.check(self.issued.value(), self.counted.value(),
                                   self.present.value())
        self.findings.setText(
            _("The figures agree with each other and with the votes recorded")
            if not found.mismatch else
            _("Does not reconcile: {findings}. Write a note for the acta.").format(
                findings="; ".join(found.findings)))

    def _close(self) -> None:
        self.sig_close.emit(self.issued.value(), self.counted.value(), self.present.value(),
                            self.note.text())
