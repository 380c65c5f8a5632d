"""Deleting a record a person chose: what depends on it, the tombstones, and the undo.

A synced record is never removed: deleting it leaves a tombstone (``deleted_at`` set, a
new version), which travels in session files so that a merge never brings it back.

- :func:`dependents` counts the live records of other tables that refer to one record
  through a foreign key (tombstoned records and retracted events do not count), so the
  window can name them before asking for confirmation.
- :func:`delete` tombstones the record, and, only when asked, its live synced dependents
  and theirs, in one transaction. Without that permission a record with dependents is
  refused with :class:`DependentsExist`, naming them, and nothing is written.
  Append-only events (votes, attendance) that refer to a deleted record stay as they are:
  they are history, and every summary reaches them through their parent.
- :func:`restore` lifts exactly the tombstones one deletion left (the undo).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.base import Appended, Base, Synced
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.domain.summaries import not_retracted
from planner_desktop.exchange.labels import table_title
from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


@dataclass(frozen=True)
class Dependent:
    """Live records of one table that refer to the record to delete."""

    table: str
    label: str
    count: int


@dataclass
class Deletion:
    """What one deletion tombstoned, in the order it did: the undo lifts exactly these."""

    records: list[tuple[type[Synced], uuid.UUID]] = field(default_factory=list)


class DependentsExist(ValueError):
    """The record has live dependents and the person did not agree to delete them too."""

    def __init__(self, found: list[Dependent]) -> None:
        self.dependents = found
        super().__init__(_("Other records depend on it: {list}.").format(list=describe(found)))


def describe(found: list[Dependent]) -> str:
    """One line naming the dependents, e.g. "Demand: 3, Finding: 2"."""
    return ", ".join(d.label for d in found)


def _table(model: type[Any]) -> str:
    return str(model.__tablename__)


def _model_of(table: str) -> type[Any] | None:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table:
            return mapper.class_
    return None


def _references(table: str) -> Iterator[tuple[type[Any], Column[Any]]]:
    """Every (model, column) whose foreign key points at ``table.id``, self-links aside."""
    for other in Base.metadata.sorted_tables:
        model = _model_of(other.name)
        if model is None or not issubclass(model, Synced | Appended):
            continue
        for column in other.columns:
            for key in column.foreign_keys:
                if key.column.table.name == table and key.column.name == "id":
                    if other.name == table and column.name == "retracts_id":
                        continue
                    yield model, column


def _live_referrers(model: type[Any], column: Column[Any], record_id: uuid.UUID) -> Any:
    query = select(model.id).where(column == record_id)
    if issubclass(model, Synced):
        return query.where(model.deleted_at.is_(None))
    return query.where(not_retracted(model))


def dependents(session: Session, model: type[Synced], record_id: uuid.UUID) -> list[Dependent]:
    """Live records of other tables that refer to ``record_id``, one entry per table."""
    counts: dict[str, int] = {}
    for other, column in _references(_table(model)):
        found = session.scalar(
            select(func.count()).select_from(_live_referrers(other, column, record_id).subquery())
        )
        if found:
            counts[_table(other)] = counts.get(_table(other), 0) + int(found)
    return [
        Dependent(table, _("{what}: {count}").format(what=table_title(table), count=n), n)
        for table, n in counts.items()
    ]


def _tombstone(
    session: Session,
    model: type[Synced],
    record_id: uuid.UUID,
    done: Deletion,
    seen: set[uuid.UUID],
) -> None:
    if record_id in seen:
        return
    seen.add(record_id)
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        return
    mark_deleted(record)
    done.records.append((model, record_id))
    for other, column in _references(_table(model)):
        if not issubclass(other, Synced):
            continue
        for child_id in session.scalars(_live_referrers(other, column, record_id)).all():
            _tombstone(session, other, child_id, done, seen)


def delete(
    store: Store, model: type[Synced], record_id: uuid.UUID, *, with_dependents: bool = False
) -> Deletion:
    """Tombstone one record (and, when allowed, what depends on it) in one transaction."""
    done = Deletion()
    with store.session() as session:
        record = session.get(model, record_id)
        if record is None:
            raise LookupError(_("The record no longer exists."))
        if not with_dependents:
            found = dependents(session, model, record_id)
            if found:
                raise DependentsExist(found)
        _tombstone(session, model, record_id, done, set())
    return done


def restore(store: Store, deletion: Deletion) -> None:
    """Lift the tombstones ``deletion`` left, in one transaction (the undo of a delete)."""
    with store.session() as session:
        for model, record_id in deletion.records:
            record = session.get(model, record_id)
            if record is not None:
                record.deleted_at = None
