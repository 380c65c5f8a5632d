"""The Imprimir menu: a document's dialog writes the PDF in a job, then offers Open and Save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from planner_desktop.domain.territory import Municipality
from planner_desktop.i18n import _
from planner_desktop.ui.printing import output
from planner_desktop.ui.printing.documents import DOCUMENTS, document
from planner_desktop.ui.printing.print_dialog import PrintDialog
from tests.gui.printing_helpers import click_and_wait, pdf_text, pick, workshop_id
from tests.helpers import new_store

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def preview_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "preview"
    folder.mkdir()
    monkeypatch.setattr(output, "_folder", folder)
    return folder


def test_the_acta_of_a_workshop_is_printed_previewed_opened_and_saved(
    qtbot, demo_store, tmp_path, monkeypatch
):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    target = tmp_path / "saved" / "acta-cumbre"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = PrintDialog(demo_store, document("acta"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.open_button.isEnabled() and not dialog.save_button.isEnabled()
    pick(dialog.picker, event=str(workshop_id(demo_store)))
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))

    click_and_wait(qtbot, dialog, dialog.print_button)

    assert dialog.pdf is not None and dialog.pdf.is_file()
    pages, flat = pdf_text(dialog.pdf)
    assert pages >= 1
    assert "PDACTA1;session=" in flat
    assert dialog.message.property("state") == "ok"
    assert str(pages) in dialog.message.text()
    assert dialog.preview.isVisible() and len(dialog.preview.pages) == pages
    first = dialog.preview.pages[0].pixmap().toImage()
    assert first.width() == 560 and first.height() > first.width(), "a portrait Letter page"
    assert abs(first.height() / first.width() - 11 / 8.5) < 0.01
    inked = sum(
        first.pixelColor(x, y).lightness() < 128
        for x in range(0, first.width(), 4) for y in range(0, first.height(), 4)
    )
    assert inked > 200, "the page has text on it"
    dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
    assert not dialog.preview.isVisible() and not dialog.preview.pages
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    click_and_wait(qtbot, dialog, dialog.print_button)
    dialog.open_button.click()
    assert opened == [str(dialog.pdf)]
    dialog.save_button.click()
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == dialog.pdf.read_bytes()
    assert "acta-cumbre.pdf" in dialog.message.text()


def test_a_refused_document_shows_its_reason_and_writes_no_file(
    qtbot, tmp_path, preview_folder
):
    store = new_store(tmp_path / "new.sqlite")
    try:
        with store.session() as session:
            session.add(Municipality(name="Villa Tunari"))
        dialog = PrintDialog(store, document("pdm"))
        qtbot.addWidget(dialog)
        dialog.show()

        click_and_wait(qtbot, dialog, dialog.print_button)

        reason = _("there is no plan yet: its draft cannot be printed")
        assert dialog.message.property("state") == "error"
        assert reason in dialog.message.text()
        assert "\n" not in dialog.message.text()
        assert dialog.pdf is None and not dialog.open_button.isEnabled()
        assert list(preview_folder.iterdir()) == []
    finally:
        store.close()


def test_a_document_without_its_records_cannot_be_started(qtbot, tmp_path):
    store = new_store(tmp_path / "new.sqlite")
    try:
        dialog = PrintDialog(store, document("ballot"))
        qtbot.addWidget(dialog)
        assert not dialog.print_button.isEnabled()
        assert dialog.message.property("state") == "error"
        assert _("there is no prioritisation round") in dialog.message.text()
    finally:
        store.close()


def test_the_print_menu_lists_every_document_in_spanish(qtbot, settings, demo_db):
    from tests.gui.test_window import open_window

    window = open_window(qtbot, settings, demo_db)
    menus = {a.menu().objectName(): a.menu() for a in window.menuBar().actions() if a.menu()}
    menu = menus["menu_print"]
    assert menu.title() == "&Imprimir"
    titles = [a.text() for a in menu.actions() if a.objectName().startswith("action_print_")]
    assert len(titles) == len(DOCUMENTS) == 13
    assert "Acta del evento…" in titles
    acta = next(a for a in menu.actions() if a.objectName() == "action_print_acta")
    acta.trigger()
    dialog = window.findChild(PrintDialog)
    assert dialog is not None and dialog.picker.count() > 0
    dialog.reject()

    window.menus.languages["en"].trigger()
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count("&Print") == 1 and "&Imprimir" not in titles
    assert titles.index("&Print") == titles.index("&Help") - 1
    window.menus.languages["es"].trigger()
