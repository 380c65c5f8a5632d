"""The priority demands a new profile can answer: searched as you type, one wide table.

Each row shows the demand's priority class, code, community and text; typing in the
search line keeps the rows holding every word typed (in any column, case and accents
ignored: "rieg majasaya" finds "Riego … Ayllu Majasaya"). Down goes from the line to the
table; Enter (in either) or a double-click asks for a profile for the chosen demand
(``sig_chosen``).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from planner_desktop.i18n import N_, _, ngettext
from planner_desktop.plan.demand_choices import DemandChoice
from planner_desktop.ui.keyboard import plain
from planner_desktop.ui.pages.base import fit_columns, table_view

HEADERS = (N_("Class"), N_("Code"), N_("Community"), N_("Demand"))
Index = QModelIndex | QPersistentModelIndex


class DemandChoiceModel(QAbstractTableModel):
    """The choices, with the rows the search keeps (:meth:`search`)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices: list[DemandChoice] = []
        self.shown: list[DemandChoice] = []
        self._words: list[str] = []

    def set_choices(self, choices: list[DemandChoice]) -> None:
        self.beginResetModel()
        self.choices = choices
        self.shown = [c for c in choices if self._keeps(c)]
        self.endResetModel()

    def search(self, text: str) -> None:
        self._words = plain(text).split()
        self.set_choices(self.choices)

    def _keeps(self, choice: DemandChoice) -> bool:
        haystack = plain(" ".join((choice.priority_class.value, choice.code,
                                   choice.community, choice.text)))
        return all(word in haystack for word in self._words)

    def stretch_columns(self) -> set[int]:
        return {3}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        choice = self.shown[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (choice.priority_class.value, choice.code, choice.community,
                    choice.text)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return choice.demand_id
        return None


class DemandPicker(QWidget):
    """The search line over the table of :class:`DemandChoiceModel`."""

    sig_chosen = Signal(object)
    """A profile is asked for this demand (its id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demandPicker")
        self.search = QLineEdit()
        self.search.setObjectName("priorityDemandSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Type a class, code, community or words"))
        self.model = DemandChoiceModel(self)
        self.view = table_view(self.model, name="priorityDemands")
        self.view.setToolTip(_("Demands agreed as A+ or A that no profile answers yet"))
        self.count_label = QLabel()
        self.count_label.setObjectName("priorityDemandCount")
        find = QLabel(_("Fin&d:"))
        find.setBuddy(self.search)
        self.top = QHBoxLayout()
        """The heading row: the count, the search line; the page adds its buttons."""
        self.top.addWidget(self.count_label)
        self.top.addStretch(1)
        self.top.addWidget(find)
        self.top.addWidget(self.search, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.top)
        layout.addWidget(self.view, 1)
        self.search.textChanged.connect(self._search)
        self.search.returnPressed.connect(self._choose)
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)  # Enter; not ``activated``: a single click on
        self.view.doubleClicked.connect(lambda _index: self._choose())  # some desktops

    def set_choices(self, choices: list[DemandChoice]) -> None:
        """Show ``choices``, keeping the search and (when still there) the row chosen."""
        chosen = self.currentData()
        self.model.set_choices(choices)
        self._after_change(chosen)

    def currentData(self) -> uuid.UUID | None:
        """The demand chosen: the row selected, else the first row shown."""
        index = self.view.currentIndex()
        row = index.row() if index.isValid() else 0
        return self.model.shown[row].demand_id if row < len(self.model.shown) else None

    def count(self) -> int:
        return len(self.model.shown)

    def _search(self, text: str) -> None:
        chosen = self.currentData()
        self.model.search(text)
        self._after_change(chosen)

    def _after_change(self, chosen: uuid.UUID | None) -> None:
        rows = [c.demand_id for c in self.model.shown]
        if rows:
            self.view.selectRow(rows.index(chosen) if chosen in rows else 0)
        fit_columns(self.view)
        shown, total = len(rows), len(self.model.choices)
        self.count_label.setText("<b>" + ngettext(
            "Priority demands without a profile: {shown} of {total}",
            "Priority demands without a profile: {shown} of {total}", total,
        ).format(shown=shown, total=total) + "</b>")

    def _choose(self) -> None:
        demand_id = self.currentData()
        if demand_id is not None:
            self.sig_chosen.emit(demand_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
            return True
        if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) \
                and self.count():
            self.view.setFocus()
            if not self.view.currentIndex().isValid():
                self.view.selectRow(0)
            return True
        return False
