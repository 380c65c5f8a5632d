"""The tables of the grouping tab: confirmed groups with their sums, and the original
demands of one group (no Qt here)."""

from __future__ import annotations

import uuid

from sqlalchemy import false, func, select

from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District, Sector
from planner_desktop.i18n import N_
from planner_desktop.prioritization.grouping import demand_votes
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.queries import TableQuery


def groups(level: RoundLevel, district_id: uuid.UUID | None) -> TableQuery:
    """Live groups of ``level`` (district groups of one district when given), with the
    communities, beneficiaries and votes of their live demands summed."""
    ids = select(DemandGroup.id).where(live(DemandGroup), DemandGroup.level == level)
    if level is RoundLevel.district and district_id is not None:
        ids = ids.where(DemandGroup.district_id == district_id)

    def rows(keys: object) -> object:
        votes = demand_votes()
        return (
            select(DemandGroup.id, DemandGroup.title,
                   func.count(Demand.id), func.count(Demand.community_id.distinct()),
                   func.coalesce(func.sum(Demand.beneficiaries_women), 0),
                   func.coalesce(func.sum(Demand.beneficiaries_men), 0),
                   func.coalesce(func.sum(votes.c.votes), 0), Sector.name, District.name)
            .outerjoin(Sector, DemandGroup.sector_id == Sector.id)
            .outerjoin(District, DemandGroup.district_id == District.id)
            .outerjoin(Demand, (Demand.demand_group_id == DemandGroup.id) & live(Demand))
            .outerjoin(votes, votes.c.demand_id == Demand.id)
            .where(DemandGroup.id.in_(keys))  # type: ignore[arg-type]
            .group_by(DemandGroup.id))

    return TableQuery(
        columns=(Column(N_("Group"), stretch=True), Column(N_("Demands"), Kind.number),
                 Column(N_("Communities"), Kind.number), Column(N_("Women"), Kind.number),
                 Column(N_("Men"), Kind.number), Column(N_("Votes"), Kind.number),
                 Column(N_("Sector")), Column(N_("District"))),
        ids=ids.order_by(DemandGroup.title, DemandGroup.created_at),
        rows=rows,  # type: ignore[arg-type]
    )


def members(group_id: uuid.UUID | None) -> TableQuery:
    """The original demands of one group, by code (none when no group is chosen)."""
    ids = select(Demand.id).where(Demand.demand_group_id == group_id, live(Demand))
    if group_id is None:
        ids = ids.where(false())

    def rows(keys: object) -> object:
        votes = demand_votes()
        return (
            select(Demand.id, Demand.code, Community.name, Demand.beneficiaries_women,
                   Demand.beneficiaries_men, func.coalesce(votes.c.votes, 0),
                   Demand.description)
            .join(Community, Demand.community_id == Community.id)
            .outerjoin(votes, votes.c.demand_id == Demand.id)
            .where(Demand.id.in_(keys)))  # type: ignore[arg-type]

    return TableQuery(
        columns=(Column(N_("Code")), Column(N_("Community")), Column(N_("Women"), Kind.number),
                 Column(N_("Men"), Kind.number), Column(N_("Votes"), Kind.number),
                 Column(N_("Demand"), stretch=True)),
        ids=ids.order_by(Demand.code),
        rows=rows,  # type: ignore[arg-type]
    )
