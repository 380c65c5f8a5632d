"""Checks of values typed during a workshop, each refusing with one translated line.

``parse_*`` functions turn typed text into a value or raise :class:`Invalid`;
``validate_*`` functions check a value and return the reason it is refused, or None. The
ranges and the characters a field takes are the rules of
:mod:`planner_desktop.domain.rules`, the same a spreadsheet import and a session file meet.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal, InvalidOperation

from planner_desktop.domain import rules
from planner_desktop.i18n import _

MAX_COUNT = rules.MAX_COUNT
MAX_COST = rules.MAX_MONEY
OLDEST_BIRTH_YEAR = rules.OLDEST_BIRTH_YEAR

_SPACES = re.compile(r"\s+")


class Invalid(ValueError):
    """A typed value was refused; ``str(error)`` is the translated reason, one line."""

    @property
    def reason(self) -> str:
        return str(self)


def clean_text(text: str) -> str:
    """Text as it should be stored: tabs, newlines and runs of spaces become one space.

    Pasting a cell from a spreadsheet or a paragraph from a document brings tabs and line
    breaks that would break a table's row, a printed form or a session file line.
    Any other control character (a NUL, a bell) is left for the value rules to refuse,
    as a spreadsheet import and a session file refuse it.
    """
    return _SPACES.sub(" ", text).strip()


def sentence(reason: str) -> str:
    """A rule's reason shown on its own, next to its field: ``Must be from 0 to 10``."""
    return reason[:1].upper() + reason[1:]


def validate_required(text: str) -> str | None:
    if not clean_text(text):
        return _("This field cannot be empty")
    return None


def parse_required_text(text: str) -> str:
    reason = validate_required(text)
    if reason:
        raise Invalid(reason)
    return clean_text(text)


def parse_optional_text(text: str) -> str:
    return clean_text(text)


def _parse_whole(text: str) -> int:
    cleaned = clean_text(text).replace(" ", "").replace(".", "").replace(",", "")
    if not cleaned:
        return 0
    if cleaned.lstrip("-").isdigit():
        return int(cleaned)
    raise Invalid(_("Type a whole number"))


def validate_population(value: int) -> str | None:
    """A number of people (population, beneficiaries, families): zero or more."""
    reason = rules.COUNT.problem(value)
    return sentence(reason) if reason else None


def parse_count(text: str) -> int:
    """A number of people typed as text (an empty cell is zero)."""
    value = _parse_whole(text)
    reason = validate_population(value)
    if reason:
        raise Invalid(reason)
    return value


def validate_cost(value: Decimal) -> str | None:
    reason = rules.MONEY.problem(value)
    return sentence(reason) if reason else None


def parse_cost(text: str) -> Decimal:
    """An amount typed with either decimal mark (``1500``, ``1.500,50``, ``1500.5``)."""
    cleaned = clean_text(text).replace(" ", "")
    if not cleaned:
        return Decimal(0)
    if "," in cleaned and "." in cleaned:
        # The mark that comes last separates the decimals.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise Invalid(_("Type an amount, such as 15000 or 15000,50")) from None
    if not value.is_finite():
        raise Invalid(_("Type an amount, such as 15000 or 15000,50"))
    reason = validate_cost(value)
    if reason:
        raise Invalid(reason)
    return value.quantize(Decimal("0.01"))


def validate_birth_year(year: int, today: date | None = None) -> str | None:
    rule = rules.BIRTH_YEAR if today is None else replace(rules.BIRTH_YEAR, high=today.year)
    reason = rule.problem(year)
    return sentence(reason) if reason else None


def parse_birth_year(text: str, today: date | None = None) -> int | None:
    """A birth year, or None for an empty cell (many people do not give it)."""
    cleaned = clean_text(text)
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise Invalid(_("Type a year with four digits"))
    year = int(cleaned)
    reason = validate_birth_year(year, today)
    if reason:
        raise Invalid(reason)
    return year


def duplicate_attendance_reason(already_registered: bool) -> str | None:
    """The reason to refuse registering a person a second time at one event."""
    if already_registered:
        return _("This person is already registered at this event")
    return None
