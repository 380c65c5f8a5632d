"""What the checks, totals and pages share: the current plan, its period and its tree.

The plan is a tree of :class:`~planner_desktop.domain.plan.PlanElement` whose ``depth`` is
its level (1 is the top); each level has a name (*Eje*, *Objetivo*…). The *programme
level* is the plan's deepest level: where projects normally hang (a project may point at
an element of any level). Everything here reads; nothing writes.

- :func:`current_plan` — the municipality's plan (the latest period);
- :func:`plan_period` — its years, as a :class:`PlanPeriod`;
- :func:`level_names` — depth → the level's name; :func:`deepest_depth` — the last level;
- :func:`elements_by_depth` — the live elements of each level, in order;
- :func:`level_name` — the name of an element's level;
- :func:`programme_ids` — the live elements of the deepest level of the current plan;
- :func:`plan_tree` — all of it at once, as a :class:`PlanTree` (for the checks and totals):
  its elements as :class:`Node`, each element's chain up to the top, and the element a
  project's objetivo de gestión follows (:meth:`PlanTree.objective_of`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.plan import Plan, PlanElement, PlanLevel
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.domain.summaries import current_plan, level_names, live
from planner_desktop.i18n import _
from planner_desktop.plan.findings import label
from planner_desktop.plan.ordering import bytewise

__all__ = [
    "Node",
    "PlanPeriod",
    "PlanTree",
    "current_plan",
    "deepest_depth",
    "elements_by_depth",
    "level_name",
    "level_names",
    "live",
    "plan_period",
    "plan_tree",
    "programme_ids",
    "programmed_profiles",
]


OBJECTIVE_DEPTH = 2
"""The level whose elements a POA's objetivos de gestión follow (the strategic objectives
of the Bolivian PDM)."""


@dataclass(frozen=True)
class PlanPeriod:
    """The years of the plan, both ends included."""

    plan_id: uuid.UUID
    start: int
    end: int

    def contains(self, year: int) -> bool:
        return self.start <= year <= self.end

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))


def plan_period(session: Session) -> PlanPeriod | None:
    """The period of the current plan; None when there is no plan yet."""
    plan = current_plan(session)
    if plan is None:
        return None
    return PlanPeriod(plan.id, plan.start_year, plan.end_year)


def deepest_depth(session: Session, plan_id: uuid.UUID) -> int:
    """The plan's last level (its programme level): the deepest named level, or the
    deepest element when no level is named; 0 for an empty plan."""
    named = session.scalar(
        select(func.max(PlanLevel.depth)).where(PlanLevel.plan_id == plan_id, live(PlanLevel))
    )
    if named:
        return int(named)
    found = session.scalar(
        select(func.max(PlanElement.depth)).where(PlanElement.plan_id == plan_id, live(PlanElement))
    )
    return int(found or 0)


def _ordered(plan_id: uuid.UUID) -> Select[PlanElement]:
    return (
        select(PlanElement)
        .where(PlanElement.plan_id == plan_id, live(PlanElement))
        .order_by(
            PlanElement.depth, PlanElement.position, bytewise(PlanElement.code), PlanElement.id
        )
    )


def elements_by_depth(session: Session, plan_id: uuid.UUID) -> dict[int, list[PlanElement]]:
    """The live elements of the plan by depth (shallowest first), each level by position
    and code."""
    found: dict[int, list[PlanElement]] = {}
    for element in session.scalars(_ordered(plan_id)):
        found.setdefault(element.depth, []).append(element)
    return found


def default_level_name(depth: int) -> str:
    """What a level with no name is called."""
    return _("Level {depth}").format(depth=depth)


def level_name(session: Session, element: PlanElement) -> str:
    """The name of the level ``element`` is at (*Programa*), or "Level N" if unnamed."""
    names = level_names(session, element.plan_id)
    return names.get(element.depth) or default_level_name(element.depth)


def programme_ids(session: Session) -> set[uuid.UUID]:
    """The live elements of the current plan's deepest level (none without a plan)."""
    plan = current_plan(session)
    if plan is None:
        return set()
    depth = deepest_depth(session, plan.id)
    return set(
        session.scalars(
            select(PlanElement.id).where(
                PlanElement.plan_id == plan.id, PlanElement.depth == depth, live(PlanElement)
            )
        )
    )


