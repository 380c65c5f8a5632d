"""Traceability: demand → priority → project profile → the element of the plan it hangs
from and every element above it (programa → lineamiento → política → objetivo → eje in the
Bolivian PDM) → POA operation → progress, and from a project back to its communities and
demands.

Every step is a :class:`Link` (table, id, label) so that the window can jump to it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, PriorityClass, RoundLevel
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import (
    MultiYearProgramming,
    ProfileCommunity,
    ProfileDemand,
    ProjectProfile,
)
from planner_desktop.domain.summaries import AGREED
from planner_desktop.domain.territory import Community
from planner_desktop.plan.findings import label
from planner_desktop.plan.follow import ProgressPoint, progress_history
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live, plan_tree

CLASS_ORDER = {PriorityClass.a_plus: 0, PriorityClass.a: 1, PriorityClass.b: 2, PriorityClass.c: 3}


@dataclass(frozen=True)
class Link:
    table: str
    id: uuid.UUID
    label: str


@dataclass(frozen=True)
class PriorityStep:
    round: Link
    level: RoundLevel
    group: str
    rank: int
    priority_class: PriorityClass | None


@dataclass(frozen=True)
class OperationStep:
    operation: Link
    fiscal_year: int
    budget: Decimal
    cancelled: bool
    progress: list[ProgressPoint] = field(default_factory=list)


@dataclass(frozen=True)
class ProfileStep:
    profile: Link
    elements: list[tuple[str, Link]]
    """The element of the plan the profile hangs from, then each one above it up to the
    top level (or to where the chain breaks), each with its level's name: ``("Programa",
    Link("plan_element", …))``. Empty when the profile hangs from no live element."""
    programmed: dict[int, Decimal]
    """Money in the five-year programming per year."""
    operations: list[OperationStep]
    progress: list[ProgressPoint]
    """Progress recorded on the project itself."""

    @property
    def element(self) -> Link | None:
        """The element the profile hangs from (None when it hangs from none)."""
        return self.elements[0][1] if self.elements else None


@dataclass(frozen=True)
class DemandTrace:
    demand: Link
    status: DemandStatus
    community: Link
    priorities: list[PriorityStep]
    profiles: list[ProfileStep]

    @property
    def priority_class(self) -> PriorityClass | None:
        """The best class the room agreed for this demand in any round."""
        agreed = [
            p.priority_class
            for p in self.priorities
            if p.group == AGREED and p.priority_class is not None
        ]
        return min(agreed, key=CLASS_ORDER.__getitem__, default=None)


def _element_chains(
    session: Session, element_ids: set[uuid.UUID]
) -> dict[uuid.UUID, list[tuple[str, Link]]]:
    """Each live element's chain upwards, in the tree of its own plan."""
    plans = set(
        session.scalars(
            select(PlanElement.plan_id).where(PlanElement.id.in_(element_ids), live(PlanElement))
        )
    )
    chains: dict[uuid.UUID, list[tuple[str, Link]]] = {}
    for plan_id in plans:
        tree = plan_tree(session, plan_id)
        if tree is None:
            continue
        for element_id in element_ids & set(tree.nodes):
            chains[element_id] = [
                (
                    tree.level_name(node.depth),
                    Link("plan_element", node.id, label(node.code, node.name)),
                )
                for node in tree.chain(element_id)
            ]
    return chains


