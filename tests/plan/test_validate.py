"""The one-line reasons the window shows to refuse bad input in place (issue 6)."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from planner_desktop.plan import validate
from planner_desktop.plan.numbers import parse_number


@pytest.mark.parametrize(("text", "value"), [
    ("12", Decimal(12)), ("85 %", Decimal(85)), ("85%", Decimal(85)), ("1,5", Decimal("1.5")),
    ("1.250", Decimal(1250)), ("1.250.000,50", Decimal("1250000.50")),
    ("1,250,000.50", Decimal("1250000.50")), ("-3", Decimal(-3)), ("12 500", Decimal(12500)),
    ("", None), ("alta", None), ("12 a 15", None), ("1.2.3", None), (None, None),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_amount():
    assert validate.amount("1.250.000,50") is None
    assert validate.amount(Decimal(0)) is None
    assert "negative" in validate.amount(-1)
    assert "not a number" in validate.amount("mil")
    assert "too large" in validate.amount("1000000000000000")
    assert "two decimals" in validate.amount("10,5551")
    assert "not a number" in validate.amount(float("nan"))


def test_percent():
    assert validate.percent("85 %") is None and validate.percent(0) is None
    assert validate.percent(100) is None
    assert "0 to 100" in validate.percent(101)
    assert "0 to 100" in validate.percent("-1")
    assert "not a number" in validate.percent("mucho")


def test_year_in_period():
    assert validate.year_in_period(2026, 2026, 2030) is None
    assert validate.year_in_period(2031, 2026, 2030) == "2031 is outside the plan period 2026–2030"


def test_funding_split():
    assert validate.funding_split("1000", ["600", Decimal(400)]) is None
    assert "100.00 short of the cost" in validate.funding_split(1000, ["600", "300.00"])
    assert "50.00 more than the cost 1,000.00" in validate.funding_split(1000, [1050])
    assert "not a number" in validate.funding_split(1000, ["mitad"])


def test_policy_parent_refuses_a_cycle():
    top, middle, low = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    parents = {top: None, middle: top, low: middle}
    assert validate.policy_parent(low, middle, parents) is None
    assert validate.policy_parent(top, None, parents) is None
    assert "under itself" in validate.policy_parent(top, low, parents)
    assert "under itself" in validate.policy_parent(top, top, parents)


def test_operation_dates():
    assert validate.operation_dates(2027, date(2027, 2, 1), date(2027, 11, 30)) is None
    assert validate.operation_dates(2027, None, None) is None
    assert "outside the fiscal year 2027" in validate.operation_dates(
        2027, date(2027, 2, 1), date(2028, 1, 5))
    assert "ends before it starts" in validate.operation_dates(
        2027, date(2027, 5, 1), date(2027, 2, 1))


def test_target_text():
    assert validate.target_text("120") is None and validate.target_text("85 %") is None
    assert "must be a number" in validate.target_text("alta")
    assert "must be a number" in validate.target_text("")
