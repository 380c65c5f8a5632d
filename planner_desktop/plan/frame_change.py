"""What one edit of the frame changed, kept so that it can be undone and done again.

An edit of the strategic frame may touch several records at once (moving an element
changes the depth of its whole subtree, reordering renumbers its siblings, creating a
plan makes its levels). :func:`recording` watches one session while an edit runs and
keeps, for every synced record it touched, the values before and after (the identity and
provenance columns aside: undoing is a new edit, stamped as any other). :func:`undo`
writes the values back and tombstones the records the edit created; :func:`redo` writes
the new values again and lifts those tombstones. Both are new versions, so a merge sees
the history as it happened.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from planner_desktop.domain.base import Synced
from planner_desktop.domain.provenance import mark_deleted

UNRECORDED = frozenset(
    {"id", "version_id", "base_version_id", "created_at", "updated_at", "device_id", "facilitator"}
)
"""Columns an undo never writes back (the stamping gives them anew)."""

Key = tuple[type[Synced], uuid.UUID]


@dataclass
class Change:
    """The records one edit created and the fields it changed (before, after)."""

    created: list[Key] = field(default_factory=list)
    before: dict[Key, dict[str, Any]] = field(default_factory=dict)
    after: dict[Key, dict[str, Any]] = field(default_factory=dict)

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables touched, for the window to read again."""
        names = [model.__tablename__ for model, _id in (*self.created, *self.before)]  # type: ignore[attr-defined]
        return tuple(dict.fromkeys(names))

    def is_empty(self) -> bool:
        return not self.created and not self.before


def _watch(change: Change, session: Session) -> None:
    for obj in session.new:
        if isinstance(obj, Synced):
            if obj.id is None:
                obj.id = uuid.uuid4()
            key = (type(obj), obj.id)
            if key not in change.created:
                change.created.append(key)
    for obj in session.dirty:
        if not isinstance(obj, Synced) or not session.is_modified(obj):
            continue
        key = (type(obj), obj.id)
        if key in change.created:
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            if attr.key in UNRECORDED:
                continue
            history = state.attrs[attr.key].history
            if not history.added and not history.deleted:
                continue
            old = history.deleted[0] if history.deleted else None
            new = history.added[0] if history.added else None
            change.before.setdefault(key, {}).setdefault(attr.key, old)
            change.after.setdefault(key, {})[attr.key] = new


@contextmanager
def recording(session: Session) -> Iterator[Change]:
    """Keep in the yielded :class:`Change` what the session's edits change, until the
    block ends (everything is flushed then)."""
    change = Change()

    def listener(flushing: Session, _context: Any, _instances: Any) -> None:
        _watch(change, flushing)

    event.listen(session, "before_flush", listener)
    try:
        yield change
        session.flush()
    finally:
        event.remove(session, "before_flush", listener)
    for key in list(change.before):
        same = {k for k, v in change.before[key].items() if change.after[key].get(k) == v}
        for name in same:
            del change.before[key][name]
            del change.after[key][name]
        if not change.before[key]:
            del change.before[key]
            del change.after[key]


def _write(session: Session, values: dict[Key, dict[str, Any]]) -> None:
    for (model, record_id), fields in values.items():
        record = session.get(model, record_id)
        if record is not None:
            for name, value in fields.items():
                setattr(record, name, value)


def undo(session: Session, change: Change) -> None:
    """Put back what ``change`` changed, and tombstone what it created."""
    _write(session, change.before)
    for model, record_id in change.created:
        record = session.get(model, record_id)
        if record is not None and record.deleted_at is None:
            mark_deleted(record)


def redo(session: Session, change: Change) -> None:
    """Do ``change`` again after an :func:`undo`."""
    for model, record_id in change.created:
        record = session.get(model, record_id)
        if record is not None:
            record.deleted_at = None
    _write(session, change.after)
