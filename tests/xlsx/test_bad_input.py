"""Every bad spreadsheet is refused in one line naming where, and nothing is imported."""

from __future__ import annotations

import zipfile

import openpyxl.xml
import pytest
from defusedxml import EntitiesForbidden
from openpyxl import load_workbook

from planner_desktop.exchange.xlsx.safety import OLE_MAGIC
from tests.xlsx.books import (
    COMMUNITY,
    DEMAND,
    filled,
    pad_with_empty_rows,
    refused,
    rewrite_part,
    worksheet_part,
)

BOMB = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(2, 10)).replace(
        "&lol1;", "&lol;"
    )
    + "]>"
)


def with_bomb(text):
    """The part with an entity bomb declared in its prolog."""
    if text.startswith("<?xml"):
        end = text.index("?>") + 2
        return text[:end] + BOMB + text[end:]
    return BOMB + text


def demands(fresh, tmp_path, *rows):
    return filled(fresh, tmp_path, "Demands", rows)


def test_missing_column(fresh, tmp_path):
    book_path = demands(fresh, tmp_path, DEMAND)
    book = load_workbook(book_path)
    book["Demands"].delete_cols(3)
    book.save(book_path)
    refused(fresh, book_path, "demands", "sheet «Demands»", "row 1", "column «Sector code»",
            "missing")  # fmt: skip


def test_wrong_type_in_a_cell(fresh, tmp_path):
    path = demands(fresh, tmp_path, [*DEMAND[:1], "X-1", *DEMAND[2:5], "doce", *DEMAND[6:]])
    refused(fresh, path, "demands", "sheet «Demands»", "row 2", "column F",
            "(«Beneficiaries (women)»)", "whole number", "doce")  # fmt: skip


def test_wrong_type_in_a_community_population(fresh, tmp_path):
    path = filled(fresh, tmp_path, "Communities", [COMMUNITY, [*COMMUNITY[:5], "-", 3]])
    refused(fresh, path, "communities", "sheet «Communities»", "row 3", "column F")


def test_unknown_community(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["ZZ-99", *DEMAND[1:]])
    refused(fresh, path, "demands", "row 2", "column A", "unknown community code «ZZ-99»")


def test_unknown_district(fresh, tmp_path):
    path = filled(fresh, tmp_path, "Communities", [["D99", *COMMUNITY[1:]]])
    refused(fresh, path, "communities", "row 2", "column A", "unknown district code «D99»")


def test_unknown_sector(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["D1-01", "X-1", "astronautica", *DEMAND[3:]])
    refused(fresh, path, "demands", "sheet «Demands»", "row 2", "column C",
            "unknown sector code «astronautica»")  # fmt: skip


def test_duplicate_rows_within_the_file(fresh, tmp_path):
    row = ["D1-01", "X-1", *DEMAND[2:]]
    path = demands(fresh, tmp_path, row, ["D1-01", "X-2", *DEMAND[2:]], row)
    refused(fresh, path, "demands", "row 4", "column B", "«X-1» is repeated (first in row 2)")


def test_duplicate_of_an_existing_record(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["D1-01", "X-1", *DEMAND[2:]], ["D1-01", "d1-01-01",
                                                                   *DEMAND[2:]])  # fmt: skip
    refused(fresh, path, "demands", "row 3", "column B", "already exists")
    path = filled(fresh, tmp_path, "Communities", [["D1", "D1-01", *COMMUNITY[2:]]], "c.xlsx")
    refused(fresh, path, "communities", "row 2", "column B", "already exists")


def test_formula_where_a_value_is_expected(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["D1-01", "X-1", *DEMAND[2:7], "=1000*12"])
    refused(fresh, path, "demands", "row 2", "column H", "formula")


def test_required_cell_left_empty(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["D1-01", "X-1", "salud", None, "Men"])
    refused(fresh, path, "demands", "row 2", "column D", "empty")


def test_data_beyond_200000_empty_formatted_rows(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["D1-01", "X-1", *DEMAND[2:]])
    pad_with_empty_rows(path, "Demands", 3, 200_000)

    def value_at_the_end(text):
        far = '<row r="200003"><c r="B200003" t="inlineStr"><is><t>X-2</t></is></c></row>'
        return text.replace("</sheetData>", far + "</sheetData>")

    rewrite_part(path, worksheet_part(path, "Demands"), value_at_the_end)
    refused(fresh, path, "demands", "sheet «Demands», row 200003, column B", "at most 100000 rows")


def test_xml_entity_bomb(fresh, tmp_path):
    path = demands(fresh, tmp_path, ["D1-01", "X-1", *DEMAND[2:]])
    part = worksheet_part(path, "Demands")
    rewrite_part(path, part, with_bomb)
    refused(fresh, path, "demands", "sheet «Demands»", "entities", "unsafe")


def test_defusedxml_guards_openpyxl_itself(tmp_path):
    assert openpyxl.xml.DEFUSEDXML is True
    path = tmp_path / "bomb.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["x"])
    book.save(path)
    rewrite_part(path, "xl/worksheets/sheet1.xml", with_bomb)
    with pytest.raises(ValueError) as caught:
        load_workbook(path)
    error = caught.value
    assert isinstance(error, EntitiesForbidden) or isinstance(error.__cause__, EntitiesForbidden)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (OLE_MAGIC + bytes(504), "password-protected"),
        (b"Distrito;Comunidad\nD1;Villa\n", "not an .xlsx"),
        (b"", "not an .xlsx"),
    ],
    ids=["encrypted", "csv-renamed", "empty"],
)
def test_encrypted_or_not_xlsx_renamed(fresh, tmp_path, content, reason):
    path = tmp_path / "demandas.xlsx"
    path.write_bytes(content)
    refused(fresh, path, "demands", reason)


def test_a_zip_that_is_not_a_workbook(fresh, tmp_path):
    path = tmp_path / "demandas.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hola")
    refused(fresh, path, "communities", "not an .xlsx")


def test_missing_sheet(fresh, tmp_path):
    path = tmp_path / "other.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "Hoja1"
    book.save(path)
    refused(fresh, path, "demands", "sheet «Demands» is missing")


def test_a_template_without_rows(fresh, tmp_path):
    path = demands(fresh, tmp_path)
    refused(fresh, path, "demands", "sheet «Demands»", "no rows")


def test_community_whose_population_by_sex_and_by_age_differ(fresh, tmp_path):
    """Issue 12: the two totals count the same people; the row names the age column."""
    wrong = ["D1", "NEW-02", *COMMUNITY[2:10], 29, 55]
    path = filled(fresh, tmp_path, "Communities", [COMMUNITY, wrong])
    refused(fresh, path, "communities", "row 3", "column K", "adds up to 229",
            "women and men add up to 230")  # fmt: skip
