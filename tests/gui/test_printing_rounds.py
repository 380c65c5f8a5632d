"""Ballots, tally sheets and the pairwise chart print for the round chosen, the current
event's rounds offered first (issue 12, point 4), from an empty database: the event,
the demands and the rounds are made in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.printing import output
from planner_desktop.ui.printing.print_dialog import PrintDialog
from tests.gui.capture_helpers import new_municipality
from tests.gui.printing_helpers import click_and_wait, pdf_text
from tests.gui.test_current_event import create_event, events_panel
from tests.gui.test_round_from_empty import open_round, type_demands
from tests.gui.test_window import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, tmp_path):
    """The window on a new municipality's territory, in English (new messages are
    translated when the catalogue is merged)."""
    apply_language("en")
    return open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))


@pytest.fixture(autouse=True)
def preview_folder(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "preview"
    folder.mkdir()
    monkeypatch.setattr(output, "_folder", folder)
    return folder


def print_dialog(qtbot, window, kind: str) -> PrintDialog:
    """The dialog the Print menu opens for ``kind``."""
    menus = {a.menu().objectName(): a.menu() for a in window.menuBar().actions() if a.menu()}
    action = next(a for a in menus["menu_print"].actions()
                  if a.objectName() == f"action_print_{kind}")
    action.trigger()
    dialog = window.findChild(PrintDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    return dialog


def close(qtbot, window, dialog: PrintDialog) -> None:
    dialog.reject()
    qtbot.waitUntil(lambda: not window.findChildren(PrintDialog), timeout=2000)


def labels(dialog: PrintDialog) -> list[str]:
    return [dialog.picker.itemText(i) for i in range(dialog.picker.count())]


def test_ballots_and_sheets_print_for_the_round_chosen(qtbot, window):
    create_event(qtbot, events_panel(qtbot, window), "Taller de Chaupi Loma", "Chaupi Loma")
    type_demands(qtbot, window)
    open_round(qtbot, window, "Puntos de las mujeres", M.dots, {"women"})
    open_round(qtbot, window, "Pares de los jóvenes", M.pairwise, {"youth"},
               leave_out="Posta de salud")

    dialog = print_dialog(qtbot, window, "ballot")
    offered = labels(dialog)
    assert offered[0].startswith("Pares de los jóvenes — Chaupi Loma"), "the newest first"
    assert offered[1].startswith("Puntos de las mujeres — Chaupi Loma")
    assert any(text.startswith("All rounds of") for text in offered[2:])
    assert dialog.file_name().startswith("papeletas-chaupi-loma-")

    dialog.picker.setCurrentIndex(1)  # the person chooses the women's dots
    click_and_wait(qtbot, dialog, dialog.print_button)
    _pages, flat = pdf_text(dialog.pdf)
    assert "Puntosdelasmujeres" in flat and "Paresdelosjóvenes" not in flat
    assert "Posta" in flat, "every demand of the dots round is on its ballot"
    close(qtbot, window, dialog)

    dialog = print_dialog(qtbot, window, "tally-sheet")
    click_and_wait(qtbot, dialog, dialog.print_button)  # as offered: the newest round
    _pages, flat = pdf_text(dialog.pdf)
    assert "Paresdelosjóvenes" in flat and "Puntosdelasmujeres" not in flat
    assert "Posta" not in flat, "the demand left out of the pairwise round"
    close(qtbot, window, dialog)

    dialog = print_dialog(qtbot, window, "pairwise-chart")
    click_and_wait(qtbot, dialog, dialog.print_button)
    _pages, flat = pdf_text(dialog.pdf)
    assert "Paresdelosjóvenes" in flat and "Puntosdelasmujeres" not in flat
    close(qtbot, window, dialog)
