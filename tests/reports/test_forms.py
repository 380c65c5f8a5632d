"""Workshop papers: attendance sheet, self-diagnosis form, ballot, tally sheet, wall chart."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from planner_desktop.reports.attendance_sheet import EMPTY_ROWS
from tests.helpers import as_uuid
from tests.reports.conftest import print_report


def _first_workshop(store):
    """A community workshop with a round, and its community."""
    with store.engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT e.id, c.id, c.code, c.name FROM prioritization_round r "
                "JOIN event e ON e.id = r.event_id JOIN community c ON c.id = r.community_id "
                "ORDER BY e.date LIMIT 1"
            )
        ).one()
    return row


def _uuid(raw_id: object) -> str:
    return str(as_uuid(raw_id))


def test_attendance_sheet_lists_the_people_present_and_numbered_empty_rows(demo, tmp_path):
    event_id, _community, _code, community_name = _first_workshop(demo)
    with demo.engine.connect() as conn:
        names = (
            conn.execute(
                text(
                    "SELECT p.first_names || ' ' || p.last_names FROM attendance a "
                    "JOIN person p ON p.id = a.person_id WHERE a.event_id = :e"
                ),
                {"e": event_id},
            )
            .scalars()
            .all()
        )
        title = conn.execute(
            text("SELECT title FROM event WHERE id = :e"), {"e": event_id}
        ).scalar()
    printed = print_report(demo, "attendance-sheet", tmp_path, event=_uuid(event_id))
    assert printed.has("Attendance sheet")
    assert printed.has("Signature or thumbprint")
    assert printed.has(title) and printed.has(community_name)
    for name in names:
        assert printed.has(name), name
    assert any(not name.isascii() for name in names)
    last = len(names) + EMPTY_ROWS
    assert printed.has(f"{last}")
    assert "Page 1 of" in printed.pages[0]


def test_blank_attendance_sheet_needs_no_event(demo, tmp_path):
    printed = print_report(demo, "attendance-sheet", tmp_path)
    assert printed.has("Attendance sheet") and printed.has(f"{EMPTY_ROWS}")


def test_diagnosis_form_has_one_table_per_dimension_and_the_community_data(demo, tmp_path):
    _event, _id, code, name = _first_workshop(demo)
    with demo.engine.connect() as conn:
        dimensions = conn.execute(text("SELECT name FROM dimension")).scalars().all()
        women = conn.execute(
            text("SELECT population_women FROM community WHERE code = :c"), {"c": code}
        ).scalar()
    printed = print_report(demo, "diagnosis-form", tmp_path, community=code)
    assert printed.has("autodiagnóstico comunal") and printed.has(name)
    assert printed.has(str(women))
    for dimension in dimensions:
        assert printed.has(f"Dimension: {dimension}"), dimension
    assert printed.has("Potentiality") and printed.has("Aspiration")


@pytest.mark.parametrize(
    "kind,heading",
    [
        ("ballot", "Ballot"),
        ("tally-sheet", "Tally sheet"),
        ("pairwise-chart", "Pairwise comparison wall chart"),
    ],
)
def test_round_papers_list_every_item_of_the_round(demo, tmp_path, kind, heading):
    event_id, _community, _code, _name = _first_workshop(demo)
    with demo.engine.connect() as conn:
        items = conn.execute(
            text(
                "SELECT i.code, d.description FROM round_item i "
                "JOIN demand d ON d.id = i.demand_id "
                "JOIN prioritization_round r ON r.id = i.round_id WHERE r.event_id = :e"
            ),
            {"e": event_id},
        ).all()
    printed = print_report(demo, kind, tmp_path, event=_uuid(event_id))
    assert printed.has(heading)
    for _code, description in items:
        assert printed.has(description), description


def test_pairwise_chart_is_tiled_over_several_sheets(demo, tmp_path):
    event_id, *_rest = _first_workshop(demo)
    printed = print_report(demo, "pairwise-chart", tmp_path, event=_uuid(event_id))
    assert len(printed.pages) >= 3
    assert printed.has("sheet 1 of") and printed.has("(row 1, column 2)")
