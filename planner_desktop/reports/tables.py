"""Tables for every document: cells that wrap instead of being cut, headers repeated on
each page, prefilled form fields and signature blocks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Table, TableStyle

from planner_desktop.i18n import _
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


def scaled(ratios: Sequence[float], width: float) -> list[float]:
    """Column widths in the given proportions that fill ``width``."""
    whole = sum(ratios)
    return [width * ratio / whole for ratio in ratios]


def fits(text: str, width: float, size: float = 8, font: str = FONT) -> bool:
    return pdfmetrics.stringWidth(text, font, size) <= width


def cell(text: Any, width: float, style: str = "cell") -> str:
    """A table cell's text, broken into lines that fit the column (never cut).

    Plain strings with line breaks are drawn by the table itself, many times faster than
    a Paragraph per cell; a word longer than the column is split letter by letter.
    """
    value = "" if text is None else str(text)
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


def table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    numeric: Sequence[int] = (),
    row_heights: Sequence[float | None] | None = None,
    bold_last: bool = False,
) -> Table:
    """A table that splits across pages repeating its header; long cells wrap."""
    data: list[list[Any]] = [[cell(h, w, "cell_bold") for h, w in zip(header, widths, strict=True)]]
    for row in rows:
        data.append(
            [
                value if isinstance(value, Flowable) else cell(value, w)
                for value, w in zip(row, widths, strict=True)
            ]
        )
    heights = None if row_heights is None else [None, *row_heights]
    result = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8, CELL_LEADING),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 8, CELL_LEADING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY),
        ("GRID", (0, 0), (-1, -1), 0.4, LINE_GREY),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for column in numeric:
        commands.append(("ALIGN", (column, 1), (column, -1), "RIGHT"))
    if bold_last and rows:
        commands.append(("FONT", (0, -1), (-1, -1), FONT_BOLD, 8, CELL_LEADING))
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.93, 0.93, 0.93)))
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
                *[("FONT", (2 * i, 0), (2 * i, -1), FONT_BOLD, 8, CELL_LEADING)
                  for i in range(columns)],
                ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
                ("GRID", (0, 0), (-1, -1), 0.4, LINE_GREY),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                *[
                    ("BACKGROUND", (2 * i, 0), (2 * i, -1), HEADER_GREY)
                    for i in range(columns)
                ],
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
