"""How elements of the plan and units of the municipal government are offered in lists:
"Programa PR01 — Agua potable", in the tree's order, each under the one above it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.plan import OrgUnit, PlanElement
from planner_desktop.domain.summaries import current_plan, level_names
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise

INDENT = "    "

Row = tuple[uuid.UUID, uuid.UUID | None, str]
"""A record's id, the id of the one above it, and its text."""


def element_heading(level: str, code: str, name: str) -> str:
    """How an element is named in headings and lists: "Programa PR01 — Agua potable"."""
    return _("{level} {code} — {name}").format(level=level, code=code, name=name).strip()


def in_tree_order(
    rows: Sequence[Row], leave_out: AbstractSet[uuid.UUID] = frozenset()
) -> list[tuple[uuid.UUID, str]]:
    """``rows`` (already in sibling order) each followed by those below it, indented; a row
    whose parent is not among them goes at the top."""
    known = {row[0] for row in rows}
    children: dict[uuid.UUID | None, list[Row]] = {}
    for row in rows:
        parent = row[1] if row[1] in known else None
        children.setdefault(parent, []).append(row)
    found: list[tuple[uuid.UUID, str]] = []
    stack = [(row, 0) for row in reversed(children.get(None, []))]
    while stack:
        (row_id, _parent, text), depth = stack.pop()
        if row_id in leave_out:
            continue
        found.append((row_id, INDENT * depth + text))
        stack.extend((child, depth + 1) for child in reversed(children.get(row_id, [])))
    return found


def element_rows(session: Session, plan_id: uuid.UUID) -> list[Row]:
    names = level_names(session, plan_id)
    rows = session.execute(
        select(
            PlanElement.id,
            PlanElement.parent_id,
            PlanElement.depth,
            PlanElement.code,
            PlanElement.name,
        )
        .where(PlanElement.plan_id == plan_id, PlanElement.deleted_at.is_(None))
        .order_by(PlanElement.position, bytewise(PlanElement.code), PlanElement.id)
    ).all()
    return [
        (id_, parent, element_heading(names.get(depth, ""), code, name))
        for id_, parent, depth, code, name in rows
    ]


def element_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Every live element of the current plan, any level, in the tree's order."""
    plan = current_plan(session)
    return in_tree_order(element_rows(session, plan.id)) if plan is not None else []


def unit_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    """The live units of the municipal government, each under the one it belongs to."""
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.name)
        .where(OrgUnit.deleted_at.is_(None))
        .order_by(OrgUnit.position, bytewise(OrgUnit.name), OrgUnit.id)
    ).all()
    return in_tree_order([(id_, parent, name) for id_, parent, name in rows])
