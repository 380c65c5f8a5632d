"""Maps in print: the location of districts and communities, and thematic maps of a figure,
vector-drawn with reportlab's graphics and legible in black and white.

- **Location**: districts outlined in black and named (bold, first to get room), communities
  as points (small black dots) or as thin grey shapes, their names where they fit; a scale
  bar in kilometres and a north arrow.
- **Thematic**: the communities' figure (:mod:`planner_desktop.maps.figures`) in quantile
  classes (:mod:`planner_desktop.maps.classes`): a community drawn as a shape is filled
  with its class's grey and hatching, one drawn as a point is a circle of its class's grey
  growing with the class; no figure: white (a point: a white circle). The legend gives each
  class's limits, then the source and the date.

Labels carry a white halo and never overlap (:mod:`planner_desktop.maps.labels`).
Geometry is read in plain Python (:mod:`planner_desktop.maps.outline`): a document loads no
numpy. When no place has a geometry, :func:`map_section` gives one line saying how to import
shapes instead of an empty frame.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether
from sqlalchemy.orm import Session

from planner_desktop.i18n import _
from planner_desktop.maps import figures
from planner_desktop.maps.classes import Classes, classify
from planner_desktop.maps.figures import Figure
from planner_desktop.maps.labels import Box, Candidate, place_labels
from planner_desktop.maps.outline import COMMUNITY, DISTRICT, Outline, load_outlines
from planner_desktop.maps.projection import Fit, Projection
from planner_desktop.reports.layout import FONT, FONT_BOLD, gap, heading, para, printed_date
from planner_desktop.reports.numbers import number

CLASS_GREYS = (0.97, 0.85, 0.7, 0.52, 0.32)
"""Fill of each class, lightest first (a grey level: 1 is white)."""
CLASS_HATCH = (None, 45.0, -45.0, 45.0, 0.0)
"""Hatching of each class: the lines' angle in degrees, None for none."""
CLASS_HATCH_GAP = (0.0, 5.0, 4.0, 2.5, 3.0)
CLASS_RADIUS = (2.2, 2.8, 3.4, 4.0, 4.6)
LEGEND_WIDTH = 150.0
HALO = 0.7
HEADING_ROOM = 40.0
"""Points a map's heading takes above it, on the same page."""


@dataclass(frozen=True)
class MapDrawing:
    drawing: Drawing
    shapes: dict[uuid.UUID, Group]
    """The group of paths drawn for each place (a district, a community)."""


def map_section(
    session: Session, municipality_id: uuid.UUID, width: float, height: float, level: int = 2
) -> list[Flowable]:
    """The location map and the thematic maps of demands and of investment, each under
    a heading of ``level``; one line when no place has a geometry."""
    outlines = load_outlines(session, municipality_id)
    if not outlines:
        return [para(no_geometry_note())]
    height = min(height - HEADING_ROOM, width * 0.75)  # the heading stays with its map
    flow: list[Flowable] = [
        KeepTogether(
            [heading(_("Location map"), level), location_map(outlines, width, height).drawing]
        ),
    ]
    for figure in (Figure.demands_per_thousand, Figure.investment):
        found = figures.values(session, municipality_id, figure)
        drawn = thematic_map(outlines, found, figure, width, height)
        flow += [gap(), KeepTogether([heading(figures.title(figure), level), drawn.drawing])]
    return flow


def no_geometry_note() -> str:
    return _(
        "No district or community has a shape or a point yet: import them with File › Import "
        "territory shapes… (or the command territory import-geometry), or type a community's "
        "latitude and longitude in its form."
    )


def _projection(outlines: Sequence[Outline]) -> Projection:
    bounds = [o.bounds for o in outlines]
    west, south = min(b[0] for b in bounds), min(b[1] for b in bounds)
    east, north = max(b[2] for b in bounds), max(b[3] for b in bounds)
    return Projection.around((west + east) / 2, (south + north) / 2, (west, south, east, north))


