"""The import log, the conflict view and the export window, used like a person would."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select

from planner_desktop.domain import models as m
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.session import (
    Scope,
    TrustPolicy,
    export_session,
    import_log,
    list_conflicts,
    merge_files,
    verify_file,
)
from planner_desktop.store.database import Store, open_store
from planner_desktop.ui.exchange.conflict_view import ConflictDialog
from planner_desktop.ui.exchange.export_dialog import ExportDialog
from planner_desktop.ui.exchange.log_view import ImportLogDialog
from tests.gui.test_exchange_wizard import empty_store, export_communities

pytestmark = pytest.mark.gui


def laptop(demo_db: Path, folder: Path) -> Store:
    """A facilitator's laptop that started from the demo database, with its own device."""
    folder.mkdir(parents=True)
    shutil.copyfile(demo_db, folder / "db.sqlite")
    return open_store(folder / "db.sqlite", Provenance(uuid.uuid4(), "Facilitadora"))


def click(qtbot, button) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def two_edits(demo_db, demo_copy, tmp_path):
    """The demo as consolidated database, and one demand edited two ways on two laptops."""
    hq = open_store(demo_copy, Provenance(uuid.uuid4(), "Equipo técnico"))
    with hq.session() as session:
        demand = session.scalars(select(m.Demand).order_by(m.Demand.code)).first()
        demand_id, community_id = demand.id, demand.community_id
    files = []
    for name, text in (("a", "Agua potable para 40 familias"), ("b", "Agua y alcantarillado")):
        store = laptop(demo_db, tmp_path / name)
        with store.session() as session:
            session.get(m.Demand, demand_id).description = text
        out = tmp_path / f"{name}.cumbre"
        scope = Scope(kind="community", community_id=community_id)
        export_session(store, out, scope=scope, key=Ed25519PrivateKey.generate())
        store.close()
        files.append(out)
    yield hq, demand_id, files
    hq.close()


def test_the_conflict_view_resolves_one_conflict_and_it_disappears(qtbot, two_edits):
    hq, demand_id, files = two_edits
    reports = merge_files(hq, files, trust=TrustPolicy(trust_new=True))
    assert [r.counts.conflicts for r in reports] == [0, 1]
    dialog = ConflictDialog(hq)
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.list_model.conflicts) == 1
    fields = dialog.fields_model
    row = fields.fields.index("description")
    assert row == 0 and "description" in fields.differing
    versions = {fields.index(row, c).data() for c in (1, 2)}
    assert versions == {"Agua potable para 40 familias", "Agua y alcantarillado"}

    non_provisional = next(n for n, v in enumerate(fields.conflict.versions) if not v.provisional)
    view = dialog.fields_view
    cell = view.visualRect(fields.index(row, non_provisional + 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    chosen = fields.conflict.versions[non_provisional].values["description"]
    assert fields.index(row, fields.result_column).data() == chosen
    assert fields.chosen_values() == {"description": chosen}

    click(qtbot, dialog.resolve_button)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert dialog.list_model.conflicts == [] and list_conflicts(hq) == []
    assert dialog.changed
    with hq.session() as session:
        assert session.get(m.Demand, demand_id).description == chosen


def test_a_typed_result_that_does_not_fit_is_refused_in_place(qtbot, two_edits):
    hq, _demand_id, files = two_edits
    merge_files(hq, files, trust=TrustPolicy(trust_new=True))
    dialog = ConflictDialog(hq)
    qtbot.addWidget(dialog)
    fields = dialog.fields_model
    row = fields.fields.index("estimated_cost")
    cell = fields.index(row, fields.result_column)
    before = cell.data()
    assert not fields.setData(cell, "mucho")
    assert cell.data() == before
    text = dialog.message.text()
    assert text.startswith("Costo estimado: ") and "\n" not in text
    click(qtbot, dialog.resolve_button)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert "\n" not in dialog.message.text()


def test_undo_of_an_import_from_the_log(qtbot, demo_store, tmp_path):
    paths = export_communities(demo_store, tmp_path / "usb", 2)
    hq = empty_store(tmp_path / "hq.sqlite")
    try:
        reports = merge_files(hq, paths, trust=TrustPolicy(trust_new=True))
        assert all(r.status == "merged" for r in reports)
        dialog = ImportLogDialog(hq)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.model.rowCount() == 2
        first, last = reports[0].batch_id, reports[1].batch_id

        # the first file brought the municipality the second one refers to: refused in place
        dialog.table.selectRow(dialog.model.row_of(first))
        click(qtbot, dialog.undo_button)
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
        assert str(first) in dialog.message.text()
        assert dialog.model.batch(dialog.model.row_of(first)).undone_at is None

        with hq.session() as session:
            before = session.scalar(select(func.count()).select_from(m.Demand))
        dialog.table.selectRow(dialog.model.row_of(last))
        click(qtbot, dialog.undo_button)
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
        batch = dialog.model.batch(dialog.model.row_of(last))
        assert batch.undone_at is not None
        assert dialog.model.index(dialog.model.row_of(last), 10).data()
        assert not dialog.undo_button.isEnabled()
        assert dialog.changed
        with hq.session() as session:
            assert session.scalar(select(func.count()).select_from(m.Demand)) < before
        assert [b.undone_at is not None for b in import_log(hq)] == [True, False]
    finally:
        hq.close()


def test_the_export_window_writes_a_valid_file_of_one_community(qtbot, demo_store, tmp_path):
    key = Ed25519PrivateKey.generate()
    dialog = ExportDialog(demo_store, key, "Facilitadora")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_scope("community")
    assert dialog.community_box.isEnabled() and not dialog.event_box.isEnabled()
    out = tmp_path / "comunidad.cumbre"
    dialog.out.clear()
    qtbot.keyClicks(dialog.out, str(out))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert dialog.report is not None and dialog.report.total > 0
    assert str(dialog.report.total) in dialog.message.text()
    verified = verify_file(out)
    assert verified.manifest.scope.community_id == dialog.community_box.currentData()


def test_the_file_menu_opens_the_session_file_windows(qtbot, settings, demo_db):
    from planner_desktop.ui.exchange.actions import file_menu
    from planner_desktop.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(demo_db)
    menu = file_menu(window)
    actions = menu.actions()
    names = [a.objectName() for a in actions]
    expected = [
        f"action_{n}" for n in ("importSessions", "importLog", "conflicts", "exportSession")
    ]
    assert [n for n in names if n in expected] == expected
    quit_row = [a.text() for a in actions].index(window.menus.quit.text())
    assert names.index("action_exportSession") < quit_row
    assert "&Importar archivos de sesión…" in [a.text() for a in actions]
    for name, kind in (("importSessions", "importWizard"), ("conflicts", "conflicts")):
        actions[names.index(f"action_{name}")].trigger()
        dialog = window.findChild(QWidget, kind)
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
    window.set_language("en")
    assert "&Import session files…" in [a.text() for a in file_menu(window).actions()]
