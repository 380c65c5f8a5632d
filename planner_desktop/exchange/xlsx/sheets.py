"""Streaming tables into a write-only workbook, the same way for every export.

Every table gets a bold, frozen header row, an autofilter over its rows, column widths
and a number format per column, so amounts and dates arrive as numbers and dates. Text
that a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) is written as text, marked so that the spreadsheet shows it as
typed and never runs it; headers too. Every workbook the program writes, streamed or not,
goes through :func:`safe_cell` or :func:`put_text` and :func:`save_atomically`. A typed
``_x`` and four hex digits are escaped as the format wants (:mod:`.escapes`).

A carriage return written as such in XML is read back as a line feed by every XML
parser (openpyxl's and the spreadsheets' alike), so :func:`save_atomically` writes it as
the character reference ``&#13;``, which every reader takes as the carriage return it was.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from planner_desktop.exchange.xlsx import escapes

MONEY = "#,##0.00"
INTEGER = "#,##0"
DATE = "dd/mm/yyyy"
TEXT = "@"

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a typed text as a formula."""

MAX_SHEET_TITLE = 31
_FORBIDDEN_IN_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    """One column of a table: its header (already translated), width and number format."""

    header: str
    width: float = 14
    number_format: str | None = None


def safe_cell(sheet: WriteOnlyWorksheet, value: str, number_format: str | None) -> WriteOnlyCell:
    """A text cell that stays text: never a formula, shown as typed."""
    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    cell.quotePrefix = True
    if number_format is not None:
        cell.number_format = number_format
    return cell


def is_risky(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def put_text(cell: Cell, value: Any) -> Cell:
    """Set ``cell`` (of a workbook that is not write-only) to ``value``; a text that looks
    like a formula stays text, shown as typed."""
    if isinstance(value, str):
        value = escapes.encode(value)
    cell.value = value
    if is_risky(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _text(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    if isinstance(value, str):
        value = escapes.encode(value)
    if is_risky(value):
        return safe_cell(sheet, value, None)
    return WriteOnlyCell(sheet, value)


def new_workbook() -> Workbook:
    """A write-only workbook: rows go to disk as they are appended."""
    return Workbook(write_only=True)


def sheet_title(text: str, taken: set[str] | None = None) -> str:
    """A valid, unique sheet title (31 characters, none of ``[]:*?/\\``)."""
    base = " ".join(text.translate(_FORBIDDEN_IN_TITLE).split())[:MAX_SHEET_TITLE] or "-"
    title, n = base, 2
    while taken is not None and title.lower() in taken:
        suffix = f" ({n})"
        title = base[: MAX_SHEET_TITLE - len(suffix)] + suffix
        n += 1
    if taken is not None:
        taken.add(title.lower())
    return title


def write_table(
    workbook: Workbook,
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Append one sheet with ``columns`` and stream ``rows`` into it; the number of rows."""
    sheet: WriteOnlyWorksheet = workbook.create_sheet(title)
    for index, column in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    header = []
    for column in columns:
        cell = _text(sheet, column.header)
        cell.font = bold
        cell.alignment = wrap
        header.append(cell)
    sheet.append(header)
    styled: list[WriteOnlyCell | None] = []
    for column in columns:
        if column.number_format is None:
            styled.append(None)
            continue
        cell = WriteOnlyCell(sheet)
        cell.number_format = column.number_format
        styled.append(cell)
    count = 0
    for row in rows:
        out: list[Any] = []
        for value, cell, column in zip(row, styled, columns, strict=True):
            if isinstance(value, str):
                value = escapes.encode(value)
            if is_risky(value):
                out.append(safe_cell(sheet, value, column.number_format))
            elif cell is None or value is None:
                out.append(value)
            else:
                cell.value = value
                out.append(cell)
        sheet.append(out)
        count += 1
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{count + 1}"
    return count


def save_atomically(workbook: Workbook, path: Path) -> None:
    """Write next to ``path`` and rename, so a failed export never leaves half a file."""
    tmp = path.with_name(path.name + ".part")
    try:
        workbook.save(tmp)
        keep_carriage_returns(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _holds_carriage_return(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            if b"\r" in chunk:
                return True
    return False


def keep_carriage_returns(path: Path) -> None:
    """Rewrite the XML parts of the workbook at ``path`` that hold a raw carriage return,
    with ``&#13;`` in its place (XML reads a raw one as a line feed).

    openpyxl escapes ``<``, ``&`` and ``>`` in text, so a raw carriage return in its
    output is only ever one inside a text or an attribute value, where the reference
    means the same character. The workbook is only read when none is found.
    """
    with zipfile.ZipFile(path) as archive:
        names = {
            info.filename for info in archive.infolist()
            if info.filename.endswith((".xml", ".rels")) and _holds_carriage_return(archive, info)
        }  # fmt: skip
    if not names:
        return
    rewritten = path.with_name(path.name + ".cr")
    try:
        with zipfile.ZipFile(path) as archive, zipfile.ZipFile(rewritten, "w") as out:
            for info in archive.infolist():
                if info.filename in names:
                    out.writestr(info, archive.read(info).replace(b"\r", b"&#13;"))
                    continue
                with archive.open(info) as source, out.open(info, "w") as target:
                    shutil.copyfileobj(source, target)
        os.replace(rewritten, path)
    finally:
        rewritten.unlink(missing_ok=True)
