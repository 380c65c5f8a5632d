"""One conflict as the conflict window shows it (no Qt): the record's name, the names of the
records its versions refer to, and the laptop, facilitator and files of each version."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from planner_desktop.exchange.conflicts import Conflict
from planner_desktop.exchange.laptops import VersionOrigin, version_origins
from planner_desktop.exchange.readable import References, describe_record, name_of
from planner_desktop.store.database import Store


@dataclass(frozen=True)
class ConflictReading:
    table: str
    record: str = ""
    references: References = field(default_factory=References)
    origins: dict[uuid.UUID, VersionOrigin] = field(default_factory=dict)


def shown_values(conflict: Conflict) -> dict[str, Any]:
    """The values the database keeps for now (the provisional winner's)."""
    versions = conflict.versions
    return next((v.values for v in versions if v.provisional), versions[0].values)


def read_conflict(store: Store, conflict: Conflict) -> ConflictReading:
    with store.engine.connect() as conn:
        references = References.read(conn, conflict.table, [v.values for v in conflict.versions])
        record = describe_record(conn, conflict.table, shown_values(conflict))
    return ConflictReading(conflict.table, record, references, version_origins(store, conflict.id))


def record_names(store: Store, conflicts: list[Conflict]) -> dict[uuid.UUID, str]:
    """Each conflict's record as a person names it (see :func:`describe_record`)."""
    names: dict[uuid.UUID, str] = {}
    with store.engine.connect() as conn:
        for conflict in conflicts:
            values = shown_values(conflict)
            names[conflict.id] = name_of(values) or describe_record(conn, conflict.table, values)
    return names
