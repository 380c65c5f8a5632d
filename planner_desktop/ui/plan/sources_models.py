"""The table models and undoable steps of the funding sources tab
(:mod:`.sources_tab`): the sources (code, name, kind, funder) and one source's ceilings
per year, each cell typed in like a spreadsheet.

A typed value is checked by :mod:`planner_desktop.plan.sources`; an accepted one shows at
once and is saved by one undoable step on the write worker; a refused one changes
nothing: the model paints the cell and emits ``sig_refused`` with the reason, which names
the field. Neither model opens a dialog.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QUndoStack

from planner_desktop.capture import deletion
from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain import labels
from planner_desktop.i18n import _
from planner_desktop.plan import source_ceilings, sources
from planner_desktop.plan.sources import FIELDS, SourceLine
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting, jobs
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand
from planner_desktop.ui.models.editing import CHOICES_ROLE, REFUSED_COLOR
from planner_desktop.ui.plan.parsers import parse_amount
from planner_desktop.ui.plan.plan_commands import SetCeiling

Index = QModelIndex | QPersistentModelIndex
COLUMNS = tuple(FIELDS)
"""code, name, kind, funder."""
NAME_COLUMN = COLUMNS.index("name")


class EditSource(StoreCommand):
    """Fields of one source, checked again when written; undo writes the previous ones."""

    tables = ("funding_source",)

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        source_id: uuid.UUID,
        changes: dict[str, Any],
        previous: dict[str, Any],
    ) -> None:
        super().__init__(hub, text)
        self.source_id, self.changes, self.previous = source_id, changes, previous

    def _write(self, store: Store, values: dict[str, Any]) -> None:
        with store.session() as session:
            sources.update_source(session, self.source_id, values)

    def apply(self, store: Store) -> None:
        self._write(store, self.changes)

    def revert(self, store: Store) -> None:
        self._write(store, self.previous)


class DeleteSource(StoreCommand):
    """Tombstone an unused source with its ceilings; undo lifts exactly those tombstones."""

    tables = ("funding_source", "source_ceiling")

    def __init__(self, hub: ChangeHub, text: str, source_id: uuid.UUID) -> None:
        super().__init__(hub, text)
        self.source_id = source_id
        self.done = deletion.Deletion()

    def apply(self, store: Store) -> None:
        with store.session() as session:
            self.done = sources.delete_source(session, self.source_id)

    def revert(self, store: Store) -> None:
        deletion.restore(store, self.done)


class _Refusals(QAbstractTableModel):
    """A table model that paints one refused cell and says why (``sig_refused``)."""

    sig_refused = Signal(str)

    def __init__(self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject | None) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack = hub, undo_stack
        self.refused: tuple[int, int, str] | None = None

    def _refuse(self, index: Index, reason: str) -> bool:
        self.refused = (index.row(), index.column(), reason)
        self.dataChanged.emit(index, index)
        self.sig_refused.emit(reason)
        return False

    def _accepted(self) -> None:
        """An accepted value: the line under the tables is cleared (``sig_refused("")``)."""
        self.forget_refusal()
        self.sig_refused.emit("")

    def forget_refusal(self) -> None:
        """Stop painting the refused cell (the value typed elsewhere was accepted)."""
        if self.refused is not None:
            row, column, _reason = self.refused
            self.refused = None
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def _painted(self, index: Index, role: int) -> Any:
        if self.refused is None or self.refused[:2] != (index.row(), index.column()):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(REFUSED_COLOR)
        return self.refused[2] if role == Qt.ItemDataRole.ToolTipRole else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows()

    def _rows(self) -> int:
        raise NotImplementedError


class SourcesModel(_Refusals):
    """The live sources of the municipality, by code; every cell can be typed in."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(hub, undo_stack, parent)
        self.lines: list[SourceLine] = []

    def load(self, lines: list[SourceLine]) -> None:
        self.beginResetModel()
        self.lines, self.refused = lines, None
        self.endResetModel()

    def _rows(self) -> int:
        return len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row_of(self, source_id: uuid.UUID | None) -> int:
        return next((n for n, line in enumerate(self.lines) if line.id == source_id), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        field = COLUMNS[index.column()]
        if role == CHOICES_ROLE:
            return sources.kind_choices() if field == "kind" else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = self.lines[index.row()].value(field)
            return labels.label(value) if field == "kind" else value
        return self._painted(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(FIELDS[COLUMNS[section]])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line, field = self.lines[index.row()], COLUMNS[index.column()]
        if self.hub.pending:
            # A source added a moment ago may still be on its way to the database: the
            # check below reads it there, so it waits for the queued writes (milliseconds)
            # instead of refusing the person's first cell as "not found".
            jobs.pool(writes=True).waitForDone(10_000)
        try:
            with self.hub.store.session() as session:
                new = sources.check_changes(session, line.id, {field: value})[field]
        except (Invalid, LookupError) as error:
            return self._refuse(index, str(error))
        self._accepted()
        old = line.value(field)
        if new != old:
            self.lines[index.row()] = replace(line, **{field: new})
            self.dataChanged.emit(index, index)
            self.undo_stack.push(
                EditSource(
                    self.hub,
                    _("Edit {field}").format(field=_(FIELDS[field])),
                    line.id,
                    {field: new},
                    {field: old},
                )
            )
        return True


class CeilingsModel(_Refusals):
    """One source's ceilings: the years across, then their total."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(hub, undo_stack, parent)
        self.source_id: uuid.UUID | None = None
        self.years: list[int] = []
        self.period: list[int] = []
        self.amounts: dict[int, Decimal] = {}

    def load(
        self,
        source_id: uuid.UUID | None,
        years: list[int],
        period: list[int],
        amounts: dict[int, Decimal],
    ) -> None:
        self.beginResetModel()
        self.source_id, self.years, self.period, self.amounts = source_id, years, period, amounts
        self.refused = None
        self.endResetModel()

    def _rows(self) -> int:
        return 1 if self.source_id is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.source_id is None else len(self.years) + 1

    def year_of(self, column: int) -> int | None:
        return self.years[column] if 0 <= column < len(self.years) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        year = self.year_of(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if year is None:
                return formatting.money(sum(self.amounts.values(), Decimal(0)))
            return formatting.money(self.amounts.get(year))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.RIGHT
        if role == Qt.ItemDataRole.FontRole and year is None:
            font = QFont()
            font.setBold(True)
            return font
        return self._painted(index, role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return _("Ceiling")
        year = self.year_of(section)
        return str(year) if year is not None else _("Total")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        editable = index.isValid() and self.year_of(index.column()) is not None
        return flags | Qt.ItemFlag.ItemIsEditable if editable else flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        year = self.year_of(index.column())
        if role != Qt.ItemDataRole.EditRole or year is None or self.source_id is None:
            return False
        try:
            if clean_text(str(value or "")):
                try:  # the range in the rule's words, as session verify gives them
                    parse_amount(value)
                except Invalid as error:
                    title = _("Ceiling {year}").format(year=year)
                    raise Invalid(_("{field}: {reason}").format(field=title,
                                                                reason=error.reason)) from None
            amount = source_ceilings.parse_ceiling(value, year, self.period)
        except Invalid as error:
            return self._refuse(index, str(error))
        self._accepted()
        previous = self.amounts.get(year)
        if amount != previous:
            if amount is None:
                self.amounts.pop(year, None)
            else:
                self.amounts[year] = amount
            self.dataChanged.emit(index, self.index(0, len(self.years)))
            self.undo_stack.push(
                SetCeiling(
                    self.hub,
                    _("Ceiling of {year}").format(year=year),
                    self.source_id,
                    year,
                    amount,
                    previous,
                )
            )
        return True
