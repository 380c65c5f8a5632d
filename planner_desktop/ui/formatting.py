"""How numbers, amounts, dates and codes are shown, in the language of the window."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt

from planner_desktop.domain import labels
from planner_desktop.i18n import _
from planner_desktop.ui.columns import Kind

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


def number(value: int | float) -> str:
    return QLocale().toString(int(value))


def decimal(value: float, places: int) -> str:
    """A measure with up to ``places`` decimals, none shown when it is whole (1,5 / 2)."""
    text = QLocale().toString(float(value), "f", places)
    point = QLocale().decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text


def money(value: Decimal | float | int | None) -> str:
    """An amount: whole units when there are no cents, else two decimals."""
    if value is None:
        return ""
    amount = Decimal(value)
    decimals = 0 if amount == amount.to_integral_value() else 2
    return QLocale().toString(float(amount), "f", decimals)


def percent(value: float | None) -> str:
    if value is None:
        return ""
    return f"{QLocale().toString(float(value), 'f', 0)} %"


def date_format() -> str:
    """The one date format of the window: the locale's short format with the year in full
    (``d/M/yyyy`` in Bolivia, ``M/d/yyyy`` in the United States). Date fields show it too."""
    shape = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in shape:
        shape = shape.replace("yy", "yyyy")
    return shape


def short_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


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
        return number(value) if isinstance(value, int) else QLocale().toString(float(value), "f", 1)
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
