"""Demands raised by the groups of a community, from the sector templates."""

from __future__ import annotations

from itertools import accumulate

from planner_desktop.demo.context import CommunityInfo, Context, DemandInfo, SectorInfo, at
from planner_desktop.domain.enums import Group
from planner_desktop.domain.models import Demand

DEMANDS_PER_COMMUNITY = (5, 15)
FINDING_LINK_SHARE = 0.55

RAISING_GROUPS = (Group.women, Group.men, Group.youth, Group.elders, Group.mixed)
RAISING_WEIGHTS = (25, 20, 15, 10, 30)

AREA_WEIGHTS = {
    "rural": {
        "riego": 3.0,
        "produccion_agropecuaria": 2.5,
        "caminos_transporte": 2.5,
        "agua_saneamiento": 2.5,
        "energia": 1.5,
        "desarrollo_urbano": 0.3,
        "seguridad_ciudadana": 0.3,
        "turismo": 0.6,
    },
    "urban": {
        "desarrollo_urbano": 3.0,
        "seguridad_ciudadana": 2.0,
        "agua_saneamiento": 2.5,
        "deporte_cultura": 1.5,
        "riego": 0.2,
        "produccion_agropecuaria": 0.4,
        "caminos_transporte": 0.8,
    },
}
"""How often each sector comes up in rural comunidades and urban barrios (default 1)."""

GROUP_PREFERENCES = {
    Group.women: {
        "salud": 2.0,
        "agua_saneamiento": 1.8,
        "educacion": 1.6,
        "genero_generacional": 2.2,
    },
    Group.men: {
        "riego": 1.8,
        "caminos_transporte": 1.8,
        "produccion_agropecuaria": 1.6,
        "energia": 1.3,
    },
    Group.youth: {
        "deporte_cultura": 2.5,
        "educacion": 1.8,
        "genero_generacional": 1.3,
        "turismo": 1.4,
    },
    Group.elders: {"salud": 2.5, "genero_generacional": 1.6, "agua_saneamiento": 1.3},
    Group.mixed: {},
}
"""What each group tends to ask for and to vote for (default 1)."""

NETWORK_SECTORS = ("agua_saneamiento", "caminos_transporte", "energia", "riego")


def sector_weight(sector: SectorInfo, area: str, group: Group) -> float:
    return AREA_WEIGHTS[area].get(sector.code, 1.0) * GROUP_PREFERENCES[group].get(sector.code, 1.0)


def _other(ctx: Context, community: CommunityInfo) -> CommunityInfo:
    neighbours = community.district.communities
    if len(neighbours) < 2:
        neighbours = ctx.communities
    other = ctx.rng.choice(neighbours)
    while other is community:
        other = ctx.rng.choice(neighbours)
    return other


def draft_demands(ctx: Context, community: CommunityInfo) -> None:
    """Make the community's demands in memory (they are written after the prioritisation)."""
    rng = ctx.rng
    area = "urban" if community.urban else "rural"
    low, high = DEMANDS_PER_COMMUNITY
    count = rng.randint(low * ctx.scale, high * ctx.scale)
    cumulative = {
        group: list(accumulate(sector_weight(sector, area, group) for sector in ctx.sectors))
        for group in RAISING_GROUPS
    }
    group_cumulative = list(accumulate(RAISING_WEIGHTS))
    used: set[str] = set()
    width = 3 if count >= 100 else 2
    for number in range(1, count + 1):
        group = rng.choices(RAISING_GROUPS, cum_weights=group_cumulative)[0]
        sector = rng.choices(ctx.sectors, cum_weights=cumulative[group])[0]
        options = [t for t in sector.templates if str(t["text"]) not in used] or sector.templates
        chosen = rng.choice(options)
        text = str(chosen["text"])
        used.add(text)
        other = _other(ctx, community) if "{other}" in text else None
        description = text.format(
            community=community.name, other=other.name if other is not None else ""
        )
        low_cost, high_cost = chosen["cost_bs"]
        cost = max(100, round(rng.randint(int(low_cost), int(high_cost)), -2))
        reach = rng.uniform(0.6, 1.0) if sector.code in NETWORK_SECTORS else rng.uniform(0.2, 0.8)
        women_reach = reach * (1.0 if group is not Group.men else 0.7)
        men_reach = reach * (1.0 if group is not Group.women else 0.6)
        problems = community.problems.get(sector.dimension, [])
        finding = rng.choice(problems) if problems and rng.random() < FINDING_LINK_SHARE else None
        community.demands.append(
            DemandInfo(
                id=ctx.writer.new_id(),
                code=f"{community.code}-{number:0{width}d}",
                sector_code=sector.code,
                description=description,
                raising_group=group,
                cost=cost,
                women=round(community.women * women_reach),
                men=round(community.men * men_reach),
                kind=str(chosen["kind"]),
                finding=finding,
                other=other,
            )
        )


def write_demands(ctx: Context, community: CommunityInfo) -> None:
    assert community.workshop_id is not None
    sectors = {sector.code: sector.id for sector in ctx.sectors}
    for minute, demand in enumerate(community.demands):
        ctx.writer.synced(
            Demand,
            at(community.workshop_day, 150 + minute // 4),
            community.district.facilitator,
            id=demand.id,
            community_id=community.id,
            code=demand.code,
            sector_id=sectors[demand.sector_code],
            finding_id=demand.finding[0] if demand.finding is not None else None,
            event_id=community.workshop_id,
            demand_group_id=None,
            description=demand.description,
            raising_group=demand.raising_group,
            beneficiaries_women=demand.women,
            beneficiaries_men=demand.men,
            estimated_cost=demand.cost,
            status=demand.status,
        )
