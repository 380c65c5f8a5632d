"""Editar → Facilitador/a…: the name stamped on every record typed on this computer and on
the session files exported from it, kept in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture.facilitator import MAX_LENGTH, parse_facilitator
from planner_desktop.capture.validation import Invalid
from planner_desktop.i18n import _
from planner_desktop.ui.spreadsheet import refusal_line

if TYPE_CHECKING:
    from planner_desktop.ui.main_window import MainWindow


class FacilitatorDialog(QDialog):
    """One line: the name. OK keeps the dialog open with the refusal when it is refused;
    once accepted, :attr:`chosen` holds the name as stored."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("facilitatorDialog")
        self.setWindowTitle(_("Facilitator"))
        self.chosen = ""
        self.refusal = refusal_line("facilitatorRefusal")
        self.name = QLineEdit(current)
        self.name.setObjectName("facilitatorName")
        self.name.setMaxLength(MAX_LENGTH + 50)  # a longer paste is refused, not cut
        self.name.textEdited.connect(lambda _text: self.refusal.clear())
        explanation = QLabel(_(
            "Your name is recorded on every record typed on this computer from now on, "
            "and on the session files exported from it."))
        explanation.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self.chosen = parse_facilitator(self.name.text())
        except Invalid as error:
            self.refusal.setText(_("{field}: {reason}").format(
                field=_("Facilitator"), reason=error.reason))
            self.name.setFocus()
            return
        super().accept()


def edit_facilitator(window: MainWindow) -> FacilitatorDialog:
    """Open the dialog; once accepted the name is saved in the settings and stamped from
    then on (records and session files)."""
    dialog = FacilitatorDialog(window.settings.get("facilitator"), window)

    def chosen() -> None:
        window.settings.set("facilitator", dialog.chosen)
        try:
            window.settings.save()
        except OSError as error:
            window.statusBar().showMessage(
                _("Could not save: {reason}").format(reason=error.strerror))
        if window.store is not None:
            window.store.set_facilitator(dialog.chosen)
        dialog.deleteLater()

    dialog.accepted.connect(chosen)
    dialog.rejected.connect(dialog.deleteLater)
    dialog.open()
    return dialog
