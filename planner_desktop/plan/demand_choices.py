"""The priority demands a new project profile can answer, as the profile page offers them.

The demands are those of the check ``priority-a-without-profile`` (agreed A+ or A in some
round, not dropped, answered by no live profile), so the page and the check never disagree.
Each comes with its community and its best agreed class (A+ before A); they are listed by
class, then community, then code.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PriorityClass
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.summaries import AGREED
from planner_desktop.domain.territory import Community
from planner_desktop.plan.ordering import text_key
from planner_desktop.plan.scope import live

CLASS_ORDER = {PriorityClass.a_plus: 0, PriorityClass.a: 1, PriorityClass.b: 2, PriorityClass.c: 3}


@dataclass(frozen=True)
class DemandChoice:
    demand_id: uuid.UUID
    code: str
    community: str
    text: str
    priority_class: PriorityClass


def demand_choices(session: Session) -> list[DemandChoice]:
    """Priority demands without a profile: by class, community and code (module docstring)."""
    from planner_desktop.plan.check_profiles import priority_a_without_profile

    ids = [finding.record_id for finding in priority_a_without_profile(session)]
    if not ids:
        return []
    rows = session.execute(
        select(
            Demand.id, Demand.code, Community.name, Demand.description, RoundResult.priority_class
        )
        .join(Community, Demand.community_id == Community.id)
        .join(RoundItem, RoundItem.demand_id == Demand.id)
        .join(RoundResult, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            Demand.id.in_(ids),
            RoundResult.group == AGREED,
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
        )
    ).all()
    best: dict[uuid.UUID, DemandChoice] = {}
    for demand_id, code, community, text, cls in rows:
        if cls is None:
            continue
        known = best.get(demand_id)
        if known is None or CLASS_ORDER[cls] < CLASS_ORDER[known.priority_class]:
            best[demand_id] = DemandChoice(demand_id, code, community, text, cls)
    return sorted(
        best.values(), key=lambda c: (
            CLASS_ORDER[c.priority_class],
            text_key(c.community),
            c.code,
            str(c.demand_id),
        ),
    )
