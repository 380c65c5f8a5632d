"""The notes sheet of the plan workbook: how the file is read back, and every column."""

from __future__ import annotations

from collections.abc import Iterator

from openpyxl import Workbook

from planner_desktop.exchange.xlsx.plan_spec import ID, NOTES_SHEET, SHEETS
from planner_desktop.exchange.xlsx.sheets import Column, write_table
from planner_desktop.i18n import N_, _

RULES = (
    N_("Each sheet holds one kind of record of the plan, one record per row. Sheets and "
       "columns are found by their titles (in Spanish or English), in any order; other "
       "sheets and columns are not read."),
    N_("The last column, Id, says which record of the program a row is: leave it as it is. "
       "A row with an empty Id (or one from another database) updates the record with the "
       "same code or name, or else is added as a new record."),
    N_("Change a cell and import the file: that value of that record changes, and nothing "
       "else. Importing a file without changes changes nothing."),
    N_("Rows taken out of the file are left as they are in the program: to delete a record, "
       "delete it in the program. A row whose record was deleted in the program is not "
       "brought back."),
    N_("Columns of years (Target 2027, Ceiling 2027, 2027 in the self-assessment) hold one "
       "value per year; an empty cell clears that year's value. The targets and ceilings "
       "are for years of the plan period."),
    N_("Type values, not formulas. If any cell is wrong, nothing is imported and the "
       "message names the sheet, row and column to correct."),
    N_("In an empty database the file creates the municipality and its plan; the country "
       "gives the currency, diagnosis dimensions and sectors."),
)  # fmt: skip


def _lines() -> Iterator[tuple[str | None, ...]]:
    everywhere = _("All sheets")
    for rule in RULES:
        yield everywhere, None, None, _(rule)
    yes, no = _("Yes"), _("No")
    for spec in SHEETS:
        title = _(spec.title)
        yield title, None, None, _(spec.note)
        for col in spec.columns:
            yield title, _(col.header), yes if col.required else no, _(col.note)
        if spec.years is not None:
            header = _(spec.years.header) if spec.years.header != "{year}" else "{year}"
            yield title, header.format(year="…"), no, _(spec.years.note)
        if spec.identified:
            yield title, _(ID.header), no, _(ID.note)


def write_notes(workbook: Workbook) -> None:
    columns = [
        Column(_("Sheet"), 22),
        Column(_("Column"), 24),
        Column(_("Required"), 10),
        Column(_("What to type"), 100),
    ]
    write_table(workbook, _(NOTES_SHEET), columns, _lines())
