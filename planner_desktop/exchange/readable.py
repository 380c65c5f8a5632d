"""The values of a travelling record as a person knows them (no Qt).

A record's fields travel as plain JSON (strings for ids, times and amounts, enum codes).
:func:`value_kind` says how each field is shown, :func:`typed` turns a plain value back into
what the program uses (an enum member, a date, an amount), and :class:`References` names the
records an id refers to ("Distrito 1", not a UUID). The window formats the result in its
language (dates in the locale's order, amounts with its separators).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from sqlalchemy import Boolean, Connection, Date, DateTime, Float, Integer, select
from sqlalchemy import Enum as SqlEnum

from planner_desktop.domain.base import Hundredths, Money
from planner_desktop.exchange.records import table_specs


class ValueKind(StrEnum):
    text = "text"
    number = "number"
    """A whole number people read with separators (population, beneficiaries)."""
    whole = "whole"
    """A whole number read as is: years, positions, ranks, months."""
    decimal = "decimal"
    money = "money"
    """An amount, or a percentage with two decimals (both exact: decimal strings)."""
    date = "date"
    moment = "moment"
    flag = "flag"
    label = "label"
    reference = "reference"


PLAIN_WHOLE = ("year", "position", "rank", "month", "scale_", "sdg", "_start", "percentage")
"""Parts of the names of integer fields that are not counts (no thousands separator)."""

NAMING = ("code", "name", "title", "first_names", "last_names", "description")
"""The fields that name a record, in the order they are joined."""


def value_kind(table: str, name: str) -> ValueKind:
    spec = table_specs().get(table)
    if spec is None or name not in spec.table.c:
        return ValueKind.text
    if name in dict(spec.refs):
        return ValueKind.reference
    column_type = spec.table.c[name].type
    if isinstance(column_type, SqlEnum) and column_type.enum_class is not None:
        return ValueKind.label
    if isinstance(column_type, Money | Hundredths):  # both: two exact decimals
        return ValueKind.money
    if isinstance(column_type, Boolean):
        return ValueKind.flag
    if isinstance(column_type, DateTime):
        return ValueKind.moment
    if isinstance(column_type, Date):
        return ValueKind.date
    if isinstance(column_type, Float):
        return ValueKind.decimal
    if isinstance(column_type, Integer):
        plain = any(part in name for part in PLAIN_WHOLE)
        return ValueKind.whole if plain else ValueKind.number
    return ValueKind.text


def typed(table: str, name: str, plain: Any) -> Any:
    """``plain`` (as stored in a conflict version) as the program's value for that field:
    an enum member, a date, a moment, an amount, a UUID; anything unreadable stays as is."""
    if plain is None:
        return None
    kind = value_kind(table, name)
    try:
        if kind is ValueKind.label:
            enum = table_specs()[table].table.c[name].type.enum_class  # type: ignore[attr-defined]
            return enum(plain)
        if kind is ValueKind.money:
            return Decimal(str(plain))
        if kind is ValueKind.date and isinstance(plain, str):
            return date.fromisoformat(plain)
        if kind is ValueKind.moment and isinstance(plain, str):
            return datetime.fromisoformat(plain)
        if kind is ValueKind.reference and isinstance(plain, str):
            return uuid.UUID(plain)
    except (ValueError, InvalidOperation):
        return plain
    return plain


def name_of(values: Mapping[str, Any], *, with_code: bool = True) -> str:
    """A record's name from its own fields: code and name (or title, or the person's
    names, or the description), joined by " · "; empty when it has none of them.

    Without ``with_code`` (a record referred to), a record that has a name is called by it
    alone ("Distrito Norte"); one named by a description keeps its code ("DEM-4 · Riego").
    """
    code = str(values.get("code") or "").strip()
    person = " ".join(str(values.get(n) or "").strip() for n in ("first_names", "last_names"))
    named = next((str(values[n]).strip() for n in ("name", "title") if values.get(n)), "")
    named = named or person.strip()
    if named and not with_code:
        code = ""
    words = named or str(values.get("description") or "").strip()
    if len(words) > 80:
        words = words[:79] + "…"
    return " · ".join(part for part in (code, words) if part)


@dataclass
class References:
    """The names of the records that ids refer to, read once for a set of records."""

    names: dict[uuid.UUID, str] = field(default_factory=dict)

    def name(self, value: uuid.UUID | str | None) -> str | None:
        if value is None:
            return None
        try:
            key = value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        except ValueError:
            return None
        return self.names.get(key)

    @classmethod
    def read(cls, conn: Connection, table: str, records: Iterable[Mapping[str, Any]]) -> References:
        """The names of every record ``records`` (rows of ``table``, plain values) refer to,
        tombstoned ones included; an id not in the database has no name."""
        spec = table_specs()[table]
        wanted: dict[str, set[uuid.UUID]] = {}
        for values in records:
            for column, target in spec.refs:
                value = typed(table, column, values.get(column))
                if isinstance(value, uuid.UUID):
                    wanted.setdefault(target, set()).add(value)
        found = cls()
        for target, ids in wanted.items():
            found.names.update(_names(conn, target, ids))
        return found


def _names(conn: Connection, table: str, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    target = table_specs()[table].table
    columns = [target.c[n] for n in NAMING if n in target.c]
    refs = dict(table_specs()[table].refs)
    own_refs = [target.c[n] for n in refs]
    rows = conn.execute(select(target.c.id, *columns, *own_refs).where(target.c.id.in_(ids)))
    names: dict[uuid.UUID, str] = {}
    unnamed: dict[uuid.UUID, dict[str, Any]] = {}
    for row in rows:
        values = dict(row._mapping)
        text = name_of(values, with_code=False)
        if text:
            names[row.id] = text
        else:
            unnamed[row.id] = values
    for record_id, values in unnamed.items():
        # a link record (a round's demand, a profile's community) is named by what it links
        parts = [
            _names(conn, refs[n], {values[n]}).get(values[n], "")
            for n in refs
            if values.get(n) is not None
        ]
        names[record_id] = " · ".join(p for p in parts if p)
    return names


def describe_record(conn: Connection, table: str, values: Mapping[str, Any]) -> str:
    """A record as a person names it: its own name, or (a programming line, a ceiling)
    the names of what it refers to and its year."""
    own = name_of(values)
    if own:
        return own
    references = References.read(conn, table, [values])
    parts = [
        references.name(values.get(column)) or "" for column, _target in table_specs()[table].refs
    ]
    parts += [str(values[n]) for n in ("year", "fiscal_year") if values.get(n) is not None]
    return " · ".join(p for p in parts if p)
