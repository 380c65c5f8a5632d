"""The acta check: type, paste or scan the QR text of a signed acta and see if it still holds.

A USB QR scanner types the text like a keyboard and presses Enter, so the line edit has
the focus from the start (and again after each check) and Enter runs the check — it never
closes the dialog; the Check button does the same, Close or Esc closes. The verdict and what
differs stay shown until the next code is checked; the code stays selected, so the next
scan replaces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.reports.acta_check import CODE_SHAPE, ActaCheck, Verdict, check_acta
from planner_desktop.ui import jobs
from planner_desktop.ui.printing.style import show_message

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class ActaCheckDialog(QDialog):
    """Checks each code entered in a background job; the last verdict stays shown."""

    sig_checked = Signal(object)
    """A code was checked (its :class:`ActaCheck`)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actaCheckDialog")
        self.setWindowTitle(_("Check a signed acta"))
        self.setMinimumWidth(640)
        self.store = store
        self.job: jobs.Job | None = None
        self.last: ActaCheck | None = None

        intro = QLabel(_(
            "Scan the QR code printed on the acta with the scanner, or type or paste its "
            "text here and press Enter. The program tells whether the results in this "
            "database are still the ones that were signed."
        ))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("actaCode")
        self.code.setPlaceholderText(CODE_SHAPE)
        self.code.setClearButtonEnabled(True)
        self.check_button = QPushButton(_("Check"))
        self.check_button.setObjectName("actaCheckButton")
        self.check_button.setAutoDefault(False)
        self.check_button.clicked.connect(self.check)
        self.verdict = QLabel()
        self.verdict.setObjectName("actaVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verdict.setMinimumHeight(64)
        font = QFont(self.verdict.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.verdict.setFont(font)
        self.detail = QLabel()
        self.detail.setObjectName("actaDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)  # Enter checks; it never closes the dialog
                button.setDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        entry = QHBoxLayout()
        entry.addWidget(self.code, 1)
        entry.addWidget(self.check_button)
        layout.addLayout(entry)
        layout.addWidget(self.verdict)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.code.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter (a scanner's last key) checks the code, wherever the focus is."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.check()
            return
        super().keyPressEvent(event)

    def check(self) -> None:
        self.code.setFocus()
        text = self.code.text().strip()
        if not text:
            show_message(self.verdict, _("Scan or type the acta's code first"), "error")
            self.detail.clear()
            return
        store = self.store
        show_message(self.verdict, _("Checking…"), "busy")
        self.detail.clear()
        self.job = jobs.run_job(
            self,
            lambda _context: check_acta(store, text),
            on_done=self._show,
            cancellable=False,
            writes=False,
        )

    def _show(self, result: ActaCheck) -> None:
        self.last = result
        session = str(result.session_id) if result.session_id else ""
        if result.verdict is Verdict.matches:
            show_message(self.verdict, _("Matches"), "ok")
            self.detail.setText(_(
                "The results of {event} ({date}) are the ones signed on the acta. "
                "Session {session}."
            ).format(event=result.event_title, date=result.event_date, session=session))
        elif result.verdict is Verdict.changed:
            show_message(self.verdict, _("Does NOT match: the results changed since signing"),
                         "error")
            self.detail.setText(_(
                "The results of {event} ({date}) in this database differ from the ones "
                "signed on the acta. Session {session}."
            ).format(event=result.event_title, date=result.event_date, session=session)
                + "\n" + _("What differs: {differences}.").format(
                    differences="; ".join(result.differences)))
        elif result.verdict is Verdict.unknown:
            show_message(self.verdict, _("Unknown session"), "error")
            self.detail.setText(_(
                "No event of this database has the session {session}: the acta may come "
                "from a database that was not merged here yet."
            ).format(session=session))
        else:
            show_message(self.verdict, _("This is not an acta code"), "error")
            self.detail.setText(_(
                "An acta code looks like {shape} — check that it was scanned or typed whole."
            ).format(shape=CODE_SHAPE))
        self.code.setFocus()
        self.code.selectAll()
        self.sig_checked.emit(result)
