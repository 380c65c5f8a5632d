"""Deterministic identities and batched Core inserts for the demo generator.

Every value that ends up in the database comes from one seeded :class:`random.Random`, a
fixed device id and fixed dates, so the same seed always gives the same dump. Rows are
plain dicts buffered per table and written with ``session.execute(insert(table), rows)``
in batches; the buffers are flushed in foreign-key order, so a row only ever refers to rows
written before it or in the same flush.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Column, Table, bindparam, insert, update
from sqlalchemy.orm import Session

from planner_desktop.domain import models
from planner_desktop.domain.base import Appended, Synced

DEMO_NAMESPACE = uuid.UUID("6f1c2a8e-3b5d-4e7f-9a1b-2c3d4e5f6a7b")
DEMO_DEVICE_ID = uuid.uuid5(DEMO_NAMESPACE, "demo-device")

BATCH_ROWS = 5000

Row = dict[str, Any]
ModelClass = type[models.Base]


def _fill_value(column: Column[Any]) -> tuple[bool, Any]:
    """The value a missing column gets, or ``(False, None)`` when it must be given."""
    default = column.default
    if default is None:
        return column.nullable is True, None
    if getattr(default, "is_scalar", False):
        return True, default.arg  # type: ignore[attr-defined]
    return False, None


class TableBuffer:
    """Rows waiting to be written into one table, completed with the column defaults."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.rows: list[Row] = []
        self.count = 0
        self.fill: Row = {}
        self.required: list[str] = []
        names = {column.name for column in table.columns}
        self.known = names
        for column in table.columns:
            ok, value = _fill_value(column)
            if ok:
                self.fill[column.name] = value
            else:
                self.required.append(column.name)
        self._checked = False

    def add(self, row: Row) -> None:
        if not self._checked:
            unknown = sorted(set(row) - self.known)
            missing = [name for name in self.required if name not in row]
            if unknown or missing:
                raise KeyError(f"{self.table.name}: unknown {unknown}, missing {missing}")
            self._checked = True
        self.rows.append({**self.fill, **row})
        self.count += 1


LATEST_SAVE = datetime(2026, 11, 30, 18, 0)
"""The demo's story runs into the POA's year (follow-up of 2027), but no record can have
been saved after the present: a record about a later day was saved at this moment (or
today at midnight, on a computer whose clock is earlier), so its session file passes the
rule on save times and the demo stays the same from one run to the next."""


def saved_at(when: datetime) -> datetime:
    today = datetime.combine(date.today(), time())
    return min(when, LATEST_SAVE, today)


class Writer:
    """Makes identities and buffers rows; ``flush`` writes everything buffered so far."""

    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.pending = 0
        tables = models.Base.metadata.sorted_tables
        self._order = {table.name: index for index, table in enumerate(tables)}
        self._buffers: dict[str, TableBuffer] = {}

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def synced(
        self, model: ModelClass, when: datetime, facilitator: str, **values: Any
    ) -> uuid.UUID:
        """Buffer one synced record (first version, no tombstone) and return its id."""
        row_id = values.pop("id", None) or self.new_id()
        when = saved_at(when)
        values.update(
            id=row_id,
            device_id=DEMO_DEVICE_ID,
            facilitator=facilitator,
            created_at=when,
            updated_at=when,
            version_id=self.new_id(),
            base_version_id=None,
            deleted_at=None,
        )
        self._add(model, values, Synced)
        return row_id

    def appended(
        self, model: ModelClass, when: datetime, facilitator: str, **values: Any
    ) -> uuid.UUID:
        """Buffer one append-only event and return its id."""
        row_id = self.new_id()
        values.update(
            id=row_id,
            device_id=DEMO_DEVICE_ID,
            facilitator=facilitator,
            created_at=saved_at(when),
            retracts_id=None,
        )
        self._add(model, values, Appended)
        return row_id

    def _add(self, model: ModelClass, row: Row, kind: type) -> None:
        table = model.__table__
        assert isinstance(table, Table)
        buffer = self._buffers.get(table.name)
        if buffer is None:
            if not issubclass(model, kind):
                raise TypeError(f"{model.__name__} is not a {kind.__name__} record")
            buffer = self._buffers[table.name] = TableBuffer(table)
        buffer.add(row)
        self.pending += 1
        if self.pending >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write every buffered row, parents before children."""
        names = sorted(self._buffers, key=self._order.__getitem__)
        for name in names:
            buffer = self._buffers[name]
            if buffer.rows:
                self.session.execute(insert(buffer.table), buffer.rows)
                buffer.rows = []
        self.pending = 0

    def update_many(
        self, model: ModelClass, column: str, values: Iterable[tuple[Any, Any]]
    ) -> None:
        """Set ``column`` on rows already written, by id: ``values`` is ``(id, value)`` pairs."""
        params = [{"b_id": row_id, "b_value": value} for row_id, value in values]
        if not params:
            return
        self.flush()
        table = model.__table__
        assert isinstance(table, Table)
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values({column: bindparam("b_value")})
        )
        self.session.execute(statement, params)

    def counts(self) -> dict[str, int]:
        """Rows written per table, in foreign-key order."""
        names = sorted(self._buffers, key=self._order.__getitem__)
        return {name: self._buffers[name].count for name in names}


ProgressFn = Callable[[str, int], None]
