"""Preparación y organización: the territory, the actors and the calendar of events."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from planner_desktop.domain import figures, summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.summaries import community_scope
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.models import actors
from planner_desktop.ui.models import territory as community_table
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.pages.attendance import AttendancePanel
from planner_desktop.ui.pages.base import Page, counted, fit_columns, fit_height
from planner_desktop.ui.pages.events import EventsPanel
from planner_desktop.ui.pages.persons import PersonsPanel
from planner_desktop.ui.pages.territory_editing import TerritoryEditing
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view


class PreparationPage(Page):
    phase = Phase.preparation
    follows_scope = True
    count_tables = frozenset(
        {"district", "community", "organization", "person", "event", "attendance"}
    )

    def build(self) -> None:
        self.hub = hub_for(self.context.undo_stack, self.store)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.communities = community_table.CommunitiesModel(
            self.store, community_table.communities(self.scope)
        )
        self.communities.attach(self.hub, self.context.undo_stack)
        self.organizations = actors.OrganizationsModel(self.store)
        self.organizations.attach(self.hub, self.context.undo_stack)
        self.events_panel = EventsPanel(self.context)
        self.events = self.events_panel.model
        self.communities_view = spreadsheet_view(self.communities, name="communities")
        communities_tab, self.community_refusal = _with_refusal(
            self.communities_view, self.communities, "communityRefusal"
        )
        self.population_warning = refusal_line("populationWarning")
        self.population_warning.setStyleSheet("color: #7a4b00; font-weight: bold;")
        tab_layout = communities_tab.layout()
        assert isinstance(tab_layout, QVBoxLayout)
        tab_layout.addWidget(self.population_warning)
        self.districts = EditableQueryModel(
            self.store, community_table.districts(), District, community_table.district_fields()
        )
        self.districts.attach(self.hub, self.context.undo_stack)
        self.districts.sig_refused.connect(self.community_refusal.setText)
        self.districts_view = spreadsheet_view(self.districts, name="districts")
        tab_layout.insertWidget(0, self.districts_view)
        self.territory_editing = TerritoryEditing(
            self.hub,
            self.context.undo_stack,
            {District: self.districts_view, Community: self.communities_view},
        )
        tab_layout.insertWidget(0, self.territory_editing)
        self.organizations_view = spreadsheet_view(self.organizations, name="organizations")
        organizations_tab, self.organization_refusal = _with_refusal(
            self.organizations_view, self.organizations, "organizationRefusal"
        )
        self.events_view = self.events_panel.view
        self.tabs.addTab(communities_tab, "")
        self.tabs.addTab(organizations_tab, "")
        self.tabs.addTab(self.events_panel, "")
        self.attendance = AttendancePanel(self.context)
        self.tabs.addTab(self.attendance, "")
        self.persons = PersonsPanel(self.context)
        self.tabs.addTab(self.persons, "")
        self.body.addWidget(self.tabs)
        self._fitted = False
        self.hub.sig_changed.connect(self._changed)
        self.hub.sig_failed.connect(self._failed)

    def _failed(self, reason: str) -> None:
        text = _("Could not save: {reason}").format(reason=reason)
        self.community_refusal.setText(text)
        self.organization_refusal.setText(text)

    def _changed(self, table: str, _serial: int) -> None:
        if table in ("event", "event_community", "attendance"):
            self.events.reload()
            self.tabs.setTabText(2, _("Events ({n})").format(n=self.events.total))
        elif table == "community":
            self.show_summary()
            self.show_population_warning()
        elif table == "district":
            self.communities.refresh()

    def refresh(self) -> None:
        self.communities.reload(community_table.communities(self.scope))
        self.districts.reload()
        fit_columns(self.districts_view)
        fit_height(self.districts_view, max_rows=6)
        if not self._fitted:
            self.organizations.reload()
            self.events.reload()
        self.show_summary()
        self.show_population_warning()
        for view in (self.communities_view, self.organizations_view, self.events_view):
            if not self._fitted or view is self.communities_view:
                fit_columns(view)
        self._fitted = True

    def show_population_warning(self) -> None:
        """The line under the communities table naming a community whose population by sex
        and by age group differ (the last one changed), and how many more there are."""
        within = community_scope(
            Community.id, district_id=self.scope.district_id, community_id=self.scope.community_id
        )
        with self.store.session() as session:
            found = figures.population_disagreements(session, within)
        if not found:
            self.population_warning.setText("")
            return
        first, more = found[0], len(found) - 1
        text = community_table.disagreement_text(first.name, first.by_sex, first.by_age)
        if more:
            text += " " + ngettext("{n} more community does not add up either.",
                                   "{n} more communities do not add up either.", more).format(
                n=formatting.number(more))
        self.population_warning.setText(text)

    def show_counts(self) -> None:
        self.show_summary()

    def show_summary(self) -> None:
        with self.store.session() as session:
            prep = summaries.preparation_summary(session)
            territory = (
                summaries.territory_summary(session, district_id=self.scope.district_id)
                if self.scope.district_id is not None
                else prep.territory
            )
        population = _("{population} inhabitants ({women} women, {men} men)").format(
            population=formatting.number(territory.population),
            women=formatting.number(territory.women),
            men=formatting.number(territory.men),
        )
        self.set_summary(
            self.scope.name if self.scope.level != "municipality" else "",
            counted(
                ngettext("{n} district", "{n} districts", territory.districts), territory.districts
            )
            if self.scope.level == "municipality"
            else "",
            counted(
                ngettext("{n} community", "{n} communities", territory.communities),
                territory.communities,
            ),
            population,
            counted(
                ngettext("{n} organization", "{n} organizations", prep.organizations),
                prep.organizations,
            ),
            counted(
                ngettext("{n} registered person", "{n} registered persons", prep.persons),
                prep.persons,
            ),
            counted(ngettext("{n} event", "{n} events", prep.events), prep.events),
        )
        self.tabs.setTabText(0, _("Communities ({n})").format(n=self.communities.total))
        self.tabs.setTabText(1, _("Organizations ({n})").format(n=self.organizations.total))
        self.tabs.setTabText(2, _("Events ({n})").format(n=self.events.total))
        self.tabs.setTabText(3, _("Attendance"))
        self.tabs.setTabText(4, _("Persons"))


def _with_refusal(view: QWidget, model: EditableQueryModel, name: str) -> tuple[QWidget, QLabel]:
    """A tab holding an editable table and the line under it where refusals are shown."""
    tab = QWidget()
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view, 1)
    refusal = refusal_line(name)
    model.sig_refused.connect(refusal.setText)
    layout.addWidget(refusal)
    return tab, refusal
