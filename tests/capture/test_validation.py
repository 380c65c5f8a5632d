"""Validation of typed values, without Qt (issue 3: bad input refused with a reason)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from planner_desktop.capture import validation as v
from planner_desktop.i18n import set_language


def test_pasted_text_with_tabs_and_newlines_becomes_one_line():
    assert v.clean_text("Agua\tpotable\r\npara\n\n la  escuela ") == "Agua potable para la escuela"
    assert v.parse_required_text("  Puente\tpeatonal\n") == "Puente peatonal"


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_required_field_is_refused(text):
    with pytest.raises(v.Invalid, match="cannot be empty"):
        v.parse_required_text(text)


def test_population_counts():
    assert v.parse_count("1.250") == 1250
    assert v.parse_count("") == 0
    assert v.validate_population(0) is None
    assert v.validate_population(-1) == "Must be from 0 to 10,000,000"
    assert v.validate_population(10**20) == "Must be from 0 to 10,000,000"
    with pytest.raises(v.Invalid, match="from 0 to"):
        v.parse_count("-5")
    with pytest.raises(v.Invalid, match="whole number"):
        v.parse_count("doce")


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("15000", "15000.00"),
        ("15.000,50", "15000.50"),
        ("15,000.50", "15000.50"),
        ("1500,5", "1500.50"),
        ("", "0.00"),
    ],
)
def test_costs_in_either_notation(text, amount):
    assert v.parse_cost(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["-1", "abc", "NaN", "Infinity"])
def test_bad_costs_are_refused(text):
    with pytest.raises(v.Invalid):
        v.parse_cost(text)
    assert v.validate_cost(Decimal(-1)) == "Must be from 0 to 100,000,000,000"


def test_birth_year():
    today = date(2026, 5, 1)
    assert v.parse_birth_year("1980", today) == 1980
    assert v.parse_birth_year("", today) is None
    assert v.validate_birth_year(2027, today) == "Must be a year from 1900 to 2026"
    with pytest.raises(v.Invalid, match="1900 to 2026"):
        v.parse_birth_year("2030", today)
    with pytest.raises(v.Invalid, match="1900 to 2026"):
        v.parse_birth_year("99999", today)
    with pytest.raises(v.Invalid, match="1900"):
        v.parse_birth_year("1850", today)


def test_duplicate_attendance_reason():
    assert v.duplicate_attendance_reason(False) is None
    assert "already registered" in v.duplicate_attendance_reason(True)


def test_reasons_are_translated_to_spanish():
    set_language("es")
    assert v.validate_population(-3) == "Debe ser de 0 a 10.000.000"
    assert v.validate_cost(Decimal(-3)) == "Debe ser de 0 a 100.000.000.000"
    assert "Debe ser un año de 1900 a" in v.validate_birth_year(3000)
    assert "vacío" in v.validate_required("")
