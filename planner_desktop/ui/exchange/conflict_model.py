"""Qt models of the conflict view: the open conflicts, and one conflict field by field.

Neither opens a dialog. :class:`ConflictFieldsModel` keeps the result a person is
building: a field starts with the provisional winner's value, a click on a version's cell
takes that version's value, and the result column can be edited as text. Fields read as
the forms title them and values as a person knows them (names for ids, labels for codes,
dates and amounts in the window's language), given a :class:`ConflictReading`.
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
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from planner_desktop.exchange.conflict_reading import ConflictReading
from planner_desktop.exchange.conflicts import FIXED_FIELDS
from planner_desktop.exchange.field_labels import field_title
from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.laptops import when
from planner_desktop.exchange.readable import ValueKind, value_kind
from planner_desktop.exchange.records import table_specs
from planner_desktop.exchange.session import Conflict, ConflictVersion
from planner_desktop.exchange.typed_input import Refused, plain_from_text
from planner_desktop.i18n import N_, _
from planner_desktop.ui import formatting
from planner_desktop.ui.exchange.conflict_text import (
    laptop_of,
    parse,
    readable,
    record_label,
    shown,
)

__all__ = ["ConflictFieldsModel", "ConflictListModel", "parse", "record_label"]

Index = QModelIndex | QPersistentModelIndex
DIFFERS = QColor("#fff3c4")
CHOSEN = QColor("#d7ecd9")


class ConflictListModel(QAbstractTableModel):
    COLUMNS = (N_("Record"), N_("Type"), N_("Versions"), N_("Differing fields"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[Conflict] = []
        self.names: dict[uuid.UUID, str] = {}

    def set_conflicts(
        self, conflicts: list[Conflict], names: dict[uuid.UUID, str] | None = None
    ) -> None:
        self.beginResetModel()
        self.conflicts = conflicts
        self.names = names or {}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        conflict = self.conflicts[index.row()]
        column = index.column()
        if column == 0:
            return record_label(conflict, self.names)
        if column == 1:
            return table_title(conflict.table)
        if column == 2:
            return formatting.number(len(conflict.versions))
        return formatting.number(len(editable_fields(conflict, only_differing=True)))


def editable_fields(conflict: Conflict, *, only_differing: bool = False) -> list[str]:
    """The fields a person may choose, differing ones first, each group in the order of
    the table's columns (as the forms list them); fields the table lacks come last."""
    spec = table_specs().get(conflict.table)
    columns = [column.name for column in spec.table.columns] if spec is not None else []
    order = {name: n for n, name in enumerate(columns)}

    def ordered(names: set[str]) -> list[str]:
        return sorted(names, key=lambda name: (order.get(name, len(order)), name))

    differing = ordered({f for f in conflict.differing_fields() if f not in FIXED_FIELDS})
    if only_differing:
        return differing
    rest = ordered(set(conflict.versions[0].values) - FIXED_FIELDS - set(differing))
    return differing + rest


