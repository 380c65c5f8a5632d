"""The all-demands list: filters, a search as you type, editing in place, new demands."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from planner_desktop.capture import demands
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain import labels
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, Group
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate, select_data
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.models.demand_list import DISTRICT, DemandFilter, DemandListModel
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
        self.model = DemandListModel(context.store, self)
        self.model.attach(self.hub, context.undo_stack)
        with context.store.session() as session:
            districts = [
                (id_, name)
                for id_, name in session.execute(
                    select(District.id, District.name).where(live(District)).order_by(District.code)
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
        self.view = spreadsheet_view(self.model, name="demandList")
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
        layout.addWidget(self.new_demand)

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
        self.model.reload()
        self.view.setColumnHidden(DISTRICT, True)  # a filter above; shown on 1366 pixels
        fit_columns(self.view, COLUMN_WIDTH)  # type: ignore[arg-type]

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
                    .order_by(Community.name)
                ):
                    self.community.addItem(name, id_)
        self.community.blockSignals(False)
        self.apply_filter()

    def _loaded(self, total: int) -> None:
        self.count.setText(_("{n} demands").format(n=total))
        self.sig_count_changed.emit(total)

    def create_demand(self) -> None:
        """A new demand of the chosen community, in the chosen (or first) sector."""
        community_id = self.community.currentData()
        if community_id is None:
            self.refusal.setText(_("Choose a community first"))
            return
        sectors = self.model.sectors()
        sector_id = self.sector.currentData() or (sectors[0][0] if sectors else None)
        if sector_id is None:
            self.refusal.setText(_("The municipality has no sectors yet"))
            return
        try:
            with self.context.store.session() as session:
                values = demands.new_demand(
                    session,
                    community_id=community_id,
                    sector_id=sector_id,
                    description=self.new_demand.text(),
                    raising_group=self.group.currentData() or Group.mixed,
                )
        except Invalid as error:
            self.refusal.setText(error.reason)
            return
        self.refusal.clear()
        self.new_demand.clear()
        self.push_create(values)

    def push_create(self, values: dict[str, Any]) -> uuid.UUID:
        command = CreateRecord(self.hub, _("New demand"), Demand, values)
        self.context.undo_stack.push(command)
        return command.record_id

    def follow_scope(self, district_id: uuid.UUID | None, community_id: uuid.UUID | None) -> None:
        """Show the part of the territory chosen in the territory panel."""
        if community_id is not None and district_id is None:
            with self.context.store.session() as session:
                district_id = session.scalar(
                    select(Community.district_id).where(Community.id == community_id)
                )
        select_data(self.district, district_id)
        if community_id is not None:
            select_data(self.community, community_id)

    def show_all(self) -> None:
        """Clear every filter (used after a demand is made elsewhere)."""
        for combo in (self.district, self.sector, self.group, self.status):
            combo.setCurrentIndex(0)
        self.search.clear()
        self.model.set_filter(replace(self.current_filter(), text=""))

    def show_failure(self, reason: str) -> None:
        """A save failed in the background (the table shows what is really saved)."""
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
