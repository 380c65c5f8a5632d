"""The map's view: zoom (wheel, +/- keys, buttons, fit), pan (drag, arrow keys) and clicks.

No tiles and no network: the view shows a :class:`~planner_desktop.ui.map_scene.MapScene`.
A press and release without moving is a click: in picking mode it gives the scene point
(``sig_point_picked``), otherwise the place under the pointer (``sig_place_clicked``,
None on empty ground). ``sig_view_changed`` follows every zoom and pan, so that labels can
be placed again for what is visible.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from planner_desktop.ui.map_labels import MapLabels
from planner_desktop.ui.map_scene import MapScene

ZOOM_STEP = 1.25
MAX_ZOOM = 400.0
"""How far in, relative to the whole territory fitted in the view."""
MIN_ZOOM = 0.25
CLICK_DISTANCE = 4
PAN_FRACTION = 0.125
"""An arrow key moves the map by this share of the view."""
FIT_MARGIN = 0.04


class MapView(QGraphicsView):
    sig_place_clicked = Signal(object)
    """The id of the place clicked (a community before the district under it), or None."""
    sig_point_picked = Signal(QPointF)
    """In picking mode: the scene point clicked."""
    sig_view_changed = Signal()
    sig_pick_cancelled = Signal()

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("mapView")
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        # Every item sets its own pen and brush: no need to save the painter around each.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        self.picking = False
        self._pressed: QPoint | None = None
        self._fitted_scale = 1.0
        self.labels = MapLabels(self.font())
        self.horizontalScrollBar().valueChanged.connect(self.sig_view_changed)
        self.verticalScrollBar().valueChanged.connect(self.sig_view_changed)

    # --- zoom and pan ----------------------------------------------------------------------

    @property
    def scale_factor(self) -> float:
        """View pixels per scene unit (kilometre)."""
        return self.transform().m11()

    @property
    def zoom(self) -> float:
        """The scale relative to the whole territory fitted in the view."""
        return self.scale_factor / self._fitted_scale if self._fitted_scale else 1.0

    def fit(self) -> None:
        """Show the whole territory."""
        bounds = self.map_scene.bounds
        if bounds.isNull():
            return
        margin = max(bounds.width(), bounds.height()) * FIT_MARGIN
        self.fitInView(bounds.adjusted(-margin, -margin, margin, margin),
                       Qt.AspectRatioMode.KeepAspectRatio)
        self._fitted_scale = self.scale_factor
        self.sig_view_changed.emit()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by ``factor`` around ``anchor`` (view pixels; None: the view's centre)."""
        target = min(max(self.zoom * factor, MIN_ZOOM), MAX_ZOOM)
        factor = target / self.zoom
        if abs(factor - 1.0) < 1e-9:
            return
        if anchor is None:
            anchor = self.viewport().rect().center()
        before = self.mapToScene(anchor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        after = self.mapToScene(anchor)
        self._scroll_scene(before - after)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.sig_view_changed.emit()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def pan(self, dx: float, dy: float) -> None:
        """Move the map by ``dx``, ``dy`` shares of the view (positive: see further east /
        south)."""
        horizontal, vertical = self.horizontalScrollBar(), self.verticalScrollBar()
        horizontal.setValue(horizontal.value() + round(dx * self.viewport().width()))
        vertical.setValue(vertical.value() + round(dy * self.viewport().height()))

    def _scroll_scene(self, delta: QPointF) -> None:
        """Move the visible part of the scene by ``delta`` scene units."""
        scale = self.scale_factor
        self.horizontalScrollBar().setValue(
            self.horizontalScrollBar().value() + round(delta.x() * scale)
        )
        self.verticalScrollBar().setValue(
            self.verticalScrollBar().value() + round(delta.y() * scale)
        )

    def visible_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    # --- picking -------------------------------------------------------------------------

    def set_picking(self, on: bool) -> None:
        """Picking mode: the next click gives its point instead of choosing a place."""
        self.picking = on
        if on:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)
        else:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def place_at(self, position: QPoint) -> uuid.UUID | None:
        """The place under ``position`` (view pixels): the topmost one drawn there."""
        for item in self.items(position):
            key = self.map_scene.place_of(item)
            if key is not None:
                return key
        return None

    def drawForeground(self, painter: QPainter, rect: QRectF | object) -> None:
        painter.save()
        painter.resetTransform()  # the names are drawn in view pixels
        self.labels.paint(painter, self)
        painter.restore()

    # --- events --------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (-PAN_FRACTION, 0.0),
            Qt.Key.Key_Right: (PAN_FRACTION, 0.0),
            Qt.Key.Key_Up: (0.0, -PAN_FRACTION),
            Qt.Key.Key_Down: (0.0, PAN_FRACTION),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit()
        elif key in moves:
            self.pan(*moves[key])  # type: ignore[index]
        elif key == Qt.Key.Key_Escape and self.picking:
            self.set_picking(False)
            self.sig_pick_cancelled.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pressed = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if event.button() != Qt.MouseButton.LeftButton or pressed is None:
            return
        position = event.position().toPoint()
        if (position - pressed).manhattanLength() > CLICK_DISTANCE:
            return  # a drag: the map was moved
        if self.picking:
            self.set_picking(False)
            self.sig_point_picked.emit(self.mapToScene(position))
        else:
            self.sig_place_clicked.emit(self.place_at(position))

    def resizeEvent(self, event: QResizeEvent) -> None:
        was_fitted = abs(self.zoom - 1.0) < 1e-6
        super().resizeEvent(event)
        if was_fitted:
            self.fit()
        else:
            self.sig_view_changed.emit()
