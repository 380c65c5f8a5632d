"""Traceability: demand → priority → project profile → programme → policy → objective → axis
→ POA operation → progress, and from a project back to its communities and demands.

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
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import (
    MultiYearProgramming,
    ProfileCommunity,
    ProfileDemand,
    ProjectProfile,
)
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program
from planner_desktop.domain.summaries import AGREED
from planner_desktop.domain.territory import Community
from planner_desktop.plan.findings import label
from planner_desktop.plan.follow import ProgressPoint, progress_history
from planner_desktop.plan.scope import live

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
    program: Link | None
    policies: list[Link]
    """From the programme's lineamiento or policy up to the top policy."""
    objective: Link | None
    axis: Link | None
    programmed: dict[int, Decimal]
    """Money in the five-year programming per year."""
    operations: list[OperationStep]
    progress: list[ProgressPoint]
    """Progress recorded on the project itself."""


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
        agreed = [p.priority_class for p in self.priorities
                  if p.group == AGREED and p.priority_class is not None]
        return min(agreed, key=CLASS_ORDER.__getitem__, default=None)


PolicyRows = dict[uuid.UUID, tuple[uuid.UUID | None, str, str]]


def _policy_rows(session: Session) -> PolicyRows:
    return {
        pid: (parent, code, name)
        for pid, parent, code, name in session.execute(
            select(Policy.id, Policy.parent_id, Policy.code, Policy.name).where(live(Policy))
        )
    }


def _policies(rows: PolicyRows, start: uuid.UUID | None) -> list[Link]:
    """The policy chain upwards; stops on a cycle or a tombstone."""
    chain: list[Link] = []
    node = start
    while node is not None and node in rows and all(link.id != node for link in chain):
        parent, code, name = rows[node]
        chain.append(Link("policy", node, label(code, name)))
        node = parent
    return chain


def profile_steps(session: Session, profile_ids: list[uuid.UUID]) -> list[ProfileStep]:
    """The PDM and POA side of the chain for each live profile given, by code."""
    profiles = session.execute(
        select(ProjectProfile.id, ProjectProfile.code, ProjectProfile.name,
               Program.id, Program.code, Program.name, Program.policy_id,
               Objective.id, Objective.code, Objective.name, Axis.id, Axis.code, Axis.name)
        .outerjoin(Program, (Program.id == ProjectProfile.program_id) & live(Program))
        .outerjoin(Policy, (Policy.id == Program.policy_id) & live(Policy))
        .outerjoin(Objective, (Objective.id == Policy.objective_id) & live(Objective))
        .outerjoin(Axis, (Axis.id == Objective.axis_id) & live(Axis))
        .where(ProjectProfile.id.in_(profile_ids), live(ProjectProfile))
        .order_by(ProjectProfile.code)
    ).all()
    money: dict[uuid.UUID, dict[int, Decimal]] = {}
    for pid, year, amount in session.execute(
        select(MultiYearProgramming.profile_id, MultiYearProgramming.year,
               func.sum(MultiYearProgramming.amount))
        .where(MultiYearProgramming.profile_id.in_(profile_ids), live(MultiYearProgramming))
        .group_by(MultiYearProgramming.profile_id, MultiYearProgramming.year)
    ):
        money.setdefault(pid, {})[int(year)] = amount
    operations = session.execute(
        select(Operation.id, Operation.code, Operation.name, Operation.profile_id,
               AnnualPlan.fiscal_year, Operation.budget, Operation.cancelled)
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .where(Operation.profile_id.in_(profile_ids), live(Operation), live(AnnualPlan))
        .order_by(AnnualPlan.fiscal_year, Operation.code)
    ).all()
    progress = progress_history(
        session, profile_ids=profile_ids, operation_ids=[op.id for op in operations]
    )
    policy_rows = _policy_rows(session)
    steps = []
    for (pid, code, name, prog_id, prog_code, prog_name, policy_id,
         obj_id, obj_code, obj_name, axis_id, axis_code, axis_name) in profiles:
        steps.append(ProfileStep(
            profile=Link("project_profile", pid, label(code, name)),
            program=Link("program", prog_id, label(prog_code, prog_name)) if prog_id else None,
            policies=_policies(policy_rows, policy_id) if prog_id else [],
            objective=Link("objective", obj_id, label(obj_code, obj_name)) if obj_id else None,
            axis=Link("axis", axis_id, label(axis_code, axis_name)) if axis_id else None,
            programmed=money.get(pid, {}),
            operations=[
                OperationStep(Link("operation", op.id, label(op.code, op.name)),
                              op.fiscal_year, op.budget, op.cancelled, progress.get(op.id, []))
                for op in operations if op.profile_id == pid
            ],
            progress=progress.get(pid, []),
        ))
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
        PriorityStep(Link("prioritization_round", rid, label(None, title)), level, group, rank,
                     cls)
        for rid, title, level, group, rank, cls in session.execute(
            select(PrioritizationRound.id, PrioritizationRound.title, PrioritizationRound.level,
                   RoundResult.group, RoundResult.rank, RoundResult.priority_class)
            .join(RoundResult, RoundResult.round_id == PrioritizationRound.id)
            .join(RoundItem, RoundResult.item_id == RoundItem.id)
            .where(RoundItem.demand_id == demand_id, live(RoundItem), live(RoundResult),
                   live(PrioritizationRound))
            .order_by(PrioritizationRound.created_at, RoundResult.group)
        )
    ]
    profile_ids = list(session.scalars(
        select(ProfileDemand.profile_id).where(
            ProfileDemand.demand_id == demand_id, live(ProfileDemand)
        )
    ))
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
        select(ProjectProfile.code, ProjectProfile.name)
        .where(ProjectProfile.id == profile_id, live(ProjectProfile))
    ).first()
    if profile is None:
        return None
    communities = [
        Link("community", cid, label(None, name))
        for cid, name in session.execute(
            select(Community.id, Community.name)
            .join(ProfileCommunity, ProfileCommunity.community_id == Community.id)
            .where(ProfileCommunity.profile_id == profile_id, live(ProfileCommunity))
            .order_by(Community.name)
        )
    ]
    demands = [
        (Link("demand", did, label(code, description)), Link("community", cid, label(None, name)))
        for did, code, description, cid, name in session.execute(
            select(Demand.id, Demand.code, Demand.description, Community.id, Community.name)
            .join(ProfileDemand, ProfileDemand.demand_id == Demand.id)
            .join(Community, Demand.community_id == Community.id)
            .where(ProfileDemand.profile_id == profile_id, live(ProfileDemand), live(Demand))
            .order_by(Demand.code)
        )
    ]
    return ProfileOrigin(Link("project_profile", profile_id, label(*profile)), communities,
                         demands)
