"""Project profiles from the top-priority demands, their funding and five-year programming.

Each profile answers an A+ demand (and sometimes a second prioritised demand of the same
sector in that community). Most are programmed in the PDM; the first years' projects reach
the POA, a couple of small ones are already done, and the last few are postponed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from planner_desktop.demo.context import CommunityInfo, Context, DemandInfo, SectorInfo, at
from planner_desktop.demo.funding import Allocation, Budget
from planner_desktop.demo.indicators import make_profile_indicators
from planner_desktop.demo.plan_texts import TEAM_CLASS_REASONS
from planner_desktop.demo.strategy import best_match
from planner_desktop.domain.enums import (
    CounterpartKind,
    DemandStatus,
    OperationType,
    PriorityClass,
    Recommendation,
)
from planner_desktop.domain.models import (
    Component,
    Demand,
    MultiYearProgramming,
    ProfileCommunity,
    ProfileDemand,
    ProfileFunding,
    ProjectProfile,
)

PROFILES_PER_SCALE = (12, 18)
PROFILE_DAY = date(2026, 8, 17)
POA_YEAR = 2027
TYPES = {"inversion": OperationType.investment, "preinversion": OperationType.pre_investment}
COMPONENTS = {
    OperationType.investment: (
        ("Obras civiles", "Replanteo, movimiento de tierras, obra gruesa y obra fina", 0.72),
        ("Equipamiento e instalaciones", "Provisión e instalación de equipos", 0.1),
        (
            "Capacitación y fortalecimiento comunitario",
            "Talleres de operación y mantenimiento",
            0.04,
        ),
        ("Supervisión técnica y ambiental", "Supervisión de obra y seguimiento ambiental", 0.0),
    ),
    OperationType.pre_investment: (
        ("Estudio técnico de diseño final", "Diseño, cómputos métricos y presupuesto", 0.7),
        ("Estudios complementarios", "Topografía, estudio de suelos y ficha ambiental", 0.16),
        ("Socialización con la comunidad", "Talleres de validación del diseño", 0.0),
    ),
}


@dataclass
class ProfileInfo:
    id: uuid.UUID
    code: str
    name: str
    type: OperationType
    community: CommunityInfo
    sector: SectorInfo
    demands: list[DemandInfo]
    cost: int
    element_id: uuid.UUID | None
    status: DemandStatus = DemandStatus.profiled
    team_class: PriorityClass = PriorityClass.a
    allocation: Allocation = field(default_factory=dict)
    indicator: str = ""
    executing_unit: str = ""


def _candidates(ctx: Context) -> list[tuple[CommunityInfo, DemandInfo]]:
    found = [
        (community, demand)
        for community in ctx.communities
        for demand in community.demands
        if demand.priority_class is PriorityClass.a_plus and demand.kind in TYPES
    ]
    ctx.rng.shuffle(found)
    return found


def _select(ctx: Context) -> list[tuple[CommunityInfo, DemandInfo]]:
    """A+ demands, at most one per community, no sector taking more than a fifth."""
    wanted = ctx.rng.randint(*PROFILES_PER_SCALE) * ctx.scale
    cap = max(2, wanted // 5)
    per_sector: dict[str, int] = {}
    taken: set[uuid.UUID] = set()
    chosen: list[tuple[CommunityInfo, DemandInfo]] = []
    for community, demand in _candidates(ctx):
        if len(chosen) == wanted:
            break
        if community.id in taken or per_sector.get(demand.sector_code, 0) >= cap:
            continue
        taken.add(community.id)
        per_sector[demand.sector_code] = per_sector.get(demand.sector_code, 0) + 1
        chosen.append((community, demand))
    chosen.sort(key=lambda pair: (-pair[1].score, pair[1].code))
    return chosen


def _team_class(profile: ProfileInfo, index: int, first_funded: int) -> PriorityClass:
    """The technical team's class: the earliest funded first, the postponed last."""
    if profile.status is DemandStatus.profiled:
        return PriorityClass.c
    if profile.status is DemandStatus.done or index < first_funded:
        return PriorityClass.a_plus
    if profile.status is DemandStatus.in_poa:
        return PriorityClass.a
    start = min((year for _, year in profile.allocation if year), default=0)
    return PriorityClass.a if start <= POA_YEAR + 1 else PriorityClass.b


