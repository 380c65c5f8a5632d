"""The session-file API for the window and for scripts (no Qt anywhere below).

- :func:`verify_file` ``(path, trust) -> VerifiedSession`` or raises
  :class:`SessionFileError` (one line; :class:`KeyNotTrusted` when only the key is unknown)
- :func:`plan_merge` ``(store, path)`` → what the file would add or change (rolled back)
- :func:`merge_files` ``(store, paths, *, trust=None, progress=None, cancelled=None)``
  → one :class:`MergeReport` per file; run it in the background job helper, it makes no UI
  call; ``progress(done, total, path)`` after each file, ``cancelled()`` polled per batch
- :func:`import_log`, :func:`undo_batch` and :func:`preview_undo` (both raise
  :class:`UndoError`)
- :func:`list_conflicts`, :func:`resolve_conflict` (raises :class:`ConflictError`)
- :func:`held_files` and :func:`load_policy`: to trust a held file's key after a person
  agreed, merge it again with ``TrustPolicy(trust_new=True)`` (or list its fingerprint),
  or trust it at once with :func:`trust_key` ``(store, manifest)`` (raises
  :class:`TrustError` for a key already trusted for another laptop)
- :func:`export_session` with a :class:`Scope`
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from planner_desktop.exchange import trust
from planner_desktop.exchange.conflicts import (
    Conflict,
    ConflictError,
    ConflictVersion,
    list_conflicts,
    resolve_conflict,
)
from planner_desktop.exchange.errors import KeyNotTrusted, SessionFileError
from planner_desktop.exchange.export import ExportReport, export_session
from planner_desktop.exchange.manifest import Manifest, Scope
from planner_desktop.exchange.merge import MergeReport, merge_files, plan_merge, summary, total
from planner_desktop.exchange.trust import (
    HeldFile,
    TrustError,
    TrustPolicy,
    held_files,
    load_policy,
)
from planner_desktop.exchange.undo import UndoError, UndoReport, preview_undo, undo_batch
from planner_desktop.exchange.verify import VerifiedSession, verify_file
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import import_batch

__all__ = [
    "Conflict",
    "ConflictError",
    "ConflictVersion",
    "ExportReport",
    "HeldFile",
    "ImportBatch",
    "KeyNotTrusted",
    "MergeReport",
    "Scope",
    "SessionFileError",
    "TrustError",
    "TrustPolicy",
    "UndoError",
    "UndoReport",
    "VerifiedSession",
    "export_session",
    "held_files",
    "import_log",
    "list_conflicts",
    "load_policy",
    "merge_files",
    "plan_merge",
    "preview_undo",
    "resolve_conflict",
    "summary",
    "total",
    "trust_key",
    "undo_batch",
    "verify_file",
]


@dataclass(frozen=True)
class ImportBatch:
    """One line of the import log."""

    id: int
    file_name: str
    session_id: uuid.UUID
    device_id: uuid.UUID
    key_fingerprint: str
    merged_at: datetime
    added: int
    updated: int
    unchanged: int
    conflicts: int
    rejected: int
    undone_at: datetime | None


def import_log(store: Store) -> list[ImportBatch]:
    """Every merged file, newest first."""
    fields = [c for c in ImportBatch.__dataclass_fields__]
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(*(import_batch.c[f] for f in fields)).order_by(import_batch.c.id.desc())
        )
        return [ImportBatch(**row._asdict()) for row in rows]


def trust_key(store: Store, manifest: Manifest) -> str:
    """Trust the key that signed ``manifest`` for its laptop from now on (a person agreed);
    returns its fingerprint. Files held for that key are no longer held: merge them again."""
    with store.engine.begin() as conn:
        return trust.trust_key(conn, manifest)
