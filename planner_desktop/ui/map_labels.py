"""Names on the map that never overlap, placed again for what the view shows.

The placement is :func:`planner_desktop.maps.labels.place_labels` (greedy by priority):
districts first, then communities with the highest value of the figure shown. Only the
places inside the visible part of the scene are candidates, in view pixels, so a zoom or
a pan lays the names out again (:meth:`MapLabels.place`) and the view paints them over
the map, each on a pale box, at a fixed size on screen. No name covers another name or a
community's point symbol.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsView

from planner_desktop.maps.labels import Candidate, place_labels
from planner_desktop.ui.map_scene import POINT_RADIUS, Shape

PADDING = 2.0
THIN_WIDTH = 48.0
SYMBOL_CELL = 6.0
DISTRICT_PRIORITY = 1e18


@dataclass(frozen=True)
class Label:
    """A placed name: its place's anchor in the scene, and its box relative to the anchor
    in view pixels (so a pan moves it with the map until it is placed again)."""

    key: uuid.UUID
    text: str
    anchor: QPointF
    box: QRectF
    bold: bool


class MapLabels:
    """The names placed for one view; :meth:`paint` draws them in the view's foreground."""

    def __init__(self, font: QFont) -> None:
        self.font = QFont(font)
        self.bold_font = QFont(font)
        self.bold_font.setBold(True)
        self._metrics = QFontMetricsF(self.font)
        self._bold_metrics = QFontMetricsF(self.bold_font)
        self._widths: dict[tuple[str, bool], float] = {}
        self.placed: list[Label] = []

    def _width(self, text: str, bold: bool) -> float:
        width = self._widths.get((text, bold))
        if width is None:
            metrics = self._bold_metrics if bold else self._metrics
            width = self._widths[(text, bold)] = metrics.horizontalAdvance(text) + 2 * PADDING
        return width

    def place(
        self,
        view: QGraphicsView,
        shapes: Mapping[uuid.UUID, Shape],
        priorities: Mapping[uuid.UUID, float],
    ) -> list[Label]:
        """Place the names of the visible ``shapes``; a higher priority is placed first.

        Only the best candidate of each cell of :data:`THIN_WIDTH` pixels by a name's
        height is offered (two names anchored that close cannot both be read), and point
        symbols closer than :data:`SYMBOL_CELL` pixels count as one obstacle: the rule
        then looks at hundreds of boxes instead of thousands, at any zoom."""
        t = view.viewportTransform()
        sx, sy, dx, dy = t.m11(), t.m22(), t.dx(), t.dy()
        frame_w, frame_h = float(view.viewport().width()), float(view.viewport().height())
        height = self._metrics.height() + 2 * PADDING
        best: dict[tuple[int, int], tuple[float, int, Shape, float, float]] = {}
        symbols: dict[tuple[int, int], tuple[float, float, float, float]] = {}
        r = POINT_RADIUS + 1
        for order, shape in enumerate(shapes.values()):
            x = shape.ax * sx + dx
            y = shape.ay * sy + dy
            if not (0.0 <= x <= frame_w and 0.0 <= y <= frame_h):
                continue
            district = shape.kind == "district"
            if shape.point is not None:  # no name covers a point symbol
                cell = (int(x // SYMBOL_CELL), int(y // SYMBOL_CELL))
                symbols.setdefault(cell, (x - r, -y - r, x + r, -y + r))
            priority = DISTRICT_PRIORITY if district else priorities.get(shape.id, 0.0)
            key = (-1 - order, 0) if district else (int(x // THIN_WIDTH), int(y // height))
            kept = best.get(key)
            if kept is None or (priority, -order) > (kept[0], -kept[1]):
                best[key] = (priority, order, shape, x, y)
        candidates = [
            Candidate(
                shape.id,
                shape.name,
                x,
                -y,  # the rule's y grows upwards
                self._width(shape.name, shape.kind == "district"),
                height,
                priority=priority,
                gap=POINT_RADIUS + 2 if shape.point is not None else 2.0,
                centred=shape.path is not None,
            )
            for priority, _order, shape, x, y in sorted(best.values(), key=lambda b: b[1])
        ]
        placed = place_labels(
            candidates, frame=(0.0, -frame_h, frame_w, 0.0), obstacles=symbols.values()
        )
        self.placed = []
        for found in placed:
            shape = shapes[cast(uuid.UUID, found.key)]
            x = shape.ax * sx + dx
            y = shape.ay * sy + dy
            x0, y0, x1, y1 = found.box
            box = QRectF(x0 - x, -y1 - y, x1 - x0, y1 - y0)
            self.placed.append(
                Label(shape.id, found.text, shape.anchor, box, shape.kind == "district")
            )
        return self.placed

    def paint(self, painter: QPainter, view: QGraphicsView) -> None:
        """Draw the placed names (the painter in view pixels)."""
        if not self.placed:
            return
        back = QColor(255, 255, 255, 200)
        ink = QColor("#1f1f1f")
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        for label in self.placed:
            at = view.mapFromScene(label.anchor)
            box = label.box.translated(at.x(), at.y())
            painter.setBrush(back)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(box, 2.0, 2.0)
            painter.setFont(self.bold_font if label.bold else self.font)
            painter.setPen(ink)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label.text)
        painter.restore()
