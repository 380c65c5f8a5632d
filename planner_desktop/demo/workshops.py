"""The workshop calendar: a community workshop per community (self-diagnosis, demands,
prioritisation, acta), then district workshops, a women's and a youth workshop, the cumbre
and the council session that approves the PDM."""

from __future__ import annotations

from datetime import date, timedelta

from planner_desktop.demo import actors, demands, diagnosis, voting
from planner_desktop.demo.context import (
    FIRST_WORKSHOP,
    LAST_WORKSHOP,
    CommunityInfo,
    Context,
    PersonInfo,
)
from planner_desktop.demo.events import attend, link_communities, make_event, write_minutes
from planner_desktop.domain.enums import Group, OrganizationKind, Sex

ATTENDEES = (15, 40)
DISTRICT_WORKSHOPS_START = date(2026, 6, 2)
GROUP_WORKSHOP_DAY = date(2026, 6, 13)
SUMMIT_DAY = date(2026, 7, 4)
COUNCIL_DAY = date(2026, 9, 15)
ROUND_AGENDA = (
    "Identificación y registro de demandas por grupo",
    "Priorización de demandas por grupo con votación por puntos",
)


def _workshop_day(index: int, total: int) -> date:
    span = (LAST_WORKSHOP - FIRST_WORKSHOP).days
    day = FIRST_WORKSHOP + timedelta(days=index * span // max(1, total - 1))
    return day - timedelta(days=1) if day.weekday() == 6 else day


def run_communities(ctx: Context) -> None:
    """Everything that happens in each community, community by community."""
    communities = ctx.communities
    total = len(communities)
    step = max(1, total // 20)
    for index, community in enumerate(communities):
        community.workshop_day = _workshop_day(index, total)
        _community_workshop(ctx, community)
        if index % step == 0:
            ctx.report("communities", 10 + 70 * index // total)


def _community_workshop(ctx: Context, community: CommunityInfo) -> None:
    rng = ctx.rng
    who, day = community.district.facilitator, community.workshop_day
    actors.make_community_people(ctx, community, rng.randint(*ATTENDEES))
    event_id, title, where = make_event(
        ctx,
        "autodiagnostico_comunal",
        day,
        who,
        district_id=community.district.id,
        community=community,
        extra_agenda=ROUND_AGENDA,
    )
    community.workshop_id = event_id
    link_communities(ctx, event_id, day, who, [community])
    attend(ctx, event_id, day, who, [(p, community) for p in community.attendees])
    diagnosis.make_self_diagnosis(ctx, community)
    demands.draft_demands(ctx, community)
    tally = voting.run_round(ctx, community)
    people = community.attendees
    women = sum(1 for p in people if p.sex is Sex.female)
    youth = sum(1 for p in people if p.group is Group.youth)
    elders = sum(1 for p in people if p.group is Group.elders)
    body = (
        f"Participaron {len(people)} personas ({women} mujeres y {len(people) - women} "
        f"hombres), entre ellas {youth} jóvenes y {elders} personas adultas mayores. "
        "Se elaboró el autodiagnóstico comunal por dimensiones, se registraron "
        f"{len(community.demands)} demandas y se priorizaron por votación con puntos "
        f"({tally.counted} papeletas contadas de {tally.voters} entregadas)."
    )
    lines = ["La asamblea acuerda el siguiente orden de prioridades de la comunidad:"]
    for rank, (demand, dots, klass) in enumerate(tally.ranked, start=1):
        lines.append(f"{rank}. [{klass.value}] {demand.description} ({dots} puntos)")
    lines.append("Se designa a dos delegados para el taller distrital de priorización.")
    write_minutes(
        ctx,
        event_id,
        day,
        who,
        title=title,
        where=where,
        body=body,
        agreements="\n".join(lines),
    )


def _delegates(community: CommunityInfo) -> list[PersonInfo]:
    return (community.leaders + community.attendees)[:2]


Attendees = list[tuple[PersonInfo, CommunityInfo | None]]


def run_meetings(ctx: Context) -> None:
    """District workshops, the women's and the youth workshop, the cumbre, the council."""
    _district_workshops(ctx)
    _group_workshops(ctx)
    _summit_and_council(ctx)


def _district_workshops(ctx: Context) -> None:
    for number, district in enumerate(ctx.districts):
        day = DISTRICT_WORKSHOPS_START + timedelta(days=2 * number)
        who = district.facilitator
        event_id, _title, _where = make_event(
            ctx,
            "priorizacion_distrital",
            day,
            who,
            district_id=district.id,
            district_name=district.name,
            centre=district.capital,
        )
        link_communities(ctx, event_id, day, who, district.communities)
        people: Attendees = [(p, c) for c in district.communities for p in _delegates(c)]
        people += [(p, None) for p in district.officials]
        attend(ctx, event_id, day, who, people)


def _group_workshops(ctx: Context) -> None:
    """One women's and one youth workshop, each in a rural district, up to 60 people."""
    rural = [d for d in ctx.districts if not d.urban] or ctx.districts
    for code, wanted in (("taller_mujeres", Group.women), ("taller_jovenes", Group.youth)):
        district = ctx.rng.choice(rural)
        who = ctx.facilitators[2 % len(ctx.facilitators)]
        event_id, _title, _where = make_event(
            ctx,
            code,
            GROUP_WORKSHOP_DAY,
            who,
            district_id=district.id,
            district_name=district.name,
            centre=district.capital,
        )
        link_communities(ctx, event_id, GROUP_WORKSHOP_DAY, who, district.communities)
        people: Attendees = [
            (p, c)
            for c in district.communities
            for p in c.attendees
            if (p.sex is Sex.female if wanted is Group.women else p.group is Group.youth)
        ]
        attend(ctx, event_id, GROUP_WORKSHOP_DAY, who, people[:60])


def _summit_and_council(ctx: Context) -> None:
    who = ctx.facilitators[0]
    event_id, _title, _where = make_event(ctx, "cumbre_municipal", SUMMIT_DAY, who)
    link_communities(ctx, event_id, SUMMIT_DAY, who, ctx.communities)
    people: Attendees = [(p, c) for c in ctx.communities for p in _delegates(c)]
    people += [(p, None) for d in ctx.districts for p in d.officials]
    people += [(p, None) for p in ctx.officials]
    attend(ctx, event_id, SUMMIT_DAY, who, people)

    council = [o.id for o in ctx.organizations if o.kind is OrganizationKind.council]
    event_id, _title, _where = make_event(ctx, "sesion_concejo", COUNCIL_DAY, who)
    members: Attendees = [(p, None) for p in ctx.officials if p.organization_id in council]
    attend(ctx, event_id, COUNCIL_DAY, who, members)