class _Canvas:
    """One map's drawing: the plane fitted into the area left of the legend."""

    def __init__(self, outlines: Sequence[Outline], width: float, height: float) -> None:
        self.drawing = Drawing(width, height)
        self.area = (0.0, 0.0, width - LEGEND_WIDTH, height)
        self.projection = _projection(outlines)
        self.fit: Fit = self.projection.fit(self.area[2], height, margin=14)
        self.drawing.add(
            Rect(
                0, 0, self.area[2], height, fillColor=None, strokeColor=colors.grey, strokeWidth=0.5
            )
        )

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return self.fit.apply(*self.projection.forward(lon, lat))

    def path(self, outline: Outline) -> Path:
        """Every ring of the outline's polygons in one path (holes drawn even-odd)."""
        path = Path(fillMode=0)
        for polygon in outline.polygons:
            for ring in polygon:
                first, *rest = [self.xy(lon, lat) for lon, lat in ring]
                path.moveTo(*first)
                for point in rest:
                    path.lineTo(*point)
                path.closePath()
        return path


def location_map(outlines: Sequence[Outline], width: float, height: float) -> MapDrawing:
    canvas = _Canvas(outlines, width, height)
    shapes: dict[uuid.UUID, Group] = {}
    for outline in _ordered(outlines):
        group = Group()
        if outline.polygons:
            path = canvas.path(outline)
            district = outline.place.kind == DISTRICT
            path.fillColor = colors.white if district else colors.Color(0.93, 0.93, 0.93)
            path.strokeColor = colors.black if district else colors.Color(0.45, 0.45, 0.45)
            path.strokeWidth = 1.2 if district else 0.4
            group.add(path)
        for lon, lat in outline.points:
            x, y = canvas.xy(lon, lat)
            group.add(Circle(x, y, 1.6, fillColor=colors.black, strokeColor=None))
        canvas.drawing.add(group)
        shapes[outline.place.id] = group
    obstacles = [_scale_bar(canvas), _north_arrow(canvas)]
    for outline in outlines:  # labels keep off the dots
        for lon, lat in outline.points:
            x, y = canvas.xy(lon, lat)
            obstacles.append((x - 1.6, y - 1.6, x + 1.6, y + 1.6))
    _labels(canvas, outlines, obstacles)
    _legend_location(canvas)
    return MapDrawing(canvas.drawing, shapes)


def thematic_map(
    outlines: Sequence[Outline],
    found: dict[uuid.UUID, float | None],
    figure: Figure,
    width: float,
    height: float,
) -> MapDrawing:
    canvas = _Canvas(outlines, width, height)
    communities = [o for o in outlines if o.place.kind == COMMUNITY]
    classes = classify(
        (found.get(o.place.id) for o in communities), len(CLASS_GREYS), figures.decimals(figure)
    )
    shades = _shades(len(classes))
    shapes: dict[uuid.UUID, Group] = {}
    for outline in _ordered(outlines):
        group = Group()
        kind = outline.place.kind
        index = classes.index(found.get(outline.place.id)) if kind == COMMUNITY else None
        if outline.polygons:
            path = canvas.path(outline)
            path.strokeColor = colors.black
            path.strokeWidth = 1.2 if kind == DISTRICT else 0.4
            path.fillColor = colors.white if index is None else _grey(shades[index])
            if kind == DISTRICT and communities:
                path.fillColor = None  # districts outline the communities drawn under them
            group.add(path)
            if index is not None:
                group.add(_hatching(_page_rings(canvas, outline), shades[index]))
        for lon, lat in outline.points:
            x, y = canvas.xy(lon, lat)
            shade = shades[index] if index is not None else None
            radius = CLASS_RADIUS[shade] if shade is not None else CLASS_RADIUS[0]
            fill = _grey(shade) if shade is not None else colors.white
            group.add(
                Circle(x, y, radius, fillColor=fill, strokeColor=colors.black, strokeWidth=0.5)
            )
        canvas.drawing.add(group)
        shapes[outline.place.id] = group
    obstacles = [_scale_bar(canvas), _north_arrow(canvas)]
    _labels(canvas, [o for o in outlines if o.place.kind == DISTRICT], obstacles)
    _legend_classes(canvas, figures.title(figure), classes, shades)
    return MapDrawing(canvas.drawing, shapes)


def _ordered(outlines: Sequence[Outline]) -> list[Outline]:
    """Shapes under points, districts' outlines over communities' shapes."""

    def layer(o: Outline) -> int:
        if o.place.kind == COMMUNITY and o.polygons:
            return 0
        return 1 if o.place.kind == DISTRICT else 2

    return sorted(outlines, key=layer)


