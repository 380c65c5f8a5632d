"""Applying the records of one verified file inside the merge transaction.

Records are read as a stream and handled in batches of :data:`BATCH`: one query fetches
the stored rows of a batch, new rows go in with one ``executemany`` insert, replaced rows
with one ``executemany`` update, and every (record, version) the file carried is noted in
``record_origin`` with what happened to it. Only a record whose stored version differs
takes the slow path through :mod:`~planner_desktop.exchange.ancestry`.

Append-only events (votes, scores, pairwise choices, attendance) are inserted once by id
and never conflict; an event whose id is already stored with other contents is rejected
(counted, the stored one kept).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from planner_desktop.domain.base import utcnow
from planner_desktop.exchange import ancestry
from planner_desktop.exchange.bulk import insert_rows, stored_versions
from planner_desktop.exchange.records import Row, TableSpec, encode, plain_row, table_specs
from planner_desktop.store.ledger import batch_change, merge_conflict, record_origin, version_edge

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
    _origins: list[dict[str, Any]] = field(default_factory=list)

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
            if len(self._origins) >= BATCH:
                self.flush_origins()

    def _stored_versions(self, spec: TableSpec, batch: list[Row]) -> dict[uuid.UUID, Any]:
        """Stored version of each record of the batch that exists (its id, for events)."""
        return stored_versions(self.conn, spec.table, spec.appended, [r["id"] for r in batch])

    def _stored_rows(self, spec: TableSpec, ids: list[uuid.UUID]) -> dict[uuid.UUID, Row]:
        table = spec.table
        rows = self.conn.execute(select(table).where(table.c.id.in_(ids)))
        return {row.id: dict(row._mapping) for row in rows}

    def _origin(self, record: Row, version: uuid.UUID, change: str) -> None:
        self._origins.append(
            {
                "record_id": record["id"],
                "version_id": version,
                "batch_id": self.batch_id,
                "device_id": self.device_id,
                "change": change,
            }
        )

    def flush_origins(self) -> None:
        """Write the pending ``record_origin`` rows (call once more after the last table)."""
        if self._origins:
            insert_rows(self.conn, record_origin, self._origins)
            self._origins = []

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
