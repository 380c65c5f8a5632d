"""The all-demands list: filters, a search as you type, editing in place, new demands."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.capture import demands
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain import labels
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, Group
from planner_desktop.domain.summaries import event_community_ids, live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan.ordering import bytewise
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate, select_data
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.deleting import delete_action, delete_record
from planner_desktop.ui.models.demand_list import CODE, DISTRICT, DemandFilter, DemandListModel
from planner_desktop.ui.models.editing import group_choices
from planner_desktop.ui.pages.base import PageContext, fit_columns
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

DEBOUNCE_MS = 150
COLUMN_WIDTH = 115
"""The widest a column other than the description may be (1366 pixels wide screens)."""


def _combo(name: str, everything: str, items: list[tuple[Any, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(everything, None)
    for value, label in items:
        combo.addItem(label, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(5)
    return combo


class DemandsPanel(QWidget):
    """Every demand across communities, as an item model over SQL (never a copy)."""

    sig_count_changed = Signal(int)

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("demandsPanel")
        self.context = context
        self.hub = hub_for(context.undo_stack, context.store)
        self._codes_queued: set[str] = set()
        """Codes of new demands typed but not saved yet (cleared once all is saved)."""
        self.hub.sig_pending_changed.connect(
            lambda pending: self._codes_queued.clear() if pending == 0 else None
        )
        self.model = DemandListModel(context.store, self)
        self.model.attach(self.hub, context.undo_stack)
        with context.store.session() as session:
            districts = [
                (id_, name)
                for id_, name in session.execute(
                    select(District.id, District.name)
                    .where(live(District))
                    .order_by(bytewise(District.code), District.id)
                )
            ]
        self.district = _combo("districtFilter", _("All districts"), districts)
        self.community = _combo("communityFilter", _("All communities"), [])
        self.sector = _combo("sectorFilter", _("All sectors"), self.model.sectors())
        self.group = _combo("groupFilter", _("All groups"), [(g, labels.label(g)) for g in Group])
        self.status = _combo(
            "statusFilter", _("Any status"), [(s, labels.label(s)) for s in DemandStatus]
        )
        self.search = QLineEdit()
        self.search.setObjectName("demandSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Search demands…"))
        search_icon = QAction(self.search)
        self.search.addAction(search_icon, QLineEdit.ActionPosition.LeadingPosition)
        decorate(self, {search_icon: "mdi6.magnify"})
        self.count = QLabel()
        self.count.setObjectName("demandCount")
        combos = QHBoxLayout()
        for widget in (self.district, self.community, self.sector, self.group, self.status):
            combos.addWidget(widget, 1)
        search = QHBoxLayout()
        search.addWidget(self.search, 1)
        search.addWidget(self.count)

        self.new_demand = QLineEdit()
        self.new_demand.setObjectName("newDemand")
        self.new_demand.setPlaceholderText(
            _("New demand of the chosen community: describe it and press Enter")
        )
        self.new_sector = QComboBox()
        self.new_sector.setObjectName("newDemandSector")
        self.new_sector.setPlaceholderText(_("Sector…"))
        for value, label in self.model.sectors():
            self.new_sector.addItem(label, value)
        self.new_sector.setCurrentIndex(-1)
        self.new_group = QComboBox()
        self.new_group.setObjectName("newDemandGroup")
        for value, label in group_choices():
            self.new_group.addItem(label, value)
        select_data(self.new_group, Group.mixed)
        entry = QHBoxLayout()
        entry.addWidget(self.new_sector)
        entry.addWidget(self.new_group)
        entry.addWidget(self.new_demand, 1)
        self.view = spreadsheet_view(self.model, name="demandList")
        self.delete_button = QPushButton(_("Delete demand"))
        self.delete_button.setObjectName("deleteDemand")
        self.delete = delete_action(self.view, self.delete_current)
        self.delete_button.clicked.connect(self.delete_current)
        entry.addWidget(self.delete_button)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.refusal = refusal_line()
        hub_for(context.undo_stack, context.store).sig_failed.connect(self.show_failure)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(combos)
        layout.addLayout(search)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal)
        layout.addLayout(entry)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.district.currentIndexChanged.connect(self._district_chosen)
        for combo in (self.community, self.sector, self.group, self.status):
            combo.currentIndexChanged.connect(lambda _n: self.apply_filter())
        self.model.sig_loaded.connect(self._loaded)
        self.model.sig_refused.connect(self.refusal.setText)
        self.new_demand.returnPressed.connect(self.create_demand)
        context.sig_current_event_changed.connect(self.follow_event)
        self.follow_event(context.current_event_id)
        self.model.reload()  # the opening's one read: the filters and sort above were kept
        self.view.setColumnHidden(DISTRICT, True)  # a filter above; shown on 1366 pixels
        fit_columns(self.view, COLUMN_WIDTH)
        decorate(self, {self.delete_button: "mdi6.delete-outline"})

    def current_filter(self) -> DemandFilter:
        return DemandFilter(
            district_id=self.district.currentData(),
            community_id=self.community.currentData(),
            sector_id=self.sector.currentData(),
            group=self.group.currentData(),
            status=self.status.currentData(),
            text=self.search.text(),
        )

    def apply_filter(self) -> None:
        self._debounce.stop()
        self.model.set_filter(self.current_filter())

    def _district_chosen(self) -> None:
        district_id = self.district.currentData()
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(_("All communities"), None)
        if district_id is not None:
            with self.context.store.session() as session:
                for id_, name in session.execute(
                    select(Community.id, Community.name)
                    .where(Community.district_id == district_id, live(Community))
                    .order_by(bytewise(Community.name), Community.id)
                ):
                    self.community.addItem(name, id_)
        self.community.blockSignals(False)
        self.apply_filter()

    def _loaded(self, total: int) -> None:
        self.count.setText(ngettext("{n} demand", "{n} demands", total).format(n=total))
        self.sig_count_changed.emit(total)

    def create_demand(self) -> None:
        """A new demand of the chosen community, in the sector and group chosen beside it
        (never one taken silently from a filter)."""
        community_id = self.community.currentData()
        if community_id is None:
            self.refusal.setText(_("Choose a community first"))
            return
        if not self.model.sectors():
            self.refusal.setText(_("The municipality has no sectors yet"))
            return
        sector_id = self.new_sector.currentData()
        if sector_id is None:
            self.refusal.setText(_("Choose the sector of the new demand"))
            self.new_sector.setFocus()
            return
        try:
            with self.context.store.session() as session:
                values = demands.new_demand(
                    session,
                    community_id=community_id,
                    sector_id=sector_id,
                    description=self.new_demand.text(),
                    raising_group=self.new_group.currentData() or Group.mixed,
                    reserved=self._codes_queued,
                    event_id=self.context.current_event_id,
                )
        except Invalid as error:
            self.refusal.setText(error.reason)
            return
        self.refusal.clear()
        self.new_demand.clear()
        self._codes_queued.add(values["code"])
        self.push_create(values)

    def push_create(self, values: dict[str, Any]) -> uuid.UUID:
        command = CreateRecord(self.hub, _("New demand"), Demand, values)
        self.context.undo_stack.push(command)
        return command.record_id

    def delete_current(self) -> bool:
        """Delete the demand of the current row (Delete key, menu, button); undoable."""
        index = self.view.currentIndex()
        demand_id = self.model.key(index.row()) if index.isValid() else None
        if demand_id is None:
            self.refusal.setText(_("Choose a demand first"))
            return False
        code = self.model.index(index.row(), CODE).data()
        what = _("demand {code}").format(code=code)
        self.refusal.clear()
        return delete_record(self, self.hub, self.context.undo_stack, Demand, demand_id, what)

    def follow_scope(self, district_id: uuid.UUID | None, community_id: uuid.UUID | None) -> None:
        """Show the part of the territory chosen in the territory panel (the whole
        municipality: the current event's community, for whom demands are typed)."""
        if community_id is None and district_id is None:
            with self.context.store.session() as session:
                found = event_community_ids(session, self.context.current_event_id)
            community_id = found[0] if found else None
        if community_id is not None and district_id is None:
            with self.context.store.session() as session:
                district_id = session.scalar(
                    select(Community.district_id).where(Community.id == community_id)
                )
        select_data(self.district, district_id)
        if community_id is not None:
            select_data(self.community, community_id)

    def follow_event(self, event_id: uuid.UUID | None) -> None:
        """Demands are typed for the current event's community: it is chosen for them."""
        with self.context.store.session() as session:
            communities = event_community_ids(session, event_id)
        if communities:
            self.follow_scope(None, communities[0])

    def show_all(self) -> None:
        """Clear every filter (used after a demand is made elsewhere)."""
        for combo in (self.district, self.sector, self.group, self.status):
            combo.setCurrentIndex(0)
        self.search.clear()
        self.model.set_filter(replace(self.current_filter(), text=""))

    def show_failure(self, reason: str) -> None:
        """A save failed in the background (the table shows what is really saved)."""
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
