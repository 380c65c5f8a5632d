"""What the print dialog's pickers offer, read from the database."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan
from planner_desktop.domain.events import Event
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise
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
    round: str | None = None
    """One prioritisation round: its ballots, tally sheet or chart only."""

    def options(self, paper: str) -> ReportOptions:
        from planner_desktop.reports.layout import default_logo

        return ReportOptions(
            paper=paper,
            event=self.event,
            community=self.community,
            project=self.project,
            year=self.year,
            logo=default_logo(),
            round=self.round,
        )


def _event_choice(event: Event) -> Choice:
    places = sorted(link.community.name for link in event.communities
                    if link.deleted_at is None and link.community.deleted_at is None)
    return Choice(f"{short_date(event.date)} — {event.title}", event=str(event.id),
                  about=" ".join(places[:2]) or event.title, day=event.date)


def events(session: Session) -> list[Choice]:
    rows = session.scalars(select(Event).where(live(Event)).order_by(Event.date.desc(), Event.id))
    return [_event_choice(event) for event in rows]


def communities(session: Session) -> list[Choice]:
    rows = session.scalars(select(Community).where(live(Community)).order_by(
        bytewise(Community.name), Community.id
    ))
    return [Choice(f"{row.name} ({row.code})", community=str(row.id), about=row.name)
            for row in rows]


def _place(session: Session, rnd: PrioritizationRound) -> str:
    """Where the round is held: its community, its district or the municipality."""
    if rnd.community_id is not None:
        community = session.get(Community, rnd.community_id)
        return community.name if community is not None else ""
    if rnd.district_id is not None:
        district = session.get(District, rnd.district_id)
        return district.name if district is not None else ""
    return _("whole municipality")


def single_rounds(session: Session, current_event: uuid.UUID | None = None) -> list[Choice]:
    """Every live round, one by one: first those of the current event, then the other
    rounds of its communities, then the rest; the newest first within each."""
    event = session.get(Event, current_event) if current_event is not None else None
    places = set()
    if event is not None and event.deleted_at is None:
        places = {link.community_id for link in event.communities if link.deleted_at is None}
    rows = list(session.scalars(select(PrioritizationRound).where(live(PrioritizationRound))))
    rows.reverse()  # times are to the second: of two rounds opened in one, the later first

    def order(rnd: PrioritizationRound) -> tuple[int, float]:
        first = 0 if event is not None and rnd.event_id == event.id else \
            1 if rnd.community_id in places else 2
        return first, -rnd.created_at.timestamp()

    found = []
    for rnd in sorted(rows, key=order):
        held = session.get(Event, rnd.event_id) if rnd.event_id is not None else None
        day = held.date if held is not None else None
        place = _place(session, rnd)
        parts = [rnd.title, place, short_date(day) if day is not None else ""]
        found.append(Choice(" — ".join(part for part in parts if part),
                            event=str(rnd.event_id) if rnd.event_id else None,
                            community=str(rnd.community_id) if rnd.community_id else None,
                            about=place or rnd.title, day=day, round=str(rnd.id)))
    return found


def rounds(session: Session, current_event: uuid.UUID | None = None) -> list[Choice]:
    """Each round on its own (those of the current event's communities first), then
    events and communities with all their rounds together."""
    return [*single_rounds(session, current_event), *all_rounds(session)]


def all_rounds(session: Session) -> list[Choice]:
    """Events, then communities, that have at least one prioritisation round."""
    with_rounds = select(PrioritizationRound).where(live(PrioritizationRound))
    event_ids = with_rounds.with_only_columns(PrioritizationRound.event_id)
    community_ids = with_rounds.with_only_columns(PrioritizationRound.community_id)
    by_event = session.scalars(
        select(Event).where(live(Event), Event.id.in_(event_ids)).order_by(
            Event.date.desc(), Event.id
        )
    )
    by_community = session.scalars(
        select(Community)
        .where(live(Community), Community.id.in_(community_ids))
        .order_by(bytewise(Community.name), Community.id)
    )
    found = [replace(_event_choice(event),
                     label=_("All rounds of {what}").format(what=_event_choice(event).label))
             for event in by_event]
    found += [
        Choice(_("All rounds of {what}").format(what=row.name), community=str(row.id),
               about=row.name)
        for row in by_community
    ]
    return found


def projects(session: Session) -> list[Choice]:
    rows = session.scalars(
        select(ProjectProfile).where(live(ProjectProfile)).order_by(
            bytewise(ProjectProfile.code), ProjectProfile.id
        )
    )
    return [Choice(f"{row.code} — {row.name}", project=str(row.id), about=row.code)
            for row in rows]


def years(session: Session) -> list[Choice]:
    rows = session.scalars(
        select(AnnualPlan.fiscal_year).where(live(AnnualPlan)).order_by(
            AnnualPlan.fiscal_year, AnnualPlan.id
        )
    )
    return [Choice(str(year), year=year, about=str(year)) for year in rows]


def choices_for(session: Session, need: Need,
                current_event: uuid.UUID | None = None) -> list[Choice]:
    """The items of the picker for ``need``; an optional picker starts with "none".
    ``current_event`` (the window's) puts its rounds first."""
    if need is Need.event:
        return events(session)
    if need is Need.event_optional:
        return [Choice(_("Blank sheet, no event")), *events(session)]
    if need is Need.rounds:
        return rounds(session, current_event)
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
        Need.rounds: _("Round:"),
        Need.community: _("Community:"),
        Need.project: _("Project:"),
        Need.year: _("Year:"),
        Need.year_optional: _("Year:"),
    }
    return labels.get(need, "")
