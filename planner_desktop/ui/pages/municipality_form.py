"""The municipality's own data, edited after the first run: name, country, place, money.

Saved as one undoable step; a refused value (an empty name, a currency that is not three
letters) is shown in one line under the form and nothing is saved.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture.rule_checks import FieldRefused, refuse_row
from planner_desktop.capture.validation import clean_text
from planner_desktop.domain.setup import check_municipality
from planner_desktop.domain.summaries import current_municipality
from planner_desktop.domain.territory import Municipality
from planner_desktop.i18n import _
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import EditRecord
from planner_desktop.ui.spreadsheet import refusal_line

FIELDS = (
    "name",
    "country",
    "department",
    "province",
    "currency",
    "fiscal_year_start",
    "official_name",
)
OFFICIAL_MAX = 200


class MunicipalityForm(QWidget):
    """Shown under the territory's buttons; ``sig_closed`` when saved or cancelled."""

    sig_closed = Signal()

    def __init__(self, hub: ChangeHub, undo_stack: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("municipalityForm")
        self.hub = hub
        self.undo_stack = undo_stack
        self.municipality_id: uuid.UUID | None = None
        self.previous: dict[str, Any] = {}
        self.name = QLineEdit()
        self.name.setObjectName("municipalityName")
        self.official_name = QLineEdit()
        self.official_name.setObjectName("municipalityOfficialName")
        self.official_name.setPlaceholderText(_("Autonomous Municipal Government of …"))
        self.official_name.setToolTip(
            _(
                "The government's own name on printed documents; "
                "empty: the name of the municipality is used."
            )
        )
        self.country = QLineEdit()
        self.country.setObjectName("municipalityCountry")
        self.department = QLineEdit()
        self.department.setObjectName("municipalityDepartment")
        self.province = QLineEdit()
        self.province.setObjectName("municipalityProvince")
        self.currency = QLineEdit()
        self.currency.setObjectName("municipalityCurrency")
        self.currency.setMaxLength(3)
        self.fiscal_start = QComboBox()
        self.fiscal_start.setObjectName("municipalityFiscalStart")
        locale = QLocale()
        for month in range(1, 13):
            self.fiscal_start.addItem(locale.standaloneMonthName(month).capitalize(), month)
        self.error = refusal_line("municipalityError")
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setObjectName("saveMunicipality")
        self.cancel_button = QPushButton(_("Cancel"))
        form = QFormLayout()
        form.addRow(_("&Name of the municipality:"), self.name)
        form.addRow(_("Official name (on &documents):"), self.official_name)
        form.addRow(_("&Country:"), self.country)
        form.addRow(_("Dep&artment:"), self.department)
        form.addRow(_("P&rovince:"), self.province)
        form.addRow(_("C&urrency:"), self.currency)
        form.addRow(_("Fiscal &year starts in:"), self.fiscal_start)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.sig_closed.emit)
        for edit in (self.name, self.currency, self.official_name):
            edit.textEdited.connect(lambda _text: self.error.setText(""))

    def load(self) -> bool:
        """Show the saved values; False when there is no municipality yet."""
        with self.hub.store.session() as session:
            municipality = current_municipality(session)
            if municipality is None:
                return False
            self.municipality_id = municipality.id
            self.previous = {field: getattr(municipality, field) for field in FIELDS}
        for field in (*FIELDS[:5], "official_name"):
            getattr(self, field).setText(str(self.previous[field]))
        self.fiscal_start.setCurrentIndex(int(self.previous["fiscal_year_start"]) - 1)
        self.error.setText("")
        self.name.setFocus()
        return True

    def save(self) -> bool:
        if self.municipality_id is None:
            return False
        month = int(self.fiscal_start.currentData())
        try:
            name, currency = check_municipality(self.name.text(), self.currency.text(), month)
        except ValueError as refused:
            self.error.setText(str(refused))
            (self.name if not clean_text(self.name.text()) else self.currency).setFocus()
            return False
        official = clean_text(self.official_name.text())
        if len(official) > OFFICIAL_MAX:
            self.error.setText(
                _("Official name: at most {limit} characters.").format(limit=OFFICIAL_MAX)
            )
            self.official_name.setFocus()
            return False
        typed = {
            "name": name,
            "country": clean_text(self.country.text()) or str(self.previous["country"]),
            "department": clean_text(self.department.text()),
            "province": clean_text(self.province.text()),
            "currency": currency,
            "fiscal_year_start": month,
            "official_name": official,
        }
        try:
            refuse_row("municipality", typed)
        except FieldRefused as refused:
            self.error.setText(refused.reason)
            getattr(self, refused.field, self.name).setFocus()
            return False
        changes = {k: v for k, v in typed.items() if v != self.previous[k]}
        if changes:
            self.undo_stack.push(
                EditRecord(
                    self.hub,
                    _("Edit the municipality"),
                    Municipality,
                    self.municipality_id,
                    changes,
                    {k: self.previous[k] for k in changes},
                )
            )
        self.sig_closed.emit()
        return True
