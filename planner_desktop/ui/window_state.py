"""Where the main window was and how its bars were laid out, kept in the settings.

Qt's ``saveGeometry``/``saveState`` bytes are stored as base64 text, like any option.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

if TYPE_CHECKING:
    from planner_desktop.settings import Settings

DOCK_WIDTH = 270


def restore(window: QMainWindow, settings: Settings, docks: list[QDockWidget]) -> None:
    """Put the window back where it was; the first time, fit it to the screen."""
    geometry = settings.get("window_geometry")
    state = settings.get("window_state")
    if not (geometry and window.restoreGeometry(from_base64(geometry))):
        first_geometry(window)
    if not (state and window.restoreState(from_base64(state))):
        window.resizeDocks(docks, [DOCK_WIDTH] * len(docks), Qt.Orientation.Horizontal)


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
        window.setGeometry(available)
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(min(1440, available.width()), min(900, available.height()))


def to_base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")


def from_base64(text: str) -> QByteArray:
    return QByteArray.fromBase64(text.encode("ascii"))
