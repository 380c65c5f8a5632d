"""The plan as the documents print it: its levels by name and its live elements as a tree.

An element whose parent is missing or tombstoned is printed as a top element (it is not
lost); siblings keep the order the person gave them (``position``, then ``code``). Each
element carries what the documents print beside it: its responsible unit, its sector and
its SDG goals (``6.1`` when a target is given, else ``6``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.plan import OrgUnit, Plan, PlanElement, SdgLink
from planner_desktop.domain.plan_templates import shape
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Sector
from planner_desktop.i18n import _
from planner_desktop.plan import scope
from planner_desktop.plan.ordering import bytewise


@dataclass
class Node:
    """One live element of the plan and the elements that hang from it."""

    id: uuid.UUID
    depth: int
    code: str
    name: str
    unit: str = ""
    sector: str = ""
    sdgs: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def label(self) -> str:
        """``code name`` as every document prints an element."""
        return f"{self.code} {self.name}".strip()


@dataclass
class PlanTree:
    plan: Plan
    names: dict[int, str]
    """The name of each level by its depth (1 is the top)."""
    roots: list[Node]
    by_id: dict[uuid.UUID, Node]
    deepest: int
    """The plan's last level (see :func:`planner_desktop.plan.scope.deepest_depth`)."""

    @property
    def depth(self) -> int:
        """How many levels the tables print: the last level, or a deeper element's."""
        return max([self.deepest, *(n.depth for n in self.by_id.values()), 1])

    @property
    def title(self) -> str:
        """The plan's title, or its template's usual one when none is recorded."""
        return self.plan.title.strip() or shape(self.plan.template).title

    @property
    def years(self) -> list[int]:
        return list(range(self.plan.start_year, self.plan.end_year + 1))

    def level(self, depth: int) -> str:
        return self.names.get(depth) or scope.default_level_name(depth)

    def walk(self) -> Iterator[Node]:
        """Every element, each before the elements that hang from it."""
        stack = list(reversed(self.roots))
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def named(self, element_id: uuid.UUID | None) -> str:
        """``Level code name`` of an element; empty for none or one no longer live."""
        node = self.by_id.get(element_id) if element_id else None
        return f"{self.level(node.depth)} {node.label}" if node else ""

    def column(self, element_ids: list[uuid.UUID | None]) -> tuple[str, dict[uuid.UUID, str]]:
        """A column of elements: headed by their level's name when all are of one level
        (their cells then ``code name``), else by a general title with the level in each
        cell. Returns the header and the cell of each element."""
        nodes = [self.by_id[i] for i in element_ids if i in self.by_id]
        depths = {n.depth for n in nodes}
        if len(depths) == 1:
            return self.level(depths.pop()), {n.id: n.label for n in nodes}
        return _("Element of the plan"), {n.id: self.named(n.id) for n in nodes}


def current_plan(session: Session) -> Plan | None:
    """The plan the documents are about (the current one)."""
    return scope.current_plan(session)


def _sdgs(session: Session, plan_id: uuid.UUID) -> dict[uuid.UUID, list[str]]:
    found: dict[uuid.UUID, list[str]] = defaultdict(list)
    for element_id, sdg, target in session.execute(
        select(SdgLink.element_id, SdgLink.sdg, SdgLink.target)
        .join(PlanElement, SdgLink.element_id == PlanElement.id)
        .where(PlanElement.plan_id == plan_id, live(SdgLink))
        .order_by(SdgLink.sdg, bytewise(SdgLink.target), SdgLink.id)
    ):
        if element_id is not None:
            found[element_id].append(target.strip() or str(sdg))
    return found


def load_tree(session: Session, plan: Plan) -> PlanTree:
    """The live elements of ``plan`` as a tree, with their units, sectors and SDGs."""
    names = scope.level_names(session, plan.id)
    units = dict(session.execute(select(OrgUnit.id, OrgUnit.name).where(live(OrgUnit))).all())
    sectors = dict(session.execute(select(Sector.id, Sector.name)).all())
    sdgs = _sdgs(session, plan.id)
    rows = session.execute(
        select(
            PlanElement.id,
            PlanElement.parent_id,
            PlanElement.depth,
            PlanElement.code,
            PlanElement.name,
            PlanElement.unit_id,
            PlanElement.sector_id,
        )
        .where(PlanElement.plan_id == plan.id, live(PlanElement))
        .order_by(PlanElement.position, bytewise(PlanElement.code), PlanElement.id)
    ).all()
    by_id = {
        row.id: Node(
            row.id,
            row.depth,
            row.code,
            row.name,
            units.get(row.unit_id, ""),
            sectors.get(row.sector_id, ""),
            sdgs.get(row.id, []),
        )
        for row in rows
    }
    roots: list[Node] = []
    for row in rows:
        parent = by_id.get(row.parent_id) if row.parent_id else None
        (parent.children if parent else roots).append(by_id[row.id])
    return PlanTree(plan, names, roots, by_id, scope.deepest_depth(session, plan.id))


def plan_for_year(session: Session, year: int) -> Plan | None:
    """The live plan whose period holds ``year`` (the latest such), else the current one."""
    found = session.scalar(
        select(Plan)
        .where(live(Plan), Plan.start_year <= year, Plan.end_year >= year)
        .order_by(Plan.start_year.desc(), Plan.created_at, Plan.id)
        .limit(1)
    )
    return found or current_plan(session)
