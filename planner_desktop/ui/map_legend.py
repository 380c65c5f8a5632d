"""The map's legend: the figure's name, a swatch and the limits of each class, and the
colour of the places with no value."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from planner_desktop.i18n import _
from planner_desktop.ui.map_scene import COMMUNITY_LINE, NO_VALUE

SWATCH = 16


def swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(SWATCH, SWATCH)
    pixmap.fill(QColor(COMMUNITY_LINE))
    inner = QPixmap(SWATCH - 2, SWATCH - 2)
    inner.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.drawPixmap(1, 1, inner)
    painter.end()
    return pixmap


class MapLegend(QWidget):
    """Shows :meth:`set_classes`'s rows; ``rows`` gives their texts (for tests and
    screen readers alike)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("mapLegendTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.note = QLabel()
        self.note.setObjectName("mapLegendNote")
        self.note.setWordWrap(True)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(8)
        self.grid.setColumnStretch(1, 1)
        layout.addWidget(self.title)
        layout.addLayout(self.grid)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.rows: list[str] = []
        self.colours: list[str] = []

    def set_classes(
        self,
        title: str,
        labels: Sequence[str],
        colours: Sequence[str],
        *,
        no_value: bool,
        note: str = "",
    ) -> None:
        """Rows of swatches and class limits (lowest first); ``no_value``: a last row for
        the places with no value."""
        self.clear()
        self.title.setText(title)
        rows = list(zip(labels, colours, strict=True))
        if no_value:
            rows.append((_("No value"), NO_VALUE))
        for row, (text, colour) in enumerate(rows):
            box = QLabel()
            box.setPixmap(swatch(colour))
            label = QLabel(text)
            label.setObjectName("mapLegendRow")
            self.grid.addWidget(box, row, 0)
            self.grid.addWidget(label, row, 1)
            self.rows.append(text)
            self.colours.append(colour)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.rows = []
        self.colours = []
        self.title.setText("")
        self.note.setText("")
        self.note.hide()
