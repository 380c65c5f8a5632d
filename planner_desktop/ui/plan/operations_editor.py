"""The operations of one POA typed into like a spreadsheet, and adding one.

Each cell is saved as typed (an undoable step); a date outside the POA's fiscal year, an
end before the start, a bad amount or target, or any change to a cancelled operation is
refused in place with the field and the reason under the table.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from sqlalchemy import select

from planner_desktop.capture.validation import Invalid, clean_text, parse_optional_text
from planner_desktop.capture.validation import parse_required_text as required
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.enums import OperationType
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import FundingSource
from planner_desktop.domain.summaries import current_plan, live
from planner_desktop.i18n import N_, _
from planner_desktop.plan import operations, records, validate
from planner_desktop.plan.operations import Schedule, date_parser
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.models.editing import FieldSpec, Index, choose
from planner_desktop.ui.models.marks import ConflictMarkedModel
from planner_desktop.ui.models.territory import MARK_ROLES
from planner_desktop.ui.pages.base import section_label
from planner_desktop.ui.plan.parsers import parse_amount
from planner_desktop.ui.plan.tables import _enum_choices
from planner_desktop.ui.queries import TableQuery
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

NO_PLAN = uuid.UUID(int=0)
CANCELLED = 12
"""The column saying whether an operation is cancelled."""
CANCELLED_COLOR = QColor("#6c757d")
COLUMNS = (
    Column(N_("Code")),
    Column(N_("Operation"), stretch=True),
    Column(N_("Type"), Kind.label),
    Column(N_("Expected result")),
    Column(N_("Indicator")),
    Column(N_("Target")),
    Column(N_("Resources")),
    Column(N_("Person in charge")),
    Column(N_("Start"), Kind.date),
    Column(N_("End"), Kind.date),
    Column(N_("Budget"), Kind.money),
    Column(N_("Source")),
    Column(N_("Cancelled"), Kind.flag),
    Column(N_("Element of the plan")),
)
ELEMENT_LABEL = PlanElement.code + " — " + PlanElement.name
"""How an operation's element of the plan is shown, in its cell and in the choices."""


def operations_query(plan_id: uuid.UUID | None) -> TableQuery:
    return TableQuery(
        columns=COLUMNS,
        ids=select(Operation.id)
        .where(Operation.annual_plan_id == (plan_id or NO_PLAN), live(Operation))
        .order_by(bytewise(Operation.code), Operation.id),
        rows=lambda keys: (
            select(
                Operation.id,
                Operation.code,
                Operation.name,
                Operation.type,
                Operation.expected_result,
                Operation.indicator,
                Operation.target,
                Operation.resources,
                Operation.responsible,
                Operation.start_date,
                Operation.end_date,
                Operation.budget,
                FundingSource.code,
                Operation.cancelled,
                ELEMENT_LABEL,
            )
            .outerjoin(FundingSource, Operation.source_id == FundingSource.id)
            .outerjoin(PlanElement, Operation.element_id == PlanElement.id)
            .where(Operation.id.in_(keys))
        ),
    )


def parse_operation_target(text: Any) -> str:
    """An operation's target: empty, or a number (``85 %`` allowed)."""
    typed = clean_text(str(text or ""))
    reason = validate.target_text(typed) if typed else None
    if reason:
        raise Invalid(reason)
    return typed


