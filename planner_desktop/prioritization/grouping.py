"""Recording a grouping of similar demands once a person confirms it (no Qt).

:func:`aggregate.suggest_groups` only suggests. When a person confirms a suggestion (or
a grouping of their own), :func:`confirm_group` writes a ``DemandGroup`` at district or
municipal level and points every member demand at it, so the roll-up is stored: the
originals stay as they were, each knowing the group it was aggregated into.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.prioritization.aggregate import GroupSuggestion
from planner_desktop.prioritization.errors import PrioritizationError


def confirm_group(
    session: Session,
    demand_ids: Sequence[uuid.UUID],
    title: str,
    level: RoundLevel,
) -> DemandGroup:
    """Store the confirmed group of ``demand_ids`` under ``title``.

    Refused, with nothing written: a blank title, fewer than two demands, a demand that
    does not exist or was removed, demands of different sectors, a demand already in a
    group, a community level, and a district group whose demands are of several districts.
    """
    title = title.strip()
    if not title:
        raise PrioritizationError(_("a group of demands needs a title"))
    if level is RoundLevel.community:
        raise PrioritizationError(_("demands are grouped at district or municipal level"))
    wanted = list(dict.fromkeys(demand_ids))
    if len(wanted) < 2:
        raise PrioritizationError(_("a group needs at least two demands"))
    rows = session.execute(
        select(Demand, District.id, District.municipality_id)
        .join(Community, Demand.community_id == Community.id)
        .join(District, Community.district_id == District.id)
        .where(Demand.id.in_(wanted))).all()
    found = {demand.id: (demand, district, municipality)
             for demand, district, municipality in rows}
    for demand_id in wanted:
        if demand_id not in found or found[demand_id][0].is_deleted:
            raise PrioritizationError(_("a demand of the group no longer exists"))
    members = [found[demand_id][0] for demand_id in wanted]
    if len({demand.sector_id for demand in members}) > 1:
        raise PrioritizationError(_("the demands of a group must be of one sector"))
    districts = {found[demand_id][1] for demand_id in wanted}
    if level is RoundLevel.district and len(districts) > 1:
        raise PrioritizationError(_("a district group takes the demands of one district"))
    for demand in members:
        if demand.demand_group_id is not None:
            existing = session.get(DemandGroup, demand.demand_group_id)
            if existing is not None and not existing.is_deleted:
                raise PrioritizationError(
                    _("demand {code} is already in the group {title}").format(
                        code=demand.code, title=existing.title))
    group = DemandGroup(
        municipality_id=found[wanted[0]][2],
        district_id=next(iter(districts)) if level is RoundLevel.district else None,
        level=level, sector_id=members[0].sector_id, title=title)
    session.add(group)
    session.flush()
    for demand in members:
        demand.demand_group_id = group.id
    session.flush()
    return group


def confirm_suggestion(
    session: Session, suggestion: GroupSuggestion, title: str, level: RoundLevel
) -> DemandGroup:
    """Store a suggestion as a person confirmed it (its member ids are demand ids)."""
    return confirm_group(
        session, [uuid.UUID(member.id) for member in suggestion.members], title, level)


def group_members(session: Session, group_id: uuid.UUID) -> list[Demand]:
    """The live demands stored in a group, by code."""
    return list(session.scalars(
        select(Demand).where(Demand.demand_group_id == group_id, Demand.deleted_at.is_(None))
        .order_by(Demand.code)))
