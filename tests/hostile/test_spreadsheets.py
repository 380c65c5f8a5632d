"""Hostile spreadsheets (issue 16): absurd values by the one set of rules, and parts that
hide an entity declaration or are not UTF-8.

Every case runs the real ``xlsx import`` and must end in exit 1 with one line naming the
file, the sheet and (for a value) the row and the field, no traceback, and the database
dumping exactly as before.
"""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from planner_desktop.demo import generate
from tests.helpers import new_store
from tests.hostile.support import assert_refused, dump, run_cli

HUGE = 10**20
"""A population that overflowed the database's integer (an OverflowError traceback)."""
NUL = "Nueva_x0000_Esperanza"
"""A NUL byte as a workbook stores it (XML cannot hold the byte itself)."""
DEL = "Nueva\x7fEsperanza"
BELL = "Nueva_x0007_Esperanza"
LAST_DAY = datetime(9999, 12, 31)

COMMUNITY = ["D1", "NEW-01", "Nueva Esperanza", "OTB", "Rural", 120, 110, 60, 50, 90, 30, 55]
COMMUNITY_COLUMNS = {"name": 2, "women": 5, "men": 6, "families": 11}
DEMAND = ["{community}", "NEW-01-01", "salud", "Posta de salud", "Women", 300, 250, 125000.5]
DEMAND_COLUMNS = {"description": 3, "women": 5, "men": 6, "cost": 7}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile-xlsx") / "demo.sqlite"
    store = new_store(path)
    try:
        with store.raw_session() as session:
            generate(session, seed=3)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def books(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo's import template and plan workbook, in English."""
    folder = tmp_path_factory.mktemp("hostile-books")
    found = {}
    for kind in ("template", "plan"):
        found[kind] = folder / f"{kind}.xlsx"
        result = run_cli("xlsx", "export", kind, "--db", str(demo_db), "--out", str(found[kind]))
        assert result.code == 0, result.err
    return found


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "db.sqlite"
    shutil.copyfile(demo_db, copy)
    return copy


def _first_community(template: Path) -> str:
    codes = load_workbook(template)["Codes"]
    column = next(c.column for c in codes[1] if c.value == "Community code")
    return str(codes.cell(2, column).value)


def _with_row(template: Path, sheet: str, row: list[Any], out: Path) -> Path:
    book = load_workbook(template)
    book[sheet].append(row)
    book.save(out)
    return out


def community_book(books: dict[str, Path], out: Path, column: str, value: Any) -> Path:
    row = list(COMMUNITY)
    row[COMMUNITY_COLUMNS[column]] = value
    return _with_row(books["template"], "Communities", row, out)


def demand_book(books: dict[str, Path], out: Path, column: str, value: Any) -> Path:
    row = list(DEMAND)
    row[0] = _first_community(books["template"])
    row[DEMAND_COLUMNS[column]] = value
    return _with_row(books["template"], "Demands", row, out)


def plan_book(books: dict[str, Path], out: Path, sheet: str, header: str, value: Any) -> Path:
    """The demo's plan workbook with the cell under ``header`` of the first data row of
    ``sheet`` set to ``value``."""
    book = load_workbook(books["plan"])
    table = book[sheet]
    column = next(c.column for c in table[1] if c.value == header)
    table.cell(2, column, value)
    book.save(out)
    return out


VALUE_CASES: list[tuple[str, str, Callable[[dict[str, Path], Path], Path], tuple[str, ...]]] = [
    ("communities", "population-1e20",
     lambda b, o: community_book(b, o, "women", HUGE), ("«Communities»", "row 2", "«Women»")),
    ("communities", "negative-families",
     lambda b, o: community_book(b, o, "families", -3), ("«Communities»", "row 2", "«Families»")),
    ("communities", "nul-in-name",
     lambda b, o: community_book(b, o, "name", NUL), ("«Communities»", "row 2",
                                                      "«Community name»", "U+0000")),
    ("communities", "bell-in-name",
     lambda b, o: community_book(b, o, "name", BELL), ("«Communities»", "row 2",
                                                       "«Community name»", "U+0007")),
    ("communities", "delete-in-name",
     lambda b, o: community_book(b, o, "name", DEL), ("«Communities»", "row 2",
                                                      "«Community name»", "U+007F")),
    ("demands", "beneficiaries-1e20",
     lambda b, o: demand_book(b, o, "women", HUGE), ("«Demands»", "row 2",
                                                     "«Beneficiaries (women)»")),
    ("demands", "negative-beneficiaries",
     lambda b, o: demand_book(b, o, "men", -1), ("«Demands»", "row 2",
                                                 "«Beneficiaries (men)»")),
    ("demands", "cost-1e30",
     lambda b, o: demand_book(b, o, "cost", 1e30), ("«Demands»", "row 2", "«Estimated cost»")),
    ("demands", "nul-in-description",
     lambda b, o: demand_book(b, o, "description", "Posta_x0000_"), ("«Demands»", "row 2",
                                                                     "«Description»", "U+0000")),
    ("plan", "start-in-year-9999",
     lambda b, o: plan_book(b, o, "Work plan", "Start", LAST_DAY), ("«Work plan»", "row 2",
                                                                    "«Start»")),
    ("plan", "signed-in-year-9999",
     lambda b, o: plan_book(b, o, "Agreement", "Signed on", LAST_DAY), ("«Agreement»", "row 2",
                                                                        "«Signed on»")),
    ("plan", "plan-year-99999",
     lambda b, o: plan_book(b, o, "Municipality and plan", "To", 99999),
     ("«Municipality and plan»", "row 2", "«To»")),
    ("plan", "nul-in-element-name",
     lambda b, o: plan_book(b, o, "Elements", "Name", NUL), ("«Elements»", "row 2", "«Name»",
                                                             "U+0000")),
    ("plan", "sdg-1e20",
     lambda b, o: plan_book(b, o, "SDGs", "SDG", HUGE), ("«SDGs»", "row 2", "«SDG»")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "build", "names"),
    [pytest.param(kind, build, names, id=f"{kind}-{name}") for kind, name, build, names in
     VALUE_CASES],
)  # fmt: skip
def test_an_absurd_value_is_refused_naming_its_cell(books, db, tmp_path, kind, build, names):
    path = build(books, tmp_path / "hostile.xlsx")
    before = dump(db)
    result = run_cli("xlsx", "import", kind, "--db", str(db), str(path))
    line = assert_refused(result, "hostile.xlsx", *names, before=before, db=db)
    assert "Error" not in line.split(":", 1)[0]


def _part_of(path: Path, sheet: str) -> str:
    from planner_desktop.exchange.xlsx.safety import sheet_of_part

    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist() if sheet_of_part(archive, n) == sheet)


