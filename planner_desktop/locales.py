"""The locale of each language of the program, and the one way a date is shown and typed.

A date reads the same on the screen and on paper: the short format of the language's
locale with the year in full (``2/11/2026`` in Bolivia, ``11/2/2026`` in the United
States). The window gets it from ``QLocale`` with the same locale names
(``ui.formatting.date_format``), printed documents and the core from Babel's CLDR data
here; both give the same pattern. No Qt here.

A typed date is read in the order of that format (day first in Spanish, month first in
English), with ``/``, ``-`` or ``.`` between the numbers; ``2027-03-31`` (year first, as a
spreadsheet writes it) is read in every language. A two-digit year is of this century.
"""

from __future__ import annotations

import re
from datetime import date

from babel.dates import format_date, get_date_format

from planner_desktop import i18n

LOCALES: dict[str, str] = {"es": "es_BO", "en": "en_US"}
"""The locale of numbers and dates for each language (Bolivian Spanish first)."""


def locale_of(lang: str | None = None) -> str:
    """The locale of ``lang`` (the current language when None)."""
    return LOCALES.get(lang or i18n.current_language(), LOCALES[i18n.DEFAULT_LANGUAGE])


def date_pattern(lang: str | None = None) -> str:
    """The locale's short date pattern (CLDR syntax) with the year in full."""
    pattern = str(get_date_format("short", locale=locale_of(lang)).pattern)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def short_date(day: date | None, lang: str | None = None) -> str:
    """``day`` as people of ``lang`` write it; empty for no date."""
    if day is None:
        return ""
    return str(format_date(day, date_pattern(lang), locale=locale_of(lang)))


def parse_short_date(typed: str, lang: str | None = None) -> date:
    """A date typed as :func:`short_date` shows it, or year first; ``ValueError`` if not."""
    parts = [part for part in re.split(r"\s*[/.\-]\s*", typed.strip()) if part]
    if len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError(typed)
    if len(parts[0]) == 4:
        year, month, day = (int(part) for part in parts)
        return date(year, month, day)
    order = [letter for letter in re.findall(r"[dMy]", date_pattern(lang))]
    fields = dict(zip(dict.fromkeys(order), (int(part) for part in parts), strict=True))
    year = fields["y"] + 2000 if fields["y"] < 100 else fields["y"]
    return date(year, fields["M"], fields["d"])
