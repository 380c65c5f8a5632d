"""Canonical JSON of all planning data, to compare two databases.

Tables in name order, rows in id order, columns in name order, one row per line; only
records that travel between laptops (no local bookkeeping). Written as a stream, so a
scale-10 database does not have to fit in memory.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import IO, Any

from sqlalchemy import Connection, Table, select

from planner_desktop.domain import models
from planner_desktop.domain.base import Appended, Synced

FORMAT = "planner-desktop-dump"
VERSION = 1


def planning_tables() -> list[Table]:
    """Every table whose rows travel between laptops, in name order."""
    tables = [
        mapper.local_table
        for mapper in models.Base.registry.mappers
        if issubclass(mapper.class_, Synced | Appended)
    ]
    return sorted((t for t in tables if isinstance(t, Table)), key=lambda t: t.name)


def plain_value(value: Any) -> Any:
    """A stored value as JSON has it: codes, ids and dates as text, money with its cents."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return value


def rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    columns = sorted(table.columns, key=lambda c: c.name)
    result = conn.execution_options(yield_per=2000).execute(select(*columns).order_by(table.c.id))
    for row in result:
        yield {column.name: plain_value(value) for column, value in zip(columns, row, strict=True)}


def write_dump(conn: Connection, out: IO[str]) -> None:
    out.write(f'{{"format": "{FORMAT}", "version": {VERSION}, "tables": {{\n')
    for index, table in enumerate(planning_tables()):
        out.write(("," if index else "") + json.dumps(table.name) + ": [\n")
        for n, row in enumerate(rows(conn, table)):
            line = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            out.write(("," if n else "") + line + "\n")
        out.write("]\n")
    out.write("}}\n")
