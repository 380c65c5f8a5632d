"""Every number a person reads, in the reader's locale (Babel, CLDR): the one module for
documents, the window (through ``ui.formatting``), spreadsheet text and messages.

The locale is :func:`planner_desktop.locales.locale_of`: the language of the document or
the window, and for Spanish the municipality's country. A Bolivian, Colombian or
Argentine plan in Spanish prints ``5.456.200`` and ``851.000,00``, a Peruvian one
``851,000.00``; English prints ``5,456,200`` and ``851,000.00`` whatever the country.
The window calls these same functions, so a figure reads alike on screen and on paper.

- :func:`number`: counts and measures, thousands grouped, at most three decimals (as the
  locale's own pattern writes them);
- :func:`money`: amounts, always two decimals, no currency sign (the column or the line
  says the currency);
- :func:`percent`: a whole percentage followed by a space and ``%``, as the window shows it;
- :func:`hundredths`: a percentage with exactly two decimals (a self-assessment score),
  ``86,50 %`` / ``86.50 %``;
- :func:`decimal`: a measure with at most ``places`` decimals (``1,5``; ``2``);
- :func:`fixed`: a measure with exactly ``places`` decimals (``2,0``);
- :func:`typed`: text a person typed (a target, a baseline): reprinted in the locale's
  format when it is a plain number, otherwise left exactly as typed.

Years, codes and rank positions are not quantities: they are printed as they are.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from babel.numbers import format_decimal

from planner_desktop.locales import locale_of
from planner_desktop.plan.numbers import parse_number

Number = int | float | Decimal
MONEY = "#,##0.00"
WHOLE = "#,##0"


def is_quantity(value: Any) -> bool:
    """Whether ``value`` is a number to be printed in the locale's format (not a flag)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def printed(value: Any) -> str:
    """Any cell's value as text: a number in the locale's format, None empty, the rest
    as it is."""
    if is_quantity(value):
        return number(value)
    return "" if value is None else str(value)


def number(value: Number | None, lang: str | None = None) -> str:
    """A count or measure: ``11.033`` / ``11,033``; empty for None."""
    if value is None:
        return ""
    return str(format_decimal(value, locale=locale_of(lang)))


def decimal(value: Number | None, places: int, lang: str | None = None) -> str:
    """A measure with at most ``places`` decimals, none shown when it is whole:
    ``1.234,5`` / ``1,234.5``; empty for None."""
    if value is None:
        return ""
    shape = WHOLE + ("." + "#" * places if places > 0 else "")
    return str(format_decimal(_exact(value), format=shape, locale=locale_of(lang)))


def fixed(value: Number | None, places: int, lang: str | None = None) -> str:
    """A measure with exactly ``places`` decimals: ``2,0`` / ``2.0``; empty for None."""
    if value is None:
        return ""
    shape = WHOLE + ("." + "0" * places if places > 0 else "")
    return str(format_decimal(_exact(value), format=shape, locale=locale_of(lang)))


def _exact(value: Number) -> Decimal | int:
    """A float as the decimal it was written as (``0.1`` is ``0.1``, not its binary value)."""
    return Decimal(str(value)) if isinstance(value, float) else value


def money(value: Number | None, lang: str | None = None) -> str:
    """An amount with two decimals: ``851.000,00`` / ``851,000.00``; None is zero."""
    amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value or 0)
    return str(format_decimal(amount, format=MONEY, locale=locale_of(lang)))


def percent(value: Number | None, lang: str | None = None) -> str:
    """A whole percentage as the window shows it: ``45 %``; empty for None."""
    if value is None:
        return ""
    return f"{format_decimal(value, format=WHOLE, locale=locale_of(lang))} %"


def hundredths(value: Number | None, lang: str | None = None) -> str:
    """A percentage with two decimals: ``86,50 %`` / ``86.50 %``; empty for None."""
    if value is None:
        return ""
    amount = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return f"{format_decimal(amount, format=MONEY, locale=locale_of(lang))} %"


def share(part: Number, whole: Number, lang: str | None = None) -> str:
    """``part`` as a whole percentage of ``whole``; a dash when ``whole`` is zero."""
    if not whole:
        return "—"
    return percent(Decimal(str(part)) * 100 / Decimal(str(whole)), lang)


def typed(text: str | None, lang: str | None = None) -> str:
    """A typed value reprinted in the locale's format when it is a plain number
    (``"851000.00"`` → ``851.000,00``; ``"85 %"`` → ``85 %``), else as typed."""
    if not text:
        return ""
    found = parse_number(text)
    if found is None:
        return text
    shown = number(found, lang)
    return f"{shown} %" if text.strip().endswith("%") else shown
