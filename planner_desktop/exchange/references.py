"""The references inside a session file, checked before anything is written (DESIGN §4, §7).

Every foreign-key value of every record must name a record that comes before it in the
file or, when the file is checked against a database, a record that database holds: a
merge applies the records in that order and the database checks every reference as each
record is written. ``session verify`` and ``session merge`` (and the window's check of a
file) call this one check, so they give the same verdict in the same words.

Without a database, a reference to a record the file does not carry is refused: an export
always carries every record its records refer to (see
:mod:`~planner_desktop.exchange.scope`, which adds them upwards for every scope), so such a
file was made or altered by something else, and it merges into no database that lacks that
record. The refusal says to check it against the database it is meant for.

The parts are read in the order a merge applies them (tables in foreign-key order, rows
in file order), so a record of an export refers only to records already read: an id is
held for every record of the file (the same bound as a merge's), and a value is kept aside
only when no record read before has it (one outside the file, or a record further on,
which an export never writes). What is kept aside is looked up at the end in the
database, in batches; the first record (in reading order) whose reference is not met is
named, with the part, its record number and the field, and whether the record it refers
to comes later in the file or is nowhere.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from planner_desktop.exchange.errors import SessionFileError
from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.records import field_problem, table_specs
from planner_desktop.exchange.scope import chunks
from planner_desktop.i18n import _

Lookup = Callable[[str, list[uuid.UUID]], set[uuid.UUID]]
"""Which of these ids the database holds in table ``name`` (at most :data:`CHUNK` ids)."""


@dataclass(frozen=True)
class Reference:
    """One reference not resolved when its record was read."""

    part: str
    number: int
    table: str
    column: str
    target: str
    value: uuid.UUID


@dataclass
class ReferenceCheck:
    """Collects the records of one file as they are read, then :meth:`finish` refuses the
    first reference found neither in the file nor (``lookup``) in the database."""

    path: Path
    lookup: Lookup | None = None
    ids: dict[str, set[uuid.UUID]] = field(default_factory=dict)
    pending: list[Reference] = field(default_factory=list)

    def note(self, table: str, part: str, number: int, record: Mapping[str, Any]) -> None:
        """Record ``number`` of ``part`` (a record of ``table``), already validated."""
        own = self.ids.setdefault(table, set())
        own.add(record["id"])
        for column, target in table_specs()[table].refs:
            value = record.get(column)
            if value is None:
                continue
            if value not in self.ids.get(target, ()):
                self.pending.append(Reference(part, number, table, column, target, value))

    def finish(self) -> None:
        """Raise :class:`SessionFileError` for the first reference a merge could not meet."""
        unmet, self.pending = self.pending, []
        if unmet and self.lookup is not None:
            held = self._in_database(unmet)
            unmet = [r for r in unmet if r.value not in held.get(r.target, ())]
        if unmet:
            raise SessionFileError(self.path, self._reason(unmet[0]))

    def _in_database(self, references: list[Reference]) -> dict[str, set[uuid.UUID]]:
        lookup = self.lookup
        assert lookup is not None
        wanted: dict[str, set[uuid.UUID]] = {}
        for reference in references:
            wanted.setdefault(reference.target, set()).add(reference.value)
        return {
            table: {found for batch in chunks(sorted(values)) for found in lookup(table, batch)}
            for table, values in sorted(wanted.items())
        }

    def _reason(self, reference: Reference) -> str:
        what = table_title(reference.target)
        if reference.value in self.ids.get(reference.target, ()):
            problem = _(
                "refers to a record of {table} ({id}) that comes after it in the file: "
                "a record must come after the records it refers to"
            )
        elif self.lookup is None:
            problem = _(
                "refers to a record of {table} ({id}) that the file does not carry: check "
                "the file against the database it is for (--db)"
            )
        else:
            problem = _(
                "refers to a record of {table} ({id}) that is neither in the file nor in "
                "the database"
            )
        field = field_problem(
            reference.table, reference.column, problem.format(table=what, id=reference.value)
        )
        return _("record {n} of {name}: {problem}").format(
            n=reference.number, name=reference.part, problem=field
        )


def database_lookup(conn: Connection) -> Lookup:
    """A :data:`Lookup` reading ``conn`` (in its transaction, or in a short one of its own)."""

    def lookup(table: str, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        column = table_specs()[table].table.c.id
        query = select(column).where(column.in_(ids))
        if conn.in_transaction():
            return set(conn.scalars(query))
        with conn.begin():
            return set(conn.scalars(query))

    return lookup
