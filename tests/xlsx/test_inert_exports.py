"""No live formula in any export (issue 16, point 3 "Exports are inert").

Texts that a spreadsheet would take for a formula (``=``, ``+``, ``-``, ``@``, tab, carriage
return at the start) are stored in community and sector names, demand descriptions, plan
element names, project and operation names and event titles, as a session file could bring
them. Every kind of ``xlsx export`` must write them as text cells: no ``<f>`` element in
any sheet, and the same text read back by openpyxl and by LibreOffice.
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from planner_desktop.domain.annual import Operation
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.events import Event
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.prioritization import RoundItem
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, Sector
from planner_desktop.exchange.xlsx.export import KINDS, export
from planner_desktop.i18n import set_language
from tests.helpers import new_store
from tests.xlsx.test_libreoffice import soffice  # noqa: F401  (the fixture)

RISKY = (
    '=HYPERLINK("http://x","Ver")',
    "+1",
    "-2",
    "@SUM(A1)",
    "\tx",
    "\rx",
)

FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
"""A formula element in a worksheet part, with or without a namespace prefix."""

PLACES: dict[str, tuple[Any, Any]] = {
    "community": (Community, Community.name),
    "sector": (Sector, Sector.name),
    "demand": (Demand, Demand.description),
    "element": (PlanElement, PlanElement.name),
    "project": (ProjectProfile, ProjectProfile.name),
    "operation": (Operation, Operation.name),
    "event": (Event, Event.title),
}


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield


def _targets(session: Any, what: str) -> list[Any]:
    """Six live records of ``what`` that the exports show."""
    model, _column = PLACES[what]
    query = select(model).where(live(model)).order_by(model.id)
    if what == "demand":
        query = query.where(model.id.in_(select(RoundItem.demand_id).where(live(RoundItem))))
    if what == "project":
        query = query.where(model.id.in_(select(MultiYearProgramming.profile_id)))
    if what == "community":
        query = query.where(model.id.in_(select(Demand.community_id).where(live(Demand))))
    found = list(session.scalars(query.limit(len(RISKY))))
    assert len(found) == len(RISKY), what
    return found


@pytest.fixture(scope="module")
def hostile_db(demo_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo with every risky text stored in every place the exports show."""
    path = tmp_path_factory.mktemp("inert") / "hostile.sqlite"
    shutil.copyfile(demo_file, path)
    store = new_store(path)
    try:
        with store.raw_session() as session:
            for what, (_model, column) in PLACES.items():
                for record, text in zip(_targets(session, what), RISKY, strict=True):
                    setattr(record, column.key, text)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def exports(hostile_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inert-out")
    set_language("en")
    store = new_store(hostile_db)
    try:
        books = {}
        for kind in KINDS:
            books[kind] = folder / f"{kind}.xlsx"
            export(store, kind, books[kind])
    finally:
        store.close()
    return books


def _sheet_parts(path: Path) -> Iterator[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                yield name, archive.read(name)


@pytest.mark.parametrize("kind", KINDS)
def test_no_sheet_of_any_export_holds_a_formula(exports, kind):
    parts = list(_sheet_parts(exports[kind]))
    assert parts
    for name, xml in parts:
        found = FORMULA.search(xml)
        assert found is None, (name, xml[found.start() : found.start() + 80] if found else b"")


@pytest.mark.parametrize("kind", KINDS)
def test_every_risky_text_reads_back_unchanged_as_text(exports, kind):
    book = load_workbook(exports[kind])
    cells = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cells.setdefault(cell.value, cell)
    for text in RISKY:
        cell = cells.get(text)
        assert cell is not None, (kind, text)
        assert cell.data_type == "s", (kind, text)


def _libreoffice_csv(program: str, sources: list[Path], folder: Path) -> dict[str, set[str]]:
    """Every text cell of every sheet of each source, as LibreOffice reads it."""
    profile = (folder / "lo-profile").as_uri()
    out = folder / "csv"
    out.mkdir()
    # comma, double quote, UTF-8, from line 1, cells as shown, every sheet to its own file
    options = "44,34,76,1,,0,false,true,false,false,false,-1"
    result = subprocess.run(
        [program, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         f"csv:Text - txt - csv (StarCalc):{options}", "--outdir", str(out),
         *(str(s) for s in sources)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    texts: dict[str, set[str]] = {source.stem: set() for source in sources}
    for converted in out.glob("*.csv"):
        stem = converted.stem.split("-", 1)[0]
        with converted.open(encoding="utf-8", newline="") as stream:
            for row in csv.reader(stream):
                texts[stem].update(row)
    return texts


@pytest.mark.libreoffice
def test_libreoffice_reads_every_risky_text_as_the_same_text(soffice, exports, tmp_path):  # noqa: F811
    texts = _libreoffice_csv(soffice, list(exports.values()), tmp_path)
    for kind in KINDS:
        for text in RISKY:
            assert text in texts[kind], (kind, text)
        assert "Ver" not in texts[kind], "a HYPERLINK formula was run and shows its label"
