"""Undoing one import batch: the database returns to what it was without that file.

Rows the batch added are removed, unless another live import (or this computer) also
carried the same version; rows it replaced get their previous values back, and the
conflict versions it opened or settled return to how they were. Undo is refused, changing
nothing, when a later import or a local edit changed the same records (undo that first),
or when other records now refer to a record the batch added.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.exc import IntegrityError

from planner_desktop.domain.base import utcnow
from planner_desktop.exchange.records import dependency_order, table_specs
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import (
    LOCAL_BATCH,
    Origin,
    batch_change,
    batch_origins,
    import_batch,
    merge_conflict,
    origin_pack,
    origins_of_records,
    rewrite_batch,
)


class UndoError(Exception):
    """The batch cannot be undone; the message is one line for a person."""


@dataclass(frozen=True)
class UndoReport:
    batch_id: int
    removed: int
    restored: int
    removed_by_table: dict[str, int] = field(default_factory=dict)
    """How many records of each table were (or would be) removed, tables with none left out."""


def undo_batch(store: Store, batch_id: int) -> UndoReport:
    with store.engine.begin() as conn:
        return _undo(conn, batch_id)


def preview_undo(store: Store, batch_id: int) -> UndoReport:
    """What :func:`undo_batch` would remove and restore, worked out and rolled back (for a
    person to confirm); raises :class:`UndoError` as the undo itself would. It takes the
    database's write lock while it runs: run it where writes run."""
    with store.engine.connect() as conn:
        transaction = conn.begin()
        try:
            return _undo(conn, batch_id)
        finally:
            transaction.rollback()


def _undo(conn: Connection, batch_id: int) -> UndoReport:
    batch = conn.execute(select(import_batch).where(import_batch.c.id == batch_id)).first()
    if batch is None:
        raise UndoError(_("there is no import {batch}").format(batch=batch_id))
    if batch.undone_at is not None:
        raise UndoError(_("import {batch} was already undone").format(batch=batch_id))
    ledger = _Ledger.read(conn, batch_id)
    ledger.refuse_if_overtaken()
    restored = _restore_changed(conn, batch_id)
    try:
        removed = _remove_added(conn, ledger)
    except IntegrityError:
        raise UndoError(
            _(
                "other imports or edits refer to records that import {batch} added: "
                "undo those first"
            ).format(batch=batch_id)
        ) from None
    conn.execute(delete(origin_pack).where(origin_pack.c.batch_id == batch_id))
    conn.execute(delete(batch_change).where(batch_change.c.batch_id == batch_id))
    conn.execute(
        update(import_batch).where(import_batch.c.id == batch_id).values(undone_at=utcnow())
    )
    return UndoReport(batch_id, sum(removed.values()), restored, removed)


@dataclass(frozen=True)
class _Ledger:
    """The batch's origins, and every other live origin of the same records (this
    computer's edits and imports not undone). The packs are read through once: the
    batch's by its key, the others' in one pass."""

    batch_id: int
    mine: list[Origin]
    others: dict[Any, list[Origin]]

    @classmethod
    def read(cls, conn: Connection, batch_id: int) -> _Ledger:
        mine = batch_origins(conn, batch_id)
        live = set(
            conn.scalars(select(import_batch.c.id).where(import_batch.c.undone_at.is_(None)))
        )
        live = (live - {batch_id}) | {LOCAL_BATCH}
        others: dict[Any, list[Origin]] = {}
        records = {origin.record_id for origin in mine}
        for origin in origins_of_records(conn, records, except_batch=batch_id):
            if origin.batch_id in live:
                others.setdefault(origin.record_id, []).append(origin)
        return cls(batch_id, mine, others)

    def refuse_if_overtaken(self) -> None:
        """A later live import that updated or conflicted with this batch's records must be
        undone first."""
        touched = {o.record_id for o in self.mine if o.change in ("added", "updated", "conflict")}
        later = min(
            (
                other.batch_id
                for record_id in touched
                for other in self.others.get(record_id, ())
                if other.batch_id > self.batch_id and other.change in ("updated", "conflict")
            ),
            default=None,
        )
        if later is not None:
            raise UndoError(
                _("import {later} changed records of import {batch} later: undo it first").format(
                    later=later, batch=self.batch_id
                )
            )

    def carriers(self, record_id: Any, version: Any) -> list[Origin]:
        """Other live origins of this version of the record, earliest batch first."""
        return [o for o in self.others.get(record_id, ()) if o.version_id == version]


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


CHUNK = 500
"""Most ids in one ``IN (…)`` list."""


def _chunks(ids: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _hand_over(conn: Connection, handed: dict[int, set[tuple[Any, Any]]]) -> None:
    """A row the batch added that other imports also carried stays; the earliest of those
    imports becomes the one that added it (so undoing that one later removes it).
    ``handed``: batch → the (record, version) pairs it now added."""
    for batch_id, pairs in sorted(handed.items()):
        origins = [
            o._replace(change="added") if (o.record_id, o.version_id) in pairs else o
            for o in batch_origins(conn, batch_id)
        ]
        rewrite_batch(conn, batch_id, origins)


def _heir(carriers: list[Origin]) -> Origin | None:
    """The earliest other import that carried the version unchanged, if any."""
    imported = [o for o in carriers if o.batch_id != LOCAL_BATCH and o.change == "unchanged"]
    return imported[0] if imported else None


def _remove_added(conn: Connection, ledger: _Ledger) -> dict[str, int]:
    """Remove the rows the batch added, children before parents; rows another live
    import (or this computer) also carried stay. Refused if one was edited since."""
    specs = table_specs()
    added = {o.record_id: o.version_id for o in ledger.mine if o.change == "added"}
    ids = list(added)
    removed: dict[str, int] = {}
    handed: dict[int, set[tuple[Any, Any]]] = {}
    for name in reversed(dependency_order()):
        table = specs[name].table
        version = table.c.id if specs[name].appended else table.c.version_id
        present: dict[Any, Any] = {}
        for chunk in _chunks(ids):
            rows = conn.execute(select(table.c.id, version).where(table.c.id.in_(chunk)))
            present.update((record_id, stored) for record_id, stored in rows)
        doomed = []
        for record_id, stored in present.items():
            if stored != added[record_id]:
                raise _changed_since(ledger.batch_id)
            carriers = ledger.carriers(record_id, stored)
            if carriers:
                heir = _heir(carriers)
                if heir is not None:
                    handed.setdefault(heir.batch_id, set()).add((record_id, stored))
            else:
                doomed.append(record_id)
        for chunk in _chunks(doomed):
            result = conn.execute(delete(table).where(table.c.id.in_(chunk)))
            if result.rowcount:
                removed[name] = removed.get(name, 0) + result.rowcount
    _hand_over(conn, handed)
    return removed
