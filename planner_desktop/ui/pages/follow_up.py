"""Seguimiento: physical and financial progress of projects and operations."""

from __future__ import annotations

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.pages.base import Page, counted, fit_columns, table_view


class FollowUpPage(Page):
    phase = Phase.follow_up

    def build(self) -> None:
        self.progress = self.table_model(queries.progress())
        self.progress_view = table_view(self.progress, name="progress")
        self.body.addWidget(self.progress_view)

    def refresh(self) -> None:
        self.progress.reload()
        with self.store.session() as session:
            summary = summaries.follow_up_summary(session)
        self.set_summary(
            counted(
                ngettext("{n} progress record", "{n} progress records", summary.records),
                summary.records,
            ),
            counted(ngettext("{n} project", "{n} projects", summary.projects), summary.projects),
            counted(
                ngettext("{n} operation", "{n} operations", summary.operations),
                summary.operations,
            ),
            _("average physical progress {percent}").format(
                percent=formatting.percent(summary.average_physical)
            )
            if summary.average_physical is not None
            else "",
            _("executed {currency} {amount}").format(
                currency=self.currency(), amount=formatting.money(summary.financial_executed)
            ),
        )
        fit_columns(self.progress_view)
