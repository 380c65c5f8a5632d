"""What answers each community's agreed priorities: the project profiles and where they
stand in the plan, or why no project answers a priority yet (the PDM draft prints it).

A community's agreed priorities are the results of the group ``agreed`` in its live
community-level rounds (live items of live demands of that community). A demand agreed in
several rounds (a re-prioritisation) is shown once, with the result of its latest round.
A community's priorities are ordered by round (oldest first), then by the agreed rank.

A project answers a priority when its live profile is linked to the demand; when none is,
a profile linked to another demand of the same grouping (district or municipal
aggregation) answers it through that grouping. Where a project stands comes from the
traceability chain (:func:`planner_desktop.plan.trace.profile_steps`): recommended to be
dropped or postponed; in the POA of a year (a live, not cancelled operation); programmed
for some years of the five-year programming; or not programmed yet; and without a
programme of the strategic frame. A priority with no project says why: the demand was
dropped, or there is no project profile for it yet.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import DemandStatus, PriorityClass, Recommendation, RoundLevel
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import ProfileDemand, ProjectProfile
from planner_desktop.domain.summaries import AGREED
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import text_key
from planner_desktop.plan.scope import live
from planner_desktop.plan.trace import ProfileStep, profile_steps
from planner_desktop.prioritization.ranking import rank_text


@dataclass(frozen=True)
class Answer:
    """A project that answers a priority, and where it stands, in words."""

    profile_id: uuid.UUID
    project: str
    standing: str


@dataclass(frozen=True)
class AgreedPriority:
    rank: str
    priority_class: PriorityClass | None
    demand_id: uuid.UUID
    demand: str
    round_title: str
    answers: list[Answer]
    reason: str
    """Why no project answers it; empty when one does."""


@dataclass(frozen=True)
class CommunityPriorities:
    district_code: str
    district: str
    community_id: uuid.UUID
    community: str
    priorities: list[AgreedPriority]

    @property
    def rounds(self) -> list[str]:
        return list(dict.fromkeys(p.round_title for p in self.priorities))


def named(code: str, name: str) -> str:
    return f"{code} {name}".strip()


def _standing(step: ProfileStep | None, recommendation: Recommendation | None) -> str:
    if recommendation is Recommendation.drop:
        return _("recommended to be dropped")
    if recommendation is Recommendation.postpone:
        return _("postponed")
    if step is None:
        return _("not programmed yet")
    parts: list[str] = []
    poa_years = sorted({op.fiscal_year for op in step.operations if not op.cancelled})
    if poa_years:
        parts.append(_("in the POA {years}").format(years=", ".join(map(str, poa_years))))
    money_years = sorted(year for year, amount in step.programmed.items() if amount)
    if money_years:
        first, last = money_years[0], money_years[-1]
        parts.append(
            _("programmed {first}–{last}").format(first=first, last=last)
            if first != last
            else _("programmed {year}").format(year=first)
        )
    elif not poa_years:
        parts.append(_("not programmed yet"))
    if step.element is None:
        parts.append(_("no element of the plan"))
    return "; ".join(parts)


def _answers(session: Session, demand_ids: set[uuid.UUID]) -> dict[uuid.UUID, list[Answer]]:
    """The projects that answer each demand, directly or through its grouping."""
    direct = session.execute(
        select(ProfileDemand.demand_id, ProfileDemand.profile_id)
        .join(ProjectProfile, ProfileDemand.profile_id == ProjectProfile.id)
        .where(live(ProfileDemand), live(ProjectProfile))
    ).all()
    grouped = session.execute(
        select(Demand.id, Demand.demand_group_id)
        .join(DemandGroup, Demand.demand_group_id == DemandGroup.id)
        .where(live(Demand), live(DemandGroup))
    ).all()
    group_of = dict(grouped)
    by_demand: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    by_group: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for demand_id, profile_id in direct:
        by_demand[demand_id].append(profile_id)
        group = group_of.get(demand_id)
        if group is not None:
            by_group[group].append(profile_id)
    chosen: dict[uuid.UUID, list[uuid.UUID]] = {}
    for demand_id in demand_ids:
        group = group_of.get(demand_id)
        through_group = by_group.get(group, []) if group is not None else []
        chosen[demand_id] = by_demand.get(demand_id) or list(dict.fromkeys(through_group))
    wanted = sorted({p for ids in chosen.values() for p in ids})
    if not wanted:
        return {}
    profiles = {
        pid: (code, name, recommendation)
        for pid, code, name, recommendation in session.execute(
            select(
                ProjectProfile.id,
                ProjectProfile.code,
                ProjectProfile.name,
                ProjectProfile.recommendation,
            ).where(ProjectProfile.id.in_(wanted))
        )
    }
    steps = {step.profile.id: step for step in profile_steps(session, wanted)}
    out: dict[uuid.UUID, list[Answer]] = {}
    for demand_id, ids in chosen.items():
        answers = [
            Answer(
                pid,
                named(profiles[pid][0], profiles[pid][1]),
                _standing(steps.get(pid), profiles[pid][2]),
            )
            for pid in ids
            if pid in profiles
        ]
        if answers:
            out[demand_id] = sorted(answers, key=lambda a: a.project)
    return out


def community_priorities(session: Session) -> list[CommunityPriorities]:
    """Every community with agreed priorities, by district code and community name."""
    rows = session.execute(
        select(
            RoundResult.rank,
            RoundResult.shared_rank,
            RoundResult.tied,
            RoundResult.priority_class,
            PrioritizationRound.title,
            Demand.id.label("demand_id"),
            Demand.code,
            Demand.description,
            Demand.status,
            Community.id.label("community_id"),
            Community.name.label("community"),
            District.code.label("district_code"),
            District.name.label("district"),
        )
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .join(Demand, RoundItem.demand_id == Demand.id)
        .join(Community, Demand.community_id == Community.id)
        .join(District, Community.district_id == District.id)
        .where(
            RoundResult.group == AGREED,
            PrioritizationRound.level == RoundLevel.community,
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
            live(Demand),
            live(Community),
            live(District),
        )
        .order_by(
            PrioritizationRound.created_at, PrioritizationRound.id, RoundResult.rank, RoundResult.id
        )
    ).all()
    latest: dict[uuid.UUID, Any] = {}
    for found_row in rows:
        latest.pop(found_row.demand_id, None)  # the latest round wins, and sets the order
        latest[found_row.demand_id] = found_row
    answers = _answers(session, set(latest))
    communities: dict[uuid.UUID, CommunityPriorities] = {}
    for row in latest.values():
        found = answers.get(row.demand_id, [])
        reason = ""
        if not found:
            reason = (
                _("the demand was dropped")
                if row.status == DemandStatus.dropped
                else _("no project profile yet")
            )
        entry = communities.setdefault(
            row.community_id,
            CommunityPriorities(
                row.district_code, row.district, row.community_id, row.community, []
            ),
        )
        entry.priorities.append(
            AgreedPriority(
                rank_text(row.shared_rank or row.rank, row.tied),
                row.priority_class,
                row.demand_id,
                named(row.code, row.description),
                row.title,
                found,
                reason,
            )
        )
    return sorted(
        communities.values(),
        key=lambda c: (c.district_code, text_key(c.community), str(c.community_id)),
    )
