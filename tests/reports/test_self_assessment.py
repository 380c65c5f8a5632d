"""Issue 14: the institutional self-assessment printed as areas × years (two decimals in
the document's language; not evaluated and not applicable kept apart, neither a zero),
its trend chart with gaps, and its summary in the diagnosis and the plan draft."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from reportlab.graphics.shapes import Line

from planner_desktop.i18n import _, set_language
from planner_desktop.reports.common import ReportRefused
from planner_desktop.reports.numbers import hundredths
from planner_desktop.reports.trend_chart import trend_chart
from planner_desktop.store.database import Store
from tests.reports.conftest import print_report
from tests.reports.plan_setup import add_self_assessment, argentine_plan, empty_store


@pytest.fixture(scope="module")
def assessed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = empty_store(tmp_path_factory.mktemp("assessed") / "assessed.sqlite")
    add_self_assessment(store, argentine_plan(store))
    yield store
    store.close()


def _row(printed, area: str, cells: int = 3) -> str:
    """The area's row as extracted: its line and the cells under it (one per line)."""
    lines = [line.strip() for line in printed.text.splitlines()]
    start = lines.index(area)
    return " | ".join(lines[start : start + cells + 1])


def test_scores_print_with_two_decimals_in_spanish_and_the_other_cells_apart(assessed, tmp_path):
    set_language("es")
    printed = print_report(assessed, "self-assessment", tmp_path)
    money = _row(printed, "Gestión financiera")
    assert "86,50 %" in money and "80,00 %" in money
    assert _("not evaluated") in money and "—" not in money
    open_data = _row(printed, "Transparencia")
    assert "70,00 %" in open_data and "65,25 %" in open_data
    assert "—" in open_data and _("not evaluated") not in open_data
    assert not re.search(r"(?<![\d.])0,00", printed.text), "neither state is a zero"
    assert printed.has(_("Trend by area"))


def test_in_english_the_same_scores_use_a_decimal_point(assessed, tmp_path):
    printed = print_report(assessed, "self-assessment", tmp_path)
    assert printed.has("Institutional self-assessment")
    assert printed.has("Municipalidad de Rafaela")
    assert "86.50 %" in _row(printed, "Gestión financiera")
    assert printed.has("not evaluated") and printed.has("the area does not apply that year")
    for year in ("2023", "2024", "2025"):
        assert printed.has(year)


def test_hundredths_follow_the_language():
    assert hundredths(Decimal("86.5"), "es") == "86,50 %"
    assert hundredths(Decimal("1234.5"), "en") == "1,234.50 %"
    assert hundredths(None) == ""


def _sloped(drawing) -> list[Line]:
    return [shape for shape in drawing.contents if isinstance(shape, Line) and shape.y1 != shape.y2]


def test_a_year_not_scored_is_a_gap_in_the_line_not_a_zero():
    whole = trend_chart("", [2023, 2024, 2025], ["A"], [[10, 50, 30]], 400)
    gapped = trend_chart("", [2023, 2024, 2025], ["A"], [[10, None, 30]], 400)
    assert len(_sloped(whole)) == 2
    assert _sloped(gapped) == [], "no line joins the years around the gap"
    lowest = min(shape.y1 for shape in whole.contents if isinstance(shape, Line))
    assert all(shape.y1 > lowest for shape in _sloped(whole)), "no point sits on zero"


def test_the_report_is_refused_without_a_self_assessment(tmp_path):
    store = empty_store(tmp_path / "none.sqlite")
    argentine_plan(store)
    with pytest.raises(ReportRefused, match="no institutional self-assessment"):
        print_report(store, "self-assessment", tmp_path)
    store.close()
    assert not (tmp_path / "self-assessment.pdf").exists()


def test_the_plan_draft_summarises_the_latest_score_and_its_trend(assessed, tmp_path):
    printed = print_report(assessed, "pdm", tmp_path)
    assert printed.has("1. Diagnosis") and printed.has("1.1 Institutional self-assessment")
    money = _row(printed, "Gestión financiera")
    assert "86.50 %" in money and "2024" in money and "up 6.50 points since 2023" in money
    assert "down 4.75 points since 2023" in _row(printed, "Transparencia")


def test_the_diagnosis_summarises_the_self_assessment(demo, tmp_path):
    printed = print_report(demo, "diagnosis", tmp_path)
    assert printed.has("5. Institutional self-assessment")
    assert printed.has("Latest score") and printed.has("Trend by area")


def test_a_year_left_blank_between_two_records_prints_as_not_evaluated(tmp_path):
    """A blank typed in the grid writes no record: the year still prints, between the
    years that have one, as "not evaluated" (and so is a gap in the trend)."""
    from planner_desktop.domain import models as m
    from planner_desktop.domain.enums import ScoreState

    store = empty_store(tmp_path / "blank.sqlite")
    built = argentine_plan(store)
    with store.session() as s:
        area = m.AssessmentArea(municipality_id=built.municipality, name="Catastro", position=0)
        s.add(area)
        s.flush()
        s.add_all(
            [
                m.AssessmentScore(
                    area_id=area.id, year=2027, state=ScoreState.scored, percentage=Decimal("86.50")
                ),
                m.AssessmentScore(area_id=area.id, year=2029, state=ScoreState.not_applicable),
            ]
        )
    set_language("es")
    printed = print_report(store, "self-assessment", tmp_path)
    assert _row(printed, "Catastro") == " | ".join(["Catastro", "86,50 %", _("not evaluated"), "—"])
    assert not printed.has("2030"), "no column past the last year with a record"
    store.close()
