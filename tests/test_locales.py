"""Issue 12, point 10: one date format, the locale's, on paper as on the screen (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from planner_desktop import locales
from planner_desktop.i18n import set_language
from planner_desktop.plan.operations import parse_date
from planner_desktop.reports.layout import printed_date

DAY = date(2026, 11, 2)


@pytest.mark.parametrize("lang,shown", [("es", "2/11/2026"), ("en", "11/2/2026")])
def test_a_date_is_written_and_read_in_the_languages_order(lang: str, shown: str) -> None:
    assert locales.short_date(DAY, lang) == shown
    assert locales.parse_short_date(shown, lang) == DAY
    assert locales.parse_short_date("2026-11-02", lang) == DAY  # year first, any language
    set_language(lang)
    assert printed_date(DAY) == shown  # documents print in their own language
    assert parse_date(shown) == DAY  # what a person types where a plan asks for a date


def test_spanish_reads_the_day_first_and_english_the_month() -> None:
    assert locales.parse_short_date("31/3/2027", "es") == date(2027, 3, 31)
    assert locales.parse_short_date("3/31/2027", "en") == date(2027, 3, 31)
    assert locales.parse_short_date("31.03.27", "es") == date(2027, 3, 31)
    for typed in ("3/31/2027", "31/3", "mañana", "1/2/3/4"):
        with pytest.raises(ValueError):
            locales.parse_short_date(typed, "es")
    assert locales.short_date(None) == ""
