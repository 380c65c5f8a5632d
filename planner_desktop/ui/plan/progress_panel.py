"""Recording progress of the project or operation chosen in the follow-up: a bar to type a
new record (saved as one undoable step, refused in place with the field and the reason)
and the history of its records, typed into like a spreadsheet."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.follow_up import Progress
from planner_desktop.i18n import _
from planner_desktop.plan import check_execution, progress
from planner_desktop.plan.progress import FIELDS, ProgressRefused, Subject
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.pages.base import fit_columns, section_label, set_heading
from planner_desktop.ui.plan.progress_history import ProgressHistoryModel
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

WARNING_STYLE = "color: #8a5a00;"
SHORT = {"date": 96, "physical_percent": 60, "financial_executed": 110,
         "target_achieved": 80}
"""The short fields (on the first line of the bar) and their widths in pixels."""


def default_day(subject: Subject, today: date) -> date:
    """Today, moved into the dates the subject allows."""
    if subject.first is not None and today < subject.first:
        return subject.first
    if subject.last is not None and today > subject.last:
        return subject.last
    return today


class ProgressPanel(QWidget):
    """The entry bar and the history of one subject (:meth:`show_subject`)."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.subject: Subject | None = None
        self.title = section_label()
        self.inputs: dict[str, QLineEdit] = {}
        hints = {"date": _("yyyy-mm-dd"), "physical_percent": "0–100",
                 "financial_executed": "0", "target_achieved": _("a number"),
                 "results": _("what was done"),
                 "corrective_measures": _("required when progress goes back")}
        for field in FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"progress_{field}")
            edit.setPlaceholderText(hints[field])
            edit.returnPressed.connect(self.record)
            if field in SHORT:
                edit.setMinimumWidth(SHORT[field])
                edit.setMaximumWidth(SHORT[field] * 2)
            self.inputs[field] = edit
        self.add = QPushButton(_("Record progress"))
        self.add.setObjectName("progressRecord")
        self.add.clicked.connect(self.record)
        figures, notes = QHBoxLayout(), QHBoxLayout()
        for field in FIELDS:
            line = figures if field in SHORT else notes
            line.addWidget(QLabel(_(FIELDS[field])))
            line.addWidget(self.inputs[field], 0 if field in SHORT else 1)
            line.addSpacing(8)
        figures.addStretch(1)
        notes.addWidget(self.add)
        self.refusal = refusal_line("progressRefusal")
        self.warning = QLabel()
        self.warning.setObjectName("progressWarning")
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.setWordWrap(True)
        self.model = ProgressHistoryModel(store, self)
        self.model.attach(hub, undo_stack)
        self.model.sig_refused.connect(self._refused_cell)
        self.model.sig_warned.connect(self.warning.setText)
        self.view = spreadsheet_view(self.model, name="progressHistory")
        hub.sig_failed.connect(self._failed)
        hub.sig_changed.connect(self._saved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(figures)
        layout.addLayout(notes)
        layout.addWidget(self.refusal)
        layout.addWidget(self.warning)
        layout.addWidget(self.view, 1)
        self.show_subject(None, "")

    def show_subject(self, record_id: uuid.UUID | None, table: str) -> None:
        """Show the history of a project (``project_profile``) or an operation."""
        subject = None
        if record_id is not None:
            with self.store.session() as session:
                subject = progress.subject_of(session, table, record_id)
        self.subject = subject
        self.refusal.clear()
        self.warning.clear()
        self.model.show(subject)
        for edit in self.inputs.values():
            edit.setEnabled(subject is not None)
        self.add.setEnabled(subject is not None)
        if subject is None:
            set_heading(self.title, _("Choose a project or an operation to record progress"))
            return
        set_heading(self.title, _("Progress of {code} {name}").format(
            code=subject.code, name=subject.name))
        day = default_day(subject, check_execution.today())
        self.inputs["date"].setText(formatting.short_date(day))
        fit_columns(self.view)  # type: ignore[arg-type]

    def record(self) -> uuid.UUID | None:
        """Refuse in place (field and reason) or save the typed record as one undo step."""
        if self.subject is None:
            return None
        typed = {field: edit.text() for field, edit in self.inputs.items()}
        try:
            with self.store.session() as session:
                values = progress.check_entry(session, self.subject, typed)
        except ProgressRefused as refused:
            self.refusal.setText(_("{field}: {reason}").format(
                field=_(FIELDS[refused.field]), reason=refused.reason))
            self.inputs[refused.field].setFocus()
            return None
        self.refusal.clear()
        self.warning.setText(progress.over_budget_warning(
            self.subject, values["financial_executed"], formatting.money) or "")
        command = CreateRecord(self.hub, _("Record progress"), Progress,
                               progress.new_progress(self.subject, values))
        self.undo_stack.push(command)
        for field, edit in self.inputs.items():
            if field != "date":
                edit.clear()
        self.inputs["physical_percent"].setFocus()
        return command.record_id

    def _refused_cell(self, reason: str) -> None:
        field = self.model.refused_field()
        self.refusal.setText(_("{field}: {reason}").format(field=field, reason=reason)
                             if reason and field else reason)

    def _saved(self, table: str, _serial: int) -> None:
        if table == "progress" and self.isVisible():
            fit_columns(self.view)  # type: ignore[arg-type]

    def _failed(self, reason: str) -> None:
        if self.isVisible():
            self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