def _shades(count: int) -> list[int]:
    """Which of the five shades each of ``count`` classes takes, spread from light to dark."""
    if count <= 1:
        return [2] * count
    last = len(CLASS_GREYS) - 1
    return [round(i * last / (count - 1)) for i in range(count)]


def _grey(shade: int) -> colors.Color:
    level = CLASS_GREYS[shade]
    return colors.Color(level, level, level)


def _page_rings(canvas: _Canvas, outline: Outline) -> list[list[tuple[float, float]]]:
    return [
        [canvas.xy(lon, lat) for lon, lat in ring] for poly in outline.polygons for ring in poly
    ]


def _hatching(rings: list[list[tuple[float, float]]], shade: int) -> Group:
    """The class's hatching lines clipped to the rings, in page units (even-odd rule)."""
    group = Group()
    angle = CLASS_HATCH[shade]
    if angle is None:
        return group
    spacing = CLASS_HATCH_GAP[shade]
    turn = math.radians(angle)
    cos, sin = math.cos(turn), math.sin(turn)
    edges: list[tuple[float, float, float, float]] = []
    for points in rings:
        # turned so that hatching lines are horizontal: v = -x·sin + y·cos
        turned = [(x * cos + y * sin, -x * sin + y * cos) for x, y in points]
        edges += [(*a, *b) for a, b in pairwise(turned)]
    if not edges:
        return group
    low = min(min(e[1], e[3]) for e in edges)
    high = max(max(e[1], e[3]) for e in edges)
    v = math.floor(low / spacing) * spacing + spacing / 2
    ink = colors.black if shade < 3 else colors.white
    while v < high:
        crossings = sorted(
            u0 + (v - v0) * (u1 - u0) / (v1 - v0)
            for u0, v0, u1, v1 in edges
            if (v0 <= v < v1) or (v1 <= v < v0)
        )
        for a, b in zip(crossings[0::2], crossings[1::2], strict=False):
            group.add(
                Line(
                    a * cos - v * sin,
                    a * sin + v * cos,
                    b * cos - v * sin,
                    b * sin + v * cos,
                    strokeColor=ink,
                    strokeWidth=0.35,
                )
            )
        v += spacing
    return group


def _labels(canvas: _Canvas, outlines: Sequence[Outline], obstacles: list[Box]) -> None:
    candidates: list[Candidate] = []
    for outline in outlines:
        district = outline.place.kind == DISTRICT
        size = 8.0 if district else 6.0
        font = FONT_BOLD if district else FONT
        text = outline.place.name
        x, y = canvas.xy(*outline.anchor)
        candidates.append(
            Candidate(
                (outline.place.id, font, size),
                text,
                x,
                y,
                stringWidth(text, font, size),
                size,
                priority=2.0 if district else 1.0,
                gap=3.0,
                centred=bool(outline.polygons),
            )
        )
    frame = (canvas.area[0] + 2, canvas.area[1] + 2, canvas.area[2] - 2, canvas.area[3] - 2)
    for placed in place_labels(candidates, frame, obstacles):
        _key, font, size = placed.key  # type: ignore[misc]
        x, y = placed.box[0], placed.box[1] + size * 0.2
        for dx, dy in (
            (-HALO, 0),
            (HALO, 0),
            (0, -HALO),
            (0, HALO),
            (-HALO, -HALO),
            (HALO, HALO),
            (-HALO, HALO),
            (HALO, -HALO),
        ):
            canvas.drawing.add(
                String(
                    x + dx,
                    y + dy,
                    placed.text,
                    fontName=font,
                    fontSize=size,
                    fillColor=colors.white,
                )
            )
        canvas.drawing.add(
            String(x, y, placed.text, fontName=font, fontSize=size, fillColor=colors.black)
        )


def _nice_length(km: float) -> float:
    """The largest 1, 2 or 5 × 10ⁿ km not over ``km``."""
    if km <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(km))
    return max(step * power for step in (1, 2, 5) if step * power <= km)


