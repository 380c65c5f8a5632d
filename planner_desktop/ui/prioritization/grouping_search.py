"""Looking for groups of similar demands in the database, for a read job (no Qt)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select

from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import District, Sector
from planner_desktop.prioritization import aggregate, grouping
from planner_desktop.store.database import Store
from planner_desktop.ui.jobs import JobContext
from planner_desktop.ui.prioritization.suggestion_list import Proposal

LEVELS = (RoundLevel.district, RoundLevel.municipality)
"""The levels demands are grouped at."""


@dataclass(frozen=True)
class Where:
    """Where demands are grouped: ``district_id`` None at district level means each
    district on its own."""

    level: RoundLevel
    district_id: uuid.UUID | None


def find_proposals(store: Store, where: Where, context: JobContext) -> list[Proposal]:
    """The suggestions for ``where`` (runs in a read job: no UI calls)."""
    with store.session() as session:
        sectors = {row[0]: row[1] for row in session.execute(select(Sector.id, Sector.name))}
        districts = {row[0]: row[1] for row in session.execute(
            select(District.id, District.name).where(live(District)).order_by(District.code))}
        if where.level is RoundLevel.municipality:
            parts: list[uuid.UUID | None] = [None]
        elif where.district_id is not None:
            parts = [where.district_id]
        else:
            parts = list(districts)
        found: list[Proposal] = []
        for done, part in enumerate(parts):
            context.check()
            context.progress(done, len(parts))
            demands = grouping.ungrouped(session, part)
            context.check()
            for suggestion in aggregate.suggest_groups(demands):
                found.append(Proposal(
                    suggestion, sectors.get(uuid.UUID(suggestion.sector), ""),
                    districts.get(part, "") if part else "",
                    aggregate.proposed_title(suggestion), set()))
        context.progress(len(parts), len(parts))
    return found
