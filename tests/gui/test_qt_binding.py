"""The Qt binding the program is installed with must not lose references to None.

PySide6 6.12.0 on Python 3.11 took one reference away from ``None`` on every call of a
method returning nothing (``setToolTip``, ``drawText``…): after some tens of thousands of
calls — a minute of panning the map, an afternoon of typing — the program died with
"deallocating None". pyproject.toml keeps PySide6 below 6.12; this test fails on a binding
with that fault.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QWidget


def test_calls_returning_nothing_keep_none_alive(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setToolTip("x")
        painter.drawText(1, 1, "a")
    after = sys.getrefcount(None)
    painter.end()
    assert abs(after - before) < 100
