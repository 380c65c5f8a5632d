"""The queries behind the window's trees (no Qt here): territory and strategic frame.

A loader gives the children of one node (``None``: the top level), so that a lazy tree
model reads a branch only when it is opened. Tombstoned rows never appear.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain import labels
from planner_desktop.domain.plan import Plan, PlanElement, PlanLevel
from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.summaries import current_plan as summaries_plan
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import N_
from planner_desktop.plan.ordering import bytewise


@dataclass(frozen=True)
class TreeNode:
    """One row of a tree: ``kind`` says what it is, ``texts`` what its columns show."""

    kind: str
    id: uuid.UUID
    texts: tuple[str, ...]
    has_children: bool = False
    tooltip: str = ""


TERRITORY_COLUMNS = (N_("Territory"), N_("Population"))


def territory_children(session: Session, parent: TreeNode | None) -> list[TreeNode]:
    """Municipality → districts → communities, with their population."""
    if parent is None:
        municipality = current_municipality(session)
        if municipality is None:
            return []
        total = session.execute(
            select(func.sum(Community.population_women + Community.population_men))
            .join(District, Community.district_id == District.id)
            .where(District.municipality_id == municipality.id, live(District), live(Community))
        ).scalar()
        return [
            TreeNode(
                "municipality",
                municipality.id,
                (municipality.name, str(total or 0)),
                has_children=True,
            )
        ]
    if parent.kind == "municipality":
        population = (
            select(func.sum(Community.population_women + Community.population_men))
            .where(Community.district_id == District.id, live(Community))
            .correlate(District)
            .scalar_subquery()
        )
        districts = session.execute(
            select(District.id, District.name, population)
            .where(District.municipality_id == parent.id, live(District))
            .order_by(bytewise(District.code), District.id)
        )
        return [
            TreeNode("district", id_, (name, str(pop or 0)), has_children=True)
            for id_, name, pop in districts
        ]
    if parent.kind == "district":
        communities = session.execute(
            select(
                Community.id,
                Community.name,
                Community.population_women + Community.population_men,
                Community.kind,
            )
            .where(Community.district_id == parent.id, live(Community))
            .order_by(bytewise(Community.name), Community.id)
        )
        return [
            TreeNode("community", id_, (name, str(pop)), tooltip=labels.label(kind))
            for id_, name, pop, kind in communities
        ]
    return []


STRATEGY_COLUMNS = (N_("Strategic frame"), N_("Level"))
"""The frame tree's columns; a node's ``texts`` also carry its name and code (not shown)."""

ELEMENT = "plan_element"


def current_plan(session: Session) -> Plan | None:
    """The plan the window shows (see :func:`planner_desktop.domain.summaries.current_plan`)."""
    return summaries_plan(session)


def element_text(code: str, name: str) -> str:
    return f"{code} {name}".strip()


def strategy_children(session: Session, parent: TreeNode | None) -> list[TreeNode]:
    """The elements of the current plan, each with the name of its level.

    At the top: the elements with nothing above them, and those whose parent was
    deleted (so that nothing of the plan is out of sight).
    """
    if parent is None:
        plan = current_plan(session)
        if plan is None:
            return []
        gone = select(PlanElement.id).where(PlanElement.deleted_at.is_not(None))
        where: ColumnElement[bool] = (PlanElement.plan_id == plan.id) & (
            PlanElement.parent_id.is_(None) | PlanElement.parent_id.in_(gone)
        )
    else:
        where = PlanElement.parent_id == parent.id
    child = PlanElement.__table__.alias("child")
    has_children = (
        select(child.c.id)
        .where(child.c.parent_id == PlanElement.id, child.c.deleted_at.is_(None))
        .exists()
    )
    rows = session.execute(
        select(PlanElement.id, PlanElement.code, PlanElement.name, PlanLevel.name, has_children)
        .outerjoin(
            PlanLevel,
            (PlanLevel.plan_id == PlanElement.plan_id)
            & (PlanLevel.depth == PlanElement.depth)
            & live(PlanLevel),
        )
        .where(where, live(PlanElement))
        .order_by(PlanElement.position, bytewise(PlanElement.code), PlanElement.id)
    )
    return [
        TreeNode(
            ELEMENT,
            id_,
            (element_text(code, name), level or "", name, code),
            has_children=bool(children),
            tooltip=name,
        )
        for id_, code, name, level, children in rows
    ]
