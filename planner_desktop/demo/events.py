"""Events from the templates of ``events.json``: titles, places, agendas, attendance, actas."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from planner_desktop.demo.context import CommunityInfo, Context, PersonInfo, at
from planner_desktop.domain.enums import EventKind, Phase
from planner_desktop.domain.models import Attendance, Event, EventCommunity, Minutes

KIND_MAP = {
    "autodiagnostico_comunal": EventKind.community_workshop,
    "priorizacion_comunal": EventKind.community_workshop,
    "priorizacion_distrital": EventKind.district_workshop,
    "taller_mujeres": EventKind.womens_workshop,
    "taller_jovenes": EventKind.youth_workshop,
    "cumbre_municipal": EventKind.summit,
    "sesion_concejo": EventKind.council_session,
}
PHASE_MAP = {
    "diagnostico": Phase.diagnosis,
    "estrategia": Phase.prioritization,
    "pdm": Phase.pdm,
    "seguimiento": Phase.follow_up,
}
MONTHS = (
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
)
SIGNED_SHARE = 0.93


def spanish_date(day: date) -> str:
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def template(ctx: Context, code: str) -> dict[str, Any]:
    for kind in ctx.sources.events["kinds"]:
        if kind["code"] == code:
            return dict(kind)
    raise KeyError(code)


def numbered(lines: Sequence[str]) -> str:
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, start=1))


def place(ctx: Context, level: str, name: str) -> str:
    """A place for an event; ``name`` fills ``{community}`` (a community or district centre)."""
    pattern = ctx.rng.choice(ctx.sources.events["places"][level])
    return str(pattern.format(community=name, town=ctx.town))


def make_event(
    ctx: Context,
    code: str,
    day: date,
    facilitator: str,
    *,
    district_id: uuid.UUID | None = None,
    community: CommunityInfo | None = None,
    district_name: str = "",
    centre: str = "",
    extra_agenda: Sequence[str] = (),
) -> tuple[uuid.UUID, str, str]:
    """Write one event; returns its id, title and place."""
    source = template(ctx, code)
    title = source["title_pattern"].format(
        community=community.name if community is not None else "",
        district=district_name,
        town=ctx.town,
    )
    agenda = list(ctx.rng.choice(source["agendas"]))
    if extra_agenda:
        agenda[-1:-1] = list(extra_agenda)
    level = source["places"][0] if source["places"] else "municipal"
    where = place(ctx, level, community.name if community is not None else centre or ctx.town)
    event_id = ctx.writer.synced(
        Event,
        at(day, -60),
        facilitator,
        municipality_id=ctx.municipality_id,
        district_id=district_id,
        kind=KIND_MAP.get(code, EventKind.community_workshop),
        phase=PHASE_MAP.get(source.get("phase", ""), Phase.diagnosis),
        title=title,
        date=day,
        place=where,
        facilitator_name=facilitator,
        agenda=numbered(agenda),
    )
    return event_id, title, where


def link_communities(
    ctx: Context, event_id: uuid.UUID, day: date, facilitator: str, communities: list[CommunityInfo]
) -> None:
    for community in communities:
        ctx.writer.synced(
            EventCommunity,
            at(day, -60),
            facilitator,
            event_id=event_id,
            community_id=community.id,
        )


def attend(
    ctx: Context,
    event_id: uuid.UUID,
    day: date,
    facilitator: str,
    people: Sequence[tuple[PersonInfo, CommunityInfo | None]],
) -> None:
    """Append one attendance per person, as registered at the door (most signed)."""
    rng = ctx.rng
    for minute, (person, community) in enumerate(people):
        ctx.writer.appended(
            Attendance,
            at(day, minute // 3),
            facilitator,
            event_id=event_id,
            person_id=person.id,
            community_id=community.id if community is not None else None,
            signed=rng.random() < SIGNED_SHARE,
        )


def write_minutes(
    ctx: Context,
    event_id: uuid.UUID,
    day: date,
    facilitator: str,
    *,
    title: str,
    where: str,
    body: str,
    agreements: str,
) -> None:
    events = ctx.sources.events
    opening = ctx.rng.choice(events["acta_opening_phrases"]).format(
        place=where, time="09:30", date=spanish_date(day), title=title
    )
    closing = ctx.rng.choice(events["acta_closing_phrases"])
    ctx.writer.synced(
        Minutes,
        at(day, 420),
        facilitator,
        event_id=event_id,
        session_id=None,
        results_hash="",
        place=where,
        body=f"{opening}\n\n{body}\n\n{closing}",
        agreements=agreements,
        signed_on=day,
    )
