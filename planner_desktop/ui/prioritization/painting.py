"""Painting the projection with QPainter: a heading, one large bar per demand, a legend.

Black ink on white, so it prints; each group's bars are hatched in its own pattern, and
the agreed bars are split into the groups' parts, each part labelled with its letter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from planner_desktop.i18n import _
from planner_desktop.ui import formatting
from planner_desktop.ui.prioritization.keys import group_keys, group_label
from planner_desktop.ui.prioritization.looks import brushes
from planner_desktop.ui.prioritization.state import Bar

INK = QColor("#111111")
MIN_ROWS = 6
"""A short list still gets bars no taller than a sixth of the space."""


@dataclass(frozen=True)
class Scene:
    title: str
    view: str
    bars: tuple[Bar, ...]
    groups: Sequence[str]
    hint: str
    group: str = ""
    """The group whose bars are shown; empty for the agreed list."""


def font(pixels: float, bold: bool = False) -> QFont:
    result = QFont()
    result.setPixelSize(max(9, round(pixels)))
    result.setBold(bold)
    return result


def _text(painter: QPainter, rect: QRectF, text: str, pixels: float, *, bold: bool = False,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft) -> None:
    painter.setFont(font(pixels, bold))
    painter.setPen(INK)
    shown = QFontMetricsF(painter.font()).elidedText(text, Qt.TextElideMode.ElideRight,
                                                     rect.width())
    painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), shown)


def _hatched(painter: QPainter, rect: QRectF, group: str, scale: float) -> None:
    fill, hatch = brushes(group, scale)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(rect, fill)
    painter.fillRect(rect, hatch)
    painter.setPen(QPen(INK, max(1.5, scale)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)


def _plate(painter: QPainter, rect: QRectF, text: str, pixels: float,
           bold: bool = False) -> None:
    """Text on a white plate with a thin frame: readable over any hatching."""
    painter.setFont(font(pixels, bold))
    metrics = QFontMetricsF(painter.font())
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width() - pixels)
    if shown != text:
        return  # too narrow: the hatching and the legend tell the group
    width = min(rect.width(), metrics.horizontalAdvance(shown) + pixels)
    plate = QRectF(rect.left(), rect.center().y() - pixels * 0.75, width, pixels * 1.5)
    painter.setPen(QPen(INK, 1))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawRect(plate)
    painter.drawText(plate, int(Qt.AlignmentFlag.AlignCenter), shown)


def paint_projection(painter: QPainter, area: QRectF, scene: Scene) -> None:
    margin = max(12.0, area.width() * 0.025)
    inner = area.adjusted(margin, margin * 0.6, -margin, -margin * 0.6)
    unit = min(inner.height() / 16, inner.width() / 28)
    scale = max(1.0, unit / 14)
    total = sum(bar.value for bar in scene.bars)
    _text(painter, QRectF(inner.left(), inner.top(), inner.width(), unit * 1.1), scene.title,
          unit * 0.8)
    heading = QRectF(inner.left(), inner.top() + unit * 1.1, inner.width(), unit * 1.8)
    _text(painter, heading, scene.view, unit * 1.5, bold=True)
    _text(painter, heading, _("{n} dots").format(n=formatting.number(total)), unit * 1.2,
          bold=True, align=Qt.AlignmentFlag.AlignRight)
    legend = QRectF(inner.left(), inner.bottom() - unit * 2.4, inner.width(), unit * 1.4)
    _legend(painter, legend, scene.groups, unit, scale)
    _text(painter, QRectF(inner.left(), legend.bottom(), inner.width(), unit),
          scene.hint, unit * 0.6)
    body = QRectF(inner.left(), heading.bottom() + unit * 0.4, inner.width(),
                  legend.top() - heading.bottom() - unit * 0.8)
    if not scene.bars:
        _text(painter, body, _("No votes yet"), unit * 1.4, align=Qt.AlignmentFlag.AlignCenter)
        return
    _bars(painter, body, scene, unit, scale)


def _bars(painter: QPainter, body: QRectF, scene: Scene, unit: float, scale: float) -> None:
    """One row per demand: its rank or class and code, then its description over a bar."""
    row = body.height() / max(MIN_ROWS, len(scene.bars))
    big = min(row * 0.6, unit * 1.6)
    most = max((bar.value for bar in scene.bars), default=0.0) or 1.0
    painter.setFont(font(big, True))
    value_width = QFontMetricsF(painter.font()).horizontalAdvance("0000") + unit * 0.4
    badge = big * 1.9
    left = body.left() + badge * 2 + unit * 0.4
    room = body.right() - value_width - left
    keys = {group: key for key, group in group_keys(scene.groups).items()}
    for index, bar in enumerate(scene.bars):
        top = body.top() + index * row
        mark = bar.klass or (f"={bar.rank}" if bar.tied else str(bar.rank))
        box = QRectF(body.left(), top + row * 0.14, badge * 0.92, row * 0.72)
        if bar.klass:
            painter.setPen(QPen(INK, 2))
            painter.setBrush(Qt.GlobalColor.white)
            painter.drawRoundedRect(box, 6, 6)
        _text(painter, box, mark, big * 0.8, bold=bool(bar.klass),
              align=Qt.AlignmentFlag.AlignCenter)
        _text(painter, QRectF(body.left() + badge, top, badge, row), bar.code, big, bold=True,
              align=Qt.AlignmentFlag.AlignCenter)
        _text(painter, QRectF(left, top, room, row * 0.4), bar.label, min(row * 0.3, unit))
        shape = QRectF(left, top + row * 0.42, room * bar.value / most, row * 0.5)
        if bar.parts:
            x = shape.left()
            for group, value in bar.parts:
                if value <= 0:
                    continue
                part = QRectF(x, shape.top(), room * value / most, shape.height())
                _hatched(painter, part, group, scale)
                label = f"{keys.get(group, '')} {formatting.number(value)}"
                _plate(painter, part.adjusted(unit * 0.2, 0, 0, 0), label, shape.height() * 0.55)
                x = part.right()
        elif bar.value > 0:
            _hatched(painter, shape, scene.group, scale)
        _text(painter, QRectF(body.right() - value_width, top, value_width, row),
              formatting.number(bar.value), big, bold=True, align=Qt.AlignmentFlag.AlignRight)


def _legend(painter: QPainter, rect: QRectF, groups: Sequence[str], unit: float,
            scale: float) -> None:
    keys = {group: key for key, group in group_keys(groups).items()}
    labels = [f"{keys[group]} {group_label(group)}" for group in groups]
    size = unit * 0.85
    painter.setFont(font(size))
    needed = sum(QFontMetricsF(painter.font()).horizontalAdvance(t) for t in labels) \
        + len(labels) * unit * 4.1
    if needed > rect.width():
        unit, size = unit * rect.width() / needed, size * rect.width() / needed
    x = rect.left()
    for group, label in zip(groups, labels, strict=True):
        swatch = QRectF(x, rect.top() + rect.height() * 0.15, unit * 2.2, rect.height() * 0.7)
        _hatched(painter, swatch, group, scale)
        painter.setFont(font(size))
        width = QFontMetricsF(painter.font()).horizontalAdvance(label) + unit * 0.3
        _text(painter, QRectF(swatch.right() + unit * 0.3, rect.top(), width, rect.height()),
              label, size)
        x = swatch.right() + unit * 0.3 + width + unit * 1.2
