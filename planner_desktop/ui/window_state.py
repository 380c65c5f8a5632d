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


def place(
    window: QMainWindow, settings: Settings, bar: QToolBar, dock: QDockWidget
) -> None:
    """Put the window, its phase bar and its territory dock back where they were; the
    first time, fit the window to the screen with both on the left.

    A start with a saved layout names none of Qt's area enums: the first one named builds
    every enum of Qt's namespace (~16 ms before the first frame). ``restoreState`` moves
    the bar from the top, where it is first added, and places the dock (a child of the
    window found by its object name) as they were.
    """
    geometry = settings.get("window_geometry")
    state = from_base64(settings.get("window_state") or "")
    window.addToolBar(bar)
    if not (geometry and window.restoreGeometry(from_base64(geometry))):
        first_geometry(window)
    if _holds(state, bar, dock) and window.restoreState(state):
        return
    from PySide6.QtCore import Qt

    window.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)


def _holds(state: QByteArray, *widgets: QWidget) -> bool:
    """The saved layout names every one of ``widgets`` (a layout saved by an older version
    may lack one, which would then stay out of the window)."""
    data = bytes(state.data())
    return bool(data) and all(w.objectName().encode("utf-16-be") in data for w in widgets)


def save(window: QMainWindow, settings: Settings) -> None:
    settings.set("window_geometry", to_base64(window.saveGeometry()))
    settings.set("window_state", to_base64(window.saveState()))


def first_geometry(window: QMainWindow) -> None:
    """Fill a laptop screen (maximised); on a big screen take a comfortable size."""
    screen = QApplication.primaryScreen()
    if screen is None:
        window.resize(1280, 760)
        return
    available = screen.availableGeometry()
    if available.width() <= 1440 or available.height() <= 900:
        from PySide6.QtCore import Qt

        window.setGeometry(available)
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(min(1440, available.width()), min(900, available.height()))


def to_base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def from_base64(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))
