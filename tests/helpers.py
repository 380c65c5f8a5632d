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


def new_store(path: Path, facilitator: str = "Facilitadora de prueba") -> Store:
    return open_store(path, Provenance(TEST_DEVICE, facilitator))


def dump_text(store: Store) -> str:
    out = io.StringIO()
    with store.engine.connect() as conn:
        write_dump(conn, out)
    return out.getvalue()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
