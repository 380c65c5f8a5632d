"""Preparación y organización: the territory, the actors and the calendar of events."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.pages.base import Page, counted, fit_columns, table_view


class PreparationPage(Page):
    phase = Phase.preparation
    follows_scope = True

    def build(self) -> None:
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.communities = self.table_model(queries.communities(self.scope))
        self.organizations = self.table_model(queries.organizations())
        self.events = self.table_model(queries.events())
        self.communities_view = table_view(self.communities, name="communities")
        self.organizations_view = table_view(self.organizations, name="organizations")
        self.events_view = table_view(self.events, name="events")
        self.tabs.addTab(self.communities_view, "")
        self.tabs.addTab(self.organizations_view, "")
        self.tabs.addTab(self.events_view, "")
        self.body.addWidget(self.tabs)
        self._fitted = False

    def refresh(self) -> None:
        self.communities.reload(queries.communities(self.scope))
        if not self._fitted:
            self.organizations.reload()
            self.events.reload()
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
        for view in (self.communities_view, self.organizations_view, self.events_view):
            if not self._fitted or view is self.communities_view:
                fit_columns(view)
        self._fitted = True
