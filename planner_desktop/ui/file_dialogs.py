"""File dialogs in the language of the window, and file names that never overwrite silently.

The platform's native dialogs (GTK's portal on Linux, in particular) follow the system's
language, not the one chosen in the window; Qt's own dialog is translated by the
``qtbase`` catalogue that :mod:`planner_desktop.ui.language` installs, so every dialog here
asks for it (``DontUseNativeDialog``). Qt's save dialog asks before replacing a file.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

OWN_DIALOG = QFileDialog.Option.DontUseNativeDialog


def save_file(parent: QWidget | None, caption: str, suggested: Path, filters: str) -> str:
    """A file name to write, or ``""``; replacing an existing file is asked first."""
    path, _chosen = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters,
                                                options=OWN_DIALOG)
    return path


def open_file(parent: QWidget | None, caption: str, folder: str, filters: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, caption, folder, filters,
                                                options=OWN_DIALOG)
    return path


def open_files(parent: QWidget | None, caption: str, folder: str, filters: str) -> list[str]:
    paths, _chosen = QFileDialog.getOpenFileNames(parent, caption, folder, filters,
                                                  options=OWN_DIALOG)
    return list(paths)


def existing_folder(parent: QWidget | None, caption: str, folder: str) -> str:
    return QFileDialog.getExistingDirectory(
        parent, caption, folder, QFileDialog.Option.ShowDirsOnly | OWN_DIALOG)


def slug(text: str, most: int = 40) -> str:
    """``text`` as a piece of a file name: no accents, lower case, words joined by ``-``."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:most].rstrip("-")


def document_name(document: str, about: str, day: date, suffix: str) -> str:
    """``acta-villa-fatima-2026-11-02.pdf``: the document, what it is about, the date."""
    parts = [slug(document), slug(about), day.isoformat()]
    return "-".join(part for part in parts if part) + suffix


def free_path(path: Path) -> Path:
    """``path``, or the first of ``name-2``, ``name-3``… that does not exist yet."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1
