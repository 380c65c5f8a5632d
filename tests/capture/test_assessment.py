"""The institutional self-assessment: the one rule that reads a typed score, areas and
scores written through the provenance-stamping write path (issue 14)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from planner_desktop.capture import assessment, records
from planner_desktop.capture.assessment import NOT_EVALUATED, parse_score, score_text
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ScoreState
from planner_desktop.domain.plan import Plan
from planner_desktop.i18n import set_language
from tests.capture.annex_setup import annex_store, municipality_only

SCORED = ScoreState.scored


@pytest.fixture
def store(tmp_path):
    store = annex_store(tmp_path / "annex.sqlite")
    yield store
    store.close()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("86,50", (SCORED, Decimal("86.50"))),
        ("86.50", (SCORED, Decimal("86.50"))),
        ("86,5 %", (SCORED, Decimal("86.50"))),
        ("86,5%", (SCORED, Decimal("86.50"))),
        (" 100 ", (SCORED, Decimal("100.00"))),
        ("0", (SCORED, Decimal("0.00"))),
        ("0,07", (SCORED, Decimal("0.07"))),
        ("", (ScoreState.not_evaluated, None)),
        ("   ", (ScoreState.not_evaluated, None)),
        (None, (ScoreState.not_evaluated, None)),
        ("-", (ScoreState.not_applicable, None)),
        ("—", (ScoreState.not_applicable, None)),
        ("n/a", (ScoreState.not_applicable, None)),
        ("N/A", (ScoreState.not_applicable, None)),
        ("No aplica", (ScoreState.not_applicable, None)),
    ],
)
def test_typed_scores_are_read_by_one_rule(typed, expected):
    assert parse_score(typed) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("abc", '"abc" is not a percentage'),
        ("100,01", '"100,01": a percentage goes from 0 to 100'),
        ("101", '"101": a percentage goes from 0 to 100'),
        ("-5", '"-5" is not a percentage'),
        ("86,505", '"86,505": at most two decimals'),
        ("1.000", '"1.000": at most two decimals'),
        ("86,5 5", '"86,5 5" is not a percentage'),
        ("8 6", '"8 6" is not a percentage'),
    ],
)
def test_anything_else_is_refused_naming_the_value(typed, says):
    with pytest.raises(ValueError) as refused:
        parse_score(typed)
    assert isinstance(refused.value, Invalid)
    assert str(refused.value).startswith(says)
    assert "\n" not in str(refused.value)


def test_the_spanish_not_applicable_mark_reads_back():
    set_language("es")
    shown = score_text((ScoreState.not_applicable, None))
    assert parse_score(shown) == (ScoreState.not_applicable, None)


def test_a_score_shows_with_two_decimals_and_the_decimal_mark():
    assert score_text((SCORED, Decimal("86.5"))) == "86,50"
    assert score_text((SCORED, Decimal("86.5")), ".") == "86.50"
    assert score_text(NOT_EVALUATED) == ""
    assert score_text((ScoreState.not_applicable, None)) == "n/a"


def test_area_names_are_checked_and_placed_last(store):
    municipality = municipality_only(store)
    with store.session() as s:
        first = assessment.area_values(s, municipality, "  Gestión   financiera ")
    assert first["name"] == "Gestión financiera" and first["position"] == 0
    area_id = records.create(store, AssessmentArea, first)
    with store.session() as s:
        assert assessment.area_values(s, municipality, "Planificación")["position"] == 1
        with pytest.raises(FieldRefused) as refused:
            assessment.area_values(s, municipality, "   ")
        assert str(refused.value) == "Assessment area: write a name."
        with pytest.raises(FieldRefused):
            assessment.area_values(s, municipality, "x" * 121)
    records.tombstone(store, AssessmentArea, area_id)
    with store.session() as s:
        assert assessment.live_areas(s, municipality) == []
        assert assessment.next_position(s, municipality) == 1



def test_areas_read_before_either_is_saved_get_their_own_places(store):
    """The window reads the values of a second area while the first is still queued for
    writing: both read position 0. The write itself places each last, in typing order."""
    municipality = municipality_only(store)
    with store.session() as s:
        first = assessment.area_values(s, municipality, "Gestión financiera")
        second = assessment.area_values(s, municipality, "Planificación")
    assert first["position"] == second["position"] == 0
    ids = [
        records.create(store, AssessmentArea, values, last_among=("municipality_id",))
        for values in (first, second)
    ]
    with store.session() as s:
        shown = [(area.name, area.position) for area in assessment.live_areas(s, municipality)]
    assert shown == [("Gestión financiera", 0), ("Planificación", 1)]
    records.tombstone(store, AssessmentArea, ids[0])
    again = {**first, "id": ids[0]}  # created again after an undo: it keeps its place
    records.create(store, AssessmentArea, again, last_among=("municipality_id",))
    with store.session() as s:
        assert s.get(AssessmentArea, ids[0]).position == 0


def test_scores_are_written_stamped_and_undone_by_writing_back(store):
    municipality = municipality_only(store)
    with store.session() as s:
        values = assessment.area_values(s, municipality, "Gestión financiera")
    area = records.create(store, AssessmentArea, values)
    assert assessment.set_score(store, area, 2025, parse_score("86,50")) == NOT_EVALUATED
    assert assessment.set_score(store, area, 2025, parse_score("-")) == (
        SCORED,
        Decimal("86.50"),
    )
    with store.session() as s:
        row = s.scalar(select(AssessmentScore))
        assert row.state is ScoreState.not_applicable and row.percentage is None
        assert row.device_id is not None and row.facilitator == "Facilitadora de prueba"
        assert row.base_version_id is not None
    assert assessment.set_score(store, area, 2025, parse_score("")) == (
        ScoreState.not_applicable,
        None,
    )
    assert assessment.set_score(store, area, 2026, NOT_EVALUATED) == NOT_EVALUATED
    with store.session() as s:
        assert s.scalar(select(AssessmentScore).where(AssessmentScore.year == 2026)) is None
        assert assessment.stored_score(s, area, 2025) == NOT_EVALUATED
    with pytest.raises(ValueError):
        assessment.set_score(store, area, 2025, (SCORED, None))


def test_the_grid_takes_the_plan_years_or_the_last_five_and_the_scored_ones(store):
    municipality = municipality_only(store)
    with store.session() as s:
        values = assessment.area_values(s, municipality, "Gestión financiera")
    area = records.create(store, AssessmentArea, values)
    assessment.set_score(store, area, 2019, parse_score("50"))
    with store.session() as s:
        grid = assessment.read_grid(s, municipality, today=date(2026, 5, 4))
    assert grid.years == [2019, 2022, 2023, 2024, 2025, 2026]
    assert grid.areas == [(area, "Gestión financiera")]
    assert grid.score(area, 2019) == (SCORED, Decimal("50.00"))
    assert grid.score(area, 2024) == NOT_EVALUATED
    records.create(
        store, Plan, {"municipality_id": municipality, "start_year": 2026, "end_year": 2030}
    )
    with store.session() as s:
        assert assessment.grid_years(s, municipality) == [2019, 2026, 2027, 2028, 2029, 2030]


@pytest.mark.parametrize("typed", ["25", "abcd", "1800", "20266", ""])
def test_a_year_column_out_of_range_is_refused(typed):
    with pytest.raises(FieldRefused) as refused:
        assessment.check_year(typed)
    assert refused.value.field == "year" and str(refused.value).startswith("Year:")


def test_a_year_column_is_read():
    assert assessment.check_year(" 2031 ") == 2031