def programmed_profiles() -> Select[uuid.UUID]:
    """Ids of live profiles with money in the five-year programming: those *in the plan*."""
    return (
        select(MultiYearProgramming.profile_id)
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(live(MultiYearProgramming), live(ProjectProfile), MultiYearProgramming.amount > 0)
        .distinct()
    )


@dataclass(frozen=True)
class Node:
    """One live element of the plan, as the checks and totals read it."""

    id: uuid.UUID
    parent_id: uuid.UUID | None
    depth: int
    code: str
    name: str
    problem: str
    sector_id: uuid.UUID | None
    unit_id: uuid.UUID | None


@dataclass(frozen=True)
class PlanTree:
    """The current plan's levels and live elements (in depth, position, code order)."""

    plan_id: uuid.UUID
    start: int
    end: int
    levels: dict[int, str]
    deepest: int
    nodes: dict[uuid.UUID, Node] = field(default_factory=dict)

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    def at_depth(self, depth: int) -> list[Node]:
        return [node for node in self.nodes.values() if node.depth == depth]

    @property
    def programmes(self) -> list[Node]:
        """The elements of the deepest level."""
        return self.at_depth(self.deepest)

    def in_order(self) -> list[Node]:
        """Every element, each followed by the elements below it (by position and code);
        an element whose parent is not in the tree comes with the top level."""
        children: dict[uuid.UUID | None, list[Node]] = {}
        for node in self.nodes.values():
            parent = node.parent_id if node.parent_id in self.nodes else None
            children.setdefault(parent, []).append(node)
        ordered: list[Node] = []
        stack = list(reversed(children.get(None, [])))
        while stack:
            node = stack.pop()
            ordered.append(node)
            stack.extend(reversed(children.get(node.id, [])))
        return ordered

    def level_name(self, depth: int) -> str:
        return self.levels.get(depth) or default_level_name(depth)

    def describe(self, node: Node) -> str:
        """``Programa PR01 «Agua segura»``: the level's name and the element's label."""
        return f"{self.level_name(node.depth)} {label(node.code, node.name)}"

    def attached(self, node: Node) -> bool:
        """True when the element hangs, through live elements each above the next, from an
        element of the top level (a deleted or missing parent breaks the chain)."""
        top = self.chain(node.id)[-1]
        return top.depth == 1 and top.parent_id is None and node.depth <= self.deepest

    def chain(self, element_id: uuid.UUID | None) -> list[Node]:
        """The element, then each element above it, up to the top or to where the chain
        breaks (a parent missing, deleted, or not above its child)."""
        found: list[Node] = []
        node = self.nodes.get(element_id) if element_id is not None else None
        while node is not None:
            found.append(node)
            parent = self.nodes.get(node.parent_id) if node.parent_id is not None else None
            node = parent if parent is not None and parent.depth < node.depth else None
        return found

    def objective_of(self, element_id: uuid.UUID | None) -> Node | None:
        """The element of the chain at :data:`OBJECTIVE_DEPTH` (the strategic objective of
        the Bolivian PDM), else the shallowest one; None when there is no chain."""
        chain = self.chain(element_id)
        return next((n for n in chain if n.depth == OBJECTIVE_DEPTH), chain[-1] if chain else None)


def plan_tree(session: Session, plan_id: uuid.UUID | None = None) -> PlanTree | None:
    """The tree of ``plan_id`` (default: the current plan); None when there is no plan."""
    plan = current_plan(session) if plan_id is None else session.get(Plan, plan_id)
    if plan is None or plan.deleted_at is not None:
        return None
    rows = session.execute(
        select(
            PlanElement.id,
            PlanElement.parent_id,
            PlanElement.depth,
            PlanElement.code,
            PlanElement.name,
            PlanElement.problem,
            PlanElement.sector_id,
            PlanElement.unit_id,
        )
        .where(PlanElement.plan_id == plan.id, live(PlanElement))
        .order_by(
            PlanElement.depth, PlanElement.position, bytewise(PlanElement.code), PlanElement.id
        )
    ).all()
    nodes = {row[0]: Node(*row) for row in rows}
    return PlanTree(
        plan.id,
        plan.start_year,
        plan.end_year,
        level_names(session, plan.id),
        deepest_depth(session, plan.id),
        nodes,
    )
