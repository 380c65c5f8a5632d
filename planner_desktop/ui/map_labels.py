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
        """Place the names of the visible ``shapes``; a higher priority is placed first."""
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        frame_w, frame_h = float(view.viewport().width()), float(view.viewport().height())
        height = self._metrics.height() + 2 * PADDING
        candidates: list[Candidate] = []
        symbols: list[tuple[float, float, float, float]] = []
        r = POINT_RADIUS + 1
        for key, shape in shapes.items():
            if not visible.contains(shape.anchor):
                continue
            district = shape.kind == "district"
            at = view.mapFromScene(shape.anchor)
            if shape.point is not None:  # no name covers a point symbol
                symbols.append((at.x() - r, -at.y() - r, at.x() + r, -at.y() + r))
            candidates.append(
                Candidate(
                    key,
                    shape.name,
                    float(at.x()),
                    -float(at.y()),  # the rule's y grows upwards
                    self._width(shape.name, district),
                    height,
                    priority=DISTRICT_PRIORITY if district else priorities.get(key, 0.0),
                    gap=POINT_RADIUS + 2 if shape.point is not None else 2.0,
                    centred=shape.path is not None,
                )
            )
        placed = place_labels(candidates, frame=(0.0, -frame_h, frame_w, 0.0), obstacles=symbols)
        self.placed = []
        for found in placed:
            key = cast(uuid.UUID, found.key)
            shape = shapes[key]
            at = view.mapFromScene(shape.anchor)
            x0, y0, x1, y1 = found.box
            box = QRectF(x0 - at.x(), -y1 - at.y(), x1 - x0, y1 - y0)
            self.placed.append(Label(key, found.text, shape.anchor, box, shape.kind == "district"))
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
