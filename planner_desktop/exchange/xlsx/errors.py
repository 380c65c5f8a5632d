"""The one-line refusal of a spreadsheet: which file, sheet, row and column, and why."""

from __future__ import annotations

from dataclasses import dataclass, replace

from planner_desktop.i18n import _


class SpreadsheetRefused(Exception):
    """The spreadsheet was refused; ``str()`` is the one line shown to the person."""


@dataclass(frozen=True)
class Where:
    """A place in a spreadsheet, as precise as it is known."""

    file: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    header: str | None = None

    def at(
        self, row: int | None = None, column: str | None = None, header: str | None = None
    ) -> Where:
        return replace(self, row=row, column=column, header=header)

    def describe(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(_("sheet «{sheet}»").format(sheet=self.sheet))
        if self.row is not None:
            parts.append(_("row {row}").format(row=self.row))
        if self.column is not None:
            column = _("column {column}").format(column=self.column)
            if self.header:
                column += f" («{self.header}»)"
            parts.append(column)
        elif self.header:
            parts.append(_("column «{header}»").format(header=self.header))
        return ", ".join(parts)


def refuse(where: Where, reason: str) -> SpreadsheetRefused:
    """The exception to raise: ``file, sheet «S», row R, column C («H»): reason``."""
    line = f"{where.describe()}: {reason}"
    return SpreadsheetRefused(" ".join(line.split()))
