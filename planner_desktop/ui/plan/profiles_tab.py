"""The profiles of the plan, the editor of the chosen one, and new profiles from the
priority demands that no profile answers yet."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QPushButton, QSplitter, QVBoxLayout, QWidget

from planner_desktop.domain.projects import ProfileCommunity, ProfileDemand, ProjectProfile
from planner_desktop.i18n import _
from planner_desktop.plan import records
from planner_desktop.plan.demand_choices import demand_choices
from planner_desktop.ui import queries
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CommandGroup, CreateRecord
from planner_desktop.ui.models.table import KEY_ROLE, QueryTableModel
from planner_desktop.ui.pages.base import PageContext, fit_columns, table_view
from planner_desktop.ui.plan.demand_picker import DemandPicker
from planner_desktop.ui.plan.profile_editor import ProfileEditor

LIST_TABLES = ("project_profile", "component", "profile_demand")


class ProfilesTab(QWidget):
    """The list of profiles (left) and the editor of the chosen one (right)."""

    def __init__(self, context: PageContext, hub: ChangeHub) -> None:
        super().__init__()
        self.setObjectName("profilesTab")
        self.context, self.hub = context, hub
        self._wanted: uuid.UUID | None = None
        self.profiles = QueryTableModel(context.store, queries.profiles(), self)
        self.view = table_view(self.profiles, name="profiles")
        for column in (2, 3, 5, 6):
            self.view.setColumnHidden(column, True)
        self.demands = DemandPicker()
        self.demands.sig_chosen.connect(self.new_from_demand)
        self.new_profile = QPushButton(_("New profile from demand"))
        self.new_profile.setObjectName("newProfileFromDemand")
        self.new_profile.clicked.connect(
            lambda: self.new_from_demand(self.demands.currentData()))
        self.editor = ProfileEditor(context.store, hub, context.undo_stack)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 760])
        self.demands.top.addWidget(self.new_profile)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("profilesSplitter")
        self.splitter.addWidget(splitter)
        self.splitter.addWidget(self.demands)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.view.selectionModel().selectionChanged.connect(self._chosen)
        hub.sig_changed.connect(self._saved)

    def refresh(self) -> None:
        current = self.editor.profile_id
        self.profiles.reload()
        fit_columns(self.view)
        self._fill_demands()
        if current is not None:
            self.select_profile(current)

    def _fill_demands(self) -> None:
        with self.context.store.session() as session:
            demands = demand_choices(session)
        self.demands.set_choices(demands)
        self.new_profile.setEnabled(bool(demands))

    def select_profile(self, profile_id: uuid.UUID) -> bool:
        """Choose ``profile_id`` in the list and show it in the editor."""
        row = self.profiles.row_of(profile_id)
        if row < 0:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.profiles.index(row, 0))
        if self.editor.profile_id != profile_id:
            self.editor.show_profile(profile_id)
        return True

    def _chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            profile_id = self.profiles.index(indexes[0].row(), 0).data(KEY_ROLE)
            if profile_id != self.editor.profile_id:
                self.editor.show_profile(profile_id)

    def _saved(self, table: str, _serial: int) -> None:
        if table not in LIST_TABLES:
            return
        self.profiles.reload()
        if table == "profile_demand":
            self._fill_demands()
        wanted = self._wanted or self.editor.profile_id
        if wanted is not None and self.select_profile(wanted):
            self._wanted = None
        elif wanted is not None and self._wanted is None:  # undone or deleted
            self.editor.show_profile(None)

    def new_from_demand(self, demand_id: uuid.UUID | None) -> uuid.UUID | None:
        """A new profile answering ``demand_id``, shown in the editor once saved."""
        if demand_id is None:
            return None
        with self.context.store.session() as session:
            new = records.new_profile_from_demand(session, demand_id)
        if new is None:
            return None
        text = _("New profile from demand")
        self.context.undo_stack.push(CommandGroup(text, [
            CreateRecord(self.hub, text, ProjectProfile, new.profile),
            CreateRecord(self.hub, text, ProfileDemand, new.demand_link),
            CreateRecord(self.hub, text, ProfileCommunity, new.community_link),
        ]))
        self._wanted = new.profile["id"]
        return self._wanted
