"""Local-only bookkeeping of a database: never exported, never dumped."""

from __future__ import annotations

from sqlalchemy import Column, Connection, String, Table, Text, select

from planner_desktop.domain.base import Base

store_meta = Table(
    "store_meta",
    Base.metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text, nullable=False),
    info={"local": True},
)

LOCAL_TABLES = frozenset({"store_meta", "alembic_version"})


def read_meta(conn: Connection) -> dict[str, str]:
    rows = conn.execute(select(store_meta.c.key, store_meta.c.value))
    return {key: value for key, value in rows}


def write_meta(conn: Connection, **values: str) -> None:
    for key, value in values.items():
        updated = conn.execute(
            store_meta.update().where(store_meta.c.key == key).values(value=value)
        )
        if updated.rowcount == 0:
            conn.execute(store_meta.insert().values(key=key, value=value))
