"""What the print dialog's pickers offer, read from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan
from planner_desktop.domain.events import Event
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions
from planner_desktop.ui.formatting import short_date
from planner_desktop.ui.printing.documents import Need


@dataclass(frozen=True)
class Choice:
    """One item of a picker: its label and the report options it sets."""

    label: str
    event: str | None = None
    community: str | None = None
    project: str | None = None
    year: int | None = None
    about: str = ""
    """What the document is about, for its file name: communities, event, project."""
    day: date | None = None
    """The date the file name carries: the event's; None for the day it is printed."""

    def options(self, paper: str) -> ReportOptions:
        from planner_desktop.reports.layout import default_logo

        return ReportOptions(
            paper=paper,
            event=self.event,
            community=self.community,
            project=self.project,
            year=self.year,
            logo=default_logo(),
        )


def _event_choice(event: Event) -> Choice:
    places = sorted(link.community.name for link in event.communities
                    if link.deleted_at is None and link.community.deleted_at is None)
    return Choice(f"{short_date(event.date)} — {event.title}", event=str(event.id),
                  about=" ".join(places[:2]) or event.title, day=event.date)


def events(session: Session) -> list[Choice]:
    rows = session.scalars(select(Event).where(live(Event)).order_by(Event.date.desc()))
    return [_event_choice(event) for event in rows]


def communities(session: Session) -> list[Choice]:
    rows = session.scalars(select(Community).where(live(Community)).order_by(Community.name))
    return [Choice(f"{row.name} ({row.code})", community=str(row.id), about=row.name)
            for row in rows]


def rounds(session: Session) -> list[Choice]:
    """Events, then communities, that have at least one prioritisation round."""
    with_rounds = select(PrioritizationRound).where(live(PrioritizationRound))
    event_ids = with_rounds.with_only_columns(PrioritizationRound.event_id)
    community_ids = with_rounds.with_only_columns(PrioritizationRound.community_id)
    by_event = session.scalars(
        select(Event).where(live(Event), Event.id.in_(event_ids)).order_by(Event.date.desc())
    )
    by_community = session.scalars(
        select(Community)
        .where(live(Community), Community.id.in_(community_ids))
        .order_by(Community.name)
    )
    found = [_event_choice(event) for event in by_event]
    found += [
        Choice(_("Community: {name}").format(name=row.name), community=str(row.id),
               about=row.name)
        for row in by_community
    ]
    return found


def projects(session: Session) -> list[Choice]:
    rows = session.scalars(
        select(ProjectProfile).where(live(ProjectProfile)).order_by(ProjectProfile.code)
    )
    return [Choice(f"{row.code} — {row.name}", project=str(row.id), about=row.code)
            for row in rows]


def years(session: Session) -> list[Choice]:
    rows = session.scalars(
        select(AnnualPlan.fiscal_year).where(live(AnnualPlan)).order_by(AnnualPlan.fiscal_year)
    )
    return [Choice(str(year), year=year, about=str(year)) for year in rows]


def choices_for(session: Session, need: Need) -> list[Choice]:
    """The items of the picker for ``need``; an optional picker starts with "none"."""
    if need is Need.event:
        return events(session)
    if need is Need.event_optional:
        return [Choice(_("Blank sheet, no event")), *events(session)]
    if need is Need.rounds:
        return rounds(session)
    if need is Need.community:
        return communities(session)
    if need is Need.project:
        return projects(session)
    if need is Need.year:
        return years(session)
    if need is Need.year_optional:
        return [Choice(_("All years")), *years(session)]
    return []


def picker_label(need: Need) -> str:
    """The label in front of the picker."""
    labels = {
        Need.event: _("Event:"),
        Need.event_optional: _("Event:"),
        Need.rounds: _("Rounds of:"),
        Need.community: _("Community:"),
        Need.project: _("Project:"),
        Need.year: _("Year:"),
        Need.year_optional: _("Year:"),
    }
    return labels.get(need, "")
