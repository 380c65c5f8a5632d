"""The reader's locale, and the one way a date is shown and typed.

The locale follows the language of the interface or the document, and for Spanish also the
municipality's country: a Bolivian plan reads ``es_BO``, a Colombian one ``es_CO``, an
Argentine one ``es_AR`` (dates such as ``5/03/2026`` in Colombia against ``5/3/2026`` in
Bolivia; Peru and Mexico group thousands with commas). The country is the text stored on
the municipality, matched against Babel's names of territories in Spanish and English
(``Bolivia``, ``Perú``, ``Peru``), whatever the case or accents; an unknown country, or
none, reads Bolivian Spanish, the program's first. English is always ``en_US``: an
English reader expects English figures whatever the country of the plan. The window
and the documents set the country with :func:`set_country` once they know the
municipality (:func:`reading_country` for one document).

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
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache

from planner_desktop import i18n

# Babel (about 8 ms to import) is imported where it is used: the window's first frame
# needs only locale_of() for a language, which needs none of it.

LOCALES: dict[str, str] = {"es": "es_BO", "en": "en_US"}
"""The locale of numbers and dates for each language (Bolivian Spanish first)."""


_country = ""
"""The municipality's country as stored (empty until the window or a document sets it)."""


def _folded(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def _territories(language: str) -> dict[str, str]:
    """Folded country names in ``language`` (Babel's) → their territory codes."""
    from babel import Locale

    found: dict[str, str] = {}
    for code, name in Locale.parse(language).territories.items():
        if len(code) == 2 and code.isalpha():
            found[_folded(name)] = code
    return found


def territory_of(country: str | None) -> str | None:
    """The two-letter code of ``country`` (a name or a code), None when it is unknown.

    Spanish names are looked up first, English ones only for a name Spanish does not
    have, so a plan whose country is written in Spanish never loads English locale data.
    """
    if not country or not country.strip():
        return None
    wanted = _folded(country)
    if len(wanted) == 2 and wanted.upper() in _territories("es").values():
        return wanted.upper()
    return _territories("es").get(wanted) or _territories("en").get(wanted)


def set_country(country: str | None) -> None:
    """Read numbers and dates as people of ``country`` do from now on (None: unknown)."""
    global _country
    _country = country or ""


def current_country() -> str:
    return _country


@contextmanager
def reading_country(country: str | None) -> Iterator[None]:
    """The country of ``country`` for the block (one document), the previous one after."""
    before = _country
    set_country(country)
    try:
        yield
    finally:
        set_country(before)


def locale_of(lang: str | None = None, country: str | None = None) -> str:
    """The locale of ``lang`` (the current language when None) for a reader of
    ``country`` (the one set with :func:`set_country` when None)."""
    language = lang or i18n.current_language()
    default = LOCALES.get(language, LOCALES[i18n.DEFAULT_LANGUAGE])
    if language != "es":
        return default
    territory = territory_of(_country if country is None else country)
    if territory is None:
        return default
    from babel import localedata

    wanted = f"es_{territory}"
    return wanted if localedata.exists(wanted) else default


def date_pattern(lang: str | None = None) -> str:
    """The locale's short date pattern (CLDR syntax) with the year in full."""
    from babel.dates import get_date_format

    pattern = str(get_date_format("short", locale=locale_of(lang)).pattern)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def short_date(day: date | None, lang: str | None = None) -> str:
    """``day`` as people of ``lang`` write it; empty for no date."""
    if day is None:
        return ""
    from babel.dates import format_date

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
