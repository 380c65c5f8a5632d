"""Issue 15: one order on SQLite and PostgreSQL. Text in an ORDER BY is compared byte by
byte on both (PostgreSQL is asked for ``COLLATE "C"``), empty dates go last on both, and
names a person reads are sorted without case or accents, ties broken by code then id."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

from sqlalchemy import column, create_engine, select, table
from sqlalchemy.dialects import postgresql, sqlite

from planner_desktop.plan.ordering import bytewise, folded, nulls_last_up, text_key
from planner_desktop.reports.common import event_communities

ROWS = table("item", column("code"), column("day"))


def test_text_is_compared_byte_by_byte_on_postgresql_and_as_stored_on_sqlite():
    query = select(ROWS.c.code).order_by(bytewise(ROWS.c.code), nulls_last_up(ROWS.c.day))
    on_postgresql = str(query.compile(dialect=postgresql.dialect()))
    on_sqlite = str(query.compile(dialect=sqlite.dialect()))
    assert 'ORDER BY (item.code) COLLATE "C", item.day ASC NULLS LAST' in on_postgresql
    assert "ORDER BY item.code, item.day ASC NULLS LAST" in on_sqlite


def test_sqlite_orders_codes_by_bytes_and_empty_days_last():
    engine = create_engine("sqlite://")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE item (code TEXT, day TEXT)")
        conn.exec_driver_sql(
            "INSERT INTO item VALUES ('b-1', NULL), ('B-1', '2027-01-02'), ('B-1', NULL),"
            " ('A-10', '2027-01-01'), ('A-2', NULL), ('B-1', '2027-01-01')"
        )
        found = conn.execute(
            select(ROWS.c.code, ROWS.c.day).order_by(
                bytewise(ROWS.c.code), nulls_last_up(ROWS.c.day)
            )
        ).all()
    assert found == [
        ("A-10", "2027-01-01"),
        ("A-2", None),
        ("B-1", "2027-01-01"),
        ("B-1", "2027-01-02"),
        ("B-1", None),
        ("b-1", None),
    ]


def test_names_sort_without_case_or_accents_then_exactly():
    names = ["Zapata", "ávila", "Beni", "Ávila", "avila", "Ñuflo", "Nazaret"]
    assert sorted(names, key=text_key) == [
        "avila",
        "Ávila",
        "ávila",
        "Beni",
        "Nazaret",
        "Ñuflo",
        "Zapata",
    ]
    assert folded("  Ñuflo ÁVILA") == "  nuflo avila"


def _link(name: str, code: str, key: int, gone: bool = False) -> SimpleNamespace:
    community = SimpleNamespace(name=name, code=code, id=uuid.UUID(int=key))
    return SimpleNamespace(community=community, deleted_at="x" if gone else None)


def test_an_events_communities_tie_on_the_name_by_code_then_id():
    event = SimpleNamespace(
        communities=[
            _link("San José", "C-2", 2),
            _link("san josé", "C-1", 9),
            _link("Ayllu", "C-9", 5),
            _link("San José", "C-2", 1),
            _link("Antes", "C-0", 3, gone=True),
        ]
    )
    shown = [(c.name, c.code, c.id.int) for c in event_communities(event)]
    assert shown == [
        ("Ayllu", "C-9", 5),
        ("San José", "C-2", 1),
        ("San José", "C-2", 2),
        ("san josé", "C-1", 9),
    ]