class OperationsModel(ConflictMarkedModel):
    """Operations of one POA; the schedule is read before each edit for the date rules.
    An operation in an unresolved conflict is marked as such (:mod:`..models.marks`)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        schedule = Schedule()
        sources: list[tuple[Any, str]] = []
        elements: list[tuple[Any, str]] = []
        types = _enum_choices(OperationType)

        def source_choices() -> list[tuple[Any, str]]:
            return [(None, _("None")), *sources]

        def element_choices() -> list[tuple[Any, str]]:
            return [(None, _("None")), *elements]

        def guarded(parse: Any) -> Any:
            def check(value: Any) -> Any:
                if schedule.cancelled:
                    raise Invalid(_("this operation is cancelled; it cannot change any more"))
                return parse(value)

            return check

        fields = {
            1: FieldSpec("name", guarded(required), N_("Operation")),
            2: FieldSpec("type", guarded(lambda v: choose(types(), v)), N_("Type"), types),
            3: FieldSpec("expected_result", guarded(parse_optional_text), N_("Expected result")),
            4: FieldSpec("indicator", guarded(parse_optional_text), N_("Indicator")),
            5: FieldSpec("target", guarded(parse_operation_target), N_("Target")),
            6: FieldSpec("resources", guarded(parse_optional_text), N_("Resources")),
            7: FieldSpec("responsible", guarded(parse_optional_text), N_("Person in charge")),
            8: FieldSpec("start_date", guarded(date_parser(schedule, "start")), N_("Start")),
            9: FieldSpec("end_date", guarded(date_parser(schedule, "end")), N_("End")),
            10: FieldSpec("budget", guarded(parse_amount), N_("Budget")),
            11: FieldSpec(
                "source_id",
                guarded(lambda v: choose(source_choices(), v)),
                N_("Source"),
                source_choices,
            ),
            13: FieldSpec(
                "element_id",
                guarded(lambda v: choose(element_choices(), v)),
                N_("Element of the plan"),
                element_choices,
            ),
        }
        super().__init__(store, operations_query(None), Operation, fields, parent)
        self.schedule = schedule
        self.sources = sources
        self.elements = elements
        self.also_reload_on.update({"plan_element", "plan_level"})
        self.also_reload_on.add("plan_adjustment")

    def show_plan(self, plan_id: uuid.UUID | None) -> None:
        with self._store.session() as session:  # type: ignore[union-attr]
            plan = session.get(AnnualPlan, plan_id) if plan_id else None
            self.schedule.fiscal_year = plan.fiscal_year if plan else 0
            self.sources[:] = [
                (sid, text.split(" ", 1)[0]) for sid, text in records.funding_sources(session)
            ]
            plan_tree = current_plan(session)
            self.elements[:] = [
                (element_id, f"{code} — {name}")
                for element_id, code, name in session.execute(
                    select(PlanElement.id, PlanElement.code, PlanElement.name)
                    .where(
                        PlanElement.plan_id == (plan_tree.id if plan_tree else NO_PLAN),
                        live(PlanElement),
                    )
                    .order_by(
                        PlanElement.depth,
                        PlanElement.position,
                        bytewise(PlanElement.code),
                        PlanElement.id,
                    )
                )
            ]
        self.reload(operations_query(plan_id))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.key(index.row())
        if key is not None and role == Qt.ItemDataRole.EditRole:
            with self._store.session() as session:  # type: ignore[union-attr]
                operation = session.get(Operation, key)
                if operation is not None:
                    self.schedule.start = operation.start_date
                    self.schedule.end = operation.end_date
                    self.schedule.cancelled = operation.cancelled
        return super().setData(index, value, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in MARK_ROLES:
            handled, value = self.editing.data(index, role)
            if handled:
                return value
            handled, value = self.conflicts.data(self.key(index.row()), index.column(), role)
            if handled:
                return value
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            values = self.values(index.row())
            if values and values[CANCELLED]:
                return QBrush(CANCELLED_COLOR)  # a cancelled operation reads as struck out
        return super().data(index, role)

    def refused_field(self) -> str:
        refused = self.editing.refused
        if refused is None:
            return ""
        return _(COLUMNS[refused[1]].title)


class OperationsEditor(QWidget):
    """The operations table of a POA with its Add button and refusal line."""

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operationsEditor")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.plan_id: uuid.UUID | None = None
        self.model = OperationsModel(store, self)
        self.model.attach(hub, undo_stack)
        self.view = spreadsheet_view(self.model, name="operations")
        self.title = section_label()
        self.add = QPushButton(_("Add operation"))
        self.add.setObjectName("operationsAdd")
        self.add.clicked.connect(self.add_operation)
        self.refusal = refusal_line("operationRefusal")
        self.model.sig_refused.connect(self._refused)
        hub.sig_failed.connect(self._failed)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal)

    def _failed(self, reason: str) -> None:
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))

    def _refused(self, reason: str) -> None:
        field = self.model.refused_field()
        self.refusal.setText(
            _("{field}: {reason}").format(field=field, reason=reason)
            if reason and field
            else reason
        )

    def show_plan(self, plan_id: uuid.UUID | None) -> None:
        self.plan_id = plan_id
        self.refusal.clear()
        self.model.show_plan(plan_id)
        self.add.setEnabled(plan_id is not None)

    def current_operation(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None

    def add_operation(self) -> uuid.UUID | None:
        """A new operation over the whole fiscal year, to be typed into."""
        if self.plan_id is None:
            return None
        with self.store.session() as session:
            values = operations.new_operation(session, self.plan_id, _("New operation"))
        if values is None:
            return None
        command = CreateRecord(self.hub, _("New operation"), Operation, values)
        self.undo_stack.push(command)
        return command.record_id