def make_profiles(ctx: Context) -> list[ProfileInfo]:
    rng, budget = ctx.rng, Budget(ctx)
    chosen = _select(ctx)
    profiles: list[ProfileInfo] = []
    postponed_from = len(chosen) - max(1, len(chosen) * 15 // 100)
    small_first = sorted(range(postponed_from), key=lambda i: (chosen[i][1].cost, i))
    done = set(small_first[: max(1, 2 * ctx.scale)])
    for number, (community, demand) in enumerate(chosen, start=1):
        sector = ctx.sector(demand.sector_code)
        extra = [
            d
            for d in community.demands
            if d is not demand
            and d.sector_code == demand.sector_code
            and d.status is DemandStatus.prioritized
        ][:1]
        element_id = (
            best_match(demand.description, sector.programmes) if sector.programmes else None
        )
        profile = ProfileInfo(
            id=ctx.writer.new_id(),
            code=f"PRY-{number:03d}",
            name=demand.description,
            type=TYPES[demand.kind],
            community=community,
            sector=sector,
            demands=[demand, *extra],
            cost=demand.cost,
            element_id=element_id,
            executing_unit=sector.unit_name,
        )
        parts = budget.split(rng, profile.cost)
        index = number - 1
        if index >= postponed_from:
            profile.status = DemandStatus.profiled
            profile.allocation = {(source, 0): amount for source, amount in parts}
        else:
            if index in done:
                years, profile.status = [ctx.plan_start], DemandStatus.done
            elif index < postponed_from * 45 // 100:
                years, profile.status = [POA_YEAR], DemandStatus.in_poa
            else:
                years = [rng.randint(POA_YEAR + 1, ctx.plan_end)]
                profile.status = DemandStatus.in_pdm
            long_work = profile.cost > 600_000 and rng.random() < 0.6
            if long_work and profile.status is not DemandStatus.done and years[0] < ctx.plan_end:
                years.append(years[0] + 1)
            profile.allocation = budget.schedule(parts, years)
            if profile.status is not DemandStatus.done:
                in_poa = any(year == POA_YEAR for _, year in profile.allocation)
                profile.status = DemandStatus.in_poa if in_poa else DemandStatus.in_pdm
        profile.team_class = _team_class(profile, index, postponed_from // 4)
        _write_profile(ctx, profile, budget)
        profiles.append(profile)
    ctx.writer.update_many(
        Demand, "status", [(d.id, p.status) for p in profiles for d in p.demands]
    )
    return profiles


def _write_profile(ctx: Context, profile: ProfileInfo, budget: Budget) -> None:
    rng, writer, who = ctx.rng, ctx.writer, ctx.facilitators[0]
    when = at(PROFILE_DAY, int(profile.code[-3:]))
    demand, community = profile.demands[0], profile.community
    finding = demand.finding
    women, men = demand.women, demand.men
    people = women + men
    children, youth, adults = (round(people * s) for s in (0.3, 0.25, 0.33))
    start_year = min((year for _, year in profile.allocation if year), default=None)
    years = len({year for _, year in profile.allocation if year}) or 1
    postponed = start_year is None
    writer.synced(
        ProjectProfile,
        when,
        who,
        id=profile.id,
        municipality_id=ctx.municipality_id,
        element_id=profile.element_id,
        code=profile.code,
        name=profile.name,
        type=profile.type,
        central_problem=finding[1] if finding else f"Demanda priorizada (A+): {profile.name}",
        causes=finding[2] if finding else "",
        effects=finding[3] if finding else "",
        general_objective=f"Mejorar las condiciones de vida de las familias de {community.name}",
        specific_objectives=f"1. {profile.name}\n2. Fortalecer la organización comunal "
        "para la operación y el mantenimiento",
        direct_women=women,
        direct_men=men,
        direct_children=children,
        direct_youth=youth,
        direct_adults=adults,
        direct_elders=people - children - youth - adults,
        indirect_women=max(0, community.women - women),
        indirect_men=max(0, community.men - men),
        duration_months=12 * years if years > 1 else rng.choice((6, 8, 10, 12)),
        start_date=None if postponed else date(start_year or ctx.plan_start, 3, 1),
        executing_unit=profile.executing_unit,
        unit_id=profile.sector.unit_id,
        team_class=profile.team_class,
        team_class_reason=TEAM_CLASS_REASONS[profile.team_class]
        if profile.team_class is not PriorityClass.a_plus or rng.random() < 0.3
        else "",
        sustainability="La comunidad asume la operación y el mantenimiento menor mediante su "
        "comité; el Gobierno Autónomo Municipal presupuesta el mantenimiento mayor.",
        risks="Retraso en los desembolsos de las fuentes de financiamiento; lluvias intensas.",
        recommendation=Recommendation.postpone if postponed else Recommendation.proceed,
    )
    for demand_info in profile.demands:
        writer.synced(ProfileDemand, when, who, profile_id=profile.id, demand_id=demand_info.id)
    places = [community] + ([demand.other] if demand.other is not None else [])
    for place in places:
        writer.synced(ProfileCommunity, when, who, profile_id=profile.id, community_id=place.id)
    _write_components(ctx, profile, when)
    per_source: dict[int, int] = {}
    for (source, _year), amount in profile.allocation.items():
        per_source[source] = per_source.get(source, 0) + amount
    for source, amount in per_source.items():
        writer.synced(
            ProfileFunding,
            when,
            who,
            profile_id=profile.id,
            source_id=ctx.funding[source].id,
            amount=amount,
            counterpart_kind=rng.choice((CounterpartKind.labour, CounterpartKind.materials))
            if budget.is_community(source)
            else None,
        )
    for (source, year), amount in profile.allocation.items():
        if year:
            writer.synced(
                MultiYearProgramming,
                when,
                who,
                profile_id=profile.id,
                year=year,
                source_id=ctx.funding[source].id,
                amount=amount,
            )
    profile.indicator = make_profile_indicators(
        ctx, profile.id, profile.sector, when, {year for _, year in profile.allocation if year}
    )


def _write_components(ctx: Context, profile: ProfileInfo, when: datetime) -> None:
    rest = profile.cost
    parts = COMPONENTS[profile.type]
    for position, (name, activities, share) in enumerate(parts, start=1):
        if position < len(parts):
            cost = int(round(profile.cost * share * ctx.rng.uniform(0.9, 1.1), -2))
            rest -= cost
        else:
            cost = rest
        ctx.writer.synced(
            Component,
            when,
            ctx.facilitators[0],
            profile_id=profile.id,
            name=name,
            activities=activities,
            cost=cost,
            position=position,
        )


def funded_from(profiles: list[ProfileInfo]) -> dict[str, int]:
    """The first year with money under each axis (by code), over its projects."""
    first: dict[str, int] = {}
    for profile in profiles:
        years = [year for _, year in profile.allocation if year]
        code = profile.sector.axis_code
        if years and code:
            first[code] = min(first.get(code, min(years)), min(years))
    return first
