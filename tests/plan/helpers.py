"""Small helpers for the plan tests."""

from __future__ import annotations

from sqlalchemy import select

from planner_desktop.domain.base import utcnow
from planner_desktop.domain.plan import PlanElement
from planner_desktop.plan.checks import run_checks
from planner_desktop.plan.findings import Finding
from planner_desktop.store.database import Store


def findings(store: Store, code: str | None = None) -> list[Finding]:
    with store.session() as session:
        found = run_checks(session).findings
    return [f for f in found if code is None or f.code == code]


def errors(store: Store) -> list[Finding]:
    return [f for f in findings(store) if f.is_error]


def first(session, model, *where, order=None):
    query = select(model).where(model.deleted_at.is_(None), *where)
    return session.scalars(query.order_by(order if order is not None else model.id)).first()


def tombstone(*records) -> None:
    for record in records:
        record.deleted_at = utcnow()


def programme(session, code: str | None = None) -> PlanElement:
    """A live element of the demo plan's deepest level (``code``, else the first)."""
    where = [PlanElement.depth == 5]
    if code is not None:
        where.append(PlanElement.code == code)
    return first(session, PlanElement, *where, order=PlanElement.code)
