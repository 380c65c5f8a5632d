"""The merge's bulk statements, compiled once per database kind and table.

A merge inserts hundreds of thousands of rows whose values are already validated, so the
per-row work of a generic Core ``executemany`` (building a parameter dict for every row
from the compiled statement, looking up each column's type) is most of its cost. Here the
``INSERT`` of a table is compiled once for the connection's dialect and its column types'
bind processors (the same conversions Core applies: UUID, time, enum, money) are kept
with it, so a batch becomes one list of plain tuples and one ``executemany`` of the
driver. Dialects with named parameters take the ordinary Core path.

The two conversions met on nearly every value, a UUID stored as text and a SQLite time,
are done a column at a time without calling the processor for each value
(:func:`_column_converter`): a UUID becomes its 32 hex digits, a naive time its ISO text
with a space and six decimals, which is exactly what the processors write (a test holds
them equal); any other value goes through the processor itself.

The stored versions of a batch are read the same way: one ``SELECT … WHERE id IN (…)``
per table and power of two of ids (a batch is padded up to the next one), compiled once,
its parameters and results converted by the id and version columns' own types.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Connection, Select, Table, Uuid, bindparam, insert, select
from sqlalchemy.dialects.sqlite.base import DATETIME as SQLITE_DATETIME
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

Processor = Callable[[Any], Any]
ColumnConverter = Callable[[list[Any]], list[Any]]
"""Converts a column's values (one per row, in order) for the driver."""

_SQLITE_TIME_FORMAT = SQLITE_DATETIME()._storage_format


@dataclass(frozen=True)
class _CompiledInsert:
    sql: str
    parameters: tuple[tuple[str, ColumnConverter | None], ...]
    """Every parameter in order: the column whose value it takes, and how it converts it."""


_compiled: dict[tuple[type[Dialect], str, Table], _CompiledInsert | None] = {}


def _uuid_text(values: list[Any]) -> list[Any]:
    return [None if value is None else value.hex for value in values]


def _sqlite_times(processor: Processor) -> ColumnConverter:
    """SQLite's time processor for a column: a naive time is written as the processor
    writes it (``2024-05-06 07:08:09.000000``) without calling it; anything else is handed
    to it."""

    def convert(values: list[Any]) -> list[Any]:
        return [
            None
            if value is None
            else value.isoformat(" ", "microseconds")
            if value.__class__ is datetime and value.tzinfo is None
            else processor(value)
            for value in values
        ]

    return convert


def _column_converter(kind: TypeEngine[Any], dialect: Dialect) -> ColumnConverter | None:
    """How a column of type ``kind`` converts a batch's values for ``dialect``'s driver
    (None: they go as they are)."""
    processor = kind.bind_processor(dialect)
    if processor is None:
        return None
    if (
        isinstance(kind, Uuid)
        and kind.as_uuid
        and not (dialect.supports_native_uuid and kind.native_uuid)
    ):
        return _uuid_text
    if type(kind) is SQLITE_DATETIME and kind._storage_format == _SQLITE_TIME_FORMAT:
        return _sqlite_times(processor)
    return lambda values: list(map(processor, values))


def _compile_insert(dialect: Dialect, table: Table) -> _CompiledInsert | None:
    """The positional ``INSERT`` of every column of ``table``; None for named parameters."""
    columns = [column.key for column in table.columns]
    if any(column.key != column.name for column in table.columns):
        return None  # rows are keyed by column name
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    names = compiled.positiontup
    if not compiled.positional or names is None or sorted(names) != sorted(columns):
        return None
    parameters = tuple(
        (name, _column_converter(table.c[name].type.dialect_impl(dialect), dialect))
        for name in names
    )
    return _CompiledInsert(str(compiled), parameters)


def insert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (every column present in each) with one ``executemany``."""
    if not rows:
        return
    dialect = conn.dialect
    key = (type(dialect), dialect.paramstyle, table)
    if key not in _compiled:
        _compiled[key] = _compile_insert(dialect, table)
    compiled = _compiled[key]
    if compiled is None:
        conn.execute(insert(table), list(rows))
        return
    columns = []
    for name, convert in compiled.parameters:
        values = [row[name] for row in rows]
        columns.append(values if convert is None else convert(values))
    conn.exec_driver_sql(compiled.sql, list(zip(*columns, strict=True)))


LOOKUP = 1024
"""Most ids per version lookup. A lookup statement is compiled for each power of two up to
this, and a list of ids is padded to the next one by repeating its first id."""


def _versions_statement(table: Table, appended: bool, ids: Any = None) -> Select[Any]:
    version = table.c.id if appended else table.c.version_id
    parameter: BindParameter[Any] = bindparam("ids", value=ids, expanding=True)
    return select(table.c.id, version).where(table.c.id.in_(parameter))


@dataclass(frozen=True)
class _CompiledLookup:
    sql: str
    processor: Processor | None
    """Conversion of an id parameter."""
    results: tuple[Processor, Processor]
    """Conversions of the id and version read back."""


_lookups: dict[tuple[type[Dialect], str, bool, Table, int], _CompiledLookup | None] = {}


def _same(value: Any) -> Any:
    return value


def _compile_lookup(
    dialect: Dialect, table: Table, appended: bool, size: int
) -> _CompiledLookup | None:
    statement = _versions_statement(table, appended, [uuid.UUID(int=0)] * size)
    compiled = statement.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    if not compiled.positional or len(compiled.positiontup or ()) != size:
        return None
    kind = table.c.id.type.dialect_impl(dialect)
    ident, version = (
        column.type.dialect_impl(dialect).result_processor(dialect, None) or _same
        for column in statement.selected_columns
    )
    return _CompiledLookup(str(compiled), kind.bind_processor(dialect), (ident, version))


def stored_versions(
    conn: Connection, table: Table, appended: bool, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, Any]:
    """Stored version of each of ``ids`` that exists (its id, for append-only events)."""
    found: dict[uuid.UUID, Any] = {}
    dialect = conn.dialect
    for start in range(0, len(ids), LOOKUP):
        chunk = list(ids[start : start + LOOKUP])
        size = 1 << (len(chunk) - 1).bit_length()
        key = (type(dialect), dialect.paramstyle, appended, table, size)
        if key not in _lookups:
            _lookups[key] = _compile_lookup(dialect, table, appended, size)
        lookup = _lookups[key]
        if lookup is None:
            rows = conn.execute(_versions_statement(table, appended), {"ids": chunk})
            found.update(rows.all())
            continue
        convert = lookup.processor
        params = list(map(convert, chunk)) if convert is not None else chunk
        params += params[:1] * (size - len(params))
        ident, version = lookup.results
        for stored_id, stored_version in conn.exec_driver_sql(lookup.sql, tuple(params)):
            found[ident(stored_id)] = version(stored_version)
    return found
