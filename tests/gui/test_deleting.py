"""Deleting what a person typed by mistake (issue 12, point 5): the Delete key, the
context menu or a button; a confirmation naming what depends on it; undo with Ctrl+Z.

Everything is typed in the window on a new municipality (no demo data); deleting leaves
a tombstone (or, for attendance, a retraction) that every list and count leaves out.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Phase
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.models import demand_list as dl
from tests.gui.capture_helpers import new_municipality, saved, type_text
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, tmp_path):
    apply_language("en")  # new messages are translated when the catalogue is merged
    return open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))


def undo_by_keys(qtbot, window) -> None:
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def demands_panel(qtbot, window):
    click_phase(qtbot, window, Phase.prioritization)
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.demands_panel)
    panel = page.demands_panel
    panel.district.setCurrentIndex(panel.district.findText("Distrito Uno"))
    panel.community.setCurrentIndex(panel.community.findText("Chaupi Loma"))
    panel.new_sector.setCurrentIndex(panel.new_sector.findText("Caminos"))
    return page, panel


def test_a_demand_is_deleted_with_the_delete_key_and_undone(qtbot, window, message_boxes):
    page, panel = demands_panel(qtbot, window)
    for text in ("Camino vecinal", "Puente colgante", "Alcantarillas"):
        type_text(qtbot, panel.new_demand, text)
        qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert panel.model.total == 3 and page.tabs.tabText(1) == "Demands (3)"
    row = next(
        r for r in range(3) if panel.model.index(r, dl.DESCRIPTION).data() == "Puente colgante"
    )
    code = panel.model.index(row, dl.CODE).data()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(row, dl.DESCRIPTION))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    saved(qtbot, window)
    assert message_boxes.shown == [], "nothing depends on it: no question"
    assert panel.model.total == 2 and page.tabs.tabText(1) == "Demands (2)"
    assert "2 demands" in page.summary.text()
    shown = {panel.model.index(r, dl.DESCRIPTION).data() for r in range(2)}
    assert shown == {"Camino vecinal", "Alcantarillas"}
    assert window.undo_stack.undoText() == f"Delete demand {code}"
    with window.store.session() as session:
        tombstone = session.scalars(select(Demand).where(Demand.code == code)).one()
        assert tombstone.deleted_at is not None, "a tombstone, not a removal"

    undo_by_keys(qtbot, window)
    saved(qtbot, window)
    assert panel.model.total == 3 and page.tabs.tabText(1) == "Demands (3)"
    window.undo_stack.redo()
    saved(qtbot, window)
    assert panel.model.total == 2


def test_the_button_and_the_menu_delete_the_chosen_demand(qtbot, window):
    _page, panel = demands_panel(qtbot, window)
    type_text(qtbot, panel.new_demand, "Tinglado")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot, window)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.refusal.text() == "Choose a demand first"
    assert panel.delete in panel.view.actions()
    assert panel.view.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    panel.view.setCurrentIndex(panel.model.index(0, dl.CODE))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert panel.model.total == 0
