"""Bar charts drawn with reportlab's own graphics, readable when printed in black and white.

Series differ by grey level and by outline, never by colour alone, and every bar carries
its value as a label, so a photocopy loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from planner_desktop.reports import numbers
from planner_desktop.reports.layout import FONT, FONT_BOLD

GREYS = (
    colors.Color(0.25, 0.25, 0.25),
    colors.Color(0.75, 0.75, 0.75),
    colors.Color(0.5, 0.5, 0.5),
    colors.Color(0.92, 0.92, 0.92),
)
BAR_HEIGHT = 11.0
LABEL_WIDTH = 150.0


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _whole(value: float) -> str:
    """A bar's label: the value rounded to a whole number, in the document's language."""
    return numbers.number(round(value))


def _tick(value: float) -> str:
    """A tick of the value axis, in the document's language (``1.500`` in Spanish)."""
    return numbers.number(round(value, 2))


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    width: float,
    *,
    names: Sequence[str] = (),
) -> Drawing:
    """Horizontal bars, one group of bars per label and one bar per series.

    ``names`` are the series names for the legend (no legend with one series).
    """
    groups = max(1, len(labels))
    per_group = BAR_HEIGHT * len(series) + 6
    plot_height = groups * per_group
    legend_height = 16 if len(series) > 1 else 0
    height = plot_height + (40 if title else 26) + legend_height
    drawing = Drawing(width, height)
    if title:
        drawing.add(String(0, height - 12, title, fontName=FONT_BOLD, fontSize=9))
    chart = HorizontalBarChart()
    chart.x = LABEL_WIDTH
    chart.y = 18 + legend_height
    chart.width = width - LABEL_WIDTH - 40
    chart.height = plot_height
    chart.data = [list(values) for values in series] or [[0]]
    chart.barWidth = BAR_HEIGHT
    chart.groupSpacing = 6
    chart.barSpacing = 0
    chart.categoryAxis.categoryNames = [_short(label) for label in labels][::-1]
    chart.data = [list(values)[::-1] for values in chart.data]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max((max(values, default=0) for values in chart.data), default=0)
    chart.valueAxis.valueMax = max(1, top * 1.12)
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.labelTextFormat = _tick
    chart.barLabelFormat = _whole
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    for index in range(len(chart.data)):
        chart.bars[index].fillColor = GREYS[index % len(GREYS)]
        chart.bars[index].strokeColor = colors.black
        chart.bars[index].strokeWidth = 0.4
    drawing.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x = LABEL_WIDTH
        legend.y = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName = FONT
        legend.fontSize = 7
        legend.dx = legend.dy = 7
        legend.deltax = 80
        legend.strokeColor = colors.black
        legend.strokeWidth = 0.4
        legend.colorNamePairs = [
            (GREYS[index % len(GREYS)], name) for index, name in enumerate(names)
        ]
        drawing.add(legend)
    return drawing
