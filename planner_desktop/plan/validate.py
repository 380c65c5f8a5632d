"""Checks of one typed value, for the window to refuse it in place.

Each function returns None when the value is acceptable, or the one-line reason (translated)
to show next to the field. Nothing here reads or writes the database.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from planner_desktop.domain import rules
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.plan.numbers import parse_number
from planner_desktop.reports.numbers import money

MAX_AMOUNT = rules.MAX_MONEY
"""Above a hundred thousand million (Bs) an amount is taken as a typing mistake (the rule of
every money field, :mod:`planner_desktop.domain.rules`)."""

Number = Decimal | int | float | str


def to_number(value: Number | None) -> Decimal | None:
    """A typed or stored value as a Decimal, or None when it is not a number."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_number(value)
    if isinstance(value, float) and value != value:  # NaN
        return None
    return Decimal(str(value))


def amount(value: Number | None) -> str | None:
    """A cost, budget or ceiling: a number of at most two decimals, from 0 up to MAX_AMOUNT."""
    number = to_number(value)
    if number is None:
        return _("the amount is not a number")
    if number < 0:
        return _("an amount cannot be negative")
    if number > MAX_AMOUNT:
        return _("the amount is too large (more than {limit})").format(limit=money(MAX_AMOUNT))
    if number != number.quantize(Decimal("0.01")):
        return _("an amount has at most two decimals (cents)")
    return None


def percent(value: Number | None) -> str | None:
    """A percentage (physical progress, a share): from 0 to 100."""
    number = to_number(value)
    if number is None:
        return _("the percentage is not a number")
    if rules.PERCENT.problem(number) is not None:
        return _("a percentage goes from 0 to 100")
    return None


def year_in_period(year: int, start: int, end: int) -> str | None:
    """A programming, target or POA year must fall in the plan period."""
    if not start <= year <= end:
        return _("{year} is outside the plan period {start}–{end}").format(
            year=year, start=start, end=end
        )
    return None


def funding_split(cost: Number, amounts: Iterable[Number]) -> str | None:
    """The shares of the funding sources must add up to the project's cost exactly."""
    total_cost = to_number(cost)
    shares = [to_number(share) for share in amounts]
    if total_cost is None or any(share is None for share in shares):
        return _("the amount is not a number")
    funded = sum((share for share in shares if share is not None), Decimal(0))
    if funded != total_cost:
        gap = total_cost - funded
        if gap > 0:
            return _("the funding adds up to {funded}, {gap} short of the cost {cost}").format(
                funded=money(funded), gap=money(gap), cost=money(total_cost)
            )
        return _("the funding adds up to {funded}, {gap} more than the cost {cost}").format(
            funded=money(funded), gap=money(-gap), cost=money(total_cost)
        )
    return None


def policy_parent(
    policy_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    parents: Mapping[uuid.UUID, uuid.UUID | None],
) -> str | None:
    """Giving ``policy_id`` the parent ``parent_id`` must not close a cycle.

    ``parents`` maps each policy to its current parent (None at the top).
    """
    node, seen = parent_id, set()
    while node is not None and node not in seen:
        if node == policy_id:
            return _("a policy cannot be placed under itself or under one of its lineamientos")
        seen.add(node)
        node = parents.get(node)
    return None


def operation_dates(fiscal_year: int, start: date | None, end: date | None) -> str | None:
    """An operation's schedule must fall inside its POA's fiscal year, start before end."""
    for day in (start, end):
        if day is not None and day.year != fiscal_year:
            return _("{day} is outside the fiscal year {year} of the POA").format(
                day=short_date(day), year=fiscal_year
            )
    if start is not None and end is not None and end < start:
        return _("the operation ends before it starts")
    return None


def target_text(text: str | None) -> str | None:
    """A target must be a number (a percentage sign is allowed) so it can be measured."""
    if parse_number(text) is None:
        return _("a target must be a number, such as 120 or 85 %")
    return None
