"""Each spreadsheet export read back with openpyxl and compared with the database."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, text

from planner_desktop.domain.annual import Operation
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.events import Attendance
from planner_desktop.domain.projects import MultiYearProgramming
from planner_desktop.domain.summaries import live, not_retracted
from planner_desktop.exchange.xlsx.errors import SpreadsheetRefused
from planner_desktop.exchange.xlsx.export import KINDS, export
from planner_desktop.exchange.xlsx.export_demands import demand_columns
from planner_desktop.exchange.xlsx.sheets import DATE, MONEY
from planner_desktop.i18n import set_language
from tests.helpers import new_store


def read(store, kind, tmp_path):
    out = tmp_path / f"{kind}.xlsx"
    export(store, kind, out)
    assert not list(tmp_path.glob("*.part")), "the temporary file is renamed, not left"
    return load_workbook(out)


def scalar(store, query):
    with store.session() as session:
        return session.scalar(query)


def headers(sheet):
    return [cell.value for cell in sheet[1]]


def by_first(sheet, column, value):
    index = headers(sheet).index(column)
    return next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[index] == value)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "template"])
def test_every_table_has_a_frozen_header_and_a_filter(demo, tmp_path, kind):
    book = read(demo, kind, tmp_path)
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + str(
            sheet.max_row
        )
        assert all(headers(sheet)), "every column has a header"
        assert sheet.column_dimensions["A"].width > 8


def test_demand_matrix_matches_the_database(demo, tmp_path):
    book = read(demo, "demands", tmp_path)
    sheet = book["Demands"]
    assert headers(sheet) == [c.header for c in demand_columns()]
    with demo.engine.connect() as conn:
        code, community, district, women, cost = conn.execute(
            text(
                "SELECT d.code, c.name, t.name, d.beneficiaries_women, d.estimated_cost "
                "FROM demand d JOIN community c ON c.id = d.community_id "
                "JOIN district t ON t.id = c.district_id ORDER BY d.estimated_cost DESC LIMIT 1"
            )
        ).one()
    row = by_first(sheet, "Code", code)
    assert row[:2] == (district, community)
    assert row[6] == women and isinstance(row[6], int)
    assert Decimal(str(row[8])) == Decimal(cost) / 100, "costs are numbers, not text"
    cost_cell = next(c for c in sheet["C"] if c.value == code).offset(column=6)
    assert cost_cell.number_format == MONEY and cost_cell.data_type == "n"
    assert sheet.max_row - 1 == scalar(demo, select(func.count()).where(live(Demand)))
    assert {r[10] for r in sheet.iter_rows(min_row=2, values_only=True)} >= {"A+", "A"}


def test_a_tombstoned_demand_is_not_exported(fresh, tmp_path):
    with fresh.session() as session:
        demand = session.scalars(select(Demand).order_by(Demand.code)).first()
        demand.deleted_at = datetime(2026, 1, 1)
        code = demand.code
    sheet = read(fresh, "demands", tmp_path)["Demands"]
    assert code not in {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_priorities_have_one_sheet_per_group_and_the_agreed_one(demo, tmp_path):
    book = read(demo, "priorities", tmp_path)
    assert book.sheetnames[-1] == "Agreed"
    assert {"Women", "Men"} <= set(book.sheetnames)
    with demo.engine.connect() as conn:
        code, rank, cls = conn.execute(
            text(
                "SELECT d.code, r.rank, r.priority_class FROM round_result r "
                "JOIN round_item i ON i.id = r.item_id JOIN demand d ON d.id = i.demand_id "
                "WHERE r.\"group\" = 'agreed' AND r.rank = 1 LIMIT 1"
            )
        ).one()
    row = by_first(book["Agreed"], "Code", code)
    assert row[3] == rank and row[7] == cls


def test_programming_totals_match_the_database(demo, tmp_path):
    book = read(demo, "programming", tmp_path)
    sheet = book["Five-year programming"]
    last = [c.value for c in sheet[sheet.max_row]]
    assert last[0] == "Total"
    total = scalar(demo, select(func.sum(MultiYearProgramming.amount)))
    assert Decimal(str(last[-1])) == total
    years = headers(sheet)[4:-1]
    assert years == sorted(years) and len(years) >= 2
    assert sheet.cell(2, 5).number_format == MONEY
    assert book["By source"].cell(book["By source"].max_row, 1).value == "Total"


def test_poa_budgets_are_numbers_and_dates_are_dates(demo, tmp_path):
    sheet = read(demo, "poa", tmp_path)["POA"]
    assert sheet.max_row - 1 == scalar(demo, select(func.count()).where(live(Operation)))
    dated = [r for r in sheet.iter_rows(min_row=2) if r[9].value is not None]
    assert dated, "the demo has dated operations"
    assert isinstance(dated[0][9].value, datetime) and dated[0][9].is_date
    assert dated[0][9].number_format == DATE
    assert isinstance(dated[0][11].value, int | float)
    budgets = sum(Decimal(str(r[11])) for r in sheet.iter_rows(min_row=2, values_only=True))
    assert budgets == scalar(demo, select(func.sum(Operation.budget)).where(live(Operation)))


def test_attendance_totals_count_each_person_once_and_skip_retractions(demo, tmp_path):
    sheet = read(demo, "attendance", tmp_path)["Attendance"]
    pairs = (
        select(Attendance.event_id, Attendance.person_id)
        .where(not_retracted(Attendance))
        .distinct()
        .subquery()
    )
    present = scalar(demo, select(func.count()).select_from(pairs))
    totals = [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(totals) == present
    first = next(sheet.iter_rows(min_row=2, values_only=True))
    assert isinstance(first[0], datetime)
    assert sum(first[4:12]) + first[-2] == first[-1]
    assert first[12] + first[13] + first[14] == first[15]


def test_spanish_is_the_default_for_sheet_names_and_headers(demo, tmp_path):
    set_language("es")
    book = read(demo, "demands", tmp_path)
    assert book.sheetnames == ["Demandas"]
    assert headers(book["Demandas"])[:3] == ["Distrito", "Comunidad", "Código"]


def test_template_documents_the_columns_and_offers_lists(demo, tmp_path):
    set_language("es")
    book = read(demo, "template", tmp_path)
    assert book.sheetnames == ["Instrucciones", "Comunidades", "Demandas", "Códigos"]
    instructions = " ".join(
        str(v) for row in book["Instrucciones"].iter_rows(values_only=True) for v in row if v
    )
    assert "fila" in instructions and "Comunidades" in instructions
    demands = book["Demandas"]
    assert demands.freeze_panes == "A2"
    lists = {str(v.sqref): v.formula1 for v in demands.data_validations.dataValidation}
    assert any("Códigos" in formula for formula in lists.values())
    assert len(lists) == 3, "community, sector and group offer lists"


def test_an_empty_database_is_refused_not_exported_empty(tmp_path):
    store = new_store(tmp_path / "empty.sqlite")
    try:
        with pytest.raises(SpreadsheetRefused, match="no municipality"):
            export(store, "demands", tmp_path / "d.xlsx")
    finally:
        store.close()
    assert not (tmp_path / "d.xlsx").exists()
