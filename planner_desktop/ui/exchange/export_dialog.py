"""The export window: write this laptop's session file for a scope, in a background job."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.domain import models as m
from planner_desktop.exchange.scope import ScopeError
from planner_desktop.exchange.session import ExportReport, Scope, export_session
from planner_desktop.exchange.signing import fingerprint as key_fingerprint
from planner_desktop.exchange.signing import grouped_fingerprint, public_key_hex
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise, text_key
from planner_desktop.ui import formatting, jobs
from planner_desktop.ui.choosers import find_data
from planner_desktop.ui.file_dialogs import free_path, save_file

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from planner_desktop.store.database import Store

SCOPES = (
    ("since_last", N_("Everything new since the last export")),
    ("everything", N_("Everything")),
    ("event", N_("One event")),
    ("community", N_("One community")),
    ("dates", N_("Records changed in a date range")),
)


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ExportDialog(QDialog):
    def __init__(
        self,
        store: Store,
        key: Ed25519PrivateKey,
        facilitator: str,
        parent: QWidget | None = None,
        *,
        current_event: uuid.UUID | None = None,
    ) -> None:
        """``current_event``: the window's current event, offered first (the file of
        today's workshop is what a facilitator exports at the end of the day)."""
        super().__init__(parent)
        self.setObjectName("exportSession")
        self.setWindowTitle(_("Export session file"))
        self.resize(640, 320)
        self.store = store
        self.key = key
        self.facilitator = facilitator
        self.job: jobs.Job | None = None
        self.report: ExportReport | None = None
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("exportScope")
        for code, title in SCOPES:
            self.scope_box.addItem(_(title), code)
        self.event_box = QComboBox()
        self.event_box.setObjectName("exportEvent")
        self.community_box = QComboBox()
        self.community_box.setObjectName("exportCommunity")
        self._fill_choices()
        today = date.today()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)))
        self.date_to = QDateEdit(_qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(formatting.date_format())
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        self.out = QLineEdit(str(free_path(Path.home() / f"sesion-{today.isoformat()}.cumbre")))
        self.out.setObjectName("exportFile")
        browse = QPushButton(_("Choose…"))
        browse.clicked.connect(self.ask_file)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        fingerprint = key_fingerprint(public_key_hex(key))
        key_label = QLabel(grouped_fingerprint(fingerprint))
        key_label.setObjectName("exportKey")
        key_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(_("What to export:"), self.scope_box)
        form.addRow(_("Event:"), self.event_box)
        form.addRow(_("Community:"), self.community_box)
        form.addRow(_("Changed between:"), dates)
        form.addRow(_("File:"), out_row)
        form.addRow(_("This laptop's key:"), key_label)
        self.form = form
        self.message = QLabel()
        self.message.setObjectName("exportMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            _("Export"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.scope_box.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()
        found = find_data(self.event_box, current_event) if current_event else -1
        if found >= 0:
            self.event_box.setCurrentIndex(found)
            self.set_scope("event")

    def _fill_choices(self) -> None:
        with self.store.session() as session:
            events = session.execute(
                select(m.Event.id, m.Event.date, m.Event.title)
                .where(m.Event.deleted_at.is_(None))
                .order_by(m.Event.date.desc(), bytewise(m.Event.title), m.Event.id)
            ).all()
            communities = session.execute(
                select(m.Community.id, m.Community.name)
                .where(m.Community.deleted_at.is_(None))
                .order_by(m.Community.id)
            ).all()
        communities = sorted(communities, key=lambda row: text_key(row[1]))
        for ident, day, title in events:
            self.event_box.addItem(f"{formatting.short_date(day)} · {title}", ident)
        for ident, name in communities:
            self.community_box.addItem(name, ident)

    def set_scope(self, code: str) -> None:
        self.scope_box.setCurrentIndex(self.scope_box.findData(code))

    def _scope_changed(self) -> None:
        code = self.scope_box.currentData()
        for widget, needed in (
            (self.event_box, "event"),
            (self.community_box, "community"),
            (self.date_from, "dates"),
            (self.date_to, "dates"),
        ):
            widget.setEnabled(code == needed)

    def scope(self) -> Scope:
        code = self.scope_box.currentData()
        if code == "event":
            return Scope(kind="event", event_id=self.event_box.currentData())
        if code == "community":
            return Scope(kind="community", community_id=self.community_box.currentData())
        if code == "dates":
            return Scope(
                kind="dates",
                date_from=_pydate(self.date_from.date()),
                date_to=_pydate(self.date_to.date()),
            )
        return Scope(kind=code)

    def ask_file(self) -> None:
        name = save_file(
            self, _("Export session file"), Path(self.out.text()), _("Session files (*.cumbre)")
        )
        if name:
            self.out.setText(name if name.endswith(".cumbre") else name + ".cumbre")

    def export(self) -> None:
        text = self.out.text().strip()
        code = self.scope_box.currentData()
        if not text or (code == "event" and self.event_box.currentData() is None):
            self.message.setText(_("Choose what to export and the file to write."))
            return
        if code == "community" and self.community_box.currentData() is None:
            self.message.setText(_("Choose what to export and the file to write."))
            return
        out, scope = Path(text), self.scope()
        if (
            out.exists()
            and QMessageBox.question(
                self,
                _("Export session file"),
                _("{file} already exists. Replace it?").format(file=out.name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.export_button.setEnabled(False)
        self.message.setText(_("Exporting…"))
        self.job = jobs.run_job(
            self,
            lambda _context: export_session(
                self.store, out, scope=scope, key=self.key, facilitator=self.facilitator
            ),
            on_done=self._exported,
            on_error=self._failed,
            cancellable=False,
        )

    def _exported(self, report: ExportReport) -> None:
        self.job = None
        self.report = report
        self.export_button.setEnabled(True)
        if report.total == 0:
            text = _("{name} written, but the scope holds no records.")
        else:
            text = _("{name} written: {count} records.")
        self.message.setText(text.format(name=report.path.name, count=report.total))

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.export_button.setEnabled(True)
        if isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
        elif isinstance(error, ScopeError):
            reason = str(error)
        else:
            reason = jobs.error_text(error)
        self.message.setText(_("Nothing exported: {reason}").format(reason=reason))
