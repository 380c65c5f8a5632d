"""Stamping of identity and provenance on every local edit (DESIGN §4).

A session whose ``info["provenance"]`` holds a :class:`Provenance` stamps new records with
the device and facilitator, and gives every edited record a new version that remembers the
one it was edited from. Sessions without it (merges, bulk demo generation) set those fields
themselves.

Every local edit also records the edge "new version was edited from old version" in the
local ``version_edge`` table, so that a session file can carry the whole ancestry of a
record and a merge can tell "edited twice on one laptop" from "edited on two laptops".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert
from sqlalchemy.orm import Session, sessionmaker

from planner_desktop.domain.base import Appended, Synced, utcnow
from planner_desktop.store.ledger import version_edge

INFO_KEY = "provenance"


@dataclass(frozen=True)
class Provenance:
    device_id: uuid.UUID
    facilitator: str = ""


class AppendOnlyError(Exception):
    """An append-only event (vote, tally, attendance) was edited instead of retracted."""


def _stamp(session: Session, _context: Any, _instances: Any) -> None:
    provenance: Provenance | None = session.info.get(INFO_KEY)
    if provenance is None:
        return
    now = utcnow()
    edges: list[dict[str, uuid.UUID]] = []
    for obj in session.new:
        if isinstance(obj, Synced | Appended):
            if obj.device_id is None:
                obj.device_id = provenance.device_id
            if not obj.facilitator:
                obj.facilitator = provenance.facilitator
            obj.created_at = obj.created_at or now
        if isinstance(obj, Synced):
            obj.updated_at = obj.created_at
            obj.version_id = obj.version_id or uuid.uuid4()
    for obj in session.dirty:
        if not session.is_modified(obj, include_collections=False):
            continue
        if isinstance(obj, Appended):
            raise AppendOnlyError(f"{type(obj).__name__} is append-only: retract it instead")
        if isinstance(obj, Synced):
            obj.base_version_id = obj.version_id
            obj.version_id = uuid.uuid4()
            obj.updated_at = now
            edges.append(
                {
                    "record_id": obj.id,
                    "version_id": obj.version_id,
                    "parent_id": obj.base_version_id,
                }
            )
    for obj in session.deleted:
        if isinstance(obj, Synced | Appended):
            raise AppendOnlyError(
                f"{type(obj).__name__} cannot be deleted outright: mark it deleted instead"
            )
    if edges:
        session.connection().execute(insert(version_edge), edges)


def install(factory: sessionmaker[Session]) -> None:
    """Stamp provenance on every session the factory makes."""
    event.listen(factory, "before_flush", _stamp)


def mark_deleted(obj: Synced) -> None:
    """Leave a tombstone: the record stays so that a merge does not bring it back."""
    obj.deleted_at = utcnow()
