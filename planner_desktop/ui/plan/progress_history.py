"""The progress records of one project or operation, newest first, typed into like a
spreadsheet: each cell saved as typed (an undoable step), a bad value refused in place
with its reason (the rules of :mod:`planner_desktop.plan.progress`), who recorded it shown.

Editing a physical progress below the record before it needs a result or corrective
measure on that row first, and such a row cannot lose both; an amount executed above the
budget is saved with a warning. (Moving a record's date is only checked against the
allowed dates, not against the progress of its new neighbours.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from sqlalchemy import select

from planner_desktop.capture.validation import Invalid, parse_optional_text
from planner_desktop.domain.follow_up import Progress
from planner_desktop.i18n import N_, _
from planner_desktop.plan import progress
from planner_desktop.plan.progress import Subject
from planner_desktop.plan.scope import live
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.models.editing import FieldSpec, Index
from planner_desktop.ui.queries import TableQuery

NOBODY = uuid.UUID(int=0)
COLUMNS = (
    Column(N_("Date"), Kind.date), Column(N_("Physical progress"), Kind.percent),
    Column(N_("Executed"), Kind.money), Column(N_("Target achieved")),
    Column(N_("Results"), stretch=True), Column(N_("Corrective measures")),
    Column(N_("Recorded by")), Column(N_("Saved on"), Kind.date),
)
PHYSICAL, EXECUTED = 1, 2


def history_query(subject: Subject | None) -> TableQuery:
    column = Progress.operation_id if subject and subject.table == "operation" \
        else Progress.profile_id
    return TableQuery(
        columns=COLUMNS,
        ids=select(Progress.id)
        .where(column == (subject.id if subject else NOBODY), live(Progress))
        .order_by(Progress.date.desc(), Progress.created_at.desc(), Progress.id),
        rows=lambda keys: select(
            Progress.id, Progress.date, Progress.physical_percent,
            Progress.financial_executed, Progress.target_achieved, Progress.results,
            Progress.corrective_measures, Progress.facilitator, Progress.updated_at,
        ).where(Progress.id.in_(keys)),
    )


@dataclass
class Row:
    """The subject and the row being edited, read before each edit for the rules."""

    subject: Subject | None = None
    previous: float | None = None
    physical: float = 0.0
    results: str = ""
    measures: str = ""

    @property
    def note(self) -> str:
        return f"{self.results} {self.measures}"


class ProgressHistoryModel(EditableQueryModel):
    """The history of the chosen subject (:meth:`show`)."""

    sig_warned = Signal(str)
    """A saved value deserves a second look (an amount above the budget); "" clears."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        row = Row()

        def subject() -> Subject:
            if row.subject is None:
                raise Invalid(_("choose a project or an operation first"))
            return row.subject

        def parse_physical(value: Any) -> float:
            physical = progress.parse_percent(value)
            reason = progress.backwards_refusal(row.previous, physical, row.note)
            if reason:
                raise Invalid(reason)
            return physical

        def note_parser(which: str) -> Any:
            def parse(value: Any) -> str:
                text = parse_optional_text(str(value or ""))
                other = row.measures if which == "results" else row.results
                reason = progress.backwards_refusal(row.previous, row.physical,
                                                    f"{text} {other}")
                if reason:
                    raise Invalid(reason)
                return text
            return parse

        fields = {
            0: FieldSpec("date", lambda v: progress.parse_progress_date(subject(), v),
                         N_("Date")),
            1: FieldSpec("physical_percent", parse_physical, N_("Physical progress")),
            2: FieldSpec("financial_executed", progress.parse_executed, N_("Executed")),
            3: FieldSpec("target_achieved", progress.parse_achieved, N_("Target achieved")),
            4: FieldSpec("results", note_parser("results"), N_("Results")),
            5: FieldSpec("corrective_measures", note_parser("measures"),
                         N_("Corrective measures")),
        }
        super().__init__(store, history_query(None), Progress, fields, parent)
        self.row = row

    @property
    def subject(self) -> Subject | None:
        return self.row.subject

    def show(self, subject: Subject | None) -> None:
        self.row.subject = subject
        self.reload(history_query(subject))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key(index.row())
        subject = self.row.subject
        if key is None or subject is None or role != Qt.ItemDataRole.EditRole:
            return super().setData(index, value, role)
        with self._store.session() as session:  # type: ignore[union-attr]
            record = session.get(Progress, key)
            if record is not None:
                self.row.previous = progress.previous_physical(
                    session, subject, record.date, exclude=key)
                self.row.physical = record.physical_percent
                self.row.results = record.results
                self.row.measures = record.corrective_measures
        saved = super().setData(index, value, role)
        if saved and index.column() == EXECUTED:
            amount = progress.parse_executed(value)
            warning = progress.over_budget_warning(subject, amount, formatting.money)
            self.sig_warned.emit(warning or "")
        return saved

    def refused_field(self) -> str:
        refused = self.editing.refused
        return _(COLUMNS[refused[1]].title) if refused is not None else ""
