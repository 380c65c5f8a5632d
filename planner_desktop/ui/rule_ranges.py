"""Spin boxes, date edits and line edits that take their limits from the one set of rules.

A widget bound to a stored field gets its lowest and highest value (or its longest text)
from :mod:`planner_desktop.domain.rules` through
:mod:`planner_desktop.capture.rule_checks`, so a person cannot pick in the window a value
that ``session verify`` or a merge would refuse. ``within`` narrows the rule's range to a
stricter one declared elsewhere (a plan's period checks), never widens it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QLineEdit, QSpinBox

from planner_desktop.capture.rule_checks import bounds, max_length

SPIN_MAX = 2**31 - 1
"""The largest value a spin box holds (a field whose rule has no upper bound)."""


def _narrowed(
    table: str, column: str, within: tuple[int | None, int | None]
) -> tuple[int, int]:
    low, high = bounds(table, column)
    lows = [int(v) for v in (low, within[0]) if v is not None]
    highs = [int(v) for v in (high, within[1]) if v is not None]
    return max(lows, default=0), min(highs, default=SPIN_MAX)


def fit_spin(
    spin: QSpinBox, table: str, column: str, within: tuple[int | None, int | None] = (None, None)
) -> None:
    """Give ``spin`` the range of ``table.column`` (narrowed by ``within``)."""
    low, high = _narrowed(table, column, within)
    spin.setRange(low, high)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def fit_date(edit: QDateEdit, table: str, column: str) -> None:
    """Give ``edit`` the first and last day ``table.column`` accepts."""
    low, high = bounds(table, column)
    if isinstance(low, date):
        edit.setMinimumDate(_qdate(low))
    if isinstance(high, date):
        edit.setMaximumDate(_qdate(high))


def fit_length(edit: QLineEdit, table: str, column: str) -> None:
    """Let ``edit`` hold no more characters than ``table.column`` stores."""
    edit.setMaxLength(max_length(table, column))
