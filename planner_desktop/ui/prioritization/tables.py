"""Qt models of the tally panel: the entry log and the results per group and agreed.

Both hold a :class:`RoundState` handed to them by the panel; they never read the database
and never open a dialog.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from planner_desktop.i18n import _
from planner_desktop.prioritization.ranking import rank_text
from planner_desktop.prioritization.results import AGREED
from planner_desktop.prioritization.run import agreed_by_mean_rank
from planner_desktop.ui import formatting
from planner_desktop.ui.prioritization.keys import group_label
from planner_desktop.ui.prioritization.state import Entry, RoundState

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, ENTRY_ROLE)`` gives the row's :class:`Entry`."""


def local_time(when: datetime) -> str:
    """A stored UTC time as the hour on this computer's clock."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%H:%M:%S")


class _StateModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state: RoundState | None = None
        self._read()

    def set_state(self, state: RoundState | None) -> None:
        self.beginResetModel()
        self.state = state
        self._read()
        self.endResetModel()

    def _read(self) -> None:
        raise NotImplementedError

    def headers(self) -> list[str]:
        raise NotImplementedError

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None


class EntriesModel(_StateModel):
    """The tally log, newest first: what was entered, by whom and when; a corrected
    entry stays in the log, struck out."""

    def _read(self) -> None:
        self.entries: tuple[Entry, ...] = self.state.entries if self.state else ()

    def headers(self) -> list[str]:
        return [_("Time"), _("Group"), _("Demand"), _("Dots"), _("Entered by"), _("Note")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.state is None else len(self.entries)

    def entry(self, row: int) -> Entry:
        return self.entries[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.FontRole and entry.retracted:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        note = ""
        if entry.corrects is not None:
            note = _("correction: cancels an earlier entry") if entry.count == 0 else \
                _("correction")
        elif entry.retracted:
            note = _("corrected")
        return (local_time(entry.when), group_label(entry.group), entry.code,
                formatting.number(entry.count), entry.facilitator, note)[index.column()]


class ResultsModel(_StateModel):
    """The agreed order with its priority class, and each group's dots and rank."""

    def _read(self) -> None:
        state = self.state
        self.rows = state.bars(AGREED) if state else ()
        self.groups = state.groups if state else ()
        self.ranks = {g: {b.code: b for b in state.bars(g)} for g in self.groups} if state \
            else {}

    def headers(self) -> list[str]:
        agreed = _("Agreed (average rank)") if self._by_mean_rank() else _("Agreed")
        return [_("Class"), _("Demand"), _("Description"),
                *(group_label(g) for g in self.groups), agreed]

    def _by_mean_rank(self) -> bool:
        return self.state is not None and agreed_by_mean_rank(self.state.method)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.state is None else len(self.rows)

    def value(self, row: int, group: str) -> float:
        """The dots of a demand for ``group`` (or :data:`AGREED`), as the figure shown."""
        bar = self.rows[row]
        if group == AGREED:
            return bar.value
        found = self.ranks.get(group, {}).get(bar.code)
        return found.value if found else 0.0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        bar, column = self.rows[index.row()], index.column()
        fixed = 3
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= fixed:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column < fixed:
            klass = _("{klass} (tie at the limit: the room decides)").format(
                klass=bar.klass) if bar.at_limit else bar.klass
            return (klass, bar.code, bar.label)[column]
        if column - fixed < len(self.groups):
            group = self.groups[column - fixed]
            found = self.ranks[group].get(bar.code)
            if found is None:
                return ""
            return _("{value} (#{rank})").format(value=formatting.number(found.value),
                                                   rank=rank_text(found.rank, found.tied))
        value = (formatting.decimal(-bar.value, 2) if self._by_mean_rank()
                 else formatting.number(bar.value))
        return _("{value} (#{rank})").format(value=value, rank=rank_text(bar.rank, bar.tied))