class ConflictFieldsModel(QAbstractTableModel):
    """Rows: the fields a person may choose (differing ones first); columns: the field,
    each version, and the result."""

    sig_refused = Signal(str)
    """A typed result was refused: one line naming the field and what it takes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conflict: Conflict | None = None
        self.fields: list[str] = []
        self.differing: set[str] = set()
        self.result: dict[str, Any] = {}
        self.reading: ConflictReading | None = None

    def set_conflict(
        self, conflict: Conflict | None, reading: ConflictReading | None = None
    ) -> None:
        """Show ``conflict``; ``reading`` names its fields, values and versions' laptops
        (without it fields and values show as stored)."""
        self.beginResetModel()
        self.conflict = conflict
        self.reading = reading
        self.fields = editable_fields(conflict) if conflict else []
        self.differing = set(editable_fields(conflict, only_differing=True)) if conflict else set()
        base = self.provisional_values()
        self.result = {f: base.get(f) for f in self.fields}
        self.endResetModel()

    def provisional_values(self) -> dict[str, Any]:
        if self.conflict is None:
            return {}
        versions = self.conflict.versions
        return next((v.values for v in versions if v.provisional), versions[0].values)

    @property
    def result_column(self) -> int:
        return 1 + (len(self.conflict.versions) if self.conflict else 0)

    def chosen_values(self) -> dict[str, Any]:
        """The fields whose result differs from the provisional winner's value."""
        base = self.provisional_values()
        return {f: v for f, v in self.result.items() if v != base.get(f)}

    def pick(self, row: int, version: int) -> None:
        """Take version ``version``'s value for the field of ``row``."""
        if self.conflict is None or not 0 <= row < len(self.fields):
            return
        field = self.fields[row]
        self.result[field] = self.conflict.versions[version].values.get(field)
        self.dataChanged.emit(self.index(row, 1), self.index(row, self.result_column))

    def pick_all(self, version: int) -> None:
        for row in range(len(self.fields)):
            self.pick(row, version)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.conflict is None else self.result_column + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.conflict is None:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section < self.result_column:
            return self._files_text(self.conflict.versions[section - 1])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return _("Field")
        if section == self.result_column:
            return _("Result")
        return self.version_title(section - 1)

    def version_title(self, number: int) -> str:
        """Three lines: the version, its laptop, then its facilitator and the moment it was
        edited (the facilitator is left out when the laptop is named after them)."""
        assert self.conflict is not None
        version = self.conflict.versions[number]
        title = _("Version {n}").format(n=number + 1)
        extra = _(" (kept for now)") if version.provisional else ""
        laptop = laptop_of(self.reading, version)
        moment = formatting.date_time(when(version.updated_at))
        who = laptop.facilitator if laptop.device_name or laptop.local else ""
        last = " · ".join(part for part in (who, moment) if part)
        return f"{title}{extra}\n{laptop.label}\n{last}"

    def _files_text(self, version: ConflictVersion) -> str | None:
        origin = self.reading.origins.get(version.version_id) if self.reading else None
        if origin is None or not origin.files:
            return None
        return _("Came in: {files}").format(files=", ".join(origin.files))

    def field_text(self, field: str) -> str:
        if self.reading is None or self.conflict is None:
            return field
        return field_title(self.conflict.table, field)

    def value_text(self, field: str, value: Any) -> str:
        if self.reading is None:
            return shown(value)
        return readable(self.reading, field, value)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.result_column:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.conflict is None:
            return None
        field, column = self.fields[index.row()], index.column()
        value = self._value(field, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.field_text(field) if column == 0 else self.value_text(field, value)
        if role == Qt.ItemDataRole.ToolTipRole and column > 0:
            text = self.value_text(field, value)
            return text if len(text) > 30 else None
        if role == Qt.ItemDataRole.BackgroundRole and field in self.differing:
            if 0 < column < self.result_column and value == self.result[field]:
                return QBrush(CHOSEN)
            return QBrush(DIFFERS)
        if (
            role == Qt.ItemDataRole.FontRole
            and field in self.differing
            and column
            in (
                0,
                self.result_column,
            )
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _value(self, field: str, column: int) -> Any:
        assert self.conflict is not None
        if column == self.result_column:
            return self.result[field]
        if column == 0:
            return field
        return self.conflict.versions[column - 1].values.get(field)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.conflict is None:
            return False
        if not index.isValid() or index.column() != self.result_column:
            return False
        field = self.fields[index.row()]
        samples = [v.values.get(field) for v in self.conflict.versions]
        try:
            self.result[field] = self._parse(field, str(value), samples)
        except Refused as refused:
            self.sig_refused.emit(f"{self.field_text(field)}: {refused}")
            return False
        except ValueError:
            self.sig_refused.emit(
                _("{field}: this value does not fit").format(field=self.field_text(field))
            )
            return False
        self.dataChanged.emit(self.index(index.row(), 1), index)
        return True

    def _parse(self, field: str, text: str, samples: list[Any]) -> Any:
        """Text typed as the field is shown (a label, a name, a local date or amount)."""
        reading = self.reading
        if reading is None or value_kind(reading.table, field) is ValueKind.text:
            return parse(text, samples)
        names = {
            str(plain): reading.references.name(plain) or str(plain)
            for plain in samples
            if plain is not None
        }
        optional = any(plain is None for plain in samples)
        return plain_from_text(reading.table, field, text, names=names, optional=optional)
