"""Issue 7: the print dialog starts on the saved paper and remembers the one chosen."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from planner_desktop.settings import Settings
from planner_desktop.ui.printing import output
from planner_desktop.ui.printing.documents import document
from planner_desktop.ui.printing.print_dialog import PrintDialog
from tests.gui.printing_helpers import click_and_wait

pytestmark = pytest.mark.gui

LETTER_LANDSCAPE = (792.0, 612.0)


@pytest.fixture(autouse=True)
def preview_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "preview"
    folder.mkdir()
    monkeypatch.setattr(output, "_folder", folder)
    return folder


def _size(path: Path) -> tuple[float, float]:
    box = PdfReader(path).pages[0].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


def test_the_dialog_starts_on_the_saved_paper_and_prints_on_it(qtbot, demo_store, settings):
    settings.set("paper", "letter")
    settings.save()
    dialog = PrintDialog(demo_store, document("pdm"), settings=Settings.load(settings.path.parent))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.paper.currentData() == "letter"

    click_and_wait(qtbot, dialog, dialog.print_button)

    assert dialog.pdf is not None
    assert _size(dialog.pdf) == pytest.approx(LETTER_LANDSCAPE, abs=0.5)


def test_the_paper_chosen_is_saved_as_the_default_of_the_next_dialog(
    qtbot, demo_store, settings
):
    first = PrintDialog(demo_store, document("diagnosis"), settings=settings)
    qtbot.addWidget(first)
    assert first.paper.currentData() == "a4"

    first.paper.setCurrentIndex(first.paper.findData("letter"))

    assert Settings.load(settings.path.parent).get("paper") == "letter"
    second = PrintDialog(demo_store, document("pdm"), settings=settings)
    qtbot.addWidget(second)
    assert second.paper.currentData() == "letter"
    second.paper.setCurrentIndex(second.paper.findData("a4"))
    assert Settings.load(settings.path.parent).get("paper") == "a4"


def test_without_settings_the_dialog_offers_a4_and_saves_nothing(qtbot, demo_store, settings):
    dialog = PrintDialog(demo_store, document("pdm"))
    qtbot.addWidget(dialog)
    assert dialog.paper.currentData() == "a4"

    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    click_and_wait(qtbot, dialog, dialog.print_button)

    assert dialog.pdf is not None
    assert _size(dialog.pdf) == pytest.approx(LETTER_LANDSCAPE, abs=0.5)
    assert not settings.path.exists()


def test_the_menu_opens_the_dialog_with_the_window_settings(
    qtbot, demo_store, settings, monkeypatch
):
    from planner_desktop.ui.main_window import MainWindow
    from planner_desktop.ui.printing import actions

    settings.set("paper", "letter")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_store(demo_store)
    opened: list[PrintDialog] = []
    monkeypatch.setattr(PrintDialog, "open", lambda dialog: opened.append(dialog))

    actions.open_print(window, document("pdm"))

    assert [dialog.settings for dialog in opened] == [settings]
    assert opened[0].paper.currentData() == "letter"
    opened[0].deleteLater()
