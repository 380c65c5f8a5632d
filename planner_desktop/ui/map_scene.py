"""The map's drawing: districts and communities as graphics items, coloured by class.

:func:`build_shapes` turns places (shapely geometries in longitude/latitude) into painter
paths in scene coordinates once, off the main thread if the caller wishes (painter paths
and points are plain values, no widget). :class:`MapScene` holds one item per place:
district shapes underneath with a neutral fill, community shapes above them, community
points on top as symbols of a fixed size on screen. Recolouring changes only the brushes;
the paths are never built again. Scene y grows downwards, so north is ``-y``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
)

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from planner_desktop.maps.projection import Projection
    from planner_desktop.maps.shapes import Place

RAMPS: dict[int, tuple[str, ...]] = {
    # ColorBrewer YlGnBu (sequential, colour-blind safe, legible in grey), by class count.
    1: ("#41b6c4",),
    2: ("#a1dab4", "#225ea8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
    7: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
}
NO_VALUE = "#d9d9d9"
UNCOLOURED = "#9ecae1"
"""Communities when no figure is chosen."""
DISTRICT_FILL = "#f4f1ea"
DISTRICT_LINE = "#5f5a52"
COMMUNITY_LINE = "#7a7a7a"
HIGHLIGHT = "#d95f02"
POINT_RADIUS = 5.0
"""Radius of a community's point symbol, in screen pixels."""

Z_DISTRICT, Z_COMMUNITY, Z_POINT, Z_LABEL, Z_HIGHLIGHT = 0.0, 1.0, 2.0, 3.0, 4.0


def ramp(count: int) -> tuple[str, ...]:
    """``count`` colours from light to dark (more than the ramp holds: the darkest repeats)."""
    if count <= 0:
        return ()
    longest = RAMPS[max(RAMPS)]
    if count in RAMPS:
        return RAMPS[count]
    return longest + (longest[-1],) * (count - len(longest))


@dataclass(frozen=True)
class Shape:
    """One place ready to draw: its painter path (shapes) or point (points) in scene
    coordinates, and where its label goes."""

    id: uuid.UUID
    kind: str
    code: str
    name: str
    district_id: uuid.UUID | None
    path: QPainterPath | None
    point: QPointF | None
    anchor: QPointF
    ax: float
    ay: float
    """``anchor`` as plain numbers (read without a call into Qt)."""


def build_shapes(places: Iterable[Place], projection: Projection) -> list[Shape]:
    """Painter paths of ``places`` in plane kilometres (polygons with their holes, odd-even
    filled); a label's anchor is a point inside its shape. The plane's arithmetic
    (:meth:`Projection.forward`, linear) is done here on plain numbers: one shapely call
    per place instead of a projected copy of every geometry."""
    lon0, lat0 = projection.lon0, projection.lat0
    x1, y1 = projection.forward(lon0 + 1.0, lat0 + 1.0)
    kx, ky = x1, -y1  # kilometres per degree east and, scene y growing down, north

    def at(lon: float, lat: float) -> QPointF:
        return QPointF((lon - lon0) * kx, (lat - lat0) * ky)

    shapes: list[Shape] = []
    for place in places:
        geometry = place.geometry
        path: QPainterPath | None = None
        point: QPointF | None = None
        if geometry.geom_type == "Point":
            lon, lat = geometry.x, geometry.y  # type: ignore[attr-defined]
        else:
            inside = geometry.representative_point()
            lon, lat = inside.x, inside.y
        ax, ay = (lon - lon0) * kx, (lat - lat0) * ky
        anchor = QPointF(ax, ay)
        if place.is_point:
            point = anchor
        else:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            for polygon in _polygons(geometry):
                for ring in (polygon.exterior, *polygon.interiors):  # type: ignore[attr-defined]
                    path.addPolygon(QPolygonF([at(c[0], c[1]) for c in ring.coords]))
                    path.closeSubpath()
        shapes.append(
            Shape(place.id, place.kind, place.code, place.name, place.district_id, path, point,
                  anchor, ax, ay)
        )
    return shapes


def _polygons(geometry: BaseGeometry) -> list[BaseGeometry]:
    kind = geometry.geom_type
    if kind == "Polygon":
        return [geometry]
    if kind in ("MultiPolygon", "GeometryCollection"):
        found: list[BaseGeometry] = []
        for part in geometry.geoms:  # type: ignore[attr-defined]
            found.extend(_polygons(part))
        return found
    return []


