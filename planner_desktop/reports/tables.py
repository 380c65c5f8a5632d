"""Tables for every document: cells that wrap instead of being cut, headers repeated on
each page, prefilled form fields and signature blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from planner_desktop.i18n import _
from planner_desktop.reports import numbers
from planner_desktop.reports.headers import fit_header, header_text, text_width
from planner_desktop.reports.layout import (
    CELL_LEADING,
    CELL_PADDING,
    FONT,
    FONT_BOLD,
    HEADER_GREY,
    LINE_GREY,
    STYLES,
    para,
)

TOTAL_GREY = colors.Color(0.93, 0.93, 0.93)


def scaled(ratios: Sequence[float], width: float) -> list[float]:
    """Column widths in the given proportions that fill ``width``."""
    whole = sum(ratios)
    return [width * ratio / whole for ratio in ratios]


def fits(text: str, width: float, size: float = 8, font: str = FONT) -> bool:
    return text_width(text, font, size) <= width


def cell(text: Any, width: float, style: str = "cell") -> str:
    """A table cell's text, broken into lines that fit the column (never cut).

    Plain strings with line breaks are drawn by the table itself, many times faster than
    a Paragraph per cell; a word longer than the column is split letter by letter. A
    number is printed in the document's language (:mod:`planner_desktop.reports.numbers`):
    pass years and codes as text.
    """
    value = numbers.printed(text)
    font = STYLES[style]
    room = width - 2 * CELL_PADDING
    if "\n" not in value and fits(value, room, font.fontSize, font.fontName):
        return value
    lines: list[str] = []
    for paragraph in value.splitlines() or [""]:
        for line in simpleSplit(paragraph, font.fontName, font.fontSize, room) or [""]:
            lines += _split_word(line, room, font.fontName, font.fontSize)
    return "\n".join(lines)


def _split_word(line: str, room: float, font: str, size: float) -> list[str]:
    """``line`` as is when it fits, else cut into pieces that do (a very long word)."""
    if fits(line, room, size, font):
        return [line]
    pieces, piece = [], ""
    for char in line:
        if piece and not fits(piece + char, room, size, font):
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece]


class _Cell(CellStyle):
    """How every table cell is drawn unless a variant below says otherwise.

    Shared by many cells, so frozen once made: a style command that would change one cell
    in place (``setStyle`` with FONT, ALIGN...) fails instead of changing them all.
    """

    _frozen = False

    def __setattr__(self, name: str, value: Any) -> None:
        if self._frozen:
            raise AttributeError("table cells share their styles: choose them through table()")
        super().__setattr__(name, value)

    def frozen(self, **values: Any) -> _Cell:
        for name, value in values.items():
            setattr(self, name, value)
        self._frozen = True
        return self

    fontname = FONT
    fontsize = 8
    leading = CELL_LEADING
    leftPadding = CELL_PADDING
    rightPadding = CELL_PADDING
    topPadding = 2
    bottomPadding = 3
    valign = "MIDDLE"


class _BoldCell(_Cell):
    fontname = FONT_BOLD


_BODY = {False: _Cell("body").frozen(), True: _Cell("number").frozen(alignment="RIGHT")}
_BOLD = {
    False: _BoldCell("bold").frozen(),
    True: _BoldCell("bold_number").frozen(alignment="RIGHT"),
}
_HEADERS: dict[tuple[float, bool], CellStyle] = {}


def _header_style(size: float, right: bool) -> CellStyle:
    """The header row's style at ``size`` points (8 unless a header word needs less),
    to the right above a column of numbers."""
    if size == _BoldCell.fontsize:
        return _BOLD[right]
    if (size, right) not in _HEADERS:
        _HEADERS[size, right] = _BoldCell(f"header_{size}_{right}").frozen(
            fontsize=size,
            leading=CELL_LEADING * size / _BoldCell.fontsize,
            alignment="RIGHT" if right else "LEFT",
        )
    return _HEADERS[size, right]


def _cell_styles(
    columns: int, rows: int, numeric: Sequence[int], bold_last: bool, header_size: float
) -> list[list[CellStyle]]:
    """The style of every cell: bold header, numbers to the right, maybe a bold last row.

    Cells share a few style objects instead of getting one each from a style command per
    cell range, which cost more than drawing the table.
    """
    right = set(numeric)
    body = [_BODY[c in right] for c in range(columns)]
    styles = [[_header_style(header_size, c in right) for c in range(columns)]] + [body] * rows
    if bold_last and rows:
        styles[-1] = [_BOLD[c in right] for c in range(columns)]
    return styles


class GridTable(Table):
    """A document's table, knowing the header it was given and the size it is printed at
    (so that a test can check that no header word was split)."""

    header: list[str]
    header_size: float


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    row_heights: Sequence[float | None] | None = None,
    bold_last: bool = False,
    titles: Sequence[int] = (),
    repeat_rows: int = 1,
) -> Table:
    """A table that splits across pages repeating its header; long cells wrap, header
    words never split (:mod:`planner_desktop.reports.headers` may narrow the header's
    font or widen a column for that). The rows at the indexes ``titles`` are titles of
    the rows below them: their first value, in bold, across the whole table.
    ``repeat_rows`` counts the header and the rows under it repeated on each page (2:
    the header and a title row 0 naming what continues)."""
    fit = fit_header(header, widths)
    widths = fit.widths
    data: list[list[Any]] = [
        [header_text(h, w, fit.size) for h, w in zip(header, widths, strict=True)]
    ]
    for index, row in enumerate(rows):
        if index in titles:
            data.append([cell(row[0], sum(widths), "cell_bold"), *[""] * (len(widths) - 1)])
            continue
        data.append(
            [
                value if isinstance(value, Flowable) else cell(value, w)
                for value, w in zip(row, widths, strict=True)
            ]
        )
    heights = None if row_heights is None else [None, *row_heights]
    styles = _cell_styles(len(widths), len(rows), numeric, bold_last, fit.size)
    for index in titles:
        styles[index + 1] = [_BOLD[False]] * len(widths)
    result = GridTable(
        data, colWidths=list(widths), rowHeights=heights, repeatRows=repeat_rows, cellStyles=styles
    )
    result.header = [str(h) for h in header]
    result.header_size = fit.size
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE_GREY),
    ]
    if bold_last and rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_GREY))
    for index in titles:
        commands += [
            ("SPAN", (0, index + 1), (-1, index + 1)),
            ("BACKGROUND", (0, index + 1), (-1, index + 1), TOTAL_GREY),
            ("NOSPLIT", (0, index + 1), (-1, min(index + 2, len(rows)))),
        ]
    result.setStyle(TableStyle(commands))
    return result


def fields_table(pairs: Sequence[tuple[str, str]], width: float, columns: int = 2) -> Table:
    """Label/value pairs laid out in ``columns`` pairs per row (a form's prefilled header)."""
    label_w = width / columns * 0.36
    value_w = width / columns - label_w
    data: list[list[Any]] = []
    for start in range(0, len(pairs), columns):
        row: list[Any] = []
        for label, value in pairs[start : start + columns]:
            row += [cell(label, label_w, "cell_bold"), cell(value, value_w)]
        row += [""] * (2 * columns - len(row))
        data.append(row)
    result = Table(data, colWidths=[label_w, value_w] * columns)
    result.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT, 8, CELL_LEADING),
                ("FONT", (0, 0), (0, -1), FONT_BOLD, 8, CELL_LEADING),
                *[
                    ("FONT", (2 * i, 0), (2 * i, -1), FONT_BOLD, 8, CELL_LEADING)
                    for i in range(columns)
                ],
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("GRID", (0, 0), (-1, -1), 0.4, LINE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *[("BACKGROUND", (2 * i, 0), (2 * i, -1), HEADER_GREY) for i in range(columns)],
            ]
        )
    )
    return result


def signature_blocks(roles: Sequence[str], width: float, per_row: int = 3) -> Table:
    """Boxes to sign in, one per role, with the line, name and ID below."""
    col = width / per_row
    data: list[list[Any]] = []
    for start in range(0, len(roles), per_row):
        chunk = list(roles[start : start + per_row])
        data.append([""] * per_row)
        data.append(
            [
                para("_" * 30 + "\n" + role + "\n" + _("Name:") + "\n" + _("ID number:"), "small")
                for role in chunk
            ]
            + [""] * (per_row - len(chunk))
        )
    heights = [1.4 * cm if i % 2 == 0 else None for i in range(len(data))]
    result = Table(data, colWidths=[col] * per_row, rowHeights=heights)
    result.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return result
