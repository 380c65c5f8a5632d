"""A list of one kind of record of the plan, typed into like a spreadsheet.

Each row is a record; the last row is empty: typing into its first cell adds a record
(its other cells wait for that). A typed value is parsed by its column; a refused one
(the reason names the field; the rules of :mod:`planner_desktop.domain.rules` apply after
the parse) paints the cell and changes nothing; an accepted one is
shown at once and saved as an undoable step. Delete (key, right-click menu or button)
deletes the chosen row, naming what depends on it first; ordered lists move a row up or
down. Every write goes through :mod:`planner_desktop.ui.commands` (provenance stamped).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import problem
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.base import Synced
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord, EditRecord
from planner_desktop.ui.deleting import delete_action, delete_record
from planner_desktop.ui.models.editing import CHOICES_ROLE, REFUSED_COLOR, choose
from planner_desktop.ui.pages.base import section_label
from planner_desktop.ui.plan.annex_base import MoveRecord
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
HINT_COLOR = QColor("#6c757d")


def plain(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class ListColumn:
    """One column: the record's field, its title (marked with ``N_``), the parser of typed
    text (raising :class:`Invalid`), how a value is shown, and for a closed list its
    (value, label) choices."""

    field: str
    title: str
    parse: Callable[[Any], Any]
    show: Callable[[Any], str] = plain
    choices: Callable[[], list[tuple[Any, str]]] | None = None


@dataclass(frozen=True)
class ListSpec:
    """A list: its record, the field naming its owner (``plan_id``), its columns, how a
    record is made from what is typed into the first cell of the empty row, an optional
    check of a whole row after one of its cells changes, and whether it is ordered."""

    model: type[Synced]
    owner_field: str
    columns: tuple[ListColumn, ...]
    make: Callable[[Session, uuid.UUID, Any], dict[str, Any]]
    new_hint: str
    check: Callable[[Row], None] | None = None
    ordered: bool = False


def choice_column(
    field: str, title: str, choices: Callable[[], list[tuple[Any, str]]], optional: bool = False
) -> ListColumn:
    """A column picked from a list (typing a label picks it too); ``optional`` adds none."""

    def offered() -> list[tuple[Any, str]]:
        return [(None, ""), *choices()] if optional else choices()

    def show(value: Any) -> str:
        return next((label for choice, label in offered() if choice == value), "")

    return ListColumn(field, title, lambda value: choose(offered(), value), show, offered)


class RecordListModel(QAbstractTableModel):
    """The rows of one list and the empty row under them; never opens a dialog."""

    sig_refused = Signal(str)

    def __init__(
        self, spec: ListSpec, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.spec, self.hub, self.undo_stack = spec, hub, undo_stack
        self.owner_id: uuid.UUID | None = None
        self.rows: list[Row] = []
        self.refused: tuple[int, int, str] | None = None

    @property
    def fields(self) -> list[str]:
        return [column.field for column in self.spec.columns]

    def read(self, store: Store, owner_id: uuid.UUID) -> list[Row]:
        model = self.spec.model
        order = [model.position] if self.spec.ordered else []  # type: ignore[attr-defined]
        with store.session() as session:
            records = session.scalars(
                select(model)
                .where(
                    getattr(model, self.spec.owner_field) == owner_id, model.deleted_at.is_(None)
                )
                .order_by(*order, model.created_at, model.id)
            )
            return [{"id": r.id, **{f: getattr(r, f) for f in self.fields}} for r in records]

    def load(self, store: Store, owner_id: uuid.UUID) -> None:
        """Read the rows again: in place when they are the same ones, else anew."""
        rows = self.read(store, owner_id)
        if owner_id != self.owner_id or [r["id"] for r in rows] != [r["id"] for r in self.rows]:
            self.beginResetModel()
            self.owner_id, self.rows, self.refused = owner_id, rows, None
            self.endResetModel()
            return
        old, self.rows = self.rows, rows
        for number, (before, after) in enumerate(zip(old, rows, strict=True)):
            for column, field in enumerate(self.fields):
                if before[field] != after[field]:
                    self.dataChanged.emit(self.index(number, column), self.index(number, column))

    def row_of(self, record_id: uuid.UUID) -> int:
        return next((n for n, row in enumerate(self.rows) if row["id"] == record_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.owner_id is None else len(self.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.spec.columns[section].title)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.spec.columns[index.column()]
        new = index.row() >= len(self.rows)
        refused = self.refused is not None and self.refused[:2] == (index.row(), index.column())
        if role == CHOICES_ROLE:
            return column.choices() if column.choices else None
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return QBrush(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and refused:
            assert self.refused is not None
            return self.refused[2]
        if new:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.spec.new_hint
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(HINT_COLOR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return "" if role == Qt.ItemDataRole.EditRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return column.show(self.rows[index.row()][column.field])
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.owner_id is None:
            return False
        column = self.spec.columns[index.column()]
        try:
            parsed = column.parse(value)
            table = self.spec.model.__tablename__  # type: ignore[attr-defined]
            reason = problem(table, column.field, parsed)
            if reason is not None:
                raise Invalid(_("{field}: {reason}").format(field=_(column.title), reason=reason))
            if index.row() >= len(self.rows):
                return self._add(index, parsed)
            row = self.rows[index.row()]
            if self.spec.check is not None:
                self.spec.check({**row, column.field: parsed})
        except Invalid as error:
            self._refuse(index, error.reason)
            return False
        self._clear_refusal()
        if parsed == row[column.field]:
            return True
        self.undo_stack.push(
            EditRecord(
                self.hub,
                _("Edit {field}").format(field=_(column.title)),
                self.spec.model,
                row["id"],
                {column.field: parsed},
                {column.field: row[column.field]},
            )
        )
        row[column.field] = parsed
        self.dataChanged.emit(index, index)
        return True

    def _add(self, index: Index, parsed: Any) -> bool:
        if index.column() != 0:
            first = _(self.spec.columns[0].title)
            raise Invalid(
                _("{field}: write it first; then the rest of the row.").format(field=first)
            )
        if parsed in (None, ""):
            return True
        assert self.owner_id is not None
        with self.hub.store.session() as session:
            values = self.spec.make(session, self.owner_id, parsed)
        command = CreateRecord(
            self.hub,
            self.spec.new_hint,
            self.spec.model,
            values,
            last_among=(self.spec.owner_field,) if self.spec.ordered else (),
        )
        self._clear_refusal()
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append({"id": command.record_id, **{f: values.get(f) for f in self.fields}})
        self.endInsertRows()
        self.undo_stack.push(command)
        return True

    def _refuse(self, index: Index, reason: str) -> None:
        self.refused = (index.row(), index.column(), reason)
        self.dataChanged.emit(index, index)
        self.sig_refused.emit(reason)

    def _clear_refusal(self) -> None:
        if self.refused is not None:
            row, column, _reason = self.refused
            self.refused = None
            self.dataChanged.emit(self.index(row, column), self.index(row, column))
            self.sig_refused.emit("")


class RecordList(QWidget):
    """A titled list with its refusal line, Delete and, for ordered lists, Up and Down."""

    def __init__(
        self,
        spec: ListSpec,
        title: str,
        hub: ChangeHub,
        undo_stack: QUndoStack,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.hub, self.undo_stack = hub, undo_stack
        self.model = RecordListModel(spec, hub, undo_stack, self)
        view = spreadsheet_view(self.model, name=f"{name}View")
        assert isinstance(view, QTableView)
        self.view = view
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refusal = refusal_line(f"{name}Refusal")
        self.model.sig_refused.connect(self.refusal.setText)
        delete_action(view, self.delete_chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(section_label(title), 1)
        self.buttons: dict[str, QPushButton] = {}
        actions: Sequence[tuple[str, str, Callable[[], object]]] = (
            (
                ("up", _("Move up"), lambda: self.move_row(-1)),
                ("down", _("Move down"), lambda: self.move_row(1)),
            )
            if spec.ordered
            else ()
        )
        for key, text, slot in (*actions, ("delete", _("Delete"), self.delete_chosen)):
            button = QPushButton(text)
            button.setObjectName(f"{name}_{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(view, 1)
        layout.addWidget(self.refusal)

    def load(self, store: Store, owner_id: uuid.UUID) -> None:
        self.model.load(store, owner_id)

    def chosen(self) -> Row | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def delete_chosen(self) -> None:
        row = self.chosen()
        if row is None:
            return
        first = self.model.spec.columns[0]
        what = column_text(first, row) or _(first.title)
        delete_record(self, self.hub, self.undo_stack, self.model.spec.model, row["id"], what)

    def move_row(self, steps: int) -> None:
        row = self.chosen()
        if row is None:
            return
        where = self.model.row_of(row["id"]) + steps
        if not 0 <= where < len(self.model.rows):
            return
        what = column_text(self.model.spec.columns[0], row)
        self.undo_stack.push(
            MoveRecord(
                self.hub,
                _("Move {what}").format(what=what),
                self.model.spec.model,
                row["id"],
                steps,
            )
        )
        self.model.beginMoveRows(
            QModelIndex(), where - steps, where - steps, QModelIndex(), where + (steps > 0)
        )
        self.model.rows.insert(where, self.model.rows.pop(where - steps))
        self.model.endMoveRows()
        self.view.setCurrentIndex(self.model.index(where, self.view.currentIndex().column()))


def column_text(column: ListColumn, row: Row) -> str:
    return column.show(row[column.field])
