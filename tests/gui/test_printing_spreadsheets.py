"""The File menu's spreadsheet entries: export in a job, import refused or counted, reload."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from planner_desktop.context import open_database
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.ui.printing.spreadsheet_dialog import SpreadsheetDialog
from tests.gui.printing_helpers import click_and_wait
from tests.gui.test_window import open_window
from tests.xlsx.books import filled

pytestmark = pytest.mark.gui


def file_action(window, name: str):
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.menu() and a.menu().objectName() == "menu_file")
    return next(a for a in menu.actions() if a.objectName() == f"action_{name}")


def test_the_demand_matrix_is_exported_from_the_file_menu(
    qtbot, settings, demo_db, demo_store, tmp_path, monkeypatch
):
    out = tmp_path / "demandas"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window = open_window(qtbot, settings, demo_db)
    file_action(window, "exportSpreadsheet").trigger()
    dialog = window.findChild(SpreadsheetDialog)
    assert dialog is not None and dialog.kind.currentData() == "demands"

    click_and_wait(qtbot, dialog, dialog.run_button)

    written = out.with_suffix(".xlsx")
    assert dialog.message.property("state") == "ok", dialog.message.text()
    with demo_store.session() as session:
        demands = session.scalar(select(func.count()).select_from(Demand).where(live(Demand)))
    assert str(demands) in dialog.message.text()
    workbook = load_workbook(written, read_only=True)
    assert sum(1 for _row in workbook.worksheets[0].iter_rows()) == demands + 1
    workbook.close()
    dialog.reject()


def test_an_import_that_is_not_a_spreadsheet_is_refused_in_one_line(
    qtbot, demo_store, tmp_path, monkeypatch
):
    bad = tmp_path / "demandas.xlsx"
    bad.write_text("nombre;comunidad\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialog = SpreadsheetDialog(demo_store, importing=True)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("demands"))

    click_and_wait(qtbot, dialog, dialog.run_button)

    assert dialog.message.property("state") == "error"
    assert dialog.message.text().startswith(_("Refused: {reason}").split("{")[0])
    assert "demandas.xlsx" in dialog.message.text()
    assert not dialog.changed


def test_imported_demands_are_counted_and_the_window_reads_them(
    qtbot, settings, demo_copy, tmp_path, monkeypatch
):
    store = open_database(demo_copy, must_exist=True)
    try:
        with store.session() as session:
            community, sector = _codes(session)
        row = [community, "IMP-01", sector, "Puente peatonal sobre el río"]
        template = filled(store, tmp_path, _("Demands"), [row], "demandas.xlsx")
    finally:
        store.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    window = open_window(qtbot, settings, demo_copy)
    file_action(window, "importSpreadsheet").trigger()
    dialog = window.findChild(SpreadsheetDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("demands"))

    click_and_wait(qtbot, dialog, dialog.run_button)

    assert dialog.message.property("state") == "ok", dialog.message.text()
    assert dialog.changed
    with qtbot.waitSignal(window.sig_store_changed, timeout=10000):
        dialog.reject()


def _codes(session) -> tuple[str, str]:
    from planner_desktop.domain.territory import Community, Sector

    community = session.scalars(select(Community.code).where(live(Community))).first()
    sector = session.scalars(select(Sector.code).where(live(Sector))).first()
    return community, sector
