"""Reading the rows of one import sheet, each cell checked against its declared type and
then by the rule of the field it is stored in (:mod:`planner_desktop.domain.rules`).

Rows are read up to the last row that holds a value, found first by a quick scan of the
sheet's XML: 200,000 formatted but empty rows after the data cost a scan, not a parse.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from planner_desktop.domain import rules
from planner_desktop.exchange.xlsx import escapes, spec
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.safety import check_file
from planner_desktop.i18n import _

MAX_RECORDS = 100_000
"""Rows of data one import accepts (a scale-10 municipality has about 56,000 demands)."""

_TAGS = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|v|f|is)\b([^>]*)>")
_ROW_NUMBER = re.compile(rb"\br\s*=\s*[\"'](\d+)[\"']")
_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*?\br\s*=\s*[\"']([A-Z]+)\d+")
_CHUNK = 1 << 20
_LOOK_BACK = 400


@dataclass(frozen=True)
class Record:
    """One row of data: its number in the sheet, its values and column letters by field key."""

    row: int
    values: dict[str, Any]
    columns: dict[str, str]


def last_content_row(archive: zipfile.ZipFile, part: str) -> tuple[int, str | None]:
    """The last row with a value or formula in a worksheet part (0 if none), and its column."""
    last, column, current = 0, None, 0
    carry = before = b""
    with archive.open(part) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            data = carry + chunk
            cut = data.rfind(b"<") if chunk else len(data)
            carry, data = data[cut:], data[:cut]
            for match in _TAGS.finditer(data):
                if match.group(1) == b"row":
                    number = _ROW_NUMBER.search(match.group(2))
                    current = int(number.group(1)) if number else current + 1
                else:
                    last = current
                    start = match.start()
                    cells = _CELL.findall(data, max(0, start - _LOOK_BACK), start)
                    if not cells and start < _LOOK_BACK:
                        cells = _CELL.findall(before + data[:start])
                    column = cells[-1].decode("ascii") if cells else None
            before = (before + data)[-_LOOK_BACK:]
            if not chunk:
                return last, column


def open_workbook(path: Path) -> Workbook:
    """The workbook in read-only mode with formulas kept as formulas, after the checks.

    Close it with ``workbook.close()``.
    """
    check_file(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or hostile file
        reason = type(exc).__name__
        raise refuse(
            Where(path.name), _("cannot be read as a workbook ({reason})").format(reason=reason)
        ) from None
    return workbook


def find_sheet(workbook: Workbook, where: Where, title: str) -> ReadOnlyWorksheet:
    wanted = spec.spellings(title)
    for name in workbook.sheetnames:
        if spec.normalise(name) in wanted:
            sheet = workbook[name]
            assert isinstance(sheet, ReadOnlyWorksheet)
            return sheet
    raise refuse(where, _("the sheet «{sheet}» is missing").format(sheet=_(title)))


def _columns(
    sheet: ReadOnlyWorksheet, where: Where, fields: tuple[spec.Field, ...]
) -> dict[int, spec.Field]:
    headers = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    by_spelling = {s: field for field in fields for s in spec.spellings(field.header)}
    found: dict[int, spec.Field] = {}
    for index, value in enumerate(headers):
        field = by_spelling.get(spec.normalise(str(value))) if value is not None else None
        if field is not None and field not in found.values():
            found[index] = field
    for field in fields:
        if field.required and field not in found.values():
            raise refuse(
                where.at(1, None, _(field.header)),
                _("the required column «{column}» is missing from the header row").format(
                    column=_(field.header)
                ),
            )
    return found


def read_records(
    workbook: Workbook,
    where: Where,
    title: str,
    fields: tuple[spec.Field, ...],
) -> list[Record]:
    """Every non-empty row of the sheet ``title``, typed; the first wrong cell refuses."""
    sheet = find_sheet(workbook, where, title)
    where = Where(where.file, sheet.title)  # the title as spelled in this workbook
    columns = _columns(sheet, where, fields)
    last, column = last_content_row(workbook._archive, sheet._worksheet_path)
    if last > MAX_RECORDS + 1:
        raise refuse(
            where.at(last, column),
            _("the sheet has data down to row {row}; at most {limit} rows can be imported").format(
                row=last, limit=MAX_RECORDS
            ),
        )
    records: list[Record] = []
    if last < 2:
        return records
    sheet.reset_dimensions()
    width = max(columns) + 1 if columns else 1
    letters = {field.key: get_column_letter(index + 1) for index, field in columns.items()}
    for cells in sheet.iter_rows(min_row=2, max_row=last, max_col=width):
        if all(_blank(cell.value) for cell in cells):
            continue
        row = cells[0].row
        values: dict[str, Any] = {}
        for index, field in columns.items():
            cell = cells[index] if index < len(cells) else None
            place = where.at(row, letters[field.key], _(field.header))
            values[field.key] = convert(cell, field, place)
        records.append(Record(row, values, letters))
    return records


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def convert(cell: Any, field: spec.Field, where: Where) -> Any:
    """The typed value of one cell, or a refusal naming the cell (its type, then the rule
    of the field it is stored in)."""
    value = _typed(cell, field, where)
    if field.rule is not None and value is not None:
        table, column = field.rule.split(".")
        reason = rules.rule_for(table, column).problem(value)
        if reason is not None:
            raise refuse(where, reason)
    return value


def _typed(cell: Any, field: spec.Field, where: Where) -> Any:
    value = None if cell is None else cell.value
    if cell is not None and getattr(cell, "data_type", None) == "f":
        raise refuse(where, _("the cell holds a formula; type the value itself"))
    if cell is not None and getattr(cell, "data_type", None) == "e":
        raise refuse(where, _("the cell holds an error ({value})").format(value=value))
    if isinstance(value, str):
        value = escapes.decode(value)
        reason = rules.TEXT.problem(value)  # before spaces are tidied: no control hides
        if reason is not None:
            raise refuse(where, reason)
    if _blank(value):
        if field.required:
            raise refuse(where, _("the cell is empty and this column is required"))
        return None
    if isinstance(value, bool | datetime | date | time):
        raise refuse(where, _wrong(field, value))
    if field.kind is spec.Kind.TEXT:
        return _text(value)
    if field.kind is spec.Kind.CHOICE:
        assert field.choices is not None
        member = spec.choice_spellings(field.choices).get(spec.normalise(_text(value)))
        if member is None:
            raise refuse(
                where,
                _("«{value}» is not one of the values of the list").format(value=_text(value)),
            )
        return member
    if not isinstance(value, int | float | Decimal):
        raise refuse(where, _wrong(field, value))
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise refuse(where, _wrong(field, value)) from None
    if not number.is_finite():
        raise refuse(where, _wrong(field, value))
    if field.kind is spec.Kind.INTEGER:
        if number != number.to_integral_value():
            raise refuse(where, _wrong(field, value))
        return int(number)
    try:
        return number.quantize(Decimal("0.01"))
    except InvalidOperation:  # too many digits for cents: the rule refuses it as too large
        return number


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _wrong(field: spec.Field, value: Any) -> str:
    expected = {
        spec.Kind.INTEGER: _("a whole number"),
        spec.Kind.MONEY: _("an amount"),
    }.get(field.kind, _("text"))
    shown = str(value)[:40]
    return _("expected {expected}, found «{value}»").format(expected=expected, value=shown)
