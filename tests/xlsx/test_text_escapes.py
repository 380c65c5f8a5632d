"""The workbook's ``_xHHHH_`` escape: control characters arrive decoded (and are refused by
the rules), and a typed ``_x0041_`` survives an export and an import unchanged."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from sqlalchemy import select

from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.summaries import live
from planner_desktop.exchange.xlsx import escapes
from planner_desktop.exchange.xlsx.export import export
from planner_desktop.exchange.xlsx.plan_import import import_plan
from planner_desktop.i18n import set_language
from tests.helpers import new_store

TYPED = "Agua _x0041_ y _X00e9_ tal cual"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [("a_x0000_b", "a\x00b"), ("_x005F_x0041_", "_x0041_"), ("sin escape", "sin escape"),
     ("_x12_", "_x12_")],
)  # fmt: skip
def test_decoding_reads_what_a_spreadsheet_shows(stored, shown):
    assert escapes.decode(stored) == shown


@pytest.mark.parametrize("text", [TYPED, "_x0000_", "__x0041__", "a_xZZZZ_", "plain"])
def test_encoding_then_decoding_gives_the_text_back(text):
    assert escapes.decode(escapes.encode(text)) == text


def test_a_typed_escape_survives_export_and_import_of_the_plan(demo_file, tmp_path):
    set_language("en")
    path = tmp_path / "db.sqlite"
    shutil.copyfile(demo_file, path)
    store = new_store(path)
    try:
        with store.raw_session() as session:
            element = session.scalars(
                select(PlanElement).where(live(PlanElement)).order_by(PlanElement.id)
            ).first()
            assert element is not None
            element.name, element_id = TYPED, element.id
        book = tmp_path / "plan.xlsx"
        export(store, "plan", book)
        with zipfile.ZipFile(book) as archive:
            xml = b"".join(
                archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")
            )
        assert escapes.encode(TYPED).encode() in xml and b"_x005F_x0041_" in xml
        result = import_plan(store, book)
        assert result.changed == 0 and result.added == 0
        with store.session() as session:
            stored = session.get(PlanElement, element_id)
            assert stored is not None and stored.name == TYPED
    finally:
        store.close()
