"""Issue 15: numbers, money and dates through Babel in the reader's locale. Spanish follows
the municipality's country (es_BO, es_CO, es_AR), English is en_US whatever the country;
a printed document takes the country of its municipality and the language it is printed in."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader

from planner_desktop import locales
from planner_desktop.i18n import set_language
from planner_desktop.reports import numbers
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.registry import write_report
from tests.ordering.progress_data import AMOUNT, DAY, progress_store

# language, country → (money, date, count, one decimal)
EXPECTED = {
    ("es", "Bolivia"): ("1.234.567,50", "5/3/2027", "11.033", "2,5"),
    ("es", "Colombia"): ("1.234.567,50", "5/03/2027", "11.033", "2,5"),
    ("es", "Argentina"): ("1.234.567,50", "5/3/2027", "11.033", "2,5"),
    ("en", "Bolivia"): ("1,234,567.50", "3/5/2027", "11,033", "2.5"),
    ("en", "Colombia"): ("1,234,567.50", "3/5/2027", "11,033", "2.5"),
}


@pytest.fixture(autouse=True)
def _no_country():
    locales.set_country(None)
    yield
    locales.set_country(None)


@pytest.mark.parametrize(("lang", "country"), list(EXPECTED))
def test_the_same_figures_in_each_readers_locale(lang, country):
    money, day, count, measure = EXPECTED[lang, country]
    locales.set_country(country)
    assert numbers.money(AMOUNT, lang) == money
    assert locales.short_date(DAY, lang) == day
    assert numbers.number(11033, lang) == count
    assert numbers.fixed(2.5, 1, lang) == measure
    assert numbers.decimal(Decimal("2.50"), 2, lang) == measure
    assert locales.parse_short_date(day, lang) == DAY, "a date reads back as it is shown"


def test_the_locale_follows_the_country_by_its_name_or_code():
    assert locales.locale_of("es", "Colombia") == "es_CO"
    assert locales.locale_of("es", " argentina ") == "es_AR"
    assert locales.locale_of("es", "Perú") == locales.locale_of("es", "PE") == "es_PE"
    assert locales.locale_of("es", "Bolivia") == "es_BO"
    assert locales.locale_of("es", "Atlántida") == "es_BO", "an unknown country reads Bolivian"
    assert locales.locale_of("es", "") == "es_BO"
    assert locales.locale_of("en", "Colombia") == "en_US"
    assert numbers.money(AMOUNT, "es") == "1.234.567,50"
    with locales.reading_country("Perú"):
        assert numbers.money(AMOUNT, "es") == "1,234,567.50"
    assert locales.current_country() == ""


@pytest.mark.parametrize(("lang", "country"), list(EXPECTED))
def test_a_printed_document_reads_in_its_language_and_country(tmp_path, lang, country):
    money, day, _count, _measure = EXPECTED[lang, country]
    store = progress_store(tmp_path, country)
    set_language(lang)
    out = tmp_path / "progress.pdf"
    with store.raw_session() as session:
        write_report("progress", session, ReportOptions(generated=date(2027, 4, 1)), out)
    store.close()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert money in text
    assert re.search(rf"(?<![\d/]){re.escape(day)}(?![\d/])", text), day
    assert locales.current_country() == "", "the document's country is not left behind"
    others = {m for (lg, _c), (m, *_rest) in EXPECTED.items() if lg != lang}
    assert not any(other in text for other in others)
