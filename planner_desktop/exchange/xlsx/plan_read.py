"""Reading the whole plan workbook before anything is matched: every sheet, every cell
typed, and what the file alone must get right (one plan row, a period, levels numbered
without gaps, no key twice in a sheet)."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from pathlib import Path

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.plan import MAX_LEVELS
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.plan_cells import Row, SheetRows, find, read_sheet
from planner_desktop.exchange.xlsx.plan_match import key_text, refuse_at
from planner_desktop.exchange.xlsx.plan_spec import (
    ACTORS,
    ASSESSMENT,
    CROSS_CUTTING,
    ELEMENTS,
    LEVELS,
    PLAN,
    SHEETS,
    SOURCES,
    STRUCTURE,
    SheetSpec,
)
from planner_desktop.exchange.xlsx.rows import open_workbook
from planner_desktop.i18n import _
from planner_desktop.plan import frame


@dataclass
class Book:
    """The workbook as read: the plan's row and every sheet present."""

    file: str
    plan: Row
    period: tuple[int, int]
    sheets: dict[str, SheetRows] = field(default_factory=dict)

    def sheet(self, spec: SheetSpec) -> SheetRows | None:
        return self.sheets.get(spec.key)

    def rows(self, spec: SheetSpec) -> list[Row]:
        found = self.sheets.get(spec.key)
        return found.rows if found is not None else []

    @property
    def rows_read(self) -> int:
        return sum(len(sheet.rows) for sheet in self.sheets.values())


KEYS: dict[str, str] = {
    ELEMENTS.key: "code",
    STRUCTURE.key: "name",
    CROSS_CUTTING.key: "name",
    SOURCES.key: "code",
    ASSESSMENT.key: "name",
    ACTORS.key: "name",
}
"""The sheets whose rows are named by a key (a code, a name), and its column: a key may
appear once in its sheet (compared without case or accents)."""


def read_book(path: Path) -> Book:
    """Read and type every sheet; the first wrong cell refuses the file."""
    workbook = open_workbook(path)
    try:
        plan_sheet = read_sheet(workbook, path.name, PLAN, None)
        if plan_sheet is None:
            raise refuse(
                Where(path.name),
                _("the sheet «{sheet}» is missing").format(sheet=_(PLAN.title)),
            )
        if len(plan_sheet.rows) != 1:
            raise refuse(plan_sheet.where, _("the sheet must have exactly one row of data"))
        plan = plan_sheet.rows[0]
        try:
            period = frame.period(plan.values["start_year"], plan.values["end_year"])
        except Invalid as refused:
            raise refuse_at(plan.at("end_year"), refused) from None
        book = Book(path.name, plan, period, {PLAN.key: plan_sheet})
        for spec in SHEETS[1:]:
            if find(workbook, path.name, spec) is None:
                continue
            sheet = read_sheet(workbook, path.name, spec, period)
            assert sheet is not None
            book.sheets[spec.key] = sheet
    finally:
        workbook.close()
    _check_levels(book)
    for key, column in KEYS.items():
        if key in book.sheets:
            _no_repeats(book.sheets[key], column)
    return book


def _check_levels(book: Book) -> None:
    seen: dict[int, int] = {}
    for row in book.rows(LEVELS):
        depth = row.values["depth"]
        if not 1 <= depth <= MAX_LEVELS:
            raise refuse(
                row.at("depth"),
                _("a level is numbered from 1 to {n}").format(n=MAX_LEVELS),
            )
        if depth in seen:
            raise refuse(
                row.at("depth"),
                _("the level {n} is repeated (first in row {row})").format(
                    n=depth, row=seen[depth]
                ),
            )
        seen[depth] = row.number


def _no_repeats(sheet: SheetRows, column: str) -> None:
    seen: dict[Hashable, int] = {}
    for row in sheet.rows:
        key = key_text(row.values[column])
        if key in seen:
            raise refuse(
                row.at(column),
                _("«{value}» is repeated (first in row {row})").format(
                    value=row.values[column], row=seen[key]
                ),
            )
        seen[key] = row.number
