"""What every document needs from the store: options, lookups and the refusal of missing data."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.actors import Person
from planner_desktop.domain.base import Synced
from planner_desktop.domain.enums import Group
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.domain.summaries import (
    arrival,
    counted_attendance,
    current_municipality,
    live,
)
from planner_desktop.domain.territory import Community, Municipality
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import text_key
from planner_desktop.reports.layout import Letterhead

T = TypeVar("T")
M = TypeVar("M", bound=Synced)


class ReportRefused(Exception):
    """The data the document needs does not exist: the message is one line for a person."""


@dataclass(frozen=True)
class ReportOptions:
    """What the person chose: the paper and the record the document is about."""

    paper: str = "a4"
    event: str | None = None
    community: str | None = None
    project: str | None = None
    year: int | None = None
    logo: Path | None = None
    round: str | None = None
    """One prioritisation round (its id): ballots and sheets of that round only."""
    generated: date = field(default_factory=date.today)


def parse_id(value: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(value.strip())
    except ValueError:
        raise ReportRefused(
            _("'{value}' is not a valid {what} id").format(value=value, what=what)
        ) from None


def municipality(session: Session) -> Municipality:
    found = current_municipality(session)
    if found is None:
        raise ReportRefused(_("the database holds no municipality yet"))
    return found


def government(town: Municipality) -> str:
    """The municipality's own name on documents ("Gobierno Autónomo Municipal de
    Tiquipaya", "Municipalidad de Rafaela"); its plain name when none is recorded."""
    return town.official_name.strip() or town.name


def letterhead(session: Session, options: ReportOptions) -> Letterhead:
    town = municipality(session)
    place = ", ".join(part for part in (town.province, town.department, town.country) if part)
    return Letterhead(
        municipality=government(town),
        place=place,
        logo=options.logo,
        generated=options.generated,
    )


def require_event(session: Session, options: ReportOptions) -> Event:
    if not options.event:
        raise ReportRefused(_("this document needs --event ID"))
    event_id = parse_id(options.event, _("event"))
    event = session.scalars(select(Event).where(Event.id == event_id, live(Event))).first()
    if event is None:
        raise ReportRefused(_("there is no event {id}").format(id=options.event))
    return event


def find_by_id_or_code(session: Session, model: type[M], value: str) -> M | None:
    """The live record of ``model`` whose id or, failing that, whose code is ``value``."""
    query = select(model).where(live(model))
    try:
        query = query.where(model.id == uuid.UUID(value.strip()))
    except ValueError:
        query = query.where(model.code == value.strip())  # type: ignore[attr-defined]
    return session.scalars(query).first()


def require_community(session: Session, options: ReportOptions) -> Community:
    """The community named by ``--community``: its id or its code."""
    if not options.community:
        raise ReportRefused(_("this document needs --community ID"))
    community = find_by_id_or_code(session, Community, options.community)
    if community is None:
        raise ReportRefused(_("there is no community {id}").format(id=options.community))
    return community


def event_communities(event: Event) -> list[Community]:
    return sorted(
        (link.community for link in event.communities if link.deleted_at is None),
        key=lambda community: (text_key(community.name), community.code, community.id),
    )


def attendees(session: Session, event_id: uuid.UUID) -> list[tuple[Attendance, Person]]:
    """Who counts as present, in the order they arrived (a signature marked later does
    not move anyone): attendances neither retracted nor retracting, live persons."""
    rows = session.execute(
        select(Attendance, Person)
        .join(Person, Attendance.person_id == Person.id)
        .where(Attendance.event_id == event_id, counted_attendance())
        .order_by(arrival(), Attendance.person_id, Attendance.id)
    ).all()
    return [(attendance, person) for attendance, person in rows]


GROUP_RANK = {group.value: n for n, group in enumerate(Group)}


def round_key(rnd: PrioritizationRound) -> tuple[object, ...]:
    """The order rounds are printed in: as they were opened; rounds opened in the same
    second by the first group voting in each (women, men, youth, elders, mixed), then
    by title, then by id, so every database prints them alike."""
    first = rnd.groups.split(",")[0].strip() if rnd.groups else ""
    return (rnd.created_at, GROUP_RANK.get(first, len(GROUP_RANK)), text_key(rnd.title), rnd.id)


def in_round_order(rounds: Iterable[PrioritizationRound]) -> list[PrioritizationRound]:
    return sorted(rounds, key=round_key)


def rounds_for(session: Session, options: ReportOptions) -> list[PrioritizationRound]:
    """The round of ``--round``, or the live rounds of ``--event`` or of ``--community``;
    refused when there are none."""
    query = select(PrioritizationRound).where(live(PrioritizationRound))
    if options.round:
        round_id = parse_id(options.round, _("round"))
        found = session.scalars(query.where(PrioritizationRound.id == round_id)).first()
        if found is None:
            raise ReportRefused(_("there is no prioritisation round {id}").format(id=options.round))
        return [found]
    if options.event:
        event = require_event(session, options)
        query = query.where(PrioritizationRound.event_id == event.id)
        where = event.title
    elif options.community:
        community = require_community(session, options)
        query = query.where(PrioritizationRound.community_id == community.id)
        where = community.name
    else:
        raise ReportRefused(_("this document needs --event ID or --community ID"))
    rounds = in_round_order(session.scalars(query))
    if not rounds:
        raise ReportRefused(_("there is no prioritisation round yet for {what}").format(what=where))
    return rounds


def live_items(items: Sequence[T]) -> list[T]:
    return [item for item in items if getattr(item, "deleted_at", None) is None]


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def total(values: Sequence[Any]) -> Any:
    return sum(values, type(values[0])(0)) if values else 0
