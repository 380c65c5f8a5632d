"""Naming the record behind a failed constraint during a merge.

Two computers can create different records with the same natural key: two offices
deriving the POA of one year, two laptops adding a sector with the same code. The
database refuses the second one; the merge rolls its file back and says which kind of
record and which key, so a person knows what to change.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError

from planner_desktop.domain.base import Base
from planner_desktop.exchange.labels import column_title, table_title
from planner_desktop.exchange.records import Row, table_specs
from planner_desktop.i18n import _

_SQLITE_UNIQUE = "UNIQUE constraint failed: "


def unique_key(error: IntegrityError) -> tuple[str, tuple[str, ...]] | None:
    """The travelling table and columns of the unique key ``error`` is about; None for
    another kind of failure (a missing referenced record, above all), a key that is only
    the id, or a key of this computer's bookkeeping."""
    found = _postgresql_key(error) or _sqlite_key(str(error.orig))
    if found is None or found[1] == ("id",) or found[0] not in table_specs():
        return None  # not a record's natural key (the ledger's own keys, above all)
    return found


def _postgresql_key(error: IntegrityError) -> tuple[str, tuple[str, ...]] | None:
    name = getattr(getattr(error.orig, "diag", None), "constraint_name", None)
    if not name:
        return None
    for table in Base.metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint) and constraint.name == name:
                return table.name, tuple(column.name for column in constraint.columns)
    return None


def _sqlite_key(message: str) -> tuple[str, tuple[str, ...]] | None:
    if not message.startswith(_SQLITE_UNIQUE):
        return None
    qualified = [item.strip().split(".", 1) for item in message[len(_SQLITE_UNIQUE) :].split(",")]
    if any(len(parts) != 2 for parts in qualified) or len({t for t, _c in qualified}) != 1:
        return None
    return qualified[0][0], tuple(column for _t, column in qualified)


def collision_reason(
    conn: Connection, table_name: str, columns: tuple[str, ...], records: Iterable[Row]
) -> str:
    """One line naming the first of ``records`` whose key a stored record of another id
    already has (read with the file's changes rolled back)."""
    table = table_specs()[table_name].table
    key = ", ".join(column_title(column) for column in columns)
    for record in records:
        if any(record.get(column) is None for column in columns):
            continue
        clash = conn.execute(
            select(table.c.id)
            .where(table.c.id != record["id"], *(table.c[c] == record[c] for c in columns))
            .limit(1)
        ).first()
        if clash is not None:
            key = ", ".join(
                column_title(c) if c.endswith("_id") else f"{column_title(c)} {record[c]}"
                for c in columns
            )
            break
    return _(
        "{table} ({key}) is already in this database as another record, made on another "
        "computer: change or remove one of the two, then merge again"
    ).format(table=table_title(table_name), key=key)
