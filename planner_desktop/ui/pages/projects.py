"""Proyectos: the project profiles that answer the prioritised demands."""

from __future__ import annotations

from planner_desktop.domain import labels, summaries
from planner_desktop.domain.enums import Phase, Recommendation
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.pages.base import Page, counted, fit_columns, table_view


class ProjectsPage(Page):
    phase = Phase.projects

    def build(self) -> None:
        self.profiles = self.table_model(queries.profiles())
        self.profiles_view = table_view(self.profiles, name="profiles")
        self.body.addWidget(self.profiles_view)

    def refresh(self) -> None:
        self.profiles.reload()
        with self.store.session() as session:
            summary = summaries.projects_summary(session)
        recommendations = [
            f"{labels.label(rec)}: {summary.recommendations[rec]}"
            for rec in Recommendation
            if summary.recommendations.get(rec)
        ]
        self.set_summary(
            counted(
                ngettext("{n} project profile", "{n} project profiles", summary.profiles),
                summary.profiles,
            ),
            _("total cost {currency} {amount}").format(
                currency=self.currency(), amount=formatting.money(summary.total_cost)
            ),
            ", ".join(recommendations),
        )
        fit_columns(self.profiles_view)
