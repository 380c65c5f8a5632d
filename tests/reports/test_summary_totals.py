"""Issue 7: the totals of the diagnosis and the PDM come from covering indexes in one pass,
and still leave out every tombstoned community, self-diagnosis and round."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy import text

from planner_desktop.domain.summaries import diagnosis_summary
from planner_desktop.reports.diagnosis import (
    agreed_classes,
    demands_by_district,
    demands_by_group,
    demands_by_sector,
)
from planner_desktop.store.database import Store
from tests.helpers import new_store
from tests.postgres_server import Databases, Target


def _live_demands_by(key: str, join: str = "") -> str:
    """The old way: every live demand joined to its live community, counted per ``key``."""
    return (
        f"SELECT {key}, count(*), sum(d.estimated_cost) FROM demand d "
        f"JOIN community c ON c.id = d.community_id {join} "
        f"WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL GROUP BY {key} ORDER BY {key}"
    )


@pytest.fixture(scope="module")
def tombstoned(demo_template: Target, module_databases: Databases) -> Iterator[Store]:
    """A copy of the demo with one community, one self-diagnosis and one round tombstoned."""
    store = new_store(module_databases.copy(demo_template, "tombstoned"))
    now = datetime(2026, 11, 2)
    with store.engine.begin() as conn:
        for table, where in (
            ("community", "id = (SELECT community_id FROM demand ORDER BY code LIMIT 1)"),
            ("self_diagnosis", "id = (SELECT self_diagnosis_id FROM finding LIMIT 1)"),
            (
                "prioritization_round",
                "id = (SELECT round_id FROM round_result WHERE \"group\" = 'agreed' LIMIT 1)",
            ),
        ):
            changed = conn.execute(
                text(f"UPDATE {table} SET deleted_at = :now WHERE {where}"), {"now": now}
            )
            assert changed.rowcount == 1, table
    yield store
    store.close()


def _rows(store: Store, sql: str) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(row) for row in conn.execute(text(sql))]


def _cost(cents: int) -> Decimal:
    return (Decimal(cents) / 100).quantize(Decimal("0.01"))


def test_demand_totals_leave_out_tombstoned_communities(tombstoned):
    by_sector = _rows(tombstoned, _live_demands_by("s.name", "JOIN sector s ON s.id = d.sector_id"))
    by_district = _rows(
        tombstoned, _live_demands_by("t.name", "JOIN district t ON t.id = c.district_id")
    )
    by_group = _rows(tombstoned, _live_demands_by("d.raising_group"))
    all_demands = _rows(tombstoned, "SELECT count(*) FROM demand")[0][0]
    with tombstoned.session() as session:
        assert demands_by_sector(session) == [(n, c, _cost(v)) for n, c, v in by_sector]
        assert demands_by_district(session) == [(n, c, _cost(v)) for n, c, v in by_district]
        assert demands_by_group(session) == {g: (c, _cost(v)) for g, c, v in by_group}
    assert sum(n for _name, n, _cost in by_sector) < all_demands


def test_findings_and_classes_leave_out_tombstoned_diagnoses_and_rounds(tombstoned):
    findings = _rows(
        tombstoned,
        "SELECT count(*) FROM finding f JOIN self_diagnosis s "
        "ON s.id = f.self_diagnosis_id WHERE f.deleted_at IS NULL "
        "AND s.deleted_at IS NULL",
    )[0][0]
    classes = dict(
        _rows(
            tombstoned,
            "SELECT r.priority_class, count(*) FROM round_result r "
            "JOIN prioritization_round p ON p.id = r.round_id "
            "WHERE r.\"group\" = 'agreed' AND r.priority_class IS NOT NULL "
            "AND r.deleted_at IS NULL AND p.deleted_at IS NULL "
            "GROUP BY r.priority_class",
        )
    )
    with tombstoned.session() as session:
        summary = diagnosis_summary(session)
        assert summary.findings == findings
        assert summary.findings < _rows(tombstoned, "SELECT count(*) FROM finding")[0][0]
        assert (
            summary.self_diagnoses
            == _rows(tombstoned, "SELECT count(*) FROM self_diagnosis WHERE deleted_at IS NULL")[0][
                0
            ]
        )
        assert {k.value: n for k, n in agreed_classes(session).items()} == classes


@pytest.mark.sqlite_only("reads SQLite's own query plans (EXPLAIN QUERY PLAN)")
@pytest.mark.parametrize(
    "summary,index",
    [(demands_by_sector, "ix_demand_totals"), (diagnosis_summary, "ix_finding_matrix")],
)
def test_the_totals_are_read_from_a_covering_index(demo, summary, index):
    plans: list[str] = []

    def explain(conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith("SELECT"):
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            plans.extend(str(row[-1]) for row in rows)

    from sqlalchemy import event

    event.listen(demo.engine, "before_cursor_execute", explain)
    try:
        with demo.session() as session:
            summary(session)
    finally:
        event.remove(demo.engine, "before_cursor_execute", explain)
    assert any(f"COVERING INDEX {index}" in plan for plan in plans), plans
