"""Qt models of the conflict view: the open conflicts, and one conflict field by field.

Neither opens a dialog. :class:`ConflictFieldsModel` keeps the result a person is
building: a field starts with the provisional winner's value, a click on a version's cell
takes that version's value, and the result column can be edited as text.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from planner_desktop.exchange.conflicts import FIXED_FIELDS
from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.session import Conflict
from planner_desktop.i18n import N_, _
from planner_desktop.ui import formatting

Index = QModelIndex | QPersistentModelIndex
DIFFERS = QColor("#fff3c4")
CHOSEN = QColor("#d7ecd9")
NAMING_FIELDS = ("name", "title", "description", "first_names")


def shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def parse(text: str, samples: list[Any]) -> Any:
    """The value typed for a field, of the same kind as its versions' values.

    Raises :class:`ValueError` when the text is not of that kind.
    """
    text = text.strip()
    known = [s for s in samples if s is not None]
    if not text and len(known) < len(samples):
        return None
    if known and all(isinstance(s, bool) for s in known):
        if text.lower() in (_("yes"), "yes", "true", "1"):
            return True
        if text.lower() in (_("no"), "no", "false", "0"):
            return False
        raise ValueError(text)
    if known and all(isinstance(s, int) for s in known):
        return int(text)
    if known and all(isinstance(s, float) for s in known):
        return float(text)
    if known and all(isinstance(s, dict | list) for s in known):
        return json.loads(text)
    return text


def record_label(conflict: Conflict) -> str:
    values = next((v.values for v in conflict.versions if v.provisional), None)
    values = values or conflict.versions[0].values
    code = str(values.get("code") or "")
    text = next((str(values[n]) for n in NAMING_FIELDS if values.get(n)), "")
    label = " · ".join(part for part in (code, text) if part)
    return label[:80] if label else str(conflict.id)[:8]


class ConflictListModel(QAbstractTableModel):
    COLUMNS = (N_("Record"), N_("Type"), N_("Versions"), N_("Differing fields"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conflicts: list[Conflict] = []

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self.conflicts = conflicts
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
            return record_label(conflict)
        if column == 1:
            return table_title(conflict.table)
        if column == 2:
            return str(len(conflict.versions))
        return str(len(editable_fields(conflict, only_differing=True)))


def editable_fields(conflict: Conflict, *, only_differing: bool = False) -> list[str]:
    differing = [f for f in conflict.differing_fields() if f not in FIXED_FIELDS]
    if only_differing:
        return differing
    rest = sorted(set(conflict.versions[0].values) - FIXED_FIELDS - set(differing))
    return differing + rest


class ConflictFieldsModel(QAbstractTableModel):
    """Rows: the fields a person may choose (differing ones first); columns: the field,
    each version, and the result."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conflict: Conflict | None = None
        self.fields: list[str] = []
        self.differing: set[str] = set()
        self.result: dict[str, Any] = {}
        self.sources: dict[uuid.UUID, str] = {}

    def set_conflict(
        self, conflict: Conflict | None, sources: dict[uuid.UUID, str] | None = None
    ) -> None:
        """Show ``conflict``; ``sources`` names the files each version came from."""
        self.beginResetModel()
        self.conflict = conflict
        self.sources = sources or {}
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
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if self.conflict is None:
            return None
        if section == 0:
            return _("Field")
        if section == self.result_column:
            return _("Result")
        version = self.conflict.versions[section - 1]
        title = _("Version {n}").format(n=section)
        when = formatting.date_time(version.updated_at)
        extra = _(" (kept for now)") if version.provisional else ""
        source = self.sources.get(version.version_id, str(version.device_id)[:8])
        return f"{title}{extra}\n{source} · {when}"

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
            return field if column == 0 else shown(value)
        if role == Qt.ItemDataRole.ToolTipRole and column > 0:
            text = shown(value)
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
            self.result[field] = parse(str(value), samples)
        except ValueError:
            return False
        self.dataChanged.emit(self.index(index.row(), 1), index)
        return True
