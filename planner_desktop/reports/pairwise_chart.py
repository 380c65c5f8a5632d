"""The pairwise-comparison wall chart: a large matrix for the room, tiled on sheets.

Every demand meets every other once: the upper triangle has one cell per pair, where the
facilitator writes the code of the one the room prefers, and the last column counts the
wins. The chart is drawn at poster size and cut into page-sized tiles to glue together.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PrioritizationMethod
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, live_items, rounds_for
from planner_desktop.reports.layout import (
    FONT,
    FONT_BOLD,
    LINE_GREY,
    STYLES,
    Document,
    frame_size,
    heading,
    para,
)
from planner_desktop.reports.tables import scaled, table

CELL = 2.6 * cm
LABEL = 9.0 * cm
SHADE = colors.Color(0.8, 0.8, 0.8)


class WallChart:
    """The whole matrix of one round, in its own coordinates (origin at bottom left)."""

    def __init__(self, items: list[RoundItem]) -> None:
        self.items = items
        n = len(items)
        self.width = LABEL + CELL * (n + 1)
        self.height = CELL * (n + 1)

    def draw(self, canvas: Canvas) -> None:
        n = len(self.items)
        top = self.height
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(1.2)
        for col, item in enumerate([*self.items, None]):
            x = LABEL + col * CELL
            canvas.rect(x, top - CELL, CELL, CELL)
            text = item.code if item else _("Wins")
            canvas.setFont(FONT_BOLD, 30 if item else 14)
            canvas.drawCentredString(x + CELL / 2, top - CELL / 2 - (10 if item else 5), text)
        for row, item in enumerate(self.items):
            y = top - (row + 2) * CELL
            canvas.rect(0, y, LABEL, CELL)
            canvas.setFont(FONT_BOLD, 30)
            canvas.drawString(0.3 * cm, y + CELL / 2 - 10, item.code)
            description = Paragraph(escape(item.demand.description), STYLES["body"])
            _w, h = description.wrapOn(canvas, LABEL - 2.2 * cm, CELL - 0.2 * cm)
            description.drawOn(canvas, 1.9 * cm, y + max(0.1 * cm, (CELL - h) / 2))
            for col in range(n + 1):
                x = LABEL + col * CELL
                canvas.setFillColor(SHADE if col <= row and col < n else colors.white)
                canvas.rect(x, y, CELL, CELL, fill=1)
                canvas.setFillColor(colors.black)
                if col > row and col < n:
                    canvas.setFont(FONT, 8)
                    canvas.setFillColor(LINE_GREY)
                    canvas.drawString(
                        x + 0.15 * cm, y + 0.2 * cm, f"{item.code}–{self.items[col].code}"
                    )
                    canvas.setFillColor(colors.black)


class Tile(Flowable):
    """One page-sized piece of a :class:`WallChart`, with its position to assemble it."""

    def __init__(
        self, chart: WallChart, column: int, row: int, size: tuple[float, float], caption: str
    ) -> None:
        super().__init__()
        self.chart, self.column, self.row = chart, column, row
        self.tile_w, self.tile_h = size
        self.caption = caption

    def wrap(self, _w: float, _h: float) -> tuple[float, float]:
        return self.tile_w, self.tile_h

    def draw(self) -> None:
        canvas = self.canv
        body_h = self.tile_h - 0.6 * cm
        canvas.setFont(FONT, 8)
        canvas.drawString(0, body_h + 0.2 * cm, self.caption)
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(0, 0, self.tile_w, body_h)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.translate(-self.column * self.tile_w, -(self.chart.height - (self.row + 1) * body_h))
        self.chart.draw(canvas)
        canvas.restoreState()
        canvas.setDash(3, 3)
        canvas.setStrokeColor(LINE_GREY)
        canvas.rect(0, 0, self.tile_w, body_h)


def tiles(chart: WallChart, size: tuple[float, float], title: str) -> list[Flowable]:
    width, height = size
    body_h = height - 0.6 * cm
    columns = math.ceil(chart.width / width)
    rows = math.ceil(chart.height / body_h)
    out: list[Flowable] = []
    for row in range(rows):
        for column in range(columns):
            number = row * columns + column + 1
            caption = _("{title} · sheet {n} of {total} (row {row}, column {column})").format(
                title=title, n=number, total=rows * columns, row=row + 1, column=column + 1
            )
            out += [PageBreak(), Tile(chart, column, row, size, caption)]
    return out


def _round_pages(rnd: PrioritizationRound, size: tuple[float, float]) -> list[Flowable]:
    items = live_items(rnd.items)
    chart = WallChart(items)
    width = size[0]
    sheets = math.ceil(chart.width / width) * math.ceil(chart.height / (size[1] - 0.6 * cm))
    return [
        heading(rnd.title),
        para(_("Method: {method}.").format(method=label(rnd.method)), "small"),
        para(
            _(
                "Compare each pair of demands once and write in its cell the code of the one "
                "the room prefers, with the reason. Count the wins of each demand in the last "
                "column. The chart is printed on {sheets} sheets: glue them by row and column "
                "as written at the top of each sheet."
            ).format(sheets=sheets)
        ),
        table(
            [_("Code"), _("Demand")],
            [[i.code, i.demand.description] for i in items],
            scaled((1, 9), width),
        ),
        *tiles(chart, size, rnd.title),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    rounds = rounds_for(session, options)
    pairwise = [r for r in rounds if r.method is PrioritizationMethod.pairwise]
    size = frame_size(options.paper, wide=True)
    flow: list[Flowable] = []
    for index, rnd in enumerate(pairwise or rounds):
        if index:
            flow.append(PageBreak())
        flow += _round_pages(rnd, size)
    return Document(title=_("Pairwise comparison wall chart"), flowables=flow, landscape=True)
