"""Undoing and redoing the POA made from the PDM (:func:`~planner_desktop.plan.derive.derive_poa`).

Undoing tombstones the POA with the operations and management objectives it was made
with; redoing lifts those same tombstones, so the records keep their ids (and a session
file merged in between sees one history). The caller owns the transaction.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.plan.derive import derive_poa


@dataclass(frozen=True)
class Derived:
    """The POA made from the PDM and the records made with it."""

    plan_id: uuid.UUID
    fiscal_year: int
    operation_ids: tuple[uuid.UUID, ...]
    objective_ids: tuple[uuid.UUID, ...]


def derive(session: Session, fiscal_year: int) -> Derived:
    """:func:`derive_poa`, remembering what it made (raises ``PlanRefused``)."""
    plan = derive_poa(session, fiscal_year)
    operations = tuple(
        session.scalars(select(Operation.id).where(Operation.annual_plan_id == plan.id))
    )
    objectives = tuple(
        session.scalars(
            select(ManagementObjective.id).where(ManagementObjective.annual_plan_id == plan.id)
        )
    )
    return Derived(plan.id, fiscal_year, operations, objectives)


def _records(session: Session, made: Derived) -> list[AnnualPlan | Operation | ManagementObjective]:
    found: list[AnnualPlan | Operation | ManagementObjective | None] = [
        session.get(AnnualPlan, made.plan_id),
        *(session.get(Operation, key) for key in made.operation_ids),
        *(session.get(ManagementObjective, key) for key in made.objective_ids),
    ]
    return [record for record in found if record is not None]


def withdraw(session: Session, made: Derived) -> None:
    """Tombstone the derived POA and what it was made with."""
    for record in _records(session, made):
        if record.deleted_at is None:
            mark_deleted(record)
    session.flush()


def bring_back(session: Session, made: Derived) -> None:
    """Lift the tombstones :func:`withdraw` left (the same ids come back)."""
    for record in _records(session, made):
        record.deleted_at = None
    session.flush()
