"""Typed values of a profile, parsed or refused with the reasons of ``plan.validate``
(no Qt here)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.i18n import _
from planner_desktop.plan import validate
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.scope import PlanPeriod

MAX_MONTHS = 600


def parse_amount(text: Any) -> Decimal:
    """A cost or a share of funding; an empty cell is zero."""
    typed = clean_text(str(text)) if text is not None else ""
    if not typed:
        return Decimal(0)
    number = parse_number(typed)
    reason = validate.amount(number if number is not None else typed)
    if reason or number is None:
        raise Invalid(reason or _("the amount is not a number"))
    return number.quantize(Decimal("0.01"))


def parse_months(text: Any) -> int:
    typed = clean_text(str(text))
    if not typed.isdigit() or not 1 <= int(typed) <= MAX_MONTHS:
        raise Invalid(_("a duration is a whole number of months from 1 to {n}").format(
            n=MAX_MONTHS))
    return int(typed)


def parse_target(text: Any) -> str:
    """A yearly target: a number (``85 %`` allowed), kept as typed."""
    typed = clean_text(str(text or ""))
    reason = validate.target_text(typed)
    if reason:
        raise Invalid(reason)
    return typed


def year_parser(period: PlanPeriod | None) -> Any:
    """A parser of a target year inside the plan period (any four digits without one)."""

    def parse(text: Any) -> int:
        typed = clean_text(str(text))
        if not (typed.isdigit() and len(typed) == 4):
            raise Invalid(_("Type a year with four digits"))
        year = int(typed)
        if period is not None:
            reason = validate.year_in_period(year, period.start, period.end)
            if reason:
                raise Invalid(reason)
        return year

    return parse
