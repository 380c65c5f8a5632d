"""Open conflicts (a record edited on two laptops from the same version) and resolving them.

A conflict is one record with two or more competing versions (heads). The main table
holds a provisional winner (the head with the greatest ``(updated_at, version_id)``, a
head saved in the future ranking last);
:func:`resolve_conflict` writes the version a person chose or edited as a new version that
descends from every head, so any database that later merges it sees the conflict settled.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from planner_desktop.domain.base import utcnow
from planner_desktop.exchange.records import RecordError, Row, encode, plain_row, table_specs
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import (
    LOCAL_BATCH,
    merge_conflict,
    next_part,
    version_edge,
    write_origins,
)

FIXED_FIELDS = frozenset(
    {"id", "device_id", "facilitator", "created_at", "updated_at", "version_id", "base_version_id"}
)
"""Fields a resolution cannot choose: identity and provenance."""


class ConflictError(Exception):
    """The resolution was refused; the message is one line for a person."""


@dataclass(frozen=True)
class ConflictVersion:
    conflict_row: int
    version_id: uuid.UUID
    device_id: uuid.UUID
    updated_at: datetime
    values: dict[str, Any]
    """The record's fields as plain JSON values (strings for ids, times and amounts)."""
    provisional: bool


@dataclass(frozen=True)
class Conflict:
    id: uuid.UUID
    """The record's id: pass it to :func:`resolve_conflict`."""
    table: str
    versions: list[ConflictVersion]

    def differing_fields(self) -> list[str]:
        names = sorted(self.versions[0].values)
        return [n for n in names if len({json.dumps(v.values.get(n)) for v in self.versions}) > 1]


def list_conflicts(store: Store) -> list[Conflict]:
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(merge_conflict)
            .where(merge_conflict.c.resolved_at.is_(None))
            .order_by(merge_conflict.c.table_name, merge_conflict.c.record_id, merge_conflict.c.id)
        ).all()
        grouped: dict[uuid.UUID, list[Any]] = {}
        for row in rows:
            grouped.setdefault(row.record_id, []).append(row)
        conflicts = []
        for record_id, group in grouped.items():
            table = table_specs()[group[0].table_name].table
            current = conn.scalar(select(table.c.version_id).where(table.c.id == record_id))
            versions = [
                ConflictVersion(
                    conflict_row=row.id,
                    version_id=row.version_id,
                    device_id=row.device_id,
                    updated_at=row.updated_at,
                    values=json.loads(row.payload),
                    provisional=row.version_id == current,
                )
                for row in group
            ]
            conflicts.append(Conflict(record_id, group[0].table_name, versions))
    return conflicts


def resolve_conflict(
    store: Store, conflict_id: uuid.UUID, chosen_values: dict[str, Any]
) -> uuid.UUID:
    """Settle a conflict with ``chosen_values`` (field → plain value; fields left out keep
    the provisional winner's value). Returns the new version id."""
    fixed = sorted(FIXED_FIELDS & set(chosen_values))
    if fixed:
        raise ConflictError(
            _("these fields cannot be chosen: {fields}").format(fields=", ".join(fixed))
        )
    with store.engine.begin() as conn:
        rows = conn.execute(
            select(merge_conflict).where(
                merge_conflict.c.record_id == conflict_id, merge_conflict.c.resolved_at.is_(None)
            )
        ).all()
        if len(rows) < 2:
            raise ConflictError(_("there is no open conflict for this record"))
        spec = table_specs()[rows[0].table_name]
        table = spec.table
        current = conn.execute(select(table).where(table.c.id == conflict_id)).one()
        merged: Row = plain_row(dict(current._mapping))
        unknown = sorted(set(chosen_values) - set(merged))
        if unknown:
            raise ConflictError(_("unknown fields: {fields}").format(fields=", ".join(unknown)))
        version = uuid.uuid4()
        now = utcnow()
        merged.update(chosen_values)
        merged.update(
            {"version_id": str(version), "base_version_id": str(current.version_id)},
            updated_at=now.isoformat(),
        )
        try:
            row = spec.validate_line(encode(merged))
        except RecordError as exc:
            raise ConflictError(str(exc)) from None
        conn.execute(
            update(table)
            .where(table.c.id == conflict_id)
            .values({k: v for k, v in row.items() if k != "id"})
        )
        conn.execute(
            insert(version_edge),
            [
                {"record_id": conflict_id, "version_id": version, "parent_id": r.version_id}
                for r in rows
            ],
        )
        write_origins(
            conn,
            LOCAL_BATCH,
            {("resolved", store.provenance.device_id): conflict_id.bytes + version.bytes},
            next_part(conn, LOCAL_BATCH),
        )
        conn.execute(
            update(merge_conflict)
            .where(merge_conflict.c.id.in_([r.id for r in rows]))
            .values(resolved_at=now, resolved_version_id=version)
        )
    return version
