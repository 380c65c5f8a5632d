"""Undoing one import batch: the database returns to what it was without that file.

Rows the batch added are removed, unless another live import (or this computer) also
carried the same version; rows it replaced get their previous values back, and the
conflict versions it opened or settled return to how they were. Undo is refused, changing
nothing, when a later import or a local edit changed the same records (undo that first),
or when other records now refer to a record the batch added.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, delete, exists, or_, select, update
from sqlalchemy.exc import IntegrityError

from planner_desktop.domain.base import utcnow
from planner_desktop.exchange.records import dependency_order, table_specs
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import (
    LOCAL_BATCH,
    batch_change,
    import_batch,
    merge_conflict,
    record_origin,
)


class UndoError(Exception):
    """The batch cannot be undone; the message is one line for a person."""


@dataclass(frozen=True)
class UndoReport:
    batch_id: int
    removed: int
    restored: int


def undo_batch(store: Store, batch_id: int) -> UndoReport:
    with store.engine.begin() as conn:
        batch = conn.execute(select(import_batch).where(import_batch.c.id == batch_id)).first()
        if batch is None:
            raise UndoError(_("there is no import {batch}").format(batch=batch_id))
        if batch.undone_at is not None:
            raise UndoError(_("import {batch} was already undone").format(batch=batch_id))
        _refuse_if_overtaken(conn, batch_id)
        restored = _restore_changed(conn, batch_id)
        try:
            removed = _remove_added(conn, batch_id)
        except IntegrityError:
            raise UndoError(
                _(
                    "other imports or edits refer to records that import {batch} added: "
                    "undo those first"
                ).format(batch=batch_id)
            ) from None
        conn.execute(delete(record_origin).where(record_origin.c.batch_id == batch_id))
        conn.execute(delete(batch_change).where(batch_change.c.batch_id == batch_id))
        conn.execute(
            update(import_batch).where(import_batch.c.id == batch_id).values(undone_at=utcnow())
        )
    return UndoReport(batch_id, removed, restored)


def _live_other(batch_id: int) -> Any:
    return or_(
        record_origin.c.batch_id == LOCAL_BATCH,
        record_origin.c.batch_id.in_(
            select(import_batch.c.id).where(
                import_batch.c.undone_at.is_(None), import_batch.c.id != batch_id
            )
        ),
    )


def _refuse_if_overtaken(conn: Connection, batch_id: int) -> None:
    mine = select(record_origin.c.record_id).where(
        record_origin.c.batch_id == batch_id,
        record_origin.c.change.in_(("added", "updated", "conflict")),
    )
    later = conn.scalar(
        select(record_origin.c.batch_id)
        .where(record_origin.c.record_id.in_(mine))
        .where(record_origin.c.batch_id > batch_id)
        .where(record_origin.c.change.in_(("updated", "conflict")))
        .where(_live_other(batch_id))
        .limit(1)
    )
    if later is not None:
        raise UndoError(
            _("import {later} changed records of import {batch} later: undo it first").format(
                later=later, batch=batch_id
            )
        )


def _changed_since(batch_id: int) -> UndoError:
    return UndoError(
        _("records of import {batch} were edited since: undo is no longer possible").format(
            batch=batch_id
        )
    )


def _restore_changed(conn: Connection, batch_id: int) -> int:
    specs = table_specs()
    rows = conn.execute(select(batch_change).where(batch_change.c.batch_id == batch_id)).all()
    for change in rows:
        spec = specs[change.table_name]
        table = spec.table
        previous = json.loads(change.previous)
        current = conn.scalar(select(table.c.version_id).where(table.c.id == change.record_id))
        if current is None or str(current) != previous["after"]:
            raise _changed_since(batch_id)
        row = spec.validate_line(json.dumps(previous["row"]))
        conn.execute(
            update(table)
            .where(table.c.id == change.record_id)
            .values({k: v for k, v in row.items() if k != "id"})
        )
        conn.execute(
            delete(merge_conflict).where(
                merge_conflict.c.record_id == change.record_id,
                merge_conflict.c.batch_id == batch_id,
            )
        )
        if previous["open"]:
            conn.execute(
                update(merge_conflict)
                .where(merge_conflict.c.id.in_(previous["open"]))
                .values(resolved_at=None, resolved_version_id=None)
            )
    return len(rows)


def _hand_over(conn: Connection, batch_id: int, kept: Any) -> None:
    """Rows the batch added that other imports also carried stay; the earliest of those
    imports becomes the one that added them (so undoing it later removes them)."""
    others = conn.execute(
        select(record_origin.c.record_id, record_origin.c.version_id, record_origin.c.batch_id)
        .where(record_origin.c.record_id.in_(kept))
        .where(record_origin.c.batch_id != LOCAL_BATCH)
        .where(record_origin.c.change == "unchanged")
        .where(_live_other(batch_id))
        .order_by(record_origin.c.batch_id)
    ).all()
    first: dict[Any, tuple[Any, int]] = {}
    for record_id, version_id, other in others:
        first.setdefault(record_id, (version_id, other))
    for record_id, (version_id, other) in first.items():
        conn.execute(
            update(record_origin)
            .where(
                record_origin.c.record_id == record_id,
                record_origin.c.version_id == version_id,
                record_origin.c.batch_id == other,
            )
            .values(change="added")
        )


def _remove_added(conn: Connection, batch_id: int) -> int:
    specs = table_specs()
    removed = 0
    for name in reversed(dependency_order()):
        table = specs[name].table
        version = table.c.id if specs[name].appended else table.c.version_id
        added = select(record_origin.c.record_id).where(
            record_origin.c.batch_id == batch_id,
            record_origin.c.change == "added",
            record_origin.c.version_id == version,
        )
        also_carried = exists().where(
            and_(
                record_origin.c.record_id == table.c.id,
                record_origin.c.version_id == version,
                _live_other(batch_id),
            )
        )
        moved = conn.scalar(
            select(table.c.id)
            .join(
                record_origin,
                and_(
                    record_origin.c.record_id == table.c.id,
                    record_origin.c.batch_id == batch_id,
                    record_origin.c.change == "added",
                ),
            )
            .where(version != record_origin.c.version_id)
            .limit(1)
        )
        if moved is not None:
            raise _changed_since(batch_id)
        _hand_over(conn, batch_id, select(table.c.id).where(table.c.id.in_(added), also_carried))
        result = conn.execute(delete(table).where(table.c.id.in_(added), ~also_carried))
        removed += result.rowcount or 0
    return removed
