"""Where every project and POA operation stands: latest physical progress, financial
progress (executed against budget), degree of compliance of its target and results against
resources (:mod:`planner_desktop.plan.follow`). Sortable by any column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner_desktop.i18n import N_, _
from planner_desktop.plan.follow import FollowUp, operation_follow_up, project_follow_up
from planner_desktop.reports import numbers
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.models.table import KEY_ROLE

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 20
"""``data(index, SORT_ROLE)``: the raw value a column sorts by."""
TABLE_ROLE = Qt.ItemDataRole.UserRole + 21
"""``data(index, TABLE_ROLE)``: ``project_profile`` or ``operation``."""
COLUMNS = (N_("Code"), N_("Project or operation"), N_("Latest"),
           N_("Physical"), N_("Executed"), N_("Budget"), N_("Financial"),
           N_("Compliance"), N_("Efficiency"))
NAME = 1
LATEST = 2
NUMERIC = {3, 4, 5, 6, 7, 8}
TIPS = {
    2: N_("The date of the latest progress record"),
    3: N_("Physical progress (for a project without its own records, its operations' "
          "weighted by budget)"),
    6: N_("Executed as a percentage of the budget (the cost, for a project)"),
    7: N_("Degree of compliance: the target achieved as a percentage of the target"),
    8: N_("Results against resources: physical progress per unit of financial progress; "
          "below 1, money goes faster "
          "than the work"),
}


def _ratio(value: Decimal | None) -> str:
    return numbers.fixed(value, 2)


class FollowUpModel(QAbstractTableModel):
    """Projects first, then operations, as :func:`project_follow_up` and
    :func:`operation_follow_up` give them (read again by :meth:`reload`)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.items: list[FollowUp] = []

    def reload(self) -> None:
        with self.store.session() as session:
            items = project_follow_up(session) + operation_follow_up(session)
        self.beginResetModel()
        self.items = items
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in TIPS:
            return _(TIPS[section])
        return None

    def raw(self, item: FollowUp, column: int) -> Any:
        latest_day: date | None = item.latest.date if item.latest else None
        return (
            item.code, item.name, latest_day, item.physical_percent, item.executed,
            item.budget, item.financial_percent, item.compliance, item.results_vs_resources,
        )[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self.items[index.row()], index.column()
        if role == KEY_ROLE:
            return item.id
        if role == TABLE_ROLE:
            return item.table
        value = self.raw(item, column)
        if role == SORT_ROLE:
            if value is None:
                return -1.0 if column in NUMERIC else ""
            if column in NUMERIC:
                return float(value)
            return value.isoformat() if isinstance(value, date) else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LATEST:
                return formatting.short_date(value)
            if column in (3, 6, 7):
                return formatting.percent(None if value is None else float(value))
            if column in (4, 5):
                return formatting.money(value)
            if column == 8:
                return _ratio(value)
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.RIGHT if column in NUMERIC else (
                formatting.CENTER if column == LATEST else formatting.LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, NAME):
            kind = _("Project") if item.table == "project_profile" else _("Operation")
            return f"{kind} {item.code}: {item.name}"
        return None

    def stretch_columns(self) -> set[int]:
        return {NAME}


class SortedFollowUp(QSortFilterProxyModel):
    """The follow-up sorted by the clicked column's raw value."""

    def __init__(self, source: FollowUpModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)

    def stretch_columns(self) -> set[int]:
        return {NAME}

    def row_of(self, key: Any) -> int:
        for row in range(self.rowCount()):
            if self.index(row, 0).data(KEY_ROLE) == key:
                return row
        return -1
