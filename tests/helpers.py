"""Shared helpers for the core tests (no Qt)."""

from __future__ import annotations

import hashlib
import io
import uuid
from pathlib import Path

from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.dump import write_dump
from planner_desktop.store.database import Store, open_store

TEST_DEVICE = uuid.UUID("00000000-0000-4000-8000-000000000001")


def new_store(
    target: str | Path, facilitator: str = "Facilitadora de prueba", *, upgrade: bool = False
) -> Store:
    """A store on ``target`` (an SQLite file or a database URL), as the test device.

    ``upgrade``: an older server database is migrated, as when a person confirmed it
    (SQLite files are migrated when opened anyway)."""
    return open_store(target, Provenance(TEST_DEVICE, facilitator), upgrade_server=upgrade)


def as_uuid(value: object) -> uuid.UUID:
    """An id read with raw SQL: SQLite gives 32 hex digits, PostgreSQL a UUID (its own
    column type)."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def location(store: Store) -> str:
    """Where ``store``'s database is, as ``--db`` takes it: its file, or its whole URL."""
    if store.path is not None:
        return str(store.path)
    return store.engine.url.render_as_string(hide_password=False)


def dump_text(store: Store) -> str:
    out = io.StringIO()
    with store.engine.connect() as conn:
        write_dump(conn, out)
    return out.getvalue()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