def profile_steps(session: Session, profile_ids: list[uuid.UUID]) -> list[ProfileStep]:
    """The PDM and POA side of the chain for each live profile given, by code."""
    profiles = session.execute(
        select(
            ProjectProfile.id,
            ProjectProfile.code,
            ProjectProfile.name,
            ProjectProfile.element_id,
        )
        .where(ProjectProfile.id.in_(profile_ids), live(ProjectProfile))
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    money: dict[uuid.UUID, dict[int, Decimal]] = {}
    for pid, year, amount in session.execute(
        select(
            MultiYearProgramming.profile_id,
            MultiYearProgramming.year,
            func.sum(MultiYearProgramming.amount),
        )
        .where(MultiYearProgramming.profile_id.in_(profile_ids), live(MultiYearProgramming))
        .group_by(MultiYearProgramming.profile_id, MultiYearProgramming.year)
    ):
        money.setdefault(pid, {})[int(year)] = amount
    operations = session.execute(
        select(
            Operation.id,
            Operation.code,
            Operation.name,
            Operation.profile_id,
            AnnualPlan.fiscal_year,
            Operation.budget,
            Operation.cancelled,
        )
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .where(Operation.profile_id.in_(profile_ids), live(Operation), live(AnnualPlan))
        .order_by(AnnualPlan.fiscal_year, bytewise(Operation.code), Operation.id)
    ).all()
    progress = progress_history(
        session, profile_ids=profile_ids, operation_ids=[op.id for op in operations]
    )
    chains = _element_chains(session, {row.element_id for row in profiles if row.element_id})
    steps = []
    for pid, code, name, element_id in profiles:
        steps.append(
            ProfileStep(
                profile=Link("project_profile", pid, label(code, name)),
                elements=chains.get(element_id, []) if element_id else [],
                programmed=money.get(pid, {}),
                operations=[
                    OperationStep(
                        Link("operation", op.id, label(op.code, op.name)),
                        op.fiscal_year,
                        op.budget,
                        op.cancelled,
                        progress.get(op.id, []),
                    )
                    for op in operations
                    if op.profile_id == pid
                ],
                progress=progress.get(pid, []),
            )
        )
    return steps


def trace_demand(session: Session, demand_id: uuid.UUID) -> DemandTrace | None:
    """The whole chain of one demand, or None when it does not exist (or was deleted)."""
    row = session.execute(
        select(Demand.code, Demand.description, Demand.status, Community.id, Community.name)
        .join(Community, Demand.community_id == Community.id)
        .where(Demand.id == demand_id, live(Demand))
    ).first()
    if row is None:
        return None
    code, description, status, community_id, community_name = row
    priorities = [
        PriorityStep(Link("prioritization_round", rid, label(None, title)), level, group, rank, cls)
        for rid, title, level, group, rank, cls in session.execute(
            select(
                PrioritizationRound.id,
                PrioritizationRound.title,
                PrioritizationRound.level,
                RoundResult.group,
                RoundResult.rank,
                RoundResult.priority_class,
            )
            .join(RoundResult, RoundResult.round_id == PrioritizationRound.id)
            .join(RoundItem, RoundResult.item_id == RoundItem.id)
            .where(
                RoundItem.demand_id == demand_id,
                live(RoundItem),
                live(RoundResult),
                live(PrioritizationRound),
            )
            .order_by(PrioritizationRound.created_at, bytewise(RoundResult.group), RoundResult.id)
        )
    ]
    profile_ids = list(
        session.scalars(
            select(ProfileDemand.profile_id).where(
                ProfileDemand.demand_id == demand_id, live(ProfileDemand)
            )
        )
    )
    return DemandTrace(
        demand=Link("demand", demand_id, label(code, description)),
        status=status,
        community=Link("community", community_id, label(None, community_name)),
        priorities=priorities,
        profiles=profile_steps(session, profile_ids),
    )


@dataclass(frozen=True)
class ProfileOrigin:
    """The communities and demands behind a project."""

    profile: Link
    communities: list[Link]
    demands: list[tuple[Link, Link]]
    """Each demand with the community that raised it."""


def profile_origin(session: Session, profile_id: uuid.UUID) -> ProfileOrigin | None:
    profile = session.execute(
        select(ProjectProfile.code, ProjectProfile.name).where(
            ProjectProfile.id == profile_id, live(ProjectProfile)
        )
    ).first()
    if profile is None:
        return None
    communities = [
        Link("community", cid, label(None, name))
        for cid, name in session.execute(
            select(Community.id, Community.name)
            .join(ProfileCommunity, ProfileCommunity.community_id == Community.id)
            .where(ProfileCommunity.profile_id == profile_id, live(ProfileCommunity))
            .order_by(bytewise(Community.name), Community.id)
        )
    ]
    demands = [
        (Link("demand", did, label(code, description)), Link("community", cid, label(None, name)))
        for did, code, description, cid, name in session.execute(
            select(Demand.id, Demand.code, Demand.description, Community.id, Community.name)
            .join(ProfileDemand, ProfileDemand.demand_id == Demand.id)
            .join(Community, Demand.community_id == Community.id)
            .where(ProfileDemand.profile_id == profile_id, live(ProfileDemand), live(Demand))
            .order_by(bytewise(Demand.code), Demand.id)
        )
    ]
    return ProfileOrigin(Link("project_profile", profile_id, label(*profile)), communities, demands)
