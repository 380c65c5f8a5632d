"""The language of the window: our catalogues, Qt's own dialogs, numbers and dates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner_desktop import i18n
from planner_desktop.locales import locale_of

_installed: list[QTranslator] = []


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
