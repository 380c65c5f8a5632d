"""The community prioritisation round: dot voting by group, results and priority classes."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass

from planner_desktop.demo.context import CommunityInfo, Context, DemandInfo, at
from planner_desktop.demo.demands import GROUP_PREFERENCES, write_demands
from planner_desktop.domain.enums import (
    DemandStatus,
    Group,
    PrioritizationMethod,
    PriorityClass,
    RoundLevel,
)
from planner_desktop.domain.models import PrioritizationRound, RoundItem, RoundResult, Vote

MAX_ITEMS = 12
DOTS = 3
VOTING_GROUPS = (Group.women, Group.men, Group.youth, Group.elders)
MISMATCH_SHARE = 0.08
DROPPED_SHARE = 0.04
GROUP_LABELS = {
    Group.women: "las mujeres",
    Group.men: "los hombres",
    Group.youth: "los jóvenes",
    Group.elders: "las personas adultas mayores",
}


CLASS_LIMITS = ((0.15, PriorityClass.a_plus), (0.4, PriorityClass.a), (0.7, PriorityClass.b))
"""Share of the ballot (by agreed rank) that reaches each class; the rest is C."""


def priority_class(rank: int, dots: int, items: int) -> PriorityClass:
    """A+ for the top 15 % of the ballot (at least the first), then A, B and C."""
    if dots == 0:
        return PriorityClass.c
    if rank == 1:
        return PriorityClass.a_plus
    for share, klass in CLASS_LIMITS:
        if rank <= round(items * share):
            return klass
    return PriorityClass.c


@dataclass
class Tally:
    """What the round produced, for the acta."""

    ranked: list[tuple[DemandInfo, int, PriorityClass]]
    voters: int
    counted: int


def _ranking_positions(count: int, dots: dict[int, int]) -> list[int]:
    """Item positions ordered by dots (most first), ballot order breaking ties."""
    return sorted(range(count), key=lambda index: (-dots.get(index, 0), index))


def _ranking(items: list[DemandInfo], dots: dict[int, int]) -> list[int]:
    return _ranking_positions(len(items), dots)


def run_round(ctx: Context, community: CommunityInfo) -> Tally:
    """Dot voting over up to 12 demands; sets rank, class and status on the demands.

    The votes are drawn first, then the demands (with their final status) are written,
    then the round, its items, the append-only votes and the results.
    """
    rng = ctx.rng
    demands = community.demands
    if len(demands) > MAX_ITEMS:
        chosen = sorted(rng.sample(range(len(demands)), MAX_ITEMS))
        items = [demands[index] for index in chosen]
    else:
        items = list(demands)
    voters = [p for p in community.attendees if p.group in VOTING_GROUPS]
    issued = counted = len(voters)
    note = ""
    if issued > 10 and rng.random() < MISMATCH_SHARE:
        missing = rng.randint(1, 2)
        counted = issued - missing
        note = (
            f"Se entregaron {issued} papeletas y se contaron {counted}: "
            f"{missing} participante(s) se retiraron antes del conteo. "
            "La asamblea aprobó el resultado con las papeletas contadas."
        )
    appeal = [rng.uniform(0.4, 1.6) for _ in items]
    cumulative: dict[Group, list[float]] = {}
    for group in VOTING_GROUPS:
        preferences = GROUP_PREFERENCES[group]
        weights = [
            appeal[i]
            * preferences.get(demand.sector_code, 1.0)
            * (2.0 if demand.raising_group is group else 1.0)
            for i, demand in enumerate(items)
        ]
        cumulative[group] = list(itertools.accumulate(weights))
    positions = list(range(len(items)))
    ballots = [
        (voter.group, rng.choices(positions, cum_weights=cumulative[voter.group], k=DOTS))
        for voter in voters[:counted]
    ]
    by_group: dict[Group, dict[int, int]] = {group: {} for group in VOTING_GROUPS}
    for group, picks in ballots:
        tally = by_group[group]
        for index in picks:
            tally[index] = tally.get(index, 0) + 1
    agreed = _classify(ctx, community, items, by_group)
    write_demands(ctx, community)

    writer, who, day = ctx.writer, community.district.facilitator, community.workshop_day
    round_id = writer.synced(
        PrioritizationRound,
        at(day, 240),
        who,
        municipality_id=ctx.municipality_id,
        event_id=community.workshop_id,
        community_id=community.id,
        district_id=community.district.id,
        level=RoundLevel.community,
        method=PrioritizationMethod.dots,
        title=f"Priorización de demandas – {community.name}",
        groups=",".join(g.value for g in VOTING_GROUPS),
        dots_per_participant=DOTS,
        allow_stacking=True,
        max_choices=None,
        budget_ceiling=None,
        ballots_issued=issued,
        ballots_counted=counted,
        participants_present=len(community.attendees),
        reconciliation_note=note,
        closed=True,
    )
    item_ids = [
        writer.synced(
            RoundItem,
            at(day, 240),
            who,
            round_id=round_id,
            demand_id=demand.id,
            code=chr(ord("A") + position),
            position=position + 1,
        )
        for position, demand in enumerate(items)
    ]
    for number, (group, picks) in enumerate(ballots):
        ballot_id = writer.new_id()
        for index in picks:
            writer.appended(
                Vote,
                at(day, 250 + number // 4),
                who,
                round_id=round_id,
                item_id=item_ids[index],
                group=group,
                ballot_id=ballot_id,
                count=1,
                rank=None,
            )
    _write_results(ctx, community, round_id, item_ids, by_group, agreed)
    return Tally(
        ranked=[(items[index], dots, klass) for index, dots, klass, _ in agreed],
        voters=issued,
        counted=counted,
    )


Agreed = list[tuple[int, int, PriorityClass, str]]
"""Per agreed rank: item position, dots, class, dissent."""


def _classify(
    ctx: Context,
    community: CommunityInfo,
    items: list[DemandInfo],
    by_group: dict[Group, dict[int, int]],
) -> Agreed:
    """Agreed ranking and classes; sets rank, class and status on the demands."""
    firsts: dict[int, list[Group]] = {}
    for group in VOTING_GROUPS:
        if by_group[group]:
            firsts.setdefault(_ranking(items, by_group[group])[0], []).append(group)
    total: dict[int, int] = {}
    for group_dots in by_group.values():
        for index, count in group_dots.items():
            total[index] = total.get(index, 0) + count
    all_dots = max(1, sum(total.values()))
    agreed: Agreed = []
    for rank, index in enumerate(_ranking(items, total), start=1):
        dots = total.get(index, 0)
        klass = priority_class(rank, dots, len(items))
        groups = firsts.get(index, [])
        dissent = ""
        if groups and rank > 2:
            dissent = "Primera prioridad de " + " y de ".join(GROUP_LABELS[g] for g in groups)
        demand = items[index]
        demand.rank, demand.score, demand.priority_class = rank, dots / all_dots, klass
        agreed.append((index, dots, klass, dissent))
    for demand in community.demands:
        if demand.priority_class in (PriorityClass.a_plus, PriorityClass.a, PriorityClass.b):
            demand.status = DemandStatus.prioritized
        elif ctx.rng.random() < DROPPED_SHARE:
            demand.status = DemandStatus.dropped
    return agreed


def _write_results(
    ctx: Context,
    community: CommunityInfo,
    round_id: uuid.UUID,
    item_ids: list[uuid.UUID],
    by_group: dict[Group, dict[int, int]],
    agreed: Agreed,
) -> None:
    writer, who = ctx.writer, community.district.facilitator
    when = at(community.workshop_day, 300)
    for group in VOTING_GROUPS:
        group_dots = by_group[group]
        if not group_dots:
            continue
        for rank, index in enumerate(_ranking_positions(len(item_ids), group_dots), start=1):
            writer.synced(
                RoundResult,
                when,
                who,
                round_id=round_id,
                item_id=item_ids[index],
                group=group.value,
                rank=rank,
                score=float(group_dots.get(index, 0)),
                priority_class=None,
                class_reason="",
                dissent="",
            )
    all_dots = max(1, sum(dots for _, dots, _, _ in agreed))
    for rank, (index, dots, klass, dissent) in enumerate(agreed, start=1):
        writer.synced(
            RoundResult,
            when,
            who,
            round_id=round_id,
            item_id=item_ids[index],
            group="agreed",
            rank=rank,
            score=float(dots),
            priority_class=klass,
            class_reason=f"{dots} de {all_dots} puntos ({100 * dots // all_dots} %)",
            dissent=dissent,
        )
