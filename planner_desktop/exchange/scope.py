"""Which records a session file carries.

A scope starts from seeds: one event, one community (with the events of that community
alone), the records changed in a date range, or those changed since this laptop's last
export. For an event or a community the seeds
grow downwards to every record that refers to them, directly or through other included
records (the community's self-diagnosis and findings, demands, rounds, items, votes, the
event's attendance…). Then, for every scope, the records the included ones refer to are
added upwards (the community's district and municipality, sectors, dimensions, persons
referred to by attendance…), so the file merges into an empty database.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, select

from planner_desktop.exchange.manifest import Scope
from planner_desktop.exchange.records import dependency_order, table_specs
from planner_desktop.i18n import _

CHUNK = 500
Ids = dict[str, set[uuid.UUID]]


class ScopeError(ValueError):
    """The scope names an event or community this database does not have."""


def chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for value in values:
        batch.append(value)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def select_ids(conn: Connection, scope: Scope, since: datetime | None = None) -> Ids | None:
    """Ids per table in the scope; None means every record (nothing to filter)."""
    specs = table_specs()
    ids: Ids = {name: set() for name in specs}
    if scope.kind == "everything" or (scope.kind == "since_last" and since is None):
        return None
    if scope.kind == "event" and scope.event_id is not None:
        ids["event"] |= _existing(conn, "event", [scope.event_id])
        if not ids["event"]:
            raise ScopeError(_("there is no event {id}").format(id=scope.event_id))
        _grow_down(conn, ids)
    elif scope.kind == "community" and scope.community_id is not None:
        ids["community"] |= _existing(conn, "community", [scope.community_id])
        if not ids["community"]:
            raise ScopeError(_("there is no community {id}").format(id=scope.community_id))
        ids["event"] |= _own_events(conn, scope.community_id)
        _grow_down(conn, ids)
    else:
        start, end = _range(scope, since)
        for name, spec in specs.items():
            stamp = spec.table.c.created_at if spec.appended else spec.table.c.updated_at
            query = select(spec.table.c.id).where(stamp >= start)
            if end is not None:
                query = query.where(stamp < end)
            ids[name] |= set(conn.scalars(query))
    _grow_up(conn, ids)
    return ids


def _range(scope: Scope, since: datetime | None) -> tuple[datetime, datetime | None]:
    if scope.kind == "since_last" and since is not None:
        return since, None
    start = datetime.combine(scope.date_from or date.min, time())
    end = datetime.combine(scope.date_to + timedelta(days=1), time()) if scope.date_to else None
    return start, end


def _existing(conn: Connection, name: str, values: list[uuid.UUID]) -> set[uuid.UUID]:
    table = table_specs()[name].table
    return set(conn.scalars(select(table.c.id).where(table.c.id.in_(values))))


def _own_events(conn: Connection, community_id: uuid.UUID) -> set[uuid.UUID]:
    """Events of this community alone (its workshops, with their minutes and attendance);
    events shared with other communities travel only as what the records refer to."""
    link = table_specs()["event_community"].table
    mine = select(link.c.event_id).where(link.c.community_id == community_id)
    query = (
        select(link.c.event_id)
        .where(link.c.event_id.in_(mine))
        .group_by(link.c.event_id)
        .having(func.count(func.distinct(link.c.community_id)) == 1)
    )
    return set(conn.scalars(query))


@cache
def _referring(name: str, column: str) -> Select[uuid.UUID]:
    """Ids of the rows of ``name`` whose ``column`` is one of the ``values``."""
    table = table_specs()[name].table
    return select(table.c.id).where(table.c[column].in_(bindparam("values", expanding=True)))


@cache
def _referred(name: str) -> Select[Any]:
    """Every foreign key (in the order of ``refs``) of the rows of ``name`` with the ``values``
    as ids."""
    spec = table_specs()[name]
    columns = [spec.table.c[column] for column, _target in spec.refs]
    return select(*columns).where(spec.table.c.id.in_(bindparam("values", expanding=True)))


def _grow_down(conn: Connection, ids: Ids) -> None:
    """Add every record that refers to an included one, until nothing new is found.

    Each round only looks for records referring to the ones the previous round added.
    """
    specs = table_specs()
    frontier = {name: set(values) for name, values in ids.items() if values}
    while frontier:
        found: Ids = {}
        for name in dependency_order():
            spec = specs[name]
            for column, target in spec.refs:
                for batch in chunks(sorted(frontier.get(target, ()))):
                    rows = conn.scalars(_referring(name, column), {"values": batch})
                    new = set(rows) - ids[name]
                    if new:
                        ids[name] |= new
                        found.setdefault(name, set()).update(new)
        frontier = found


def _grow_up(conn: Connection, ids: Ids) -> None:
    """Add every record an included one refers to (referrers before referred)."""
    specs = table_specs()
    for name in reversed(dependency_order()):
        spec = specs[name]
        if not spec.refs:
            continue
        pending = set(ids[name])
        while pending:
            again: set[uuid.UUID] = set()
            for batch in chunks(sorted(pending)):
                for row in conn.execute(_referred(name), {"values": batch}):
                    for (_column, target), value in zip(spec.refs, row, strict=True):
                        if value is None or value in ids[target]:
                            continue
                        ids[target].add(value)
                        if target == name:
                            again.add(value)
            pending = again
