"""The indicators of one element of the plan, with a target for each year of the plan.

A table typed into like a spreadsheet: name, unit, baseline, level (impact, result,
product) and one column per year. A cell the core refuses keeps its saved value and the
reason is shown under the table; an accepted one is one undoable edit. A new indicator
is typed in the line under the table (Enter); Delete removes the chosen one with its
targets (undoable).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from planner_desktop.domain import labels
from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.plan import Plan, PlanElement
from planner_desktop.i18n import N_, _
from planner_desktop.plan import frame, frame_links
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.deleting import delete_action
from planner_desktop.ui.models.editing import CHOICES_ROLE
from planner_desktop.ui.plan import frame_commands
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

Index = QModelIndex | QPersistentModelIndex
FIELDS = (
    ("name", N_("Indicator")),
    ("unit", N_("Unit")),
    ("baseline", N_("Baseline")),
    ("level", N_("Level")),
)
WATCHED = ("indicator", "indicator_target", "plan")


class IndicatorsModel(QAbstractTableModel):
    """Indicators down; their fields, then the plan's years, across."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, refusal: QLabel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack, self.refusal = hub, undo_stack, refusal
        self.element_id: uuid.UUID | None = None
        self.rows: list[dict[str, Any]] = []
        self.years: list[int] = []

    def load(self, element_id: uuid.UUID | None) -> None:
        rows: list[dict[str, Any]] = []
        years: list[int] = []
        if element_id is not None:
            with self.hub.store.session() as session:
                element = session.get(PlanElement, element_id)
                plan = session.get(Plan, element.plan_id) if element is not None else None
                if plan is not None:
                    years = list(range(plan.start_year, plan.end_year + 1))
                for item in frame_links.indicators(session, element_id):
                    rows.append(
                        {
                            "id": item.id,
                            "name": item.name,
                            "unit": item.unit,
                            "baseline": item.baseline,
                            "level": IndicatorLevel(item.level),
                            "targets": frame_links.targets(session, item.id),
                        }
                    )
        self.beginResetModel()
        self.element_id, self.rows, self.years = element_id, rows, years
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(FIELDS) + len(self.years)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column >= len(FIELDS):
                return row["targets"].get(self.years[column - len(FIELDS)], "")
            value = row[FIELDS[column][0]]
            return labels.label(value) if isinstance(value, IndicatorLevel) else value
        if role == CHOICES_ROLE and column < len(FIELDS) and FIELDS[column][0] == "level":
            return [(level, labels.label(level)) for level in IndicatorLevel]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section < len(FIELDS):
            return _(FIELDS[section][1])
        return str(self.years[section - len(FIELDS)])

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, column = self.rows[index.row()], index.column()
        if self.data(index) == (
            labels.label(value) if isinstance(value, IndicatorLevel) else value
        ):
            return False
        indicator_id = row["id"]
        if column >= len(FIELDS):
            year, text = self.years[column - len(FIELDS)], str(value)
            title = _("Target {year}").format(year=year)
            edit = lambda session: frame_links.set_target(session, indicator_id, year, text)  # noqa: E731
        else:
            field = FIELDS[column][0]
            title = _(FIELDS[column][1])
            edit = lambda session: frame_links.edit_indicator(  # noqa: E731
                session, indicator_id, **{field: value}
            )
        result = frame_commands.push(
            self.hub, self.undo_stack, _("Edit {field}").format(field=title), edit
        )
        if isinstance(result, frame.FrameRefused):
            self.refusal.setText(result.reason)
            return False
        self.refusal.setText("")
        return True


class ElementIndicators(QWidget):
    """The indicators of the element shown (:meth:`show_element`)."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("elementIndicators")
        self.hub, self.undo_stack = hub, undo_stack
        self.refusal = refusal_line("indicatorRefusal")
        self.model = IndicatorsModel(hub, undo_stack, self.refusal, self)
        self.view = spreadsheet_view(self.model, name="indicatorTable")
        self.view.setMinimumHeight(110)
        delete_action(self.view, self.delete_chosen)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newIndicator")
        self.new_name.setPlaceholderText(_("New indicator: what is measured"))
        self.new_name.returnPressed.connect(self.add)
        add = QPushButton(_("Add indicator"))
        add.setObjectName("addIndicator")
        add.clicked.connect(self.add)
        row = QHBoxLayout()
        row.addWidget(self.new_name, 1)
        row.addWidget(add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Indicators and targets by year")))
        layout.addWidget(self.view)
        layout.addLayout(row)
        layout.addWidget(self.refusal)
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.timeout.connect(lambda: self.model.load(self.model.element_id))
        hub.sig_changed.connect(self._saved)

    def show_element(self, element_id: uuid.UUID | None) -> None:
        if element_id != self.model.element_id:
            self.refusal.setText("")
        self.model.load(element_id)

    def add(self) -> None:
        element_id, name = self.model.element_id, self.new_name.text()
        if element_id is None:
            return
        result = frame_commands.push(
            self.hub,
            self.undo_stack,
            _("Add indicator"),
            lambda session: frame_links.add_indicator(session, element_id, name),
        )
        if isinstance(result, frame.FrameRefused):
            self.refusal.setText(result.reason)
            return
        self.refusal.setText("")
        self.new_name.clear()

    def delete_chosen(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        indicator_id = self.model.rows[index.row()]["id"]
        frame_commands.push(
            self.hub,
            self.undo_stack,
            _("Delete indicator"),
            lambda session: frame_links.delete_indicator(session, indicator_id),
        )

    def _saved(self, table: str, _serial: int) -> None:
        if table in WATCHED and self.model.element_id is not None:
            self._due.start(0)  # once for the tables announced together
