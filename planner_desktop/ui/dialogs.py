"""The small standard dialogs of the main window: database files and the about box."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from planner_desktop import APP_NAME, __version__
from planner_desktop.i18n import _
from planner_desktop.ui.file_dialogs import open_file, save_file

if TYPE_CHECKING:
    from planner_desktop.settings import Settings


def _folder(settings: Settings) -> str:
    last = settings.get("last_database")
    return str(Path(last).parent) if last else str(Path.home())


def _filter() -> str:
    return _("Planner Desktop databases (*.sqlite *.db);;All files (*)")


def choose_database(parent: QWidget, settings: Settings) -> str | None:
    """An existing database file chosen by the person, or None."""
    path = open_file(parent, _("Open database"), _folder(settings), _filter())
    return path or None


def choose_new_database(parent: QWidget, settings: Settings) -> str | None:
    """A new database file name (``.sqlite`` added when missing); an existing file is refused."""
    path = save_file(parent, _("New database"), Path(_folder(settings)), _filter())
    if not path:
        return None
    if not Path(path).suffix:
        path += ".sqlite"
    if Path(path).exists():
        QMessageBox.warning(
            parent,
            _("New database"),
            _("{file} already exists: open it with File → Open database.").format(
                file=Path(path).name
            ),
        )
        return None
    return path


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _("About Planner Desktop"),
        "<h3>{name} {version}</h3><p>{text}</p>".format(
            name=APP_NAME,
            version=__version__,
            text=_(
                "Participatory municipal planning, offline: workshops, self-diagnosis "
                "(autodiagnóstico), prioritization, PDM and POA."
            ),
        ),
    )
