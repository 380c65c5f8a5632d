"""Issue 13, point 6: every number printed in the format of the document's language, and
table headers that wrap at spaces only ("Potencialida d" was printed in the diagnosis)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether
from sqlalchemy import text

from planner_desktop.i18n import set_language
from planner_desktop.reports import numbers
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.headers import text_width
from planner_desktop.reports.layout import CELL_PADDING, FONT_BOLD, register_fonts
from planner_desktop.reports.registry import builder
from planner_desktop.reports.tables import GridTable, table
from tests.reports.conftest import print_report


@pytest.mark.parametrize(
    "lang,count,amount,share,target",
    [
        ("es", "11.033", "851.000,00", "33 %", "1.250,5"),
        ("en", "11,033", "851,000.00", "33 %", "1,250.5"),
    ],
)
def test_numbers_are_written_as_the_documents_language_writes_them(
    lang: str, count: str, amount: str, share: str, target: str
) -> None:
    assert numbers.number(11033, lang) == count
    assert numbers.money(Decimal("851000"), lang) == amount
    assert numbers.share(1, 3, lang) == share
    assert numbers.typed("1250.5", lang) == target
    assert numbers.typed("85 %", lang) == "85 %"
    assert numbers.typed("12 aulas", lang) == "12 aulas", "text stays as typed"
    assert numbers.share(5, 0, lang) == "—"
    set_language(lang)
    assert numbers.printed(11033) == count and numbers.printed("2027") == "2027"
    assert numbers.printed(True) == "True" and numbers.printed(None) == ""


def _tables(flowables: list[Any]) -> Iterator[GridTable]:
    for flowable in flowables:
        if isinstance(flowable, GridTable):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from _tables(flowable._content)
        elif isinstance(flowable, list | tuple):
            yield from _tables(list(flowable))


def _assert_header_words_whole(grid: GridTable) -> None:
    for given, shown, width in zip(grid.header, grid._cellvalues[0], grid._colWidths, strict=True):
        assert shown.split() == given.split(), f"{given!r} printed as {shown!r}"
        for line in shown.split("\n"):
            assert text_width(line, FONT_BOLD, grid.header_size) <= width - 2 * CELL_PADDING, (
                f"{line!r} does not fit its column"
            )


def test_a_narrow_column_never_splits_its_header_word() -> None:
    register_fonts()
    widths = [4 * cm, 1.2 * cm, 1.2 * cm, 1.2 * cm]
    grid = table(
        ["Dimensión", "Potencialidad", "Limitación", "Aspiración y deseo"],
        [["Físico-natural", 1, 2, 3]],
        widths,
    )
    _assert_header_words_whole(grid)
    assert sum(grid._colWidths) == pytest.approx(sum(widths)), "the table keeps its width"
    assert grid.header_size >= 7, "a column is widened before the font gets smaller"
    crowded = table([f"Potencialidades{n}" for n in range(12)], [list(range(12))], [1 * cm] * 12)
    _assert_header_words_whole(crowded)
    assert crowded.header_size < 7, "no room to widen: the header's font shrinks instead"
    comfortable = table(["Código", "Nombre"], [["A", "B"]], [3 * cm, 8 * cm])
    assert comfortable.header_size == 8 and comfortable._colWidths == [3 * cm, 8 * cm]


def _options(store: Any) -> dict[str, ReportOptions]:
    with store.engine.connect() as conn:
        event = conn.execute(
            text(
                "SELECT e.id FROM event e JOIN minutes m ON m.event_id = e.id "
                "JOIN prioritization_round r ON r.event_id = e.id LIMIT 1"
            )
        ).scalar()
        project = conn.execute(text("SELECT code FROM project_profile ORDER BY code")).scalar()
        community = conn.execute(text("SELECT code FROM community ORDER BY code")).scalar()
    day = date(2026, 11, 2)
    event_id = str(uuid.UUID(hex=str(event)))
    return {
        "attendance-sheet": ReportOptions(event=event_id, generated=day),
        "diagnosis-form": ReportOptions(community=community, generated=day),
        "ballot": ReportOptions(event=event_id, generated=day),
        "tally-sheet": ReportOptions(event=event_id, generated=day),
        "pairwise-chart": ReportOptions(event=event_id, generated=day),
        "acta": ReportOptions(event=event_id, generated=day),
        "profile": ReportOptions(project=project, generated=day),
        "diagnosis": ReportOptions(generated=day),
        "pdm": ReportOptions(generated=day),
        "poa": ReportOptions(generated=day),
        "progress": ReportOptions(generated=day),
        "self-assessment": ReportOptions(generated=day),
        "actors": ReportOptions(generated=day),
    }


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_table_header_of_any_document_is_split_inside_a_word(demo: Any, lang: str) -> None:
    register_fonts()
    set_language(lang)
    checked = 0
    for kind, options in _options(demo).items():
        with demo.raw_session() as session:
            document = builder(kind)(session, options)
            flowables: list[Flowable] = document.flowables
            for grid in _tables(flowables):
                _assert_header_words_whole(grid)
                checked += 1
    assert checked > 40


@pytest.mark.parametrize(
    "lang,findings,potentiality",
    [
        ("es", "Hallazgos", "Potencialidad"),
        ("en", "Findings", "Potentiality"),
    ],
)
def test_the_diagnosis_prints_counts_in_the_locales_format_and_whole_headers(
    demo: Any, tmp_path: Any, lang: str, findings: str, potentiality: str
) -> None:
    set_language(lang)
    printed = print_report(demo, "diagnosis", tmp_path)
    count = (
        demo.engine.connect()
        .execute(text("SELECT count(*) FROM finding WHERE deleted_at IS NULL"))
        .scalar()
    )
    assert count >= 1000, "a count with a thousands separator"
    assert printed.has(f"{findings} {numbers.number(count, lang)}")
    assert re.search(rf"\b{potentiality}\b", printed.text), "the header word is whole"
    women = (
        demo.engine.connect().execute(text("SELECT sum(population_women) FROM community")).scalar()
    )
    assert printed.has(numbers.number(int(women), lang))
    body = re.sub(r"\b20[0-3]\d\b", "", printed.text)  # the self-assessment's years
    assert not re.search(r"(?<![\d.,/])\d{4,}(?![\d.,/])", body), (
        "no long number without its thousands separator"
    )


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_pdm_prints_money_and_population_in_the_locales_format(
    demo: Any, tmp_path: Any, lang: str
) -> None:
    set_language(lang)
    printed = print_report(demo, "pdm", tmp_path)
    with demo.engine.connect() as conn:
        total = conn.execute(text("SELECT sum(amount) FROM multi_year_programming")).scalar()
    assert printed.has(numbers.money(Decimal(total) / 100, lang))
    mark = "," if lang == "es" else "."
    assert re.search(
        rf"\d{{1,3}}([{'.' if lang == 'es' else ','}]\d{{3}})+\{mark}\d\d", printed.text
    )
    body = re.sub(r"\b20[2-3]\d\b", "", printed.text)  # the plan's years are not quantities
    assert not re.search(r"(?<![\d.,])\d{4,}(?![\d.,])", body), "every long number grouped"
