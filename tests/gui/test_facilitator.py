"""Editar → Facilitador/a…: the name typed there is kept in the settings and stamped on the
records typed from then on and on the session files exported (issue 12, a follow-up).

The territory is written directly (not what this test is about); the name, the demand and
the export are done in the window, through its widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Phase
from planner_desktop.exchange.verify import verify_file
from planner_desktop.i18n import _
from planner_desktop.settings import Settings
from planner_desktop.ui.exchange.actions import file_menu
from planner_desktop.ui.facilitator_dialog import FacilitatorDialog
from planner_desktop.ui.language import apply_language
from tests.gui.capture_helpers import new_municipality, saved, type_text
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, tmp_path):
    apply_language("en")
    return open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_dialog(window) -> FacilitatorDialog:
    action = window.menus.facilitator
    edit = window.menuBar().findChild(QWidget, "menu_edit")
    assert action in edit.actions(), "the entry is in the Edit menu"
    action.trigger()
    dialog = window.findChild(FacilitatorDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def ok(qtbot, dialog) -> None:
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)


def test_a_bad_name_is_refused_in_place(qtbot, window, settings):
    dialog = open_dialog(window)
    for bad in ("", "   ", "R" * 201, "Rosa\x07Quispe"):
        dialog.name.clear()
        if bad.isprintable():
            qtbot.keyClicks(dialog.name, bad)
        else:
            dialog.name.insert(bad)  # as pasted
        ok(qtbot, dialog)
        assert dialog.isVisible(), f"{bad!r} is refused, the dialog stays"
        assert dialog.refusal.text().startswith(_("Facilitator") + ":"), bad
        assert "\n" not in dialog.refusal.text()
    assert settings.get("facilitator") == "", "nothing refused is saved"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "R" * 200)
    ok(qtbot, dialog)
    assert not dialog.isVisible() and settings.get("facilitator") == "R" * 200


def test_the_name_is_stamped_on_new_records_and_session_files(qtbot, window, settings,
                                                             tmp_path):
    dialog = open_dialog(window)
    assert dialog.name.text() == ""
    type_text(qtbot, dialog.name, "  Rosa Quispe Mamaní ")
    ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert settings.get("facilitator") == "Rosa Quispe Mamaní"
    assert Settings.load(settings.path.parent).get("facilitator") == "Rosa Quispe Mamaní"

    click_phase(qtbot, window, Phase.prioritization)
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.demands_panel)
    panel = page.demands_panel
    panel.district.setCurrentIndex(panel.district.findText("Distrito Uno"))
    panel.community.setCurrentIndex(panel.community.findText("Chaupi Loma"))
    panel.new_sector.setCurrentIndex(panel.new_sector.findText("Agua potable"))
    panel.new_group.setCurrentIndex(panel.new_group.findText("Women"))
    panel.new_demand.setFocus()
    type_text(qtbot, panel.new_demand, "Agua potable para la escuela")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot, window)
    with window.store.session() as session:
        demand = session.scalars(select(Demand)).one()
        assert demand.facilitator == "Rosa Quispe Mamaní"

    again = open_dialog(window)
    assert again.name.text() == "Rosa Quispe Mamaní", "the name kept is offered"
    again.reject()

    [export] = [a for a in file_menu(window).actions()
                if a.objectName() == "action_exportSession"]
    export.trigger()
    exporting = window.findChild(QWidget, "exportSession")
    out = tmp_path / "rosa.cumbre"
    exporting.out.clear()
    qtbot.keyClicks(exporting.out, str(out))
    click(qtbot, exporting.export_button)
    qtbot.waitUntil(lambda: exporting.job is None, timeout=10000)
    assert verify_file(out).manifest.facilitator == "Rosa Quispe Mamaní"
    exporting.reject()
