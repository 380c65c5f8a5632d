"""The import log as a table: one row per merged file, newest first. Never opens a dialog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from planner_desktop.exchange.laptops import Laptop, batch_laptops, when
from planner_desktop.exchange.session import ImportBatch, import_log
from planner_desktop.i18n import N_, _
from planner_desktop.ui import formatting

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    N_("Import"),
    N_("File"),
    N_("Session"),
    N_("Laptop"),
    N_("Merged at"),
    N_("Added"),
    N_("Updated"),
    N_("Unchanged"),
    N_("Conflicts"),
    N_("Rejected"),
    N_("Undone"),
)
COUNTS = ("added", "updated", "unchanged", "conflicts", "rejected")
FIRST_COUNT, UNDONE = 5, 10
UNDONE_COLOUR = "#757575"


def _time(value: Any) -> str:
    return formatting.date_time(when(value)) if value is not None else ""


class ImportLogModel(QAbstractTableModel):
    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.batches: list[ImportBatch] = []
        self.laptops: dict[int, Laptop] = {}

    def reload(self) -> None:
        self.beginResetModel()
        self.batches = import_log(self.store)
        self.laptops = batch_laptops(self.store)
        self.endResetModel()

    def laptop(self, batch: ImportBatch) -> Laptop:
        """The laptop that signed the batch's file, named by its facilitator."""
        return self.laptops.get(batch.id) or Laptop(batch.device_id)

    def batch(self, row: int) -> ImportBatch | None:
        return self.batches[row] if 0 <= row < len(self.batches) else None

    def row_of(self, batch_id: int) -> int:
        return next((n for n, b in enumerate(self.batches) if b.id == batch_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.batches)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return _(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        batch = self.batch(index.row()) if index.isValid() else None
        if batch is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(batch, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return str(batch.session_id)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return _("Device {device}").format(device=batch.device_id)
        if role == Qt.ItemDataRole.ForegroundRole and batch.undone_at is not None:
            return QBrush(QColor(UNDONE_COLOUR))
        numeric = column == 0 or FIRST_COUNT <= column < UNDONE
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, batch: ImportBatch, column: int) -> str:
        if column == 0:
            return str(batch.id)
        if column == 1:
            return batch.file_name
        if column == 2:
            return str(batch.session_id)[:8]
        if column == 3:
            return self.laptop(batch).label
        if column == 4:
            return _time(batch.merged_at)
        if column == UNDONE:
            return _time(batch.undone_at)
        return str(getattr(batch, COUNTS[column - FIRST_COUNT]))
