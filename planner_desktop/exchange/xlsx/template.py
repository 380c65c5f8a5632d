"""The blank import template: instructions, one sheet per import and the valid codes.

Every cell is set through :func:`~planner_desktop.exchange.xlsx.sheets.put_text`, so a
code or name that looks like a formula is written as text.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.labels import label
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District, Sector
from planner_desktop.exchange.xlsx import spec
from planner_desktop.exchange.xlsx.sheets import put_text, save_atomically
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise

TEMPLATE_ROWS = 1000
"""How many rows carry the drop-down lists."""

_BOLD = Font(bold=True)


def _append(sheet: Worksheet, line: tuple[str, ...]) -> None:
    """Add ``line`` as the next row (an empty one leaves a blank row), each value as text."""
    sheet.append(line)
    for column, value in enumerate(line, 1):
        put_text(sheet.cell(sheet.max_row, column), value)


def _instructions(sheet: Worksheet) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 16
    sheet.column_dimensions["C"].width = 90
    lines = [
        (_("How to fill in this template"),),
        (_("1. Fill one row per record, starting in row 2; do not change the headers."),),
        (_("2. Type values, not formulas; numbers as numbers, without text."),),
        (_("3. Codes must exist in the database: see the Codes sheet."),),
        (
            _(
                "4. If any row is wrong, nothing is imported and the message names the "
                "sheet, row and column to correct."
            ),
        ),
        (_("5. Import communities first, then their demands."),),
        (),
    ]
    for line in lines:
        _append(sheet, line)
    sheet["A1"].font = Font(bold=True, size=14)
    for title, fields in (
        (spec.COMMUNITIES_SHEET, spec.COMMUNITY_FIELDS),
        (spec.DEMANDS_SHEET, spec.DEMAND_FIELDS),
    ):
        _append(sheet, (_("Sheet «{sheet}»").format(sheet=_(title)),))
        sheet.cell(sheet.max_row, 1).font = _BOLD
        _append(sheet, (_("Column"), _("Required"), _("What to type")))
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD
        for field in fields:
            _append(
                sheet, (_(field.header), _("Yes") if field.required else _("No"), _(field.note))
            )
            sheet.cell(sheet.max_row, 3).alignment = Alignment(wrap_text=True)
        _append(sheet, ())


def _codes(sheet: Worksheet, session: Session) -> dict[str, str]:
    """List districts, communities, sectors and choices; the range of each list by key."""
    lists: list[tuple[str, str, list[tuple[str, str]]]] = [
        (
            "district",
            _("District code"),
            [
                (code, name)
                for code, name in session.execute(
                    select(District.code, District.name)
                    .where(live(District))
                    .order_by(bytewise(District.code), District.id)
                )
            ],
        ),
        (
            "community",
            _("Community code"),
            [
                (code, name)
                for code, name in session.execute(
                    select(Community.code, Community.name)
                    .where(live(Community))
                    .order_by(bytewise(Community.code), Community.id)
                )
            ],
        ),
        (
            "sector",
            _("Sector code"),
            [
                (code, name)
                for code, name in session.execute(
                    select(Sector.code, Sector.name)
                    .where(live(Sector))
                    .order_by(bytewise(Sector.code), Sector.id)
                )
            ],
        ),
    ]
    for fields in (spec.COMMUNITY_FIELDS, spec.DEMAND_FIELDS):
        for field in fields:
            if field.choices is not None:
                members = [(label(m), m.value) for m in field.choices]
                lists.append((field.key, _(field.header), members))
    ranges: dict[str, str] = {}
    quoted = "'" + sheet.title.replace("'", "''") + "'"
    for index, (key, header, values) in enumerate(lists):
        code_col = get_column_letter(index * 3 + 1)
        name_col = get_column_letter(index * 3 + 2)
        sheet.column_dimensions[code_col].width = 18
        sheet.column_dimensions[name_col].width = 30
        put_text(sheet[f"{code_col}1"], header).font = _BOLD
        for row, (code, name) in enumerate(values, 2):
            put_text(sheet[f"{code_col}{row}"], code)
            put_text(sheet[f"{name_col}{row}"], name)
        last = max(2, len(values) + 1)
        ranges[key] = f"{quoted}!${code_col}$2:${code_col}${last}"
    sheet.freeze_panes = "A2"
    return ranges


def _data_sheet(sheet: Worksheet, fields: tuple[spec.Field, ...], ranges: dict[str, str]) -> None:
    for index, field in enumerate(fields, 1):
        letter = get_column_letter(index)
        cell = put_text(sheet.cell(1, index), _(field.header) + (" *" if field.required else ""))
        cell.font = _BOLD
        sheet.column_dimensions[letter].width = field.width
        source = ranges.get(field.key)
        if source:
            check = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
            check.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(check)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}1"


def write_template(session: Session, path: Path) -> None:
    """Write the blank template to ``path`` (through a temporary file)."""
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = _(spec.INSTRUCTIONS_SHEET)
    communities = workbook.create_sheet(_(spec.COMMUNITIES_SHEET))
    demands = workbook.create_sheet(_(spec.DEMANDS_SHEET))
    codes = workbook.create_sheet(_(spec.CODES_SHEET))
    _instructions(instructions)
    ranges = _codes(codes, session)
    _data_sheet(communities, spec.COMMUNITY_FIELDS, ranges)
    _data_sheet(demands, spec.DEMAND_FIELDS, ranges)
    save_atomically(workbook, path)
