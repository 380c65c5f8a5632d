"""The import wizard's table of chosen files: one row per file, never opens a dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planner_desktop.exchange.laptops import Laptop
from planner_desktop.exchange.signing import short_fingerprint
from planner_desktop.i18n import N_, _
from planner_desktop.ui.exchange.checks import HELD, REFUSED, VALID, FileCheck

Index = QModelIndex | QPersistentModelIndex
FILE, WHO, RECORDS, STATUS, ADDS, UPDATES, CONFLICTS = range(7)
COLUMNS = (
    N_("File"),
    N_("Facilitator / laptop"),
    N_("Records"),
    N_("Status"),
    N_("Will add"),
    N_("Will update"),
    N_("Conflicts"),
)
NUMBERS = (RECORDS, ADDS, UPDATES, CONFLICTS)
STATUS_COLOURS = {VALID: "#1b5e20", REFUSED: "#b71c1c", HELD: "#8a5a00"}


def status_text(check: FileCheck) -> str:
    if check.status == VALID and check.plan is not None and check.plan.status == "already":
        if check.plan.same_as is not None:
            return _("the same as {name}, above: changes nothing").format(
                name=check.plan.same_as.name
            )
        return _("already merged (import {batch})").format(batch=check.plan.batch_id)
    if check.status == VALID:
        return _("valid (laptop trusted now)") if check.trusted_now else _("valid")
    if check.status == REFUSED:
        return _("refused: {reason}").format(reason=check.reason)
    if check.status == HELD:
        return _("held: key not trusted")
    return _("checking…")


class FilesModel(QAbstractTableModel):
    """The :class:`FileCheck` rows of the wizard."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checks: list[FileCheck] = []

    def set_checks(self, checks: list[FileCheck]) -> None:
        self.beginResetModel()
        self.checks = list(checks)
        self.endResetModel()

    def refresh(self) -> None:
        """The rows' contents changed (trust or plans): show them again."""
        if self.checks:
            last = self.index(len(self.checks) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.checks)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return str(section + 1) if orientation == Qt.Orientation.Vertical else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.checks):
            return None
        check = self.checks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(check, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS and check.reason:
                return check.reason
            if column == WHO and check.fingerprint:
                return _("Key {key}").format(key=short_fingerprint(check.fingerprint))
            if column == FILE:
                return str(check.path)
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            colour = STATUS_COLOURS.get(check.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, check: FileCheck, column: int) -> str:
        if column == FILE:
            return check.path.name
        if column == WHO:
            if check.device_id is None:
                return check.facilitator
            return Laptop(check.device_id, check.facilitator).label
        if column == RECORDS:
            return "" if check.records is None else str(check.records)
        if column == STATUS:
            return status_text(check)
        plan = check.plan
        if plan is None or not check.mergeable:
            return ""
        counts = plan.counts
        value = {ADDS: counts.added, UPDATES: counts.updated, CONFLICTS: counts.conflicts}
        return str(value[column])