def bounds_of(shapes: Sequence[Shape]) -> QRectF:
    """The smallest rectangle holding every shape and point (empty when there is none)."""
    rect = QRectF()
    for shape in shapes:
        if shape.path is not None:
            rect = rect.united(shape.path.boundingRect())
        elif shape.point is not None:
            rect = rect.united(QRectF(shape.point, shape.point).adjusted(-1e-6, -1e-6, 1e-6, 1e-6))
    return rect


def cosmetic_pen(colour: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCosmetic(True)  # the same width on screen at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class MapScene(QGraphicsScene):
    """Every place as one item, looked up by id (``items_by_id``) and by item (``place_of``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.shapes: dict[uuid.UUID, Shape] = {}
        self.items_by_id: dict[uuid.UUID, QGraphicsItem] = {}
        self._places: dict[QGraphicsItem, uuid.UUID] = {}
        self._brushes: dict[str, QBrush] = {}
        self.bounds = QRectF()
        self._outline: QGraphicsPathItem | None = None
        self._ring: QGraphicsEllipseItem | None = None
        self.highlighted: uuid.UUID | None = None

    def set_shapes(self, shapes: Sequence[Shape]) -> None:
        """Draw ``shapes`` instead of whatever was drawn (every community uncoloured)."""
        self.clear()
        self._outline = self._ring = None
        self.shapes = {shape.id: shape for shape in shapes}
        self.items_by_id = {}
        self._places = {}
        district_pen = cosmetic_pen(DISTRICT_LINE, 1.6)
        community_pen = cosmetic_pen(COMMUNITY_LINE, 0.6)
        point_pen = cosmetic_pen("#333333", 0.8)
        district_brush = QBrush(QColor(DISTRICT_FILL))
        plain = self._brush(UNCOLOURED)
        for shape in shapes:
            item: QGraphicsItem
            if shape.path is not None:
                path_item = QGraphicsPathItem(shape.path)
                if shape.kind == "district":
                    path_item.setPen(district_pen)
                    path_item.setBrush(district_brush)
                    path_item.setZValue(Z_DISTRICT)
                else:
                    path_item.setPen(community_pen)
                    path_item.setBrush(plain)
                    path_item.setZValue(Z_COMMUNITY)
                item = path_item
            elif shape.point is not None:
                dot = QGraphicsEllipseItem(
                    -POINT_RADIUS, -POINT_RADIUS, 2 * POINT_RADIUS, 2 * POINT_RADIUS
                )
                dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                dot.setPos(shape.point)
                dot.setPen(point_pen)
                dot.setBrush(plain)
                dot.setZValue(Z_POINT)
                item = dot
            else:
                continue
            item.setToolTip(shape.name)
            self.addItem(item)
            self.items_by_id[shape.id] = item
            self._places[item] = shape.id
        self.bounds = bounds_of(shapes)
        if not self.bounds.isNull():
            margin = max(self.bounds.width(), self.bounds.height(), 1e-3)
            self.setSceneRect(self.bounds.adjusted(-margin, -margin, margin, margin))
        if self.highlighted is not None:
            self.highlight(self.highlighted)

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush

    def recolour(self, colours: dict[uuid.UUID, str] | None) -> None:
        """Fill each community with its colour (None: every community uncoloured; a
        community missing from ``colours`` has no value)."""
        for key, item in self.items_by_id.items():
            if self.shapes[key].kind != "community":
                continue
            colour = UNCOLOURED if colours is None else colours.get(key, NO_VALUE)
            item.setBrush(self._brush(colour))  # type: ignore[attr-defined]

    def place_of(self, item: QGraphicsItem | None) -> uuid.UUID | None:
        return self._places.get(item) if item is not None else None

    def highlight(self, key: uuid.UUID | None) -> None:
        """Outline the place ``key`` (None, or a place not drawn: no outline). The two
        outline items (a shape's, a point's) are made once and moved, never deleted."""
        self.highlighted = key
        if self._outline is None or self._ring is None:
            pen = cosmetic_pen(HIGHLIGHT, 3.0)
            self._outline = QGraphicsPathItem()
            self._outline.setPen(pen)
            size = POINT_RADIUS + 3
            self._ring = QGraphicsEllipseItem(-size, -size, 2 * size, 2 * size)
            self._ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            self._ring.setPen(pen)
            for item in (self._outline, self._ring):
                item.setZValue(Z_HIGHLIGHT)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                item.setVisible(False)
                self.addItem(item)
        shape = self.shapes.get(key) if key is not None else None
        self._outline.setVisible(shape is not None and shape.path is not None)
        self._ring.setVisible(shape is not None and shape.point is not None)
        if shape is not None and shape.path is not None:
            self._outline.setPath(shape.path)
        elif shape is not None:
            self._ring.setPos(shape.anchor)
