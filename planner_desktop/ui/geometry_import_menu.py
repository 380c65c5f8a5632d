"""The File menu's entry for importing territory shapes, installed without loading the
import dialog (and the database and geometry modules behind it) until it is chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.ui.main_window import MainWindow


def _open(window: MainWindow) -> None:
    from planner_desktop.ui.geometry_import import open_geometry_import

    open_geometry_import(window)


def install(window: MainWindow) -> None:
    """Add "Import territory shapes…" to the File menu, before Quit."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "menu_file":
            entry = QAction(_("Import territory &shapes…"), menu)
            entry.setObjectName("action_import_shapes")
            window.icons.set(entry, "mdi6.map-outline")
            entry.triggered.connect(lambda _checked=False: _open(window))
            separators = [a for a in menu.actions() if a.isSeparator()]
            if separators:
                menu.insertAction(separators[-1], entry)
            else:
                menu.addAction(entry)
            return
