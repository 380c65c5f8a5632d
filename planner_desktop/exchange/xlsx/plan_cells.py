"""Reading one sheet of the plan workbook: its header, then every row, each cell typed
(:mod:`~planner_desktop.exchange.xlsx.plan_readers`) and checked by the rule of the field
it is stored in (:mod:`~planner_desktop.exchange.xlsx.plan_fields`); a wrong header or
cell refuses, naming the sheet, row and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from planner_desktop.capture.assessment import check_year
from planner_desktop.capture.validation import Invalid
from planner_desktop.exchange.xlsx import plan_fields
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.plan_readers import blank, cell_text, convert
from planner_desktop.exchange.xlsx.plan_spec import SheetSpec, header_keys, year_pattern
from planner_desktop.exchange.xlsx.rows import MAX_RECORDS, last_content_row
from planner_desktop.exchange.xlsx.spec import normalise, spellings
from planner_desktop.i18n import _
from planner_desktop.plan import validate


@dataclass(frozen=True, eq=False)
class Row:
    """One row of data: its number, typed values by column key and by year."""

    number: int
    values: dict[str, Any]
    years: dict[int, Any]
    sheet: SheetRows = field(repr=False)

    def at(self, key: str) -> Where:
        """The cell of column ``key`` in this row."""
        return self.sheet.place(self.number, key)

    def at_year(self, year: int) -> Where:
        return self.sheet.place(self.number, year)

    def has(self, key: str) -> bool:
        return key in self.sheet.letters


@dataclass(eq=False)
class SheetRows:
    """A sheet as read: where it is, which columns it has, its rows."""

    spec: SheetSpec
    where: Where
    letters: dict[str | int, str] = field(default_factory=dict)
    headers: dict[str | int, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)

    @property
    def years(self) -> list[int]:
        return sorted(key for key in self.letters if isinstance(key, int))

    def place(self, row: int, key: str | int) -> Where:
        return self.where.at(row, self.letters.get(key), self.headers.get(key))


def find(workbook: Workbook, file: str, spec: SheetSpec) -> Any | None:
    wanted = spellings(spec.title)
    for name in workbook.sheetnames:
        if normalise(name) in wanted:
            return workbook[name]
    return None


def read_sheet(
    workbook: Workbook, file: str, spec: SheetSpec, period: tuple[int, int] | None
) -> SheetRows | None:
    """The sheet of ``spec`` typed row by row, or None when the workbook lacks it.

    ``period`` is the plan's first and last year, for the columns of one value per year
    that must fall inside it.
    """
    sheet = find(workbook, file, spec)
    if sheet is None:
        return None
    read = SheetRows(spec, Where(file, sheet.title))
    columns = _header(sheet, read, period)
    last, column = last_content_row(workbook._archive, sheet._worksheet_path)
    if last > MAX_RECORDS + 1:
        raise refuse(
            read.where.at(last, column),
            _("the sheet has data down to row {row}; at most {limit} rows can be imported").format(
                row=last, limit=MAX_RECORDS
            ),
        )
    if last < 2 or not columns:
        return read
    sheet.reset_dimensions()
    width = max(columns) + 1
    rows = sheet.iter_rows(min_row=2, max_row=last, max_col=width)
    for number, cells in enumerate(rows, start=2):
        if all(blank(cell.value) for cell in cells):
            continue
        row = Row(number, {}, {}, read)
        for index, key in columns.items():
            cell = cells[index] if index < len(cells) else None
            place = read.place(row.number, key)
            if isinstance(key, int):
                assert spec.years is not None
                value = row.years[key] = convert(cell, spec.years.cell, place)
            else:
                col = next(c for c in spec.all_columns if c.key == key)
                value = row.values[key] = convert(cell, col.cell, place, col)
            reason = plan_fields.problem(spec, key, value)
            if reason is not None:
                raise refuse(place, reason)
        read.rows.append(row)
    return read


def _header(sheet: Any, read: SheetRows, period: tuple[int, int] | None) -> dict[int, str | int]:
    """Column index → column key (or year) from the header row; refuses what is wrong."""
    spec = read.spec
    headers = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
    known = header_keys(spec)
    pattern = year_pattern(spec)
    found: dict[int, str | int] = {}
    for index, value in enumerate(headers):
        if blank(value):
            continue
        text = normalise(cell_text(value))
        letter = get_column_letter(index + 1)
        col = known.get(text)
        if col is not None:
            if col.key not in read.letters:
                found[index] = col.key
                read.letters[col.key], read.headers[col.key] = letter, _(col.header)
            continue
        match = pattern.fullmatch(text) if pattern is not None else None
        if match is None:
            continue
        year = int(next(group for group in match.groups() if group))
        place = read.where.at(1, letter, cell_text(value))
        _check_year_column(spec, year, period, place)
        if year in read.letters:
            raise refuse(place, _("the year {year} has two columns").format(year=year))
        found[index] = year
        read.letters[year], read.headers[year] = letter, cell_text(value)
    for col in spec.all_columns:
        if (col.required or col.in_header) and col.key not in read.letters:
            raise refuse(
                read.where.at(1, None, _(col.header)),
                _("the required column «{column}» is missing from the header row").format(
                    column=_(col.header)
                ),
            )
    return found


def _check_year_column(
    spec: SheetSpec, year: int, period: tuple[int, int] | None, place: Where
) -> None:
    assert spec.years is not None
    try:
        check_year(year)
    except Invalid as refused:
        raise refuse(place, str(refused)) from None
    if spec.years.in_period and period is not None:
        reason = validate.year_in_period(year, *period)
        if reason:
            raise refuse(place, reason)
