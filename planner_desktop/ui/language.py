"""The language of the window: our catalogues, Qt's own dialogs, numbers and dates; and the
municipality's country, which picks the Spanish of numbers and dates (``es_CO``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner_desktop import i18n
from planner_desktop.locales import locale_of, set_country

_installed: list[QTranslator] = []


def apply_country(country: str | None) -> None:
    """Show numbers and dates as people of ``country`` write them (the current language)."""
    set_country(country)
    QLocale.setDefault(QLocale(locale_of()))


def apply_language(lang: str) -> None:
    """Show messages, standard dialogs and numbers in ``lang`` from now on."""
    i18n.set_language(lang)
    QLocale.setDefault(QLocale(locale_of(lang)))
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if lang == "en":
        return
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
