"""The one translation function of the program (gettext, no Qt: the core uses it too).

Messages are written in English in the code and wrapped in ``_()``; module-level constants
are marked with ``N_()`` and passed through ``_()`` when shown. Catalogues live in
``translations/<lang>/LC_MESSAGES/planner_desktop.po`` and are compiled to ``.mo`` by
``make mo``. When a ``.mo`` is missing or older than its ``.po`` (a fresh checkout), the
``.po`` is compiled in memory, so the Spanish interface never falls back to English just
because nobody ran the build step.
"""

from __future__ import annotations

import gettext
import logging
import threading
from io import BytesIO
from pathlib import Path

from planner_desktop import paths

DOMAIN = "planner_desktop"
DEFAULT_LANGUAGE = "es"
LANGUAGES: dict[str, str] = {"es": "Español", "en": "English"}

log = logging.getLogger(__name__)

_lock = threading.Lock()
_catalogues: dict[str, gettext.NullTranslations] = {}
_language = DEFAULT_LANGUAGE


def _(message: str) -> str:
    """Translate *message* into the current language."""
    return _catalogue(_language).gettext(message)


def N_(message: str) -> str:
    """Mark *message* for extraction and return it unchanged; translate it later with ``_()``."""
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural pair for extraction as one plural message; translate
    it later with :func:`ngettext`."""
    return singular, plural


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate the form of a message that fits the number *n*."""
    return _catalogue(_language).ngettext(singular, plural, n)


def set_language(lang: str) -> None:
    """Show messages in *lang* (a key of LANGUAGES) from now on."""
    if lang not in LANGUAGES:
        choices = ", ".join(LANGUAGES)
        raise ValueError(f"unknown language {lang!r}: choose one of {choices}")
    global _language
    _catalogue(lang)
    _language = lang


def current_language() -> str:
    """The language messages are shown in."""
    return _language


def catalogue_file(lang: str, suffix: str = ".po") -> Path:
    """Where the catalogue of *lang* lives (``.po`` source or compiled ``.mo``)."""
    return paths.translations_dir() / lang / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def clear_cache() -> None:
    """Forget loaded catalogues, so the next message reloads them (after editing a ``.po``)."""
    with _lock:
        _catalogues.clear()


def _catalogue(lang: str) -> gettext.NullTranslations:
    found = _catalogues.get(lang)
    if found is None:
        with _lock:
            found = _catalogues.get(lang)
            if found is None:
                found = _catalogues[lang] = _load(lang)
    return found


def _load(lang: str) -> gettext.NullTranslations:
    po = catalogue_file(lang, ".po")
    mo = catalogue_file(lang, ".mo")
    if _is_up_to_date(mo, po):
        try:
            with mo.open("rb") as stream:
                return gettext.GNUTranslations(stream)
        except OSError as error:
            log.warning("Cannot read %s (%s); using the .po instead", mo, error)
    if po.is_file():
        try:
            return _compile_in_memory(po, lang)
        except (OSError, ValueError) as error:
            log.warning("Cannot read %s (%s); showing messages untranslated", po, error)
            return gettext.NullTranslations()
    if lang != "en":
        log.warning("No %r catalogue in %s; showing messages untranslated", lang, po.parent)
    return gettext.NullTranslations()


def _is_up_to_date(mo: Path, po: Path) -> bool:
    try:
        mo_time = mo.stat().st_mtime
    except OSError:
        return False
    try:
        return mo_time >= po.stat().st_mtime
    except OSError:
        return True  # an installed build may ship the .mo alone


def _compile_in_memory(po: Path, lang: str) -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with po.open("rb") as stream:
            catalog = read_po(stream, locale=lang, domain=DOMAIN)
    except PoFileError as error:
        raise ValueError(str(error)) from error
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)
