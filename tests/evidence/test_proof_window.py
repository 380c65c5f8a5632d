"""Issue 18, point 5: the office's view of proven actas, through the window's widgets:
reached from the Print menu, filtered by verdict and words, the photo opened, the list
printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from planner_desktop.capture import records
from planner_desktop.domain.enums import EventKind
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.evidence.proof import Status, status_label
from planner_desktop.evidence.qr import read_qr
from planner_desktop.settings import Settings
from planner_desktop.ui import jobs
from planner_desktop.ui.acta_proofs import ActaProofsDialog
from planner_desktop.ui.main_window import MainWindow
from tests.evidence.acta_photos import (
    add_minutes,
    attach,
    page_image,
    photographed,
    printed_workshop,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def office_db(tmp_path: Path) -> Path:
    """Chuquiña's acta photographed; Totorani's acta never photographed."""
    store, built, pdf, _code = printed_workshop(tmp_path)
    try:
        other = records.create(store, Event, {
            "municipality_id": built.municipality, "kind": EventKind.community_workshop,
            "title": "Taller comunal de Totorani", "date": built_date(store, built.event)})
        records.create(store, EventCommunity, {"event_id": other,
                                               "community_id": built.other_community})
        add_minutes(store, other)
        minutes = add_minutes_of(store, built.event)
        photo = photographed(page_image(pdf))
        attach(store, minutes, photo, read_qr(photo))
    finally:
        store.close()
    assert store.path is not None
    return store.path


def built_date(store, event_id):
    with store.session() as session:
        return session.get(Event, event_id).date


def add_minutes_of(store, event_id):
    from sqlalchemy import select

    from planner_desktop.domain.follow_up import Minutes

    with store.session() as session:
        return session.scalars(select(Minutes.id).where(Minutes.event_id == event_id)).one()


def print_menu(window: MainWindow) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "menu_print":
            return menu
    raise AssertionError("no Print menu")


def shown(dialog: ActaProofsDialog) -> list[tuple[str, str]]:
    proxy = dialog.proxy
    return [(proxy.index(row, 0).data(), proxy.index(row, 3).data())
            for row in range(proxy.rowCount())]


def test_the_office_sees_filters_opens_and_prints_the_actas(qtbot, tmp_path, office_db,
                                                          monkeypatch):
    window = MainWindow(Settings(tmp_path / "config" / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(office_db)
    menu = print_menu(window)
    names = [action.objectName() for action in menu.actions()]
    assert names.index("action_acta_proofs") == names.index("action_check_acta") + 1

    entry = next(a for a in menu.actions() if a.objectName() == "action_acta_proofs")
    entry.trigger()
    dialog = window.findChild(ActaProofsDialog)
    assert isinstance(dialog, ActaProofsDialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=20000)
    proven, missing = status_label(Status.proven), status_label(Status.missing)
    assert shown(dialog) == [("Chuquiña", proven), ("Totorani", missing)]
    assert "1" in dialog.summary.text()

    dialog.status.setCurrentIndex(dialog.status.findData(Status.missing))
    assert shown(dialog) == [("Totorani", missing)]
    dialog.status.setCurrentIndex(0)
    qtbot.keyClicks(dialog.search, "chuqui")
    assert shown(dialog) == [("Chuquiña", proven)]

    assert not dialog.open_button.isEnabled()
    dialog.table.selectRow(0)
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    viewer = dialog.findChild(acta_proofs_photo_viewer())
    assert viewer is not None and not viewer.pixmap.isNull()
    assert viewer.pixmap.width() > 1000
    viewer.reject()

    out = tmp_path / "list.pdf"
    monkeypatch.setattr("planner_desktop.ui.file_dialogs.save_file",
                        lambda *_args: str(out))
    with qtbot.waitSignal(dialog.sig_printed, timeout=20000):
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    text = " ".join((page.extract_text() or "") for page in PdfReader(out).pages)
    assert "Chuquiña" in text and "Totorani" in text
    dialog.reject()
    jobs.wait_for_all()


def acta_proofs_photo_viewer():
    from planner_desktop.ui.acta_proofs_photo import PhotoViewer

    return PhotoViewer

