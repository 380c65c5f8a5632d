"""The municipal government's structure: secretarías, direcciones and units, as a tree.

A unit is added at the top or under another one; its kind follows its depth unless the
person chooses another (secretaría at the top, dirección under it, unidad below). A unit
moves under another (never under itself or one of its own) or back to the top; it is
deleted only when nothing uses it (no units under it, no plan element or project names
it): :func:`planner_desktop.capture.deletion.delete` refuses otherwise, naming what does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.plan_records import next_position
from planner_desktop.capture.rule_checks import FieldRefused, one_line, refuse_row
from planner_desktop.domain.enums import UnitKind
from planner_desktop.domain.plan import OrgUnit
from planner_desktop.i18n import N_, _

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

NAME_MAX = 200
KIND_LABELS: dict[UnitKind, str] = {
    UnitKind.secretariat: N_("Secretariat"),
    UnitKind.directorate: N_("Directorate"),
    UnitKind.unit: N_("Unit"),
}
BY_DEPTH = (UnitKind.secretariat, UnitKind.directorate, UnitKind.unit)


def kind_label(kind: UnitKind) -> str:
    return _(KIND_LABELS[kind])


def kind_for_depth(depth: int) -> UnitKind:
    """The usual kind of a unit at ``depth`` (1: top)."""
    return BY_DEPTH[min(max(depth, 1), len(BY_DEPTH)) - 1]


def unit_name(text: Any) -> str:
    name = one_line(str(text or ""))
    title = _("Unit name")
    if not name:
        raise FieldRefused("name", _("{field}: write a name.").format(field=title))
    if len(name) > NAME_MAX:
        raise FieldRefused(
            "name", _("{field}: at most {limit} characters.").format(field=title, limit=NAME_MAX)
        )
    return name


@dataclass
class UnitNode:
    id: uuid.UUID
    name: str
    kind: UnitKind
    parent_id: uuid.UUID | None
    children: list[UnitNode] = field(default_factory=list)


def live_units(session: Session, municipality_id: uuid.UUID) -> list[OrgUnit]:
    return list(
        session.scalars(
            select(OrgUnit)
            .where(OrgUnit.municipality_id == municipality_id, OrgUnit.deleted_at.is_(None))
            .order_by(OrgUnit.position, OrgUnit.created_at, OrgUnit.id)
        )
    )


def unit_tree(session: Session, municipality_id: uuid.UUID) -> list[UnitNode]:
    """The top units, each with its units under it (a unit under a deleted one is shown
    at the top, so nothing is lost from sight)."""
    units = live_units(session, municipality_id)
    nodes = {unit.id: UnitNode(unit.id, unit.name, unit.kind, unit.parent_id) for unit in units}
    top: list[UnitNode] = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id is not None else None
        (parent.children if parent is not None else top).append(nodes[unit.id])
    return top


def depth_of(session: Session, unit_id: uuid.UUID | None) -> int:
    """1 for a top unit; 0 for no unit (the top itself)."""
    depth = 0
    seen: set[uuid.UUID] = set()
    while unit_id is not None and unit_id not in seen:
        seen.add(unit_id)
        unit = session.get(OrgUnit, unit_id)
        if unit is None:
            break
        depth += 1
        unit_id = unit.parent_id
    return depth


def unit_values(
    session: Session, municipality_id: uuid.UUID, name: str, parent_id: uuid.UUID | None = None
) -> dict[str, Any]:
    """A new unit, last under ``parent_id`` (the top when None), of the usual kind there."""
    parents = {"municipality_id": municipality_id, "parent_id": parent_id}
    values = {
        "municipality_id": municipality_id,
        "parent_id": parent_id,
        "name": unit_name(name),
        "kind": kind_for_depth(depth_of(session, parent_id) + 1),
        "position": next_position(session, OrgUnit, parents),
    }
    refuse_row("org_unit", values)
    return values


def check_parent(session: Session, unit_id: uuid.UUID, parent_id: uuid.UUID | None) -> None:
    """Refuse moving a unit under itself or under one of its own units."""
    current = parent_id
    seen: set[uuid.UUID] = set()
    while current is not None and current not in seen:
        if current == unit_id:
            raise FieldRefused(
                "parent_id", _("Under: a unit cannot go under itself or one of its own units.")
            )
        seen.add(current)
        parent = session.get(OrgUnit, current)
        current = None if parent is None else parent.parent_id


def move_under(store: Store, unit_id: uuid.UUID, parent_id: uuid.UUID | None) -> dict[str, Any]:
    """Put a unit last under ``parent_id`` (the top when None); return where it was."""
    with store.session() as session:
        unit = session.get(OrgUnit, unit_id)
        if unit is None:
            raise LookupError(f"unit {unit_id} does not exist")
        check_parent(session, unit_id, parent_id)
        previous = {"parent_id": unit.parent_id, "position": unit.position}
        if unit.parent_id != parent_id:
            parents = {"municipality_id": unit.municipality_id, "parent_id": parent_id}
            unit.position = next_position(session, OrgUnit, parents)
            unit.parent_id = parent_id
    return previous


def place_back(store: Store, unit_id: uuid.UUID, place: dict[str, Any]) -> None:
    """Undo of :func:`move_under`: the parent and position it had."""
    with store.session() as session:
        unit = session.get(OrgUnit, unit_id)
        if unit is None:
            raise LookupError(f"unit {unit_id} does not exist")
        unit.parent_id, unit.position = place["parent_id"], place["position"]
