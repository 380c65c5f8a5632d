"""Findings of a self-diagnosis: the next local rank, and moving a finding up or down."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from planner_desktop.domain.diagnosis import Finding
from planner_desktop.domain.summaries import live

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner_desktop.store.database import Store


def siblings(session: Session, finding: Finding) -> list[Finding]:
    """The findings ranked together: one self-diagnosis, one dimension, one kind."""
    return list(
        session.scalars(
            select(Finding)
            .where(
                Finding.self_diagnosis_id == finding.self_diagnosis_id,
                Finding.dimension_id == finding.dimension_id,
                Finding.kind == finding.kind,
                live(Finding),
            )
            .order_by(Finding.rank, Finding.created_at, Finding.id)
        )
    )


def next_rank(
    session: Session, self_diagnosis_id: uuid.UUID, dimension_id: uuid.UUID, kind: str
) -> int:
    highest = session.scalar(
        select(func.max(Finding.rank)).where(
            Finding.self_diagnosis_id == self_diagnosis_id,
            Finding.dimension_id == dimension_id,
            Finding.kind == kind,
            live(Finding),
        )
    )
    return 1 if highest is None else int(highest) + 1


def move(store: Store, finding_id: uuid.UUID, steps: int) -> bool:
    """Move a finding ``steps`` places (negative: up) in its local rank; ranks become
    1..n. Returns False when it cannot move that way (already first or last)."""
    with store.session() as session:
        finding = session.get(Finding, finding_id)
        if finding is None:
            return False
        ordered = siblings(session, finding)
        where = ordered.index(finding)
        target = min(max(where + steps, 0), len(ordered) - 1)
        if target == where:
            return False
        ordered.insert(target, ordered.pop(where))
        for rank, item in enumerate(ordered, start=1):
            if item.rank != rank:
                item.rank = rank
        return True