def _scale_bar(canvas: _Canvas) -> Box:
    """A bar of a round number of kilometres, about a quarter of the map wide."""
    km = _nice_length(canvas.area[2] / 4 / canvas.fit.scale)
    length = km * canvas.fit.scale
    x, y = 12.0, 12.0
    drawing = canvas.drawing
    half = length / 2
    drawing.add(
        Rect(x, y, half, 4, fillColor=colors.black, strokeColor=colors.black, strokeWidth=0.5)
    )
    drawing.add(
        Rect(
            x + half, y, half, 4, fillColor=colors.white, strokeColor=colors.black, strokeWidth=0.5
        )
    )
    text = f"{number(km)} km"
    drawing.add(String(x, y + 7, "0", fontName=FONT, fontSize=6))
    drawing.add(String(x + length, y + 7, text, fontName=FONT, fontSize=6, textAnchor="middle"))
    return (x - 2, y - 2, x + length + stringWidth(text, FONT, 6), y + 14)


def _north_arrow(canvas: _Canvas) -> Box:
    right, top = canvas.area[2] - 16, canvas.area[3] - 10
    drawing = canvas.drawing
    drawing.add(
        Polygon(
            [right, top - 8, right - 5, top - 22, right, top - 18],
            fillColor=colors.black,
            strokeColor=colors.black,
            strokeWidth=0.5,
        )
    )
    drawing.add(
        Polygon(
            [right, top - 8, right + 5, top - 22, right, top - 18],
            fillColor=colors.white,
            strokeColor=colors.black,
            strokeWidth=0.5,
        )
    )
    drawing.add(String(right, top - 6, "N", fontName=FONT_BOLD, fontSize=8, textAnchor="middle"))
    return (right - 8, top - 24, right + 8, top + 2)


def _legend_top(canvas: _Canvas, title: str) -> tuple[float, float]:
    x = canvas.area[2] + 10
    y = canvas.area[3] - 12
    for line in _wrap(title, FONT_BOLD, 8, LEGEND_WIDTH - 14):
        canvas.drawing.add(String(x, y, line, fontName=FONT_BOLD, fontSize=8))
        y -= 10
    return x, y - 4


def _legend_location(canvas: _Canvas) -> None:
    x, y = _legend_top(canvas, _("Legend"))
    drawing = canvas.drawing
    drawing.add(
        Rect(x, y - 2, 14, 8, fillColor=colors.white, strokeColor=colors.black, strokeWidth=1.2)
    )
    drawing.add(String(x + 20, y, _("District"), fontName=FONT, fontSize=7))
    y -= 14
    drawing.add(Circle(x + 7, y + 2, 1.6, fillColor=colors.black, strokeColor=None))
    drawing.add(String(x + 20, y, _("Community"), fontName=FONT, fontSize=7))
    _source(canvas, x, y - 18)


def _legend_classes(canvas: _Canvas, title: str, classes: Classes, shades: list[int]) -> None:
    x, y = _legend_top(canvas, title)
    drawing = canvas.drawing
    entries: list[tuple[str, int | None]] = [
        (label, shades[i]) for i, label in enumerate(classes.labels)
    ]
    entries.append((_("No data"), None))
    for label, shade in entries:
        fill = _grey(shade) if shade is not None else colors.white
        drawing.add(
            Rect(x, y - 3, 14, 10, fillColor=fill, strokeColor=colors.black, strokeWidth=0.4)
        )
        if shade is not None:
            square = [(x, y - 3), (x + 14, y - 3), (x + 14, y + 7), (x, y + 7), (x, y - 3)]
            drawing.add(_hatching([square], shade))
            radius = CLASS_RADIUS[shade]
        else:
            radius = CLASS_RADIUS[0]
        drawing.add(
            Circle(x + 24, y + 2, radius, fillColor=fill, strokeColor=colors.black, strokeWidth=0.5)
        )
        drawing.add(String(x + 34, y, label, fontName=FONT, fontSize=7))
        y -= 14
    if not classes.labels:
        drawing.add(
            String(x, y, _("No community has this figure yet."), fontName=FONT, fontSize=6.5)
        )
        y -= 10
    _source(canvas, x, y - 6)


def _source(canvas: _Canvas, x: float, y: float) -> None:
    lines = [
        _("Source: the municipality's planning data"),
        _("Date: {date}").format(date=printed_date(date.today())),
    ]
    for text in lines:
        for line in _wrap(text, FONT, 6.5, LEGEND_WIDTH - 14):
            canvas.drawing.add(String(x, y, line, fontName=FONT, fontSize=6.5))
            y -= 8


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines
