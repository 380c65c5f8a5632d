"""Per-cell editing shared by the editable models: parse, refuse in place, or save.

A typed value is parsed by the column's :class:`FieldSpec` (Qt-free rules from
:mod:`planner_desktop.capture.validation`), then checked against the rule of its
``table.column`` (:mod:`planner_desktop.domain.rules`, the same words ``session verify``
gives, after the column's title). A refused value changes nothing: the model
remembers the reason, paints the cell and emits ``sig_refused`` so a view can show the
reason under the table. An accepted value is shown at once and saved by an undoable
:class:`~planner_desktop.ui.commands.EditRecord` on the write worker.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QUndoStack

from planner_desktop.capture import records
from planner_desktop.capture.rule_checks import problem
from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain import labels
from planner_desktop.domain.base import Synced
from planner_desktop.domain.enums import Group
from planner_desktop.i18n import _
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import EditRecord

Index = QModelIndex | QPersistentModelIndex
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 10
"""``data(index, CHOICES_ROLE)``: the (value, label) pairs a cell may take, or None."""
REFUSED_COLOR = QColor("#f8d7da")


@dataclass(frozen=True)
class FieldSpec:
    """How one column is edited: the record's field, the parser of typed text (raising
    :class:`Invalid`), and for a closed list the (value, label) choices."""

    field: str
    parse: Callable[[Any], Any]
    title: str
    choices: Callable[[], list[tuple[Any, str]]] | None = None


class EditSupport:
    """The editing half of a table model over ``record`` rows (composed, not inherited)."""

    def __init__(
        self,
        model: QAbstractItemModel,
        record: type[Synced],
        fields: dict[int, FieldSpec],
        key_of: Callable[[int], uuid.UUID | None],
        on_refused: Callable[[str], None],
    ) -> None:
        self.model = model
        self.record = record
        self.fields = fields
        self.key_of = key_of
        self.on_refused = on_refused
        self.hub: ChangeHub | None = None
        self.undo_stack: QUndoStack | None = None
        self.refused: tuple[Any, int, str] | None = None
        """(row key, column, reason) of the last refused value, until the next edit."""
        self._pending: dict[tuple[Any, int], tuple[int, str]] = {}

    def attach(self, hub: ChangeHub, undo_stack: QUndoStack) -> None:
        self.hub = hub
        self.undo_stack = undo_stack

    @property
    def table(self) -> str:
        return str(self.record.__tablename__)  # type: ignore[attr-defined]

    @property
    def editable(self) -> bool:
        return self.hub is not None

    def flags(self, index: Index, flags: Qt.ItemFlag) -> Qt.ItemFlag:
        if self.editable and index.column() in self.fields:
            return flags | Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int) -> tuple[bool, Any]:
        """(handled, value) for the roles editing adds or overrides."""
        key = self.key_of(index.row())
        column = index.column()
        if role == CHOICES_ROLE:
            spec = self.fields.get(column)
            return True, spec.choices() if spec is not None and spec.choices else None
        refused = self.refused is not None and self.refused[:2] == (key, column)
        if role == Qt.ItemDataRole.BackgroundRole and refused:
            return True, QBrush(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and refused:
            assert self.refused is not None
            return True, self.refused[2]
        pending = self._pending.get((key, column))
        if pending is not None and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return True, pending[1]
        return False, None

    def set_data(self, index: Index, value: Any) -> bool:
        spec = self.fields.get(index.column())
        key = self.key_of(index.row())
        if spec is None or key is None or self.hub is None or self.undo_stack is None:
            return False
        try:
            parsed = spec.parse(value)
        except Invalid as error:
            self._refuse(index, key, error.reason)
            return False
        reason = problem(self.table, spec.field, parsed)
        if reason is not None:
            self._refuse(index, key, _("{field}: {reason}").format(field=_(spec.title),
                                                                   reason=reason))
            return False
        previous = records.read(self.hub.store, self.record, key, [spec.field])
        self._clear_refusal()
        if previous[spec.field] == parsed:
            return True
        command = EditRecord(
            self.hub,
            _("Edit {field}").format(field=_(spec.title)),
            self.record,
            key,
            {spec.field: parsed},
            previous,
        )
        self.undo_stack.push(command)
        self._pending[(key, index.column())] = (command.serial, self._shown(spec, parsed))
        self.model.dataChanged.emit(index, index)
        return True

    def saved(self, serial: int) -> None:
        """Writes up to ``serial`` are in the database: stop showing their pending values."""
        self._pending = {k: v for k, v in self._pending.items() if v[0] > serial}

    def _shown(self, spec: FieldSpec, value: Any) -> str:
        if spec.choices is not None:
            for choice, label in spec.choices():
                if choice == value:
                    return label
        if isinstance(value, int | float) and not isinstance(value, bool):
            return formatting.number(value)
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return formatting.money(value)
        return str(value)

    def _refuse(self, index: Index, key: Any, reason: str) -> None:
        self.refused = (key, index.column(), reason)
        self.model.dataChanged.emit(index, index)
        self.on_refused(reason)

    def _clear_refusal(self) -> None:
        if self.refused is not None:
            self.refused = None
            self.on_refused("")


def choose(choices: list[tuple[Any, str]], value: Any) -> Any:
    """The value of the choice given by itself or by its label (typed or picked)."""
    text = clean_text(value).casefold() if isinstance(value, str) else None
    for choice, label in choices:
        if value == choice or (text is not None and text == label.casefold()):
            return choice
    raise Invalid(_("Choose one of the listed values"))


def group_choices() -> list[tuple[Any, str]]:
    return [(group, labels.label(group)) for group in Group]


def parse_group(value: Any) -> Group:
    return choose(group_choices(), value)  # type: ignore[no-any-return]
