"""Local bookkeeping of session-file exchange: never exported, never dumped.

- ``version_edge``: which version of a record was edited from which (the ancestry that
  decides, independently of file order, whether an incoming version supersedes the stored
  one or conflicts with it). Filled by local edits (provenance stamping), by merges and by
  conflict resolutions (a resolution has one edge per version it settles).
- ``record_origin``: every (record, version) and the import batch that carried it, with
  the device; batch 0 means "edited on this computer". ``change`` says what the batch did
  with it (added, updated, conflict, unchanged, history).
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

from sqlalchemy import Column, DateTime, Integer, String, Table, Text, UniqueConstraint, Uuid

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

record_origin = Table(
    "record_origin",
    Base.metadata,
    Column("record_id", Uuid(), nullable=False),
    Column("version_id", Uuid(), nullable=False),
    Column("batch_id", Integer, nullable=False),
    Column("device_id", Uuid(), nullable=False),
    Column("change", String(10), nullable=False),
    UniqueConstraint("batch_id", "record_id", "version_id"),
    info=_local,
)
"""Keyed by batch first: a merge appends its rows at the end of the key instead of at one
random place per record (record ids are random), which is most of what a merge writes.
Looking a record up (its sources, undo) reads the table through; see migration 0005."""

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
        record_origin,
        import_batch,
        batch_change,
        merge_conflict,
        trusted_key,
        held_file,
        export_watermark,
    )
)
