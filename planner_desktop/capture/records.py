"""Generic writes on synced records: create, change fields, tombstone, bring back.

Each function is one unit of work (one transaction through ``store.session()``), so the
provenance stamping gives every change a new version. The undo commands of the window
are built on these: undoing a creation tombstones the record, undoing an edit writes the
previous values back (as a new version, so a merge sees the history).

:func:`create` and :func:`update` check every value against the one set of rules before
writing (:func:`~planner_desktop.capture.rule_checks.refuse_row`): a value a form let
through is refused here with the field's title and the rule's reason, and nothing is
written.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from planner_desktop.capture.rule_checks import refuse_row
from planner_desktop.domain.base import Synced
from planner_desktop.domain.provenance import mark_deleted

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class RecordMissing(LookupError):
    """The record to change no longer exists (or was never saved)."""


def _table(model: type[Synced]) -> str:
    return str(model.__tablename__)  # type: ignore[attr-defined]


def _next_position(
    session: Any, model: type[Synced], values: Mapping[str, Any], fields: Sequence[str]
) -> int:
    """The position after the last record sharing ``fields`` (tombstoned ones included)."""
    query = select(func.max(model.position))  # type: ignore[attr-defined]
    for name in fields:
        query = query.where(getattr(model, name) == values[name])
    last = session.scalar(query)
    return 0 if last is None else int(last) + 1


def _get(session: Any, model: type[Synced], record_id: uuid.UUID) -> Any:
    record = session.get(model, record_id)
    if record is None:
        raise RecordMissing(f"{model.__name__} {record_id} does not exist")
    return record


def create(
    store: Store,
    model: type[Synced],
    values: Mapping[str, Any],
    *,
    last_among: Sequence[str] = (),
) -> uuid.UUID:
    """Insert a record (``values`` may carry its ``id``) and return its id.

    With ``last_among`` (the fields a list's records share, such as its plan), a new
    record's ``position`` is chosen here, in the write itself, after the last of that
    list: a form that read the list before an earlier addition was saved would otherwise
    give two records one position. When a record with that id exists (a creation done
    again after an undo), its tombstone is lifted and the values written again instead.
    """
    refuse_row(_table(model), values)
    record_id = values.get("id") or uuid.uuid4()
    with store.session() as session:
        existing = session.get(model, record_id)
        if existing is None:
            placed = dict(values)
            if last_among:
                placed["position"] = _next_position(session, model, values, last_among)
            session.add(model(**{**placed, "id": record_id}))
        else:
            for field, value in values.items():
                if field != "id":
                    setattr(existing, field, value)
            existing.deleted_at = None
    return record_id


def read(
    store: Store, model: type[Synced], record_id: uuid.UUID, fields: list[str]
) -> dict[str, Any]:
    with store.session() as session:
        record = _get(session, model, record_id)
        return {field: getattr(record, field) for field in fields}


def update(
    store: Store, model: type[Synced], record_id: uuid.UUID, changes: Mapping[str, Any]
) -> dict[str, Any]:
    """Write ``changes`` to one record; return the values they replaced."""
    refuse_row(_table(model), changes)
    with store.session() as session:
        record = _get(session, model, record_id)
        previous = {field: getattr(record, field) for field in changes}
        for field, value in changes.items():
            setattr(record, field, value)
    return previous


def tombstone(store: Store, model: type[Synced], record_id: uuid.UUID) -> None:
    with store.session() as session:
        mark_deleted(_get(session, model, record_id))


def restore(store: Store, model: type[Synced], record_id: uuid.UUID) -> None:
    """Lift a tombstone (the undo of a deletion)."""
    with store.session() as session:
        _get(session, model, record_id).deleted_at = None
