"""Building good and bad workbooks for the import tests."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from planner_desktop.exchange.xlsx.errors import SpreadsheetRefused
from planner_desktop.exchange.xlsx.export import export
from planner_desktop.exchange.xlsx.importer import IMPORTS
from planner_desktop.exchange.xlsx.safety import sheet_of_part
from tests.helpers import dump_text

COMMUNITY = ["D1", "NEW-01", "Nueva Esperanza", "OTB", "Rural", 120, 110, 60, 50, 90, 30, 55]
DEMAND = ["NEW-01", "NEW-01-01", "salud", "Posta de salud con sala de partos", "Women", 300,
          250, 125000.5]  # fmt: skip


def template(store: Any, folder: Path) -> Path:
    path = folder / "template.xlsx"
    export(store, "template", path)
    return path


def filled(
    store: Any, folder: Path, sheet: str, rows: Sequence[Sequence[Any]], name: str = "in.xlsx"
) -> Path:
    """The blank template with ``rows`` typed into ``sheet`` from row 2."""
    book = load_workbook(template(store, folder))
    for row in rows:
        book[sheet].append(list(row))
    out = folder / name
    book.save(out)
    return out


def worksheet_part(path: Path, title: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist() if sheet_of_part(archive, n) == title)


def rewrite_part(path: Path, part: str, change: Any) -> None:
    """Replace one part of the ZIP by ``change(text)``."""
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            if info.filename == part:
                data = change(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)


def pad_with_empty_rows(path: Path, title: str, start: int, count: int, style: int = 1) -> None:
    """Add ``count`` formatted but empty rows from row ``start``, as Excel leaves them."""

    def change(text: str) -> str:
        letters = "ABCDEFGH"
        rows = "".join(
            f'<row r="{n}" s="{style}" customFormat="1">'
            + "".join(f'<c r="{c}{n}" s="{style}"/>' for c in letters)
            + "</row>"
            for n in range(start, start + count)
        )
        text = re.sub(
            r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="A1:H{start + count}"/>', text
        )
        return text.replace("</sheetData>", rows + "</sheetData>", 1)

    rewrite_part(path, worksheet_part(path, title), change)


def refused(store: Any, path: Path, kind: str, *expected: str) -> str:
    """Import, expect a refusal naming ``expected``, and check nothing changed."""
    before = dump_text(store)
    with pytest.raises(SpreadsheetRefused) as caught:
        IMPORTS[kind](store, path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name), message
    for part in expected:
        assert part in message, message
    assert dump_text(store) == before, "nothing is imported"
    return message
