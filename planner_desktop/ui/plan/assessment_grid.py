"""The institutional self-assessment as a grid: the municipality's areas down, years
across, a score in each cell.

A cell takes what :func:`planner_desktop.capture.assessment.parse_score` reads: a
percentage (``86,50``), nothing (not evaluated) or ``-`` (not applicable); a refused cell
keeps what it held, is painted and its reason names the area and the year; nothing is
saved. The first column names the areas: typing over one renames it, typing into the empty
row under them adds one. Areas move up and down and are deleted (their scores with them,
after a question); a year column is added for years outside the plan. Every change is
one undoable step.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture import assessment
from planner_desktop.capture.assessment import AssessmentGrid, Score
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.diagnosis import AssessmentArea
from planner_desktop.domain.enums import ScoreState
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord, EditRecord, StoreCommand
from planner_desktop.ui.deleting import delete_action, delete_record
from planner_desktop.ui.plan.annex_base import AnnexTab, MoveRecord, RefusingTableModel
from planner_desktop.ui.plan.record_list import HINT_COLOR
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

Index = QModelIndex | QPersistentModelIndex
NOT_APPLICABLE_COLOR = QColor("#e9ecef")


class SetScore(StoreCommand):
    """One area's score in one year; undo writes back what the cell held."""

    tables = ("assessment_score",)

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        area_id: uuid.UUID,
        year: int,
        score: Score,
        previous: Score,
    ) -> None:
        super().__init__(hub, text)
        self.area_id, self.year, self.score, self.previous = area_id, year, score, previous

    def apply(self, store: Store) -> None:
        assessment.set_score(store, self.area_id, self.year, self.score)

    def revert(self, store: Store) -> None:
        assessment.set_score(store, self.area_id, self.year, self.previous)


def shown(score: Score) -> str:
    """A cell as the window shows it: the locale's decimal mark (86,50 in Spanish)."""
    return assessment.score_text(score, QLocale().decimalPoint())


