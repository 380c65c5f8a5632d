"""Windows sized to the screen they open on, never taller or wider than what it leaves.

A 1366×768 laptop with its task bar leaves about 1366×728 to windows, and the window
manager's title bar comes out of that. Qt knows the frame only once a window is shown, and
some platforms never report one, so :data:`TITLE_BAR` is kept free whatever is reported.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QWidget

TITLE_BAR = 32
"""Pixels kept free above a window for its title bar when the frame is not known."""


def room_for(window: QWidget) -> QSize:
    """The largest size ``window`` may take on its screen, frame and title bar left free."""
    available = window.screen().availableGeometry()
    frame = window.frameGeometry().size() - window.size()
    return QSize(available.width() - max(frame.width(), 0),
                 available.height() - max(frame.height(), TITLE_BAR))


def resize_within(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width``×``height`` or less, then move it back on the screen
    if growing pushed its frame past an edge."""
    room = room_for(window)
    window.resize(min(width, room.width()), min(height, room.height()))
    if not window.isVisible():
        return
    available = window.screen().availableGeometry()
    frame = window.frameGeometry()
    shift = QPoint(min(0, available.right() - frame.right()),
                   min(0, available.bottom() - frame.bottom()))
    if not shift.isNull():
        window.move(window.pos() + shift)
