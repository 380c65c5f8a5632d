"""Typed values of a profile, parsed or refused with the reasons of the one set of rules
(:mod:`planner_desktop.domain.rules`) and of ``plan.validate`` (no Qt here)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from planner_desktop.capture.rule_checks import parse_whole
from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain import rules
from planner_desktop.i18n import _
from planner_desktop.plan import validate
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.scope import PlanPeriod


def parse_amount(text: Any) -> Decimal:
    """A cost, a budget, a ceiling or a share of funding; an empty cell is zero. The range
    is the rule of money (the words ``session verify`` uses); cents at most."""
    typed = clean_text(str(text)) if text is not None else ""
    if not typed:
        return Decimal(0)
    number = parse_number(typed)
    if number is None:
        raise Invalid(_("the amount is not a number"))
    reason = rules.MONEY.problem(number) or validate.amount(number)
    if reason:
        raise Invalid(reason)
    return number.quantize(Decimal("0.01"))


def parse_months(text: Any) -> int:
    """A duration in whole months (required); its range is the rule of
    ``project_profile.duration_months``, checked by the field."""
    months = parse_whole(text, empty=None)
    if months is None:
        raise Invalid(_("Type a whole number"))
    return months


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
