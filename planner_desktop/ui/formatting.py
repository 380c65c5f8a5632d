"""How numbers, amounts, dates and codes are shown in the window: in the reader's locale,
through the same Babel functions as printed documents (:mod:`planner_desktop.reports.numbers`
and :mod:`planner_desktop.locales`), so a figure reads alike on screen and on paper.

The locale follows the window's language and, for Spanish, the municipality's country
(``ui.language.apply_country``). ``QLocale`` is only the default of Qt's own widgets.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt

from planner_desktop import locales
from planner_desktop.domain import labels
from planner_desktop.i18n import _
from planner_desktop.reports import numbers
from planner_desktop.ui.columns import Kind

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def number(value: int | float) -> str:
    """A count, thousands grouped: ``11.033`` / ``11,033``."""
    return numbers.number(int(value))


def decimal(value: float, places: int) -> str:
    """A measure with up to ``places`` decimals, none shown when it is whole (1,5 / 2)."""
    return numbers.decimal(value, places)


def money(value: Decimal | float | int | None) -> str:
    """An amount with two decimals and no currency sign (``851.000,00``); empty for None."""
    if value is None:
        return ""
    return numbers.money(value)


def percent(value: float | None) -> str:
    """A whole percentage: ``45 %``; empty for None."""
    return numbers.percent(value)


def date_format() -> str:
    """The one date format of the window: the locale's short format with the year in full
    (``d/M/yyyy`` in Bolivia, ``d/MM/yyyy`` in Colombia, ``M/d/yyyy`` in the United
    States). Date fields show it too (Qt reads these letters as CLDR does)."""
    return locales.date_pattern()


def short_date(value: date | None) -> str:
    return locales.short_date(value)


def date_time(value: datetime | None) -> str:
    """A moment in the local time: the date as :func:`short_date`, then hours and minutes."""
    if value is None:
        return ""
    local = value.astimezone() if value.tzinfo is not None else value
    return f"{short_date(local.date())} {local:%H:%M}"


def display(kind: Kind, value: Any) -> str:
    """The text of one cell."""
    if value is None:
        return ""
    if kind is Kind.number:
        return number(value) if isinstance(value, int) else numbers.fixed(value, 1)
    if kind is Kind.money:
        return money(value)
    if kind is Kind.percent:
        return percent(value)
    if kind is Kind.date:
        return short_date(value)
    if kind is Kind.label:
        return labels.label(value) if isinstance(value, StrEnum) else str(value)
    if kind is Kind.flag:
        return _("Yes") if value else _("No")
    return str(value)


def alignment(kind: Kind) -> Qt.AlignmentFlag:
    if kind in (Kind.number, Kind.money, Kind.percent):
        return RIGHT
    if kind in (Kind.flag, Kind.date):
        return CENTER
    return LEFT
