"""A wrong cell anywhere in the plan workbook refuses the whole file in one line naming the
sheet, row and column; nothing is written (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from planner_desktop.domain.projects import FundingSource
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.exchange.xlsx.export import export
from planner_desktop.exchange.xlsx.plan_import import import_plan
from planner_desktop.i18n import set_language
from planner_desktop.store.database import Store
from tests.helpers import dump_text, new_store
from tests.xlsx.plan_books import copied, edit, refused


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield


@pytest.fixture
def colombia(colombia_file: Path, tmp_path: Path) -> Iterator[Store]:
    store = new_store(copied(colombia_file, tmp_path / "colombia.sqlite"))
    yield store
    store.close()


@pytest.fixture
def plan_file(colombia: Store, tmp_path: Path) -> Path:
    path = tmp_path / "plan.xlsx"
    export(colombia, "plan", path)
    return path


def place(path: Path, sheet: str, find: tuple[str, Any], column: str) -> str:
    """``sheet «S», row R, column C («H»)`` of one cell of the file."""
    table = load_workbook(path)[sheet]
    headers = [cell.value for cell in table[1]]
    where = headers.index(find[0]) + 1
    row = next(r for r in range(2, table.max_row + 1) if table.cell(r, where).value == find[1])
    letter = get_column_letter(headers.index(column) + 1)
    return f"sheet «{sheet}», row {row}, column {letter} («{column}»)"


BAD_CELLS = [
    ("Elements", ("Code", "L1.S1.P1"), "Hangs from", "ZZ", "no element has the code «ZZ»"),
    ("Elements", ("Code", "L1.S1.P1.1"), "Level", 5,
     "the plan has 4 levels: type a level from 1 to 4"),
    ("Elements", ("Code", "L1.S1.P1"), "Level", "tres", "expected a whole number, found «tres»"),
    ("Elements", ("Code", "L2.S1"), "Hangs from", "L1.S1.P1",
     "«L1.S1.P1» is at level 3: an element hangs from one at a higher level"),
    ("Elements", ("Code", "L2"), "Hangs from", "L1", "an element of level 1 hangs from nothing"),
    ("Elements", ("Code", "L2.S1"), "Code", "L1", "«L1» is repeated (first in row 2)"),
    ("Elements", ("Code", "L2.S1"), "Code", "dos palabras", "one word, with no spaces"),
    ("Elements", ("Code", "L2.S1"), "Sector code", "minería", "no sector has the code «minería»"),
    ("Elements", ("Code", "L2.S1"), "Cross-cutting dimensions", "Ambiental; Paz",
     "no cross-cutting dimension is called «Paz»"),
    ("Elements", ("Code", "L2.S1"), "Name", "=1+1", "the cell holds a formula"),
    ("Self-assessment", ("Area", "Gestión fiscal"), "2024", "120",
     '"120": a percentage goes from 0 to 100'),
    ("Self-assessment", ("Area", "Gestión fiscal"), "2024", "86,555",
     '"86,555": at most two decimals'),
    ("SDGs", ("SDG", 11), "SDG", 18, "must be from 1 to 17"),
    ("SDGs", ("SDG", 6), "SDG target", "7.1", "7.1 is not a target of goal 6"),
    ("Indicators", ("Indicator", "Tanques construidos"), "Target 2025", "muchos",
     "a target must be a number"),
    ("Indicators", ("Indicator", "Tanques construidos"), "Element code", "L9",
     "no element has the code «L9»"),
    ("Funding sources", ("Code", "SGP"), "Code", "RP", "«RP» is repeated (first in row 2)"),
    ("Funding sources", ("Code", "RP"), "Ceiling 2026", -5, "an amount cannot be negative"),
    ("Funding sources", ("Code", "RP"), "Kind", "Lotería",
     "«Lotería» is not one of the values of the list"),
    ("Structure", ("Unit", "Secretaría de Planeación"), "Under", "Dirección de Agua",
     "a unit cannot go under itself or one of its own units"),
    ("Work plan", ("Activity", "Talleres veredales"), "End", "2020-01-01",
     "1/1/2020 is before the start (2/1/2024)"),
    ("Pacts", ("Organization", "Concejo Municipal"), "Organization", "Cabildo",
     "no organisation is called «Cabildo»: add it to the Actors sheet"),
    ("Values", ("Value", "Transparencia"), "Id", "no-es-un-id",
     "«no-es-un-id» is not an id written by the program"),
    ("Values", ("Value", "Transparencia"), "Value", None,
     "the cell is empty and this column is required"),
    ("Levels", ("Level", 3), "Name", "línea estratégica",
     "the level 1 is called «Línea estratégica» too"),
]  # fmt: skip


@pytest.mark.parametrize(("sheet", "find", "column", "value", "reason"), BAD_CELLS)
def test_a_bad_cell_refuses_the_file_naming_it(
    colombia, plan_file, tmp_path, sheet, find, column, value, reason
):
    where = place(plan_file, sheet, find, column)
    path = edit(plan_file, sheet, find, column, value, tmp_path / "bad.xlsx")
    refused(colombia, path, f"bad.xlsx, {where}: {reason}")


def test_a_year_outside_the_period_is_refused_at_its_header(colombia, plan_file, tmp_path):
    path = edit(plan_file, "Indicators", ("Indicator", "Tanques construidos"), "Target 2031", "4",
                tmp_path / "year.xlsx")  # fmt: skip
    refused(colombia, path, "sheet «Indicators», row 1, column K («Target 2031»)",
            "2031 is outside the plan period 2024–2027")  # fmt: skip
    shorter = edit(plan_file, "Municipality and plan", ("Country", "Colombia"), "To", 2026,
                   tmp_path / "short.xlsx")  # fmt: skip
    refused(colombia, shorter, "sheet «Indicators», row 1, column I («Target 2027»)",
            "2027 is outside the plan period 2024–2026")  # fmt: skip


def test_the_same_row_twice_and_a_level_missing(colombia, plan_file, tmp_path):
    book = load_workbook(plan_file)
    values = book["Values"]
    values.append(["Otro valor", None, values["C2"].value])
    book.save(tmp_path / "twice.xlsx")
    refused(colombia, tmp_path / "twice.xlsx", "sheet «Values», row 4, column C («Id»)",
            "the same Id is in row 2")  # fmt: skip
    book = load_workbook(plan_file)
    book["Levels"].append([6, "Proyecto"])
    book.save(tmp_path / "gap.xlsx")
    refused(colombia, tmp_path / "gap.xlsx", "sheet «Levels», row 6, column A («Level»)",
            "there is no level 5")  # fmt: skip


def test_an_element_left_out_still_hangs_below_its_parent(colombia, plan_file, tmp_path):
    book = load_workbook(plan_file)
    elements = book["Elements"]
    for line in range(elements.max_row, 1, -1):
        if elements.cell(line, 1).value == "L1.S1.P1.1":
            elements.delete_rows(line)
        elif elements.cell(line, 1).value == "L1.S1.P1":
            elements.cell(line, 2).value = 4
    book.save(tmp_path / "deeper.xlsx")
    refused(colombia, tmp_path / "deeper.xlsx", "column B («Level»)",
            "«L1.S1.P1.1», not in this sheet, hangs from it at level 4")  # fmt: skip


def test_the_code_of_a_deleted_source_is_refused(colombia, plan_file, tmp_path):
    with colombia.session() as s:
        source = FundingSource(municipality_id=_town(colombia), code="REG", name="Regalías",
                               kind="national_fund")  # fmt: skip
        s.add(source)
        s.flush()
        mark_deleted(source)
    book = load_workbook(plan_file)
    book["Funding sources"].append(["REG", "Regalías otra vez", "National fund"])
    book.save(tmp_path / "reg.xlsx")
    refused(colombia, tmp_path / "reg.xlsx", "sheet «Funding sources», row 4, column A",
            "belonged to a deleted source")  # fmt: skip


def test_a_row_whose_record_was_deleted_is_not_brought_back(colombia, plan_file):
    from sqlalchemy import select

    from planner_desktop.domain.plan import PlanValue

    with colombia.session() as s:
        value = s.scalars(select(PlanValue).where(PlanValue.name == "Participación")).one()
        mark_deleted(value)
    before = dump_text(colombia)
    result = import_plan(colombia, plan_file)
    assert (result.added, result.changed) == (0, 0)
    assert dump_text(colombia) == before


def test_not_a_plan_workbook(colombia, plan_file, tmp_path):
    book = load_workbook(plan_file)
    del book["Municipality and plan"]
    book.save(tmp_path / "other.xlsx")
    refused(colombia, tmp_path / "other.xlsx", "the sheet «Municipality and plan» is missing")
    book = load_workbook(plan_file)
    book["Municipality and plan"].append(["Otro", None, "Perú", "Plan", None, 2024, 2027])
    book.save(tmp_path / "two.xlsx")
    refused(colombia, tmp_path / "two.xlsx", "the sheet must have exactly one row of data")


def test_a_refused_file_leaves_an_empty_database_empty(empty_file, plan_file, tmp_path):
    store = new_store(copied(empty_file, tmp_path / "new.sqlite"))
    try:
        path = edit(plan_file, "Elements", ("Code", "L2"), "Level", 0, tmp_path / "zero.xlsx")
        refused(store, path, "sheet «Elements», row 7, column B («Level»)")
    finally:
        store.close()


def _town(store: Store) -> Any:
    from planner_desktop.capture.plan_records import current_municipality_id

    with store.session() as s:
        return current_municipality_id(s)