class AssessmentModel(RefusingTableModel):
    """Column 0: the area's name; then one column per year. The last row adds an area."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack = hub, undo_stack
        self.municipality_id: uuid.UUID | None = None
        self.grid = AssessmentGrid([], [])
        self.added_years: set[int] = set()

    def load(self, municipality_id: uuid.UUID, grid: AssessmentGrid) -> None:
        """Show ``grid`` (with the years added by hand); cell by cell when its shape holds."""
        grid.years = sorted(set(grid.years) | self.added_years)
        old = self.grid
        if (
            municipality_id != self.municipality_id
            or old.years != grid.years
            or old.areas != grid.areas
        ):
            self.beginResetModel()
            self.municipality_id, self.grid, self.refused = municipality_id, grid, None
            self.endResetModel()
            return
        self.grid = grid
        for row, (area_id, _name) in enumerate(grid.areas):
            for column, year in enumerate(grid.years, start=1):
                if old.score(area_id, year) != grid.score(area_id, year):
                    self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def add_year(self, year: int) -> int:
        """Show a column for ``year`` (kept until the list is read anew); its column."""
        self.added_years.add(year)
        if year not in self.grid.years:
            years = sorted({*self.grid.years, year})
            column = years.index(year) + 1
            self.beginInsertColumns(QModelIndex(), column, column)
            self.grid.years = years
            self.endInsertColumns()
        return self.grid.years.index(year) + 1

    def area_at(self, row: int) -> tuple[uuid.UUID, str] | None:
        return self.grid.areas[row] if 0 <= row < len(self.grid.areas) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.municipality_id is None else len(self.grid.areas) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.grid.years) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _("Area") if section == 0 else str(self.grid.years[section - 1])

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 0 or index.row() < len(self.grid.areas):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        marked = self.refusal_data(index, role)
        if marked is not None:
            return marked
        area = self.area_at(index.row())
        if area is None:
            return self._new_row(index, role)
        if index.column() == 0:
            return (
                area[1] if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) else None
            )
        score = self.grid.score(area[0], self.grid.years[index.column() - 1])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return shown(score)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.RIGHT
        if role == Qt.ItemDataRole.BackgroundRole and score[0] is ScoreState.not_applicable:
            return QBrush(NOT_APPLICABLE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                ScoreState.not_evaluated: _("Not evaluated"),
                ScoreState.not_applicable: _("Not applicable"),
            }.get(score[0])
        return None

    def _new_row(self, index: Index, role: int) -> Any:
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _("Add an area…")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HINT_COLOR)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return "" if role == Qt.ItemDataRole.EditRole else None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.municipality_id is None:
            return False
        area = self.area_at(index.row())
        text = "" if value is None else str(value)
        try:
            if index.column() == 0:
                return self._name(index, area, text)
            if area is None:
                return False
            year = self.grid.years[index.column() - 1]
            try:
                score = assessment.parse_score(text)
            except Invalid as error:
                raise Invalid(
                    _("{area}, {year}: {reason}").format(
                        area=area[1], year=year, reason=error.reason
                    )
                ) from None
        except Invalid as error:
            return self.refuse(index, error.reason)
        self._clear_refusal()
        previous = self.grid.score(area[0], year)
        if score == previous:
            return True
        title = _("Score of {area} in {year}").format(area=area[1], year=year)
        self.undo_stack.push(SetScore(self.hub, title, area[0], year, score, previous))
        self.grid.scores[(area[0], year)] = score
        self.dataChanged.emit(index, index)
        return True

    def _name(self, index: Index, area: tuple[uuid.UUID, str] | None, text: str) -> bool:
        assert self.municipality_id is not None
        if area is None:
            if not text.strip():
                return True
            with self.hub.store.session() as session:
                values = assessment.area_values(session, self.municipality_id, text)
            self._clear_refusal()
            command = CreateRecord(
                self.hub,
                _("Add an area"),
                AssessmentArea,
                values,
                last_among=("municipality_id",),
            )
            self.beginInsertRows(QModelIndex(), len(self.grid.areas), len(self.grid.areas))
            self.grid.areas.append((command.record_id, values["name"]))
            self.endInsertRows()
            self.undo_stack.push(command)
            return True
        name = assessment.area_name(text)
        self._clear_refusal()
        if name != area[1]:
            self.undo_stack.push(
                EditRecord(
                    self.hub,
                    _("Rename {area}").format(area=area[1]),
                    AssessmentArea,
                    area[0],
                    {"name": name},
                    {"name": area[1]},
                )
            )
            self.grid.areas[index.row()] = (area[0], name)
            self.dataChanged.emit(index, index)
        return True


class AssessmentTab(AnnexTab):
    """The grid with its hint, buttons, year entry and refusal line (no plan needed)."""

    watched = frozenset({"assessment_area", "assessment_score"})
    needs_plan = False

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hub, undo_stack, parent)
        self.setObjectName("assessmentTab")
        self.model = AssessmentModel(hub, undo_stack, self)
        view = spreadsheet_view(self.model, name="assessmentGrid")
        assert isinstance(view, QTableView)
        self.view = view
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        delete_action(view, self.delete_area)
        self.refusal = refusal_line("assessmentRefusal")
        self.model.sig_refused.connect(self.refusal.setText)
        hint = QLabel(
            _(
                "Each area's score in each year: a percentage such as 86,50; leave it "
                "empty when it was not evaluated; type - when it does not apply."
            )
        )
        hint.setWordWrap(True)
        self.year = QLineEdit()
        self.year.setObjectName("assessmentYear")
        self.year.setPlaceholderText(_("Year"))
        self.year.setMaximumWidth(80)
        self.year.returnPressed.connect(self.add_year)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("up", _("Move up"), lambda: self.move_row(-1)),
            ("down", _("Move down"), lambda: self.move_row(1)),
            ("delete", _("Delete area"), self.delete_area),
        ):
            button = QPushButton(text)
            button.setObjectName(f"assessment_{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            bar.addWidget(button)
            self.buttons[key] = button
        bar.addStretch(1)
        bar.addWidget(self.year)
        add_year = QPushButton(_("Add a year"))
        add_year.setObjectName("assessment_add_year")
        add_year.clicked.connect(self.add_year)
        bar.addWidget(add_year)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(hint)
        layout.addLayout(bar)
        layout.addWidget(view, 1)
        layout.addWidget(self.refusal)
        self.set_content(content)

    def load(self) -> None:
        municipality_id = self.owner.municipality_id
        assert municipality_id is not None
        with self.store.session() as session:
            grid = assessment.read_grid(session, municipality_id)
        self.model.load(municipality_id, grid)

    def chosen_area(self) -> tuple[uuid.UUID, str] | None:
        return self.model.area_at(self.view.currentIndex().row())

    def add_year(self) -> None:
        try:
            year = assessment.check_year(self.year.text())
        except Invalid as error:
            self.refusal.setText(error.reason)
            return
        self.refusal.clear()
        self.year.clear()
        column = self.model.add_year(year)
        self.view.setCurrentIndex(self.model.index(max(self.view.currentIndex().row(), 0), column))

    def delete_area(self) -> None:
        area = self.chosen_area()
        if area is not None:
            delete_record(self, self.hub, self.undo_stack, AssessmentArea, area[0], area[1])

    def move_row(self, steps: int) -> None:
        area = self.chosen_area()
        row = self.view.currentIndex().row()
        if area is None or not 0 <= row + steps < len(self.model.grid.areas):
            return
        text = _("Move {what}").format(what=area[1])
        self.undo_stack.push(MoveRecord(self.hub, text, AssessmentArea, area[0], steps))
        model = self.model
        model.beginMoveRows(QModelIndex(), row, row, QModelIndex(), row + steps + (steps > 0))
        model.grid.areas.insert(row + steps, model.grid.areas.pop(row))
        model.endMoveRows()
        self.view.setCurrentIndex(model.index(row + steps, self.view.currentIndex().column()))
