"""The one set of value rules (issue 16): complete for the schema, and what each refuses."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from planner_desktop.domain import rules
from planner_desktop.exchange.records import table_specs


def test_every_number_that_travels_has_a_rule():
    assert rules.unruled_numbers() == []


def test_every_field_that_travels_is_ruled_or_bounded_by_its_type():
    for name, spec in table_specs().items():
        for column in spec.table.columns:
            kind = type(column.type).__name__
            if kind in ("Uuid", "Enum", "Boolean"):
                continue
            assert rules.rule_for(name, column.name) is not None, f"{name}.{column.name}"


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("person", "birth_year", 99999),
        ("person", "birth_year", 1800),
        ("person", "birth_year", date.today().year + 1),
        ("community", "families", -1),
        ("community", "population_women", 10**20),
        ("demand", "estimated_cost", Decimal("-0.01")),
        ("demand", "estimated_cost", rules.MAX_MONEY + 1),
        ("community", "name", "a\x00b"),
        ("community", "name", "a\nb"),
        ("community", "name", "a\x85b"),
        ("demand", "description", "a\x07b"),
        ("community", "name", "x" * 256),
        ("event", "date", date(9999, 1, 1)),
        ("demand", "updated_at", datetime(9999, 12, 31)),
        ("demand", "updated_at", datetime.now() + timedelta(days=2)),
        ("demand", "created_at", datetime(1999, 12, 31)),
        ("progress", "physical_percent", 100.5),
        ("progress", "physical_percent", float("nan")),
        ("sdg_link", "sdg", 18),
        ("municipality", "fiscal_year_start", 13),
        ("plan", "start_year", 1900),
    ],
)
def test_a_value_outside_its_rule_is_refused_with_a_reason(table, column, value):
    reason = rules.rule_for(table, column).problem(value)
    assert reason and "\n" not in reason
    assert str(value) not in reason or (isinstance(value, int) and value < 100)
    assert rules.check_row(table, {column: value}) == (column, reason)


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [
        ("person", "birth_year", 1950),
        ("person", "birth_year", None),
        ("community", "families", 0),
        ("community", "population_women", rules.MAX_COUNT),
        ("demand", "estimated_cost", rules.MAX_MONEY),
        ("demand", "description", "Agua\npotable\tpara todos"),
        ("community", "name", "Ñandú Pampa"),
        ("demand", "updated_at", datetime.now() + timedelta(hours=5)),
        ("event", "date", date(2027, 9, 30)),
    ],
)
def test_a_value_within_its_rule_passes(table, column, value):
    assert rules.rule_for(table, column).problem(value) is None


def test_a_future_birth_year_is_refused_whatever_the_year():
    this_year = date.today().year
    assert rules.BIRTH_YEAR.problem(this_year) is None
    assert str(this_year) in rules.BIRTH_YEAR.problem(this_year + 1)
