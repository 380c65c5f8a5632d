"""Painting the projection with QPainter: a heading, one large bar per demand, a legend.

Each row shows the demand's rank or class, its code, its sector's pictogram (for people
who do not read) and its text over its bar. Each group's bars are hatched in its own
pattern, and the agreed bars are split into the groups' parts, each part labelled with its
letter. Two looks: colour tints, or black on white for bright rooms where tints wash out.

**How big the text is.** The demand text is never smaller than :data:`MIN_TEXT_SHARE` of
the image width: 28 px on a 1366×768 projector. The common rule of thumb for a projected
text is 1 cm of letter height per 3–4 m of reading distance, so the back of a hall 10 m
away needs capital letters of about 10 / 3.5 ≈ 2.9 cm. A typical image 2 m wide shown at
1366 px has 6.8 px per cm, so those capitals are 2.9 × 6.8 ≈ 20 px; the capitals of the
interface's sans-serif font are about 0.72 of its pixel size, hence 20 / 0.72 ≈ 28 px.
Tied to the width, the same share holds for any resolution of the same image. Rows that do
not fit at that size go to the next page (Page Down), they are never shrunk.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QIcon, QPainter, QPen

from planner_desktop.i18n import _
from planner_desktop.prioritization.marks import rank_text
from planner_desktop.reports.pictograms import pictograms
from planner_desktop.ui import formatting
from planner_desktop.ui.prioritization.keys import group_keys, group_label
from planner_desktop.ui.prioritization.looks import brushes
from planner_desktop.ui.prioritization.state import Bar

log = logging.getLogger(__name__)

INK = QColor("#111111")
MIN_ROWS = 6
"""A short list still gets bars no taller than a sixth of the space."""
MIN_TEXT_SHARE = 28 / 1366
"""The smallest demand text as a share of the image width (see the module docstring)."""
ROW_TEXTS = 2.15
"""A row is at least this many times the smallest text: a line of text and its bar."""


@dataclass(frozen=True)
class Scene:
    title: str
    view: str
    bars: tuple[Bar, ...]
    groups: Sequence[str]
    hint: str
    group: str = ""
    """The group whose bars are shown; empty for the agreed list."""
    sectors: Mapping[str, str] = field(default_factory=dict)
    """Demand code → sector code (the pictogram of each row)."""
    page: int = 0
    plain: bool = False
    """Black on white: no tints, black hatching."""


@dataclass(frozen=True)
class Layout:
    inner: QRectF
    unit: float
    text: float
    """The smallest demand text, in pixels."""
    title: QRectF
    heading: QRectF
    legend: QRectF
    hint: QRectF
    body: QRectF

    @property
    def per_page(self) -> int:
        return max(1, int(self.body.height() // (self.text * ROW_TEXTS)))


def min_text(width: float) -> float:
    return max(9.0, width * MIN_TEXT_SHARE)


def layout(area: QRectF) -> Layout:
    margin = max(12.0, area.width() * 0.02)
    inner = area.adjusted(margin, margin * 0.5, -margin, -margin * 0.5)
    unit = min(inner.height() / 16, inner.width() / 28)
    text = min_text(area.width())
    left, width = inner.left(), inner.width()
    title = QRectF(left, inner.top(), width, text * 1.3)
    heading = QRectF(left, title.bottom(), width, max(text * 1.3, unit * 1.2) * 1.3)
    hint = QRectF(left, inner.bottom() - max(9.0, text * 0.5) * 1.4, width,
                  max(9.0, text * 0.5) * 1.4)
    legend = QRectF(left, hint.top() - text * 1.5, width, text * 1.5)
    body = QRectF(left, heading.bottom() + text * 0.3, width,
                  legend.top() - heading.bottom() - text * 0.6)
    return Layout(inner, unit, text, title, heading, legend, hint, body)


def pages(area: QRectF, count: int) -> int:
    return max(1, -(-count // layout(area).per_page))


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


def _hatched(painter: QPainter, rect: QRectF, group: str, scale: float, plain: bool) -> None:
    fill, hatch = brushes(group, scale, tinted=not plain)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.fillRect(rect, fill)
    painter.fillRect(rect, hatch)
    painter.setPen(QPen(INK, max(2.0 if plain else 1.5, scale)))
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


@functools.cache
def pictogram_icon(sector: str) -> QIcon | None:
    """The sector's pictogram drawn by qtawesome in black, or None (no pictogram)."""
    name = pictograms().icon_name(sector)
    if not name:
        return None
    try:
        import qtawesome

        icon: QIcon = qtawesome.icon(name, color=INK)
    except Exception as error:  # an unknown name or a missing font must not stop the room
        log.warning("no pictogram %s: %s", name, error)
        return None
    return icon


def paint_projection(painter: QPainter, area: QRectF, scene: Scene) -> None:
    box = layout(area)
    unit, text = box.unit, box.text
    scale = max(1.0, unit / 14)
    total = sum(bar.value for bar in scene.bars)
    _text(painter, box.title, scene.title, text)
    size = max(text * 1.3, unit * 1.2)
    count = pages(area, len(scene.bars))
    page = min(max(scene.page, 0), count - 1)
    right = _("{n} dots").format(n=formatting.number(total))
    if count > 1:
        right = _("page {page} of {pages}").format(page=page + 1, pages=count) + "   " + right
    _text(painter, box.heading, scene.view, size, bold=True)
    _text(painter, box.heading, right, size * 0.8, bold=True, align=Qt.AlignmentFlag.AlignRight)
    _legend(painter, box.legend, scene.groups, text, scale, scene.plain)
    _text(painter, box.hint, scene.hint, box.hint.height() / 1.4)
    if not scene.bars:
        _text(painter, box.body, _("No votes yet"), size, align=Qt.AlignmentFlag.AlignCenter)
        return
    per_page = box.per_page
    shown = scene.bars[page * per_page:(page + 1) * per_page]
    slots = per_page if count > 1 else max(len(shown), min(MIN_ROWS, per_page))
    _bars(painter, box, scene, shown, slots, scale)


