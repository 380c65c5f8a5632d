"""The plan workbook (issue 14): exported, imported into an empty database, imported again
and edited one cell at a time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from planner_desktop.domain.enums import ScoreState
from planner_desktop.domain.territory import Dimension, Municipality, Sector
from planner_desktop.exchange.xlsx.export import export
from planner_desktop.exchange.xlsx.plan_import import import_plan
from planner_desktop.exchange.xlsx.plan_spec import SHEETS
from planner_desktop.i18n import set_language
from planner_desktop.plan import frame_change
from planner_desktop.store.database import Store
from tests.helpers import dump_text, new_store
from tests.xlsx.plan_books import (
    RISKY,
    changed_fields,
    copied,
    edit,
    plan_dump,
    versions,
)


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
def empty(empty_file: Path, tmp_path: Path) -> Iterator[Store]:
    store = new_store(copied(empty_file, tmp_path / "empty.sqlite"))
    yield store
    store.close()


def exported(store: Store, folder: Path, name: str = "plan.xlsx") -> Path:
    path = folder / name
    export(store, "plan", path)
    return path


def test_every_kind_of_record_has_its_sheet_and_no_cell_is_a_formula(colombia, tmp_path):
    book = load_workbook(exported(colombia, tmp_path))
    assert book.sheetnames == ["Notes", *(spec.title for spec in SHEETS)]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            assert all(cell.data_type != "f" for cell in row), sheet.title
    value = next(r for r in book["Values"].iter_rows(min_row=2) if r[0].value == "Transparencia")
    assert value[1].value == RISKY and value[1].quotePrefix, "written as text, shown as typed"
    headers = [cell.value for cell in book["Indicators"][1]]
    assert headers[-5:] == ["Target 2024", "Target 2025", "Target 2026", "Target 2027", "Id"]
    notes = {(r[0], r[1]) for r in book["Notes"].iter_rows(min_row=2, values_only=True)}
    assert ("Elements", "Hangs from") in notes and ("Indicators", "Target …") in notes
    rules = " ".join(r[3] for r in book["Notes"].iter_rows(min_row=2, values_only=True))
    assert "Rows taken out of the file are left as they are" in rules


def test_export_then_import_into_an_empty_database_gives_the_same_plan(colombia, empty, tmp_path):
    path = exported(colombia, tmp_path)
    result = import_plan(empty, path)
    assert result.added > 0 and result.changed == 0
    assert plan_dump(empty) == plan_dump(colombia)
    with empty.session() as s:
        town = s.scalars(select(Municipality)).one()
        assert (town.currency, town.official_name) == ("COP", "Alcaldía de Villa de Leyva")
        assert {d.code for d in s.scalars(select(Dimension))} >= {"social", "ambiental"}
        assert s.scalars(select(Sector).where(Sector.code == "tic")).one()
        assert town.device_id is not None and town.facilitator == "Facilitadora de prueba"


def test_a_second_import_changes_nothing(colombia, empty, tmp_path):
    path = exported(colombia, tmp_path)
    import_plan(empty, path)
    before, text = versions(empty), dump_text(empty)
    again = import_plan(empty, path)
    assert (again.added, again.changed) == (0, 0) and again.unchanged > 0
    assert versions(empty) == before and dump_text(empty) == text
    before = versions(colombia)
    assert import_plan(colombia, path).changed == 0
    assert versions(colombia) == before, "the database that wrote the file is untouched too"


def test_an_export_of_the_imported_plan_imports_back_unchanged(colombia, empty, tmp_path):
    import_plan(empty, exported(colombia, tmp_path))
    second = exported(empty, tmp_path, "second.xlsx")
    before = versions(colombia)
    assert import_plan(colombia, second).changed == 0, "matched by code and name"
    assert versions(colombia) == before


EDITS = [
    ("Elements", ("Code", "L1.S1.P1"), "Name", "Acueducto veredal", "plan_element", {"name"}),
    ("Elements", ("Code", "L1.S1.P1"), "Code", "L1.S1.P9", "plan_element", {"code"}),
    ("Elements", ("Code", "L2.S1"), "Responsible unit", "Dirección de Agua", "plan_element",
     {"unit_id"}),
    ("Municipality and plan", ("Country", "Colombia"), "To", 2028, "plan", {"end_year"}),
    ("Indicators", ("Indicator", "Tanques construidos"), "Target 2026", 20,
     "indicator_target", {"(added)"}),
    ("Indicators", ("Indicator", "Índice de calidad del agua"), "Target 2024", "28",
     "indicator_target", {"target"}),
    ("Funding sources", ("Code", "SGP"), "Ceiling 2024", 1600000000, "source_ceiling",
     {"amount"}),
    ("Self-assessment", ("Area", "Gestión fiscal"), "2024", "90,25", "assessment_score",
     {"percentage"}),
    ("Self-assessment", ("Area", "Control interno"), "2024", "75", "assessment_score",
     {"state", "percentage"}),
    ("Actors", ("Organization", "Junta de Acción Comunal El Roble"), "Execution",
     "Aporta mano de obra", "actor_role", {"(added)"}),
    ("Structure", ("Unit", "Dirección de Agua"), "Under", None, "org_unit",
     {"parent_id", "position"}),
    ("Pacts", ("Organization", "Concejo Municipal"), "End", datetime(2027, 12, 31), "pact",
     {"end_date"}),
]  # fmt: skip


@pytest.mark.parametrize(("sheet", "find", "column", "value", "table", "fields"), EDITS)
def test_one_edited_cell_changes_exactly_that(
    colombia, tmp_path, sheet, find, column, value, table, fields
):
    path = edit(exported(colombia, tmp_path), sheet, find, column, value, tmp_path / "e.xlsx")
    before = versions(colombia)
    result = import_plan(colombia, path)
    changed = changed_fields(before, versions(colombia))
    assert len(changed) == 1, changed
    (key, found), = changed.items()  # fmt: skip
    assert key[0] == table and found == fields
    assert result.added + result.changed == 1
    if "(added)" not in fields:
        old_version, _row = before[key]
        _version, row = versions(colombia)[key]
        assert str(row["base_version_id"]) == old_version, "stamped as an edit from the old version"


def test_a_score_typed_as_in_the_window(colombia, tmp_path):
    path = exported(colombia, tmp_path)
    for value, state, percentage in (
        ("86,5 %", ScoreState.scored, Decimal("86.50")),
        ("-", ScoreState.not_applicable, None),
        (None, ScoreState.not_evaluated, None),
    ):
        import_plan(colombia, edit(path, "Self-assessment", ("Area", "Gestión fiscal"), "2025",
                                   value, tmp_path / "s.xlsx"))  # fmt: skip
        scores = plan_dump(colombia)["scores"]
        expected = ("Gestión fiscal", 2025, state, percentage)
        assert (expected in scores) == (state is not ScoreState.not_evaluated), scores


def test_the_import_is_undone_as_one_step(colombia, tmp_path):
    original = plan_dump(colombia)
    path = edit(exported(colombia, tmp_path), "Elements", ("Code", "L2"), "Name", "Otra línea",
                tmp_path / "u.xlsx")  # fmt: skip
    path = edit(path, "Values", ("Value", "Participación"), "What it means", "Con todos.", path)
    result = import_plan(colombia, path)
    assert result.change is not None and result.changed == 2
    assert plan_dump(colombia) != original
    with colombia.session() as s:
        frame_change.undo(s, result.change)
    assert plan_dump(colombia) == original


def test_new_rows_are_added_and_rows_left_out_stay(colombia, tmp_path):
    path = exported(colombia, tmp_path)
    book = load_workbook(path)
    elements = book["Elements"]
    headers = [cell.value for cell in elements[1]]
    row = {"Code": "L2.S1.P1", "Level": 3, "Hangs from": "L2.S1", "Name": "Becas"}
    elements.append([row.get(header) for header in headers])
    for line in range(elements.max_row - 1, 1, -1):
        if elements.cell(line, 1).value == "L1.S1.X":
            elements.delete_rows(line)
    values = book["Values"]
    values.cell(2, 3).value = None  # an empty Id with a known name: the same record
    book.save(path)
    before = versions(colombia)
    result = import_plan(colombia, path)
    assert (result.added, result.changed) == (1, 0)
    elements_now = {e[0]: e for e in plan_dump(colombia)["elements"]}
    assert elements_now["L2.S1.P1"][1:4] == (3, "L2.S1", "Becas")
    assert "L1.S1.X" in elements_now, "a row left out is not deleted"
    assert len(changed_fields(before, versions(colombia))) == 1
