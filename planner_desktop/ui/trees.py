"""The queries behind the window's trees (no Qt here): territory and strategic frame.

A loader gives the children of one node (``None``: the top level), so that a lazy tree
model reads a branch only when it is opened. Tombstoned rows never appear.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain import labels
from planner_desktop.domain.enums import PolicyKind
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program
from planner_desktop.domain.summaries import current_frame, current_municipality, live
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import N_, _


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
            .order_by(District.code)
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
            .order_by(Community.name)
        )
        return [
            TreeNode("community", id_, (name, str(pop)), tooltip=labels.label(kind))
            for id_, name, pop, kind in communities
        ]
    return []


STRATEGY_COLUMNS = (N_("Strategic frame"), N_("Level"))


def _strategy_node(kind: str, id_: uuid.UUID, code: str, name: str, level: str) -> TreeNode:
    text = f"{code}  {name}".strip()
    return TreeNode(kind, id_, (text, level), has_children=kind != "program", tooltip=name)


def strategy_children(session: Session, parent: TreeNode | None) -> list[TreeNode]:
    """Ejes → objetivos → políticas → lineamientos → programas of the current frame."""
    if parent is None:
        frame = current_frame(session)
        if frame is None:
            return []
        rows = session.execute(
            select(Axis.id, Axis.code, Axis.name)
            .where(Axis.frame_id == frame.id, live(Axis))
            .order_by(Axis.position, Axis.code)
        )
        return [_strategy_node("axis", i, c, n, _("Axis")) for i, c, n in rows]
    if parent.kind == "axis":
        rows = session.execute(
            select(Objective.id, Objective.code, Objective.name)
            .where(Objective.axis_id == parent.id, live(Objective))
            .order_by(Objective.code)
        )
        return [_strategy_node("objective", i, c, n, _("Objective")) for i, c, n in rows]
    if parent.kind == "objective":
        policies = session.execute(
            select(Policy.id, Policy.code, Policy.name, Policy.kind)
            .where(Policy.objective_id == parent.id, Policy.parent_id.is_(None), live(Policy))
            .order_by(Policy.code)
        )
        return [_strategy_node("policy", i, c, n, labels.label(k)) for i, c, n, k in policies]
    if parent.kind == "policy":
        children = session.execute(
            select(Policy.id, Policy.code, Policy.name, Policy.kind)
            .where(Policy.parent_id == parent.id, live(Policy))
            .order_by(Policy.code)
        )
        nodes = [
            _strategy_node(
                "policy" if k == PolicyKind.policy else "guideline", i, c, n, labels.label(k)
            )
            for i, c, n, k in children
        ]
        programs = session.execute(
            select(Program.id, Program.code, Program.name)
            .where(Program.policy_id == parent.id, live(Program))
            .order_by(Program.code)
        )
        return nodes + [_strategy_node("program", i, c, n, _("Programme")) for i, c, n in programs]
    if parent.kind == "guideline":
        rows = session.execute(
            select(Program.id, Program.code, Program.name)
            .where(Program.policy_id == parent.id, live(Program))
            .order_by(Program.code)
        )
        return [_strategy_node("program", i, c, n, _("Programme")) for i, c, n in rows]
    return []
