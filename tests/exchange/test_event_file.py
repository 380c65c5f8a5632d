"""The session file of one event carries everything captured there, and what it refers to,
so a second, empty database accepts it and then holds the event's records exactly as they
are on the laptop (issue 12, point 2)."""

from __future__ import annotations

from pathlib import Path

from planner_desktop import cli
from planner_desktop.capture import deletion
from planner_desktop.domain.demands import Demand
from tests.event_workshop import build_workshop
from tests.exchange.builders import dump_tables
from tests.helpers import location

EVENT_TABLES = (
    "attendance", "person", "self_diagnosis", "finding", "demand", "prioritization_round",
    "round_item", "criterion", "vote", "score", "pairwise_choice", "round_decision",
    "round_result", "event", "event_community",
)
"""Every table something was captured in at the workshop; each must travel."""


def _export_and_merge(laptop, make_store, tmp_path: Path, event_id) -> tuple[dict, dict]:
    laptop.store.close()
    db = laptop.target
    out = tmp_path / "taller.cumbre"
    assert cli.main(["--lang", "en", "session", "export", "--db", db, "--out", str(out),
                     "--event", str(event_id)]) == 0
    office = make_store("office")
    office_db = location(office)
    office.close()
    assert cli.main(["--lang", "en", "session", "merge", "--db", office_db, "--trust-new",
                     str(out)]) == 0
    from planner_desktop.store.database import open_store

    reopened = open_store(db, laptop.store.provenance)
    received = open_store(office_db, laptop.store.provenance)
    try:
        return dump_tables(reopened), dump_tables(received)
    finally:
        reopened.close()
        received.close()


def _by_id(rows: list[dict]) -> dict[str, dict]:
    return {row["id"]: row for row in rows}


def test_the_event_file_makes_an_empty_database_hold_the_event(make_laptop, make_store,
                                                                 tmp_path, capsys):
    laptop = make_laptop("workshop")
    built = build_workshop(laptop.store)
    here, there = _export_and_merge(laptop, make_store, tmp_path, built.event)
    for table in EVENT_TABLES:
        assert there.get(table), f"nothing of {table} travelled"
    # every record received is exactly the laptop's (values, versions, tombstones)
    for table, rows in there.items():
        mine = _by_id(here[table])
        for row in rows:
            assert row == mine[row["id"]], f"{table} {row['id']} differs"
    # and every record of the event is received: all it captured, whole
    ids = {table: {row["id"] for row in rows} for table, rows in there.items()}
    for table in EVENT_TABLES:
        assert {r["id"] for r in here[table]} <= ids[table] | _outside(here, table, built)
    assert str(built.other_demand) not in ids["demand"], "another community's demand stayed"


def _outside(tables: dict, table: str, built) -> set[str]:
    """Records of the laptop that belong to no part of the event (the other community's)."""
    if table == "demand":
        return {str(built.other_demand)}
    return set()


def test_a_deleted_demand_of_the_event_travels_as_a_tombstone(make_laptop, make_store,
                                                                tmp_path, capsys):
    laptop = make_laptop("workshop")
    built = build_workshop(laptop.store)
    code, demand_id = sorted(built.demands.items())[-1]  # the one raised from a finding
    done = deletion.delete(laptop.store, Demand, demand_id)
    assert [(model, i) for model, i in done.records] == [(Demand, demand_id)], code
    here, there = _export_and_merge(laptop, make_store, tmp_path, built.event)
    received = _by_id(there["demand"])[str(demand_id)]
    assert received["deleted_at"] is not None
    assert received == _by_id(here["demand"])[str(demand_id)]
