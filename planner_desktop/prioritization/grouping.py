"""Recording a grouping of similar demands once a person confirms it (no Qt).

:func:`aggregate.suggest_groups` only suggests. When a person confirms a suggestion (or
a grouping of their own), :func:`confirm_group` writes a ``DemandGroup`` at district or
municipal level and points every member demand at it, so the roll-up is stored: the
originals stay as they were, each knowing the group it was aggregated into.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, Vote
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.domain.summaries import live, not_retracted
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.prioritization.aggregate import DemandSummary, GroupSuggestion
from planner_desktop.prioritization.errors import PrioritizationError


def _checked(
    session: Session, demand_ids: Sequence[uuid.UUID], title: str, level: RoundLevel
) -> tuple[list[Demand], set[uuid.UUID], uuid.UUID]:
    """The members, their districts and municipality of a grouping that may be stored;
    raises :class:`PrioritizationError` with the reason otherwise."""
    if not title.strip():
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
    return members, districts, found[wanted[0]][2]


def refusal(
    session: Session, demand_ids: Sequence[uuid.UUID], title: str, level: RoundLevel
) -> str | None:
    """Why :func:`confirm_group` would refuse this grouping, or None (nothing written)."""
    try:
        _checked(session, demand_ids, title, level)
    except PrioritizationError as error:
        return str(error)
    return None


def confirm_group(
    session: Session,
    demand_ids: Sequence[uuid.UUID],
    title: str,
    level: RoundLevel,
    *,
    group_id: uuid.UUID | None = None,
) -> DemandGroup:
    """Store the confirmed group of ``demand_ids`` under ``title`` (with ``group_id``
    when given, so an undone confirmation comes back as the same record).

    Refused, with nothing written: a blank title, fewer than two demands, a demand that
    does not exist or was removed, demands of different sectors, a demand already in a
    group, a community level, and a district group whose demands are of several districts.
    """
    members, districts, municipality = _checked(session, demand_ids, title, level)
    group = DemandGroup(
        municipality_id=municipality,
        district_id=next(iter(districts)) if level is RoundLevel.district else None,
        level=level, sector_id=members[0].sector_id, title=title.strip())
    if group_id is not None:
        group.id = group_id
    session.add(group)
    session.flush()
    for demand in members:
        demand.demand_group_id = group.id
    session.flush()
    return group


def confirm_suggestion(
    session: Session, suggestion: GroupSuggestion, title: str, level: RoundLevel,
    *, group_id: uuid.UUID | None = None,
) -> DemandGroup:
    """Store a suggestion as a person confirmed it (its member ids are demand ids)."""
    return confirm_group(
        session, [uuid.UUID(member.id) for member in suggestion.members], title, level,
        group_id=group_id)


def group_members(session: Session, group_id: uuid.UUID) -> list[Demand]:
    """The live demands stored in a group, by code."""
    return list(session.scalars(
        select(Demand).where(Demand.demand_group_id == group_id, Demand.deleted_at.is_(None))
        .order_by(Demand.code)))


def ungroup(session: Session, group_id: uuid.UUID) -> list[uuid.UUID]:
    """Withdraw a group (the undo of its confirmation): the group is tombstoned and its
    demands no longer point at it. Returns the demands it held, to bring it back."""
    group = session.get(DemandGroup, group_id)
    if group is None:
        return []
    members = group_members(session, group_id)
    for demand in members:
        demand.demand_group_id = None
    if not group.is_deleted:
        mark_deleted(group)
    session.flush()
    return [demand.id for demand in members]


def regroup(session: Session, group_id: uuid.UUID, demand_ids: Sequence[uuid.UUID]) -> None:
    """Bring back a withdrawn group with the demands it held (the redo of its undo)."""
    group = session.get(DemandGroup, group_id)
    if group is None:
        return
    group.deleted_at = None
    for demand in session.scalars(select(Demand).where(Demand.id.in_(list(demand_ids)))):
        demand.demand_group_id = group_id
    session.flush()


def demand_votes() -> Any:
    """A subquery of ``demand_id`` and ``votes``: the dots and ballot entries (corrections
    applied) the demand received in every live round it was put to."""
    return (
        select(RoundItem.demand_id, func.sum(Vote.count).label("votes"))
        .join(Vote, Vote.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundItem.round_id == PrioritizationRound.id)
        .where(live(RoundItem), live(PrioritizationRound), not_retracted(Vote))
        .group_by(RoundItem.demand_id)
        .subquery())


def ungrouped(session: Session, district_id: uuid.UUID | None = None) -> list[DemandSummary]:
    """The live demands of the municipality (or of one district) in no live group, as
    :func:`aggregate.suggest_groups` takes them: ``community`` is the community's id,
    ``place`` its name, ``beneficiaries`` women and men, ``votes`` from every round."""
    votes = demand_votes()
    grouped = select(DemandGroup.id).where(live(DemandGroup))
    query = (
        select(Demand.id, Demand.code, Demand.community_id, Community.name, Demand.sector_id,
               Demand.description, Demand.beneficiaries_women + Demand.beneficiaries_men,
               func.coalesce(votes.c.votes, 0))
        .join(Community, Demand.community_id == Community.id)
        .outerjoin(votes, votes.c.demand_id == Demand.id)
        .where(live(Demand), live(Community),
               Demand.demand_group_id.is_(None) | Demand.demand_group_id.not_in(grouped)))
    if district_id is not None:
        query = query.where(Community.district_id == district_id)
    return [
        DemandSummary(str(demand_id), str(community_id), str(sector_id), text,
                      int(beneficiaries or 0), int(count or 0), place, code=code)
        for demand_id, code, community_id, place, sector_id, text, beneficiaries, count
        in session.execute(query.order_by(Demand.id))]