def _rewrite(path: Path, part: str, change: Callable[[bytes], bytes]) -> None:
    with zipfile.ZipFile(path) as archive:
        items = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in items:
            archive.writestr(info, change(data) if info.filename == part else data)


ENTITY = '<!DOCTYPE w [<!ENTITY e "x">]>'


def _declared(data: bytes, encoding: str) -> str:
    """The part's text with its XML declaration naming ``encoding``."""
    text = data.decode("utf-8")
    if text.startswith("<?xml"):
        text = text[text.index("?>") + 2 :]
    return f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>' + text


def _late_entity(data: bytes) -> bytes:
    """The declaration after a comment of 9 KB, beyond the first 8 KB of the part."""
    text = _declared(data, "UTF-8")
    end = text.index("?>") + 2
    return (text[:end] + "<!--" + " " * 9000 + "-->" + ENTITY + text[end:]).encode("utf-8")


def _utf16(data: bytes) -> bytes:
    return _declared(data, "UTF-16").encode("utf-16")


def _utf16_without_mark(data: bytes) -> bytes:
    return _declared(data, "UTF-16LE").encode("utf-16-le")


def _latin1(data: bytes) -> bytes:
    return _declared(data, "ISO-8859-1").encode("latin-1")


PART_CASES: list[tuple[str, str | None, Callable[[bytes], bytes], tuple[str, ...]]] = [
    ("entity-after-8kb-in-a-sheet", "Demands", _late_entity, ("«Demands»", "entities")),
    ("entity-after-8kb-in-the-workbook", None, _late_entity, ("xl/workbook.xml", "entities")),
    ("utf16-sheet", "Demands", _utf16, ("«Demands»", "UTF-16")),
    ("utf16-sheet-without-byte-order-mark", "Demands", _utf16_without_mark,
     ("«Demands»", "UTF-16")),
    ("utf16-workbook", None, _utf16, ("xl/workbook.xml", "UTF-16")),
    ("latin1-sheet", "Demands", _latin1, ("«Demands»", "ISO-8859-1")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sheet", "change", "names"),
    [pytest.param(sheet, change, names, id=name) for name, sheet, change, names in PART_CASES],
)
def test_a_part_that_hides_its_content_is_refused_naming_it(
    books, db, tmp_path, sheet, change, names
):
    path = demand_book(books, tmp_path / "hostile.xlsx", "description", "Posta de salud")
    _rewrite(path, _part_of(path, sheet) if sheet else "xl/workbook.xml", change)
    before = dump(db)
    result = run_cli("xlsx", "import", "demands", "--db", str(db), str(path))
    assert_refused(result, "hostile.xlsx", *names, before=before, db=db)


def test_the_same_workbook_untouched_is_imported(books, db, tmp_path):
    """The cases above fail for their hostile value alone."""
    path = demand_book(books, tmp_path / "fine.xlsx", "description", "Posta de salud")
    result = run_cli("xlsx", "import", "demands", "--db", str(db), str(path))
    assert result.code == 0, result.err
    community = community_book(books, tmp_path / "fine2.xlsx", "name", "Nueva Esperanza")
    result = run_cli("xlsx", "import", "communities", "--db", str(db), str(community))
    assert result.code == 0, result.err
