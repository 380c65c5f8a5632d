"""Where the main window was and how its bars were laid out, kept in the settings.

Qt's ``saveGeometry``/``saveState`` bytes are stored as base64 text, like any option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar, QWidget

if TYPE_CHECKING:
    from planner_desktop.settings import Settings

DOCK_WIDTH = 270
FIRST_LAYOUT = (
    "AAAA/wAAAAD9AAAAAQAAAAAAAAEOAAAC8/wCAAAAAfsAAAASAHQAZQByAHIAaQB0AG8AcgB5AQAAABMAAALzAAAA"
    "VgD///8AAAGhAAAC8wAAAAQAAAAEAAAACAAAAAj8AAAAAQAAAAAAAAABAAAAFABuAGEAdgBpAGcAYQB0AGkAbwBu"
    "AwAAAAD/////AAAAAAAAAAA="
)
"""The bars of a first start as ``saveState`` writes them: the phase bar (``navigation``)
and the territory dock (``territory``, :data:`DOCK_WIDTH` wide) on the left. Restoring it
lays the window out exactly as naming the areas does, without naming them; a test checks
that it still matches what the areas give (write it again from ``saveState`` if the bars
change)."""


def place(
    window: QMainWindow, settings: Settings, bar: QToolBar, dock: QDockWidget
) -> bool:
    """Put the window, its phase bar and its territory dock back where they were; the
    first time, fit the window to the screen with both on the left. Returns whether the
    window should be shown maximised (a first start on a laptop screen), which the caller
    does with ``showMaximized``.

    No start names Qt's area or window-state enums: the first one named builds every enum
    of Qt's namespace (~16 to 40 ms before the first frame). ``restoreState`` moves the
    bar from the top, where it is first added, and places the dock (a child of the window
    found by its object name) as they were, or as :data:`FIRST_LAYOUT` has them.
    """
    geometry = settings.get("window_geometry")
    state = from_base64(settings.get("window_state") or "")
    window.addToolBar(bar)
    maximize = False
    if not (geometry and window.restoreGeometry(from_base64(geometry))):
        maximize = first_geometry(window)
    for layout in (state, from_base64(FIRST_LAYOUT)):
        if _holds(layout, bar, dock) and window.restoreState(layout):
            return maximize
    from PySide6.QtCore import Qt

    window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    return maximize


def _holds(state: QByteArray, *widgets: QWidget) -> bool:
    """The saved layout names every one of ``widgets`` (a layout saved by an older version
    may lack one, which would then stay out of the window)."""
    data = bytes(state.data())
    return bool(data) and all(w.objectName().encode("utf-16-be") in data for w in widgets)


def save(window: QMainWindow, settings: Settings) -> None:
    settings.set("window_geometry", to_base64(window.saveGeometry()))
    settings.set("window_state", to_base64(window.saveState()))


def first_geometry(window: QMainWindow) -> bool:
    """Fill a laptop screen (True: show it maximised); on a big screen take a comfortable
    size (False)."""
    screen = QApplication.primaryScreen()
    if screen is None:
        window.resize(1280, 760)
        return False
    available = screen.availableGeometry()
    if available.width() <= 1440 or available.height() <= 900:
        window.setGeometry(available)
        return True
    window.resize(min(1440, available.width()), min(900, available.height()))
    return False


def to_base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def from_base64(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))
