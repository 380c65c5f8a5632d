"""The confirmed groups of demands with their sums (the roll-up), and the original
demands of the group chosen."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from planner_desktop.domain.enums import RoundLevel
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.models.table import KEY_ROLE, QueryTableModel
from planner_desktop.ui.pages.base import fit_columns, section_label, set_heading, table_view
from planner_desktop.ui.prioritization import grouping_queries

DISTRICT_COLUMN = 7


class GroupRollup(QWidget):
    """Groups of one level (and district) above, the chosen one's demands below;
    ``sig_count_changed(n)`` after each reading."""

    sig_count_changed = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = RoundLevel.municipality
        self.district_id: uuid.UUID | None = None
        self.groups = QueryTableModel(store, self._query(), self)
        self.groups_view = table_view(self.groups, name="demandGroups")
        self.members = QueryTableModel(store, grouping_queries.members(None), self)
        self.members_view = table_view(self.members, name="groupMembers")
        self.members_title = section_label()
        self.groups_view.selectionModel().selectionChanged.connect(self._chosen)
        box = QWidget()
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.members_title)
        box_layout.addWidget(self.members_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.groups_view)
        splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _query(self) -> grouping_queries.TableQuery:
        return grouping_queries.groups(self.level, self.district_id)

    def show_groups(self, level: RoundLevel, district_id: uuid.UUID | None) -> None:
        """Groups of ``level``; at district level those of ``district_id`` (None: all)."""
        self.level, self.district_id = level, district_id
        self.reload()

    def reload(self) -> None:
        chosen = self.chosen()
        self.groups.reload(self._query())
        self.groups_view.setColumnHidden(DISTRICT_COLUMN, self.level is RoundLevel.municipality)
        fit_columns(self.groups_view)
        self.sig_count_changed.emit(self.groups.total)
        if chosen is None or not self.select(chosen):
            self._show_members(None)

    def chosen(self) -> uuid.UUID | None:
        rows = self.groups_view.selectionModel().selectedRows()
        return self.groups.key(rows[0].row()) if rows else None

    def select(self, group_id: uuid.UUID) -> bool:
        """Choose the group's row (its demands shown); False when it is not listed."""
        row = self.groups.row_of(group_id)
        if row < 0:
            return False
        self.groups_view.selectRow(row)
        self.groups_view.scrollTo(self.groups.index(row, 0))
        return True

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_members(indexes[0].data(KEY_ROLE), indexes[0].data() or "")

    def _show_members(self, group_id: uuid.UUID | None, title: str = "") -> None:
        self.members.reload(grouping_queries.members(group_id))
        set_heading(self.members_title,
                    _("Original demands of {group}").format(group=title) if title
                    else _("Original demands (choose a group)"))
        fit_columns(self.members_view)