def _bars(painter: QPainter, box: Layout, scene: Scene, shown: Sequence[Bar], slots: int,
          scale: float) -> None:
    """One row per demand: rank or class, code and pictogram, then its text over a bar."""
    body, unit = box.body, box.unit
    row = body.height() / slots
    label = max(box.text, min(row * 0.42, unit * 1.3))
    big = max(box.text, min(row * 0.55, unit * 1.5))
    most = max((bar.value for bar in scene.bars), default=0.0) or 1.0
    painter.setFont(font(big, True))
    value_width = QFontMetricsF(painter.font()).horizontalAdvance("0000") + unit * 0.4
    badge = big * 1.9
    picture = min(row * 0.8, badge)
    left = body.left() + badge * 2 + picture + unit * 0.5
    room = body.right() - value_width - left
    keys = {group: key for key, group in group_keys(scene.groups).items()}
    for index, bar in enumerate(shown):
        top = body.top() + index * row
        mark = badge_text(bar)
        box_rect = QRectF(body.left(), top + row * 0.14, badge * 0.92, row * 0.72)
        if bar.klass:
            painter.setPen(QPen(INK, 2, Qt.PenStyle.DashLine if bar.at_limit
                                else Qt.PenStyle.SolidLine))
            painter.setBrush(Qt.GlobalColor.white)
            painter.drawRoundedRect(box_rect, 6, 6)
        _text(painter, box_rect, mark, big * 0.8, bold=bool(bar.klass),
              align=Qt.AlignmentFlag.AlignCenter)
        _text(painter, QRectF(body.left() + badge, top, badge, row), bar.code, big, bold=True,
              align=Qt.AlignmentFlag.AlignCenter)
        icon = pictogram_icon(scene.sectors.get(bar.code, ""))
        if icon is not None:
            square = QRectF(body.left() + badge * 2, top + (row - picture) / 2, picture, picture)
            icon.paint(painter, square.toRect())
        line = label * 1.25
        _text(painter, QRectF(left, top + row * 0.04, room, line), bar.label,
              _fitting(bar.label, label, box.text, room))
        bar_top = top + row * 0.04 + line
        shape = QRectF(left, bar_top, room * bar.value / most,
                       max(top + row * 0.94 - bar_top, label * 0.4))
        _bar(painter, shape, bar, scene, keys, room / most, scale)
        _text(painter, QRectF(body.right() - value_width, top, value_width, row),
              formatting.number(bar.value), big, bold=True, align=Qt.AlignmentFlag.AlignRight)


def badge_text(bar: Bar) -> str:
    """What the badge of a row says: its class, ``A+?`` (in a dashed box) when a class
    limit falls among equal scores and the room has not decided yet; else its rank,
    ``=2`` when shared by equal scores."""
    if bar.klass:
        return bar.klass + ("?" if bar.at_limit else "")
    return rank_text(bar.rank, bar.tied)


def _fitting(text: str, pixels: float, least: float, width: float) -> float:
    """The size at which ``text`` fits ``width``, between ``least`` and ``pixels``: a
    long demand is written smaller before it is cut, never below the legible minimum."""
    needed = QFontMetricsF(font(pixels)).horizontalAdvance(text)
    return pixels if needed <= width else max(least, pixels * width / needed)


def _bar(painter: QPainter, shape: QRectF, bar: Bar, scene: Scene, keys: Mapping[str, str],
         per_point: float, scale: float) -> None:
    if not bar.parts:
        if bar.value > 0:
            _hatched(painter, shape, scene.group, scale, scene.plain)
        return
    x = shape.left()
    for group, value in bar.parts:
        if value <= 0:
            continue
        part = QRectF(x, shape.top(), per_point * value, shape.height())
        _hatched(painter, part, group, scale, scene.plain)
        text = f"{keys.get(group, '')} {formatting.number(value)}"
        _plate(painter, part.adjusted(scale * 3, 0, 0, 0), text, shape.height() * 0.7)
        x = part.right()


def _legend(painter: QPainter, rect: QRectF, groups: Sequence[str], text: float,
            scale: float, plain: bool) -> None:
    keys = {group: key for key, group in group_keys(groups).items()}
    labels = [f"{keys[group]} {group_label(group)}" for group in groups]
    size, unit = text, text * 1.1
    painter.setFont(font(size))
    needed = sum(QFontMetricsF(painter.font()).horizontalAdvance(t) for t in labels) \
        + len(labels) * unit * 3.8
    if needed > rect.width():
        unit, size = unit * rect.width() / needed, size * rect.width() / needed
    x = rect.left()
    for group, label in zip(groups, labels, strict=True):
        swatch = QRectF(x, rect.top() + rect.height() * 0.15, unit * 2.2, rect.height() * 0.7)
        _hatched(painter, swatch, group, scale, plain)
        painter.setFont(font(size))
        width = QFontMetricsF(painter.font()).horizontalAdvance(label) + unit * 0.3
        _text(painter, QRectF(swatch.right() + unit * 0.3, rect.top(), width, rect.height()),
              label, size)
        x = swatch.right() + unit * 0.3 + width + unit * 1.2
