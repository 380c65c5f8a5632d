"""A line chart of percentages over the years, readable when printed in black and white.

Each series (an area of the self-assessment) has its own marker, dash pattern and grey,
and the legend shows all three. A year with no value (not evaluated, not applicable) is
a gap: the line stops before it and starts again after it; it is never drawn as zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from itertools import pairwise

from reportlab.graphics.shapes import Drawing, Group, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from planner_desktop.reports import numbers
from planner_desktop.reports.layout import FONT, FONT_BOLD

MARKERS = (
    "FilledCircle",
    "Square",
    "FilledTriangle",
    "Diamond",
    "FilledSquare",
    "Circle",
    "Cross",
    "Triangle",
)
DASHES: tuple[tuple[float, ...] | None, ...] = (None, (5, 2), (1.2, 2), (6, 2, 1.2, 2))
INKS = (colors.black, colors.Color(0.35, 0.35, 0.35), colors.Color(0.55, 0.55, 0.55))
PLOT_HEIGHT = 150.0
LEFT = 34.0
LEGEND_ROW = 13.0
LEGEND_COLUMNS = 3

Value = float | Decimal | None


def _style(index: int) -> tuple[str, tuple[float, ...] | None, colors.Color]:
    return (MARKERS[index % len(MARKERS)], DASHES[index % len(DASHES)], INKS[index % len(INKS)])


def _sample(index: int, x: float, y: float) -> Group:
    """What one series looks like: a short stretch of its line with its marker."""
    marker, dash, ink = _style(index)
    group = Group(Line(x, y, x + 22, y, strokeColor=ink, strokeWidth=1.1, strokeDashArray=dash))
    group.add(
        makeMarker(marker, x=x + 11, y=y, size=5, fillColor=ink, strokeColor=ink, strokeWidth=0.8)
    )
    return group


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def trend_chart(
    title: str,
    years: Sequence[int],
    names: Sequence[str],
    series: Sequence[Sequence[Value]],
    width: float,
) -> Drawing:
    """One line per series over ``years`` on a 0–100 % scale; ``None`` is a gap."""
    legend_rows = -(-len(names) // LEGEND_COLUMNS)
    legend_height = legend_rows * LEGEND_ROW + 6
    top_room = 20.0 if title else 8.0
    height = top_room + PLOT_HEIGHT + 18 + legend_height
    drawing = Drawing(width, height)
    if title:
        drawing.add(String(0, height - 12, title, fontName=FONT_BOLD, fontSize=9))
    bottom = legend_height + 18
    plot_width = width - LEFT - 10
    for tick in range(0, 101, 20):
        y = bottom + PLOT_HEIGHT * tick / 100
        drawing.add(
            Line(
                LEFT,
                y,
                LEFT + plot_width,
                y,
                strokeColor=colors.Color(0.85, 0.85, 0.85),
                strokeWidth=0.5,
            )
        )
        drawing.add(
            String(
                LEFT - 4,
                y - 2.5,
                f"{numbers.number(tick)} %",
                fontName=FONT,
                fontSize=7,
                textAnchor="end",
            )
        )
    drawing.add(
        Line(LEFT, bottom, LEFT + plot_width, bottom, strokeColor=colors.black, strokeWidth=0.6)
    )
    step = plot_width / max(1, len(years))

    def x_of(column: int) -> float:
        return LEFT + step * (column + 0.5)

    for column, year in enumerate(years):
        drawing.add(
            String(
                x_of(column), bottom - 11, str(year), fontName=FONT, fontSize=7, textAnchor="middle"
            )
        )
    for index, values in enumerate(series):
        marker, dash, ink = _style(index)
        points = [
            (x_of(c), bottom + PLOT_HEIGHT * float(v) / 100) if v is not None else None
            for c, v in enumerate(values)
        ]
        for here, after in pairwise(points):
            if here is not None and after is not None:
                drawing.add(
                    Line(*here, *after, strokeColor=ink, strokeWidth=1.1, strokeDashArray=dash)
                )
        for point in points:
            if point is not None:
                drawing.add(
                    makeMarker(
                        marker,
                        x=point[0],
                        y=point[1],
                        size=5,
                        fillColor=ink,
                        strokeColor=ink,
                        strokeWidth=0.8,
                    )
                )
    column_width = width / LEGEND_COLUMNS
    for index, name in enumerate(names):
        row, column = divmod(index, LEGEND_COLUMNS)
        x = column * column_width
        y = legend_height - 6 - row * LEGEND_ROW
        drawing.add(_sample(index, x, y))
        drawing.add(
            String(
                x + 26, y - 2.5, _short(name, int(column_width / 4.2)), fontName=FONT, fontSize=7
            )
        )
    return drawing
