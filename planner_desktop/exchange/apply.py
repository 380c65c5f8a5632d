"""Applying the records of one verified file inside the merge transaction.

Records are read as a stream and handled in batches of :data:`BATCH`: one query fetches
the stored rows of a batch, new rows go in with one ``executemany`` insert, replaced rows
with one ``executemany`` update, and every (record, version) the file carried is noted with
what happened to it, packed 32 bytes a pair and written in a few ``origin_pack`` rows (see
:mod:`~planner_desktop.store.ledger`). Only a record whose stored version differs takes
the slow path through :mod:`~planner_desktop.exchange.ancestry`.

Append-only events (votes, scores, pairwise choices, attendance) are inserted once by id
and never conflict; an event whose id is already stored with other contents is rejected
(counted, the stored one kept).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from planner_desktop.domain.base import utcnow
from planner_desktop.exchange import ancestry
from planner_desktop.exchange.bulk import insert_rows, stored_versions
from planner_desktop.exchange.records import Row, TableSpec, encode, plain_row, table_specs
from planner_desktop.exchange.references import Lookup, ReferenceCheck, database_lookup
from planner_desktop.store.ledger import (
    PACK,
    PAIR,
    batch_change,
    merge_conflict,
    version_edge,
    write_origins,
)

BATCH = 1000


class Cancelled(Exception):
    """The person cancelled; the current file's transaction is rolled back."""


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class FileMerger:
    conn: Connection
    batch_id: int
    device_id: uuid.UUID
    counts: Counts = field(default_factory=Counts)
    cancelled: Callable[[], bool] | None = None
    _origins: dict[str, bytearray] = field(default_factory=dict)
    """Change → the (record, version) pairs it was made to, packed."""
    _next_part: int = 0

    def add_edges(self, edges: Iterator[Row]) -> None:
        for batch in _batches(edges):
            records = {e["record_id"] for e in batch}
            rows = self.conn.execute(
                select(version_edge.c.version_id, version_edge.c.parent_id).where(
                    version_edge.c.record_id.in_(records)
                )
            )
            known = {(version, parent) for version, parent in rows}
            new = [e for e in batch if (e["version_id"], e["parent_id"]) not in known]
            insert_rows(self.conn, version_edge, new)

    def merge_table(self, name: str, records: Iterator[Row]) -> None:
        spec = table_specs()[name]
        for batch in _batches(records):
            if self.cancelled is not None and self.cancelled():
                raise Cancelled
            if spec.appended:
                self._events(spec, batch)
            else:
                self._synced(spec, batch)

    def _stored_versions(self, spec: TableSpec, batch: list[Row]) -> dict[uuid.UUID, Any]:
        """Stored version of each record of the batch that exists (its id, for events)."""
        return stored_versions(self.conn, spec.table, spec.appended, [r["id"] for r in batch])

    def _stored_rows(self, spec: TableSpec, ids: list[uuid.UUID]) -> dict[uuid.UUID, Row]:
        table = spec.table
        rows = self.conn.execute(select(table).where(table.c.id.in_(ids)))
        return {row.id: dict(row._mapping) for row in rows}

    def _origin(self, record: Row, version: uuid.UUID, change: str) -> None:
        pairs = self._origins.get(change)
        if pairs is None:
            pairs = self._origins[change] = bytearray()
        pairs += record["id"].bytes
        pairs += version.bytes
        if len(pairs) >= PACK * PAIR:  # a full row: written now, so memory stays bounded
            packed = {(change, self.device_id): pairs}
            self._next_part = write_origins(self.conn, self.batch_id, packed, self._next_part)
            del self._origins[change]

    def flush_origins(self) -> None:
        """Write the pairs noted so far (once, after the file's last table)."""
        if self._origins:
            packed = {(change, self.device_id): pairs for change, pairs in self._origins.items()}
            self._next_part = write_origins(self.conn, self.batch_id, packed, self._next_part)
            self._origins = {}

    def _events(self, spec: TableSpec, batch: list[Row]) -> None:
        known = self._stored_versions(spec, batch)
        stored = self._stored_rows(spec, list(known)) if known else {}
        new = []
        for record in batch:
            old = stored.get(record["id"])
            if old is None:
                new.append(record)
                self.counts.added += 1
                self._origin(record, record["id"], "added")
            elif encode(old) == encode(record):
                self.counts.unchanged += 1
                self._origin(record, record["id"], "unchanged")
            else:
                self.counts.rejected += 1
        insert_rows(self.conn, spec.table, new)

    def _synced(self, spec: TableSpec, batch: list[Row]) -> None:
        stored = self._stored_versions(spec, batch)
        new: list[Row] = []
        replaced: list[Row] = []
        for record in batch:
            version = stored.get(record["id"])
            if version is None:
                new.append(record)
                self.counts.added += 1
                self._origin(record, record["version_id"], "added")
            elif version == record["version_id"]:
                self.counts.unchanged += 1
                self._origin(record, record["version_id"], "unchanged")
            else:
                old = self._stored_rows(spec, [record["id"]])[record["id"]]
                winner = self._slow(spec, old, record)
                if winner is not None:
                    replaced.append(winner)
        insert_rows(self.conn, spec.table, new)
        if replaced:
            table = spec.table
            columns = [c for c in spec.columns if c != "id"]
            statement = update(table).where(table.c.id == bindparam("row_id"))
            params = [{"row_id": r["id"], **{c: r[c] for c in columns}} for r in replaced]
            self.conn.execute(statement, params)

    def _slow(self, spec: TableSpec, old: Row, record: Row) -> Row | None:
        """Decide one record whose stored version differs; the row to store, if any."""
        record_id = record["id"]
        open_rows = self.conn.execute(
            select(merge_conflict).where(
                merge_conflict.c.record_id == record_id, merge_conflict.c.resolved_at.is_(None)
            )
        ).all()
        payloads = {row.version_id: spec.validate_line(row.payload) for row in open_rows}
        payloads.setdefault(old["version_id"], old)
        links = [(v, p["base_version_id"]) for v, p in payloads.items()]
        links.append((record["version_id"], record["base_version_id"]))
        parents = ancestry.parents_of(self.conn, record_id, links)
        decision = ancestry.decide(parents, set(payloads), record["version_id"])
        if decision.outcome is ancestry.Outcome.OLDER:
            self.counts.unchanged += 1
            self._origin(record, record["version_id"], "unchanged")
            return None
        payloads[record["version_id"]] = record
        now = utcnow()
        winner = max((payloads[v] for v in decision.heads), key=lambda p: _precedence(p, now))
        self._remember_previous(spec, old, [row.id for row in open_rows], winner["version_id"])
        settled = [row.id for row in open_rows if row.version_id in decision.superseded]
        if decision.outcome is ancestry.Outcome.REPLACES:
            settled = [row.id for row in open_rows]
            self.counts.updated += 1
            self._origin(record, record["version_id"], "updated")
        else:
            self.counts.conflicts += 1
            self._origin(record, record["version_id"], "conflict")
            already = {row.version_id for row in open_rows}
            for version in sorted(decision.heads - already, key=str):
                self._open_conflict(spec, payloads[version])
        if settled:
            self.conn.execute(
                update(merge_conflict)
                .where(merge_conflict.c.id.in_(settled))
                .values(resolved_at=now, resolved_version_id=record["version_id"])
            )
        if winner["version_id"] == old["version_id"]:
            return None
        return winner

    def _open_conflict(self, spec: TableSpec, payload: Row) -> None:
        self.conn.execute(
            insert(merge_conflict).values(
                table_name=spec.name,
                record_id=payload["id"],
                version_id=payload["version_id"],
                device_id=payload["device_id"],
                updated_at=payload["updated_at"],
                payload=encode(payload),
                batch_id=self.batch_id,
            )
        )

    def _remember_previous(
        self, spec: TableSpec, old: Row, open_ids: list[int], after: uuid.UUID
    ) -> None:
        previous = {"row": plain_row(old), "open": open_ids, "after": str(after)}
        self.conn.execute(
            insert(batch_change).values(
                batch_id=self.batch_id,
                record_id=old["id"],
                table_name=spec.name,
                previous=json.dumps(previous, sort_keys=True, ensure_ascii=False),
            )
        )


DATABASE_ERRORS = (IntegrityError, OperationalError, DataError)
"""What the database may refuse while a file is written (told in its words, file refused)."""


@dataclass
class MergingCheck(ReferenceCheck):
    """The merge's one pass over a file's records: each record that
    :func:`~planner_desktop.exchange.verify.read_part` has read, validated and found new in
    its part is noted here (its references as :class:`ReferenceCheck` notes them) and handed
    to ``merger`` in batches, inside the merge's transaction, so no record is parsed twice.

    Verification keeps its own order of refusals: a part's hash, its first bad record and its
    count are found by ``read_part`` as the file is read, the references only at
    :meth:`finish`. So whatever the database says while a batch is written, or a reference
    found unmet, does not end the reading: the transaction is rolled back at once
    (``rollback``), ``merger`` is let go, and the rest of the file is only checked;
    :attr:`failure` keeps what the database said, for after the checks. A reference to no
    record read before is looked up just before the batch that holds it is written, so the
    database answers as it was before the file (plus the file's records before it, which the
    reference does not name); the answers are kept for :meth:`finish`.
    """

    merger: FileMerger | None = None
    rollback: Callable[[], None] | None = None
    failure: BaseException | None = None
    """The database's refusal met while writing, if any (the transaction is rolled back)."""
    database: Lookup | None = None
    """The database's own lookup (default: the merger's connection's)."""
    stopped: bool = False
    """True once the file can no longer be merged (a refusal, or a reference unmet)."""
    _looked: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    _found: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    _resolved: int = 0
    _table: str = ""
    _batch: list[Row] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.database is None and self.merger is not None:
            self.database = database_lookup(self.merger.conn)
        self.stopped = self.merger is None
        self.lookup = self._lookup

    def note(self, table: str, part: str, number: int, record: Mapping[str, Any]) -> None:
        super().note(table, part, number, record)
        if self.stopped:
            return
        if table != self._table:
            self.end_part()
            self._table = table
        self._batch.append(record if isinstance(record, dict) else dict(record))
        if len(self._batch) >= BATCH:
            self._write()

    def end_part(self) -> None:
        """Write what is left of the part just read (call once its reading has passed)."""
        if self._batch and not self.stopped:
            self._write()
        self._batch = []

    def edges(self, read: Callable[[], Iterator[Row]]) -> None:
        """Merge the ancestry edges (read again by ``read``: they are not noted)."""
        if self.stopped or self.merger is None:
            return
        try:
            self.merger.add_edges(read())
        except DATABASE_ERRORS as exc:
            self._stop(exc)

    def _write(self) -> None:
        batch, self._batch = self._batch, []
        assert self.merger is not None
        try:
            met = self._references_met()
            self.merger.merge_table(self._table, iter(batch))  # the database's own words too
        except DATABASE_ERRORS as exc:
            self._stop(exc)
            return
        if not met:
            self._stop(None)  # :meth:`finish` names the reference

    def _references_met(self) -> bool:
        """Whether the references noted since the last batch name records the database
        holds (those of records read before were met when noted)."""
        fresh = self.pending[self._resolved :]
        self._resolved = len(self.pending)
        if not fresh:
            return True
        held = self._in_database(fresh)
        return all(reference.value in held.get(reference.target, ()) for reference in fresh)

    def _stop(self, failure: BaseException | None) -> None:
        self.stopped = True
        self.failure = failure
        self.merger = None
        self._batch = []
        if self.rollback is not None:
            self.rollback()

    def _lookup(self, table: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """The database's answer, asked once per id: in the transaction while writing,
        in a short one of its own after a rollback (the database as before the file)."""
        looked = self._looked.setdefault(table, set())
        found = self._found.setdefault(table, set())
        fresh = [value for value in ids if value not in looked]
        if fresh:
            assert self.database is not None
            found.update(self.database(table, fresh))
            looked.update(fresh)
        return {value for value in ids if value in found}


def _precedence(payload: Row, now: datetime) -> tuple[bool, datetime, str]:
    """How versions in conflict rank for the provisional winner: the latest saved wins,
    except that a version saved after ``now`` (a laptop whose clock runs ahead, within the
    tolerance the rules allow) ranks below every version saved in the present, so a
    timestamp from the future never wins a conflict."""
    return (payload["updated_at"] <= now, payload["updated_at"], str(payload["version_id"]))


def _batches(records: Iterator[Row]) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for record in records:
        batch.append(record)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch
