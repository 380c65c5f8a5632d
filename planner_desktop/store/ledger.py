"""Local bookkeeping of session-file exchange: never exported, never dumped.

- ``version_edge``: which version of a record was edited from which (the ancestry that
  decides, independently of file order, whether an incoming version supersedes the stored
  one or conflicts with it). Filled by local edits (provenance stamping), by merges and by
  conflict resolutions (a resolution has one edge per version it settles).
- ``origin_pack``: every (record, version) and the import batch that carried it, with
  the device; batch 0 means "edited on this computer". ``change`` says what the batch did
  with it (added, updated, conflict, unchanged, resolved). Packed: one row holds up to
  :data:`PACK` (record id, version id) pairs of one batch and change, 32 bytes each (see
  :func:`pack`), so a merge writes a few rows per file instead of one per record.
- ``import_batch``: the import log, one row per merged file, with its counts.
- ``batch_change``: the row values (and open conflict versions) a batch replaced, so the
  batch can be undone.
- ``merge_conflict``: the competing versions of a record edited on two laptops, kept until
  a person resolves them.
- ``trusted_key`` / ``held_file``: the laptop keys this database accepts, and the files
  waiting for a person to decide about an unknown key.
- ``export_watermark``: when this laptop last exported "everything new".
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from sqlalchemy import (
    Column,
    Connection,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    Uuid,
    func,
    select,
)

from planner_desktop.domain.base import Base

LOCAL_BATCH = 0
"""The batch id of versions made on this computer (not imported)."""

_local = {"local": True}

version_edge = Table(
    "version_edge",
    Base.metadata,
    Column("record_id", Uuid(), primary_key=True),
    Column("version_id", Uuid(), primary_key=True),
    Column("parent_id", Uuid(), primary_key=True),
    info=_local,
)

origin_pack = Table(
    "origin_pack",
    Base.metadata,
    Column("batch_id", Integer, primary_key=True, autoincrement=False),
    Column("part", Integer, primary_key=True, autoincrement=False),
    Column("change", String(10), nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("pairs", LargeBinary, nullable=False),
    info=_local,
)
"""Keyed by batch and part: a merge appends a few rows at the end of the key. Looking a
record up (its sources, undo) reads the packs through (see migration 0008)."""

import_batch = Table(
    "import_batch",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("file_name", String(255), nullable=False),
    Column("manifest_sha256", String(64), nullable=False, index=True),
    Column("session_id", Uuid(), nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("key_fingerprint", String(64), nullable=False),
    Column("format_version", Integer, nullable=False),
    Column("merged_at", DateTime(), nullable=False),
    Column("added", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("conflicts", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
    Column("undone_at", DateTime(), nullable=True),
    info=_local,
)

batch_change = Table(
    "batch_change",
    Base.metadata,
    Column("batch_id", Integer, primary_key=True, autoincrement=False),
    Column("record_id", Uuid(), primary_key=True),
    Column("table_name", String(60), nullable=False),
    Column("previous", Text, nullable=False),
    info=_local,
)

merge_conflict = Table(
    "merge_conflict",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("table_name", String(60), nullable=False),
    Column("record_id", Uuid(), nullable=False, index=True),
    Column("version_id", Uuid(), nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("updated_at", DateTime(), nullable=False),
    Column("payload", Text, nullable=False),
    Column("batch_id", Integer, nullable=False),
    Column("resolved_at", DateTime(), nullable=True),
    Column("resolved_version_id", Uuid(), nullable=True),
    info=_local,
)

trusted_key = Table(
    "trusted_key",
    Base.metadata,
    Column("fingerprint", String(64), primary_key=True),
    Column("public_key", String(64), nullable=False),
    Column("device_id", Uuid(), nullable=False, index=True),
    Column("facilitator", String(200), nullable=False, default=""),
    Column("trusted_at", DateTime(), nullable=False),
    info=_local,
)

held_file = Table(
    "held_file",
    Base.metadata,
    Column("id", Integer, primary_key=True),
    Column("path", Text, nullable=False),
    Column("fingerprint", String(64), nullable=False, index=True),
    Column("device_id", Uuid(), nullable=False),
    Column("session_id", Uuid(), nullable=False),
    Column("facilitator", String(200), nullable=False, default=""),
    Column("held_at", DateTime(), nullable=False),
    info=_local,
)

export_watermark = Table(
    "export_watermark",
    Base.metadata,
    Column("scope", String(60), primary_key=True),
    Column("exported_at", DateTime(), nullable=False),
    info=_local,
)

LEDGER_TABLES = frozenset(
    t.name
    for t in (
        version_edge,
        origin_pack,
        import_batch,
        batch_change,
        merge_conflict,
        trusted_key,
        held_file,
        export_watermark,
    )
)


PACK = 4096
"""Most (record, version) pairs in one ``origin_pack`` row (128 KiB of pairs)."""

PAIR = 32
"""Bytes of one packed pair: the record id's 16 bytes, then the version id's."""


def pack(pairs: Iterable[tuple[uuid.UUID, uuid.UUID]]) -> bytes:
    """(record id, version id) pairs as :data:`PAIR` bytes each, in the order given."""
    return b"".join(record.bytes + version.bytes for record, version in pairs)


def unpack(blob: bytes) -> Iterator[tuple[uuid.UUID, uuid.UUID]]:
    for start in range(0, len(blob), PAIR):
        yield (
            uuid.UUID(bytes=blob[start : start + 16]),
            uuid.UUID(bytes=blob[start + 16 : start + 32]),
        )


def versions_in(blob: bytes, record_id: uuid.UUID) -> list[uuid.UUID]:
    """The versions of ``record_id`` packed in ``blob`` (a pair starts every 32 bytes)."""
    wanted = record_id.bytes
    found = []
    start = blob.find(wanted)
    while start >= 0:
        if start % PAIR == 0:
            found.append(uuid.UUID(bytes=blob[start + 16 : start + 32]))
        start = blob.find(wanted, start + 1)
    return found


class Origin(NamedTuple):
    """One (record, version) a batch carried, and what the batch did with it."""

    record_id: uuid.UUID
    version_id: uuid.UUID
    batch_id: int
    device_id: uuid.UUID
    change: str


def write_origins(
    conn: Connection,
    batch_id: int,
    packed: Mapping[tuple[str, uuid.UUID], bytearray | bytes],
    first_part: int = 0,
) -> int:
    """Write a batch's pairs, packed by (change, device) as :func:`pack` makes them, in
    rows of at most :data:`PACK` pairs numbered from ``first_part``; returns the next part."""
    rows: list[dict[str, Any]] = []
    part = first_part
    size = PACK * PAIR
    for (change, device_id), pairs in sorted(packed.items(), key=lambda item: str(item[0])):
        blob = bytes(pairs)
        for start in range(0, len(blob), size):
            rows.append(
                {
                    "batch_id": batch_id,
                    "part": part,
                    "change": change,
                    "device_id": device_id,
                    "pairs": blob[start : start + size],
                }
            )
            part += 1
    if rows:
        conn.execute(origin_pack.insert(), rows)
    return part


def rewrite_batch(conn: Connection, batch_id: int, origins: Iterable[Origin]) -> None:
    """Replace every pair of ``batch_id`` by ``origins`` (after an undo handed pairs over)."""
    packed: dict[tuple[str, uuid.UUID], bytearray] = {}
    for origin in origins:
        pairs = packed.setdefault((origin.change, origin.device_id), bytearray())
        pairs += origin.record_id.bytes + origin.version_id.bytes
    conn.execute(origin_pack.delete().where(origin_pack.c.batch_id == batch_id))
    write_origins(conn, batch_id, packed)


def next_part(conn: Connection, batch_id: int) -> int:
    """The first part number not used yet by ``batch_id`` (batch 0 grows one row a time)."""
    last = conn.scalar(
        select(func.max(origin_pack.c.part)).where(origin_pack.c.batch_id == batch_id)
    )
    return 0 if last is None else int(last) + 1


def batch_origins(conn: Connection, batch_id: int) -> list[Origin]:
    """Every pair ``batch_id`` carried, in the order it wrote them."""
    rows = conn.execute(
        select(origin_pack).where(origin_pack.c.batch_id == batch_id).order_by(origin_pack.c.part)
    )
    return [
        Origin(record, version, row.batch_id, row.device_id, row.change)
        for row in rows
        for record, version in unpack(bytes(row.pairs))
    ]


def record_origins(conn: Connection, record_id: uuid.UUID) -> list[Origin]:
    """Every batch that carried a version of ``record_id``, earliest batch first (the packs
    are read through: once per record shown, not per row of a list)."""
    rows = conn.execute(select(origin_pack).order_by(origin_pack.c.batch_id, origin_pack.c.part))
    return [
        Origin(record_id, version, row.batch_id, row.device_id, row.change)
        for row in rows
        for version in versions_in(bytes(row.pairs), record_id)
    ]


def origins_of_records(
    conn: Connection, record_ids: set[uuid.UUID], *, except_batch: int
) -> list[Origin]:
    """Every pair of another batch than ``except_batch`` whose record is one of
    ``record_ids``, earliest batch first (the packs read through once)."""
    wanted = {record.bytes for record in record_ids}
    rows = conn.execute(
        select(origin_pack)
        .where(origin_pack.c.batch_id != except_batch)
        .order_by(origin_pack.c.batch_id, origin_pack.c.part)
    )
    found = []
    for row in rows:
        blob = bytes(row.pairs)
        for start in range(0, len(blob), PAIR):
            record = blob[start : start + 16]
            if record in wanted:
                found.append(
                    Origin(
                        uuid.UUID(bytes=record),
                        uuid.UUID(bytes=blob[start + 16 : start + PAIR]),
                        row.batch_id,
                        row.device_id,
                        row.change,
                    )
                )
    return found
