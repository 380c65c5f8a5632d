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


def test_a_person_with_attendance_is_deleted_after_a_question_naming_it(
    qtbot, window, message_boxes
):
    page = window.current_page()
    page.tabs.setCurrentWidget(page.attendance)
    attendance = page.attendance
    attendance.form.title_edit.setText("Taller")
    attendance.form.submit()
    saved(qtbot, window)
    for name, sex in (("Olga Rojas", "F"), ("Mario Tola", "M")):
        qtbot.keyClicks(attendance.name, name)
        qtbot.keyClick(attendance.name, Qt.Key.Key_Return)
        qtbot.keyClicks(attendance.sex, sex)
        qtbot.keyClicks(attendance.age, "3")
    saved(qtbot, window)
    assert attendance.last_totals.total == 2

    persons = page.persons
    page.tabs.setCurrentWidget(persons)
    persons.apply_search()
    qtbot.keyClicks(persons.search, "Mario")
    qtbot.waitUntil(lambda: persons.model.total == 1, timeout=2000)
    persons.view.setFocus()
    persons.view.setCurrentIndex(persons.model.index(0, 0))
    qtbot.keyClick(persons.view, Qt.Key.Key_Delete)
    saved(qtbot, window)
    [(kind, _title, text)] = message_boxes.shown
    assert kind == "question" and "Mario Tola" in text and "1" in text
    assert persons.model.total == 0
    assert attendance.last_totals.total == 1, "their attendance counts no more"
    assert [attendance.model.index(r, 0).data() for r in range(attendance.model.rowCount())] == [
        "Olga Rojas"
    ]
    undo_by_keys(qtbot, window)
    saved(qtbot, window)
    assert attendance.last_totals.total == 2 and persons.model.total == 1


def test_a_person_kept_when_the_question_is_declined(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    page = window.current_page()
    attendance = page.attendance
    attendance.form.title_edit.setText("Taller")
    attendance.form.submit()
    saved(qtbot, window)
    qtbot.keyClicks(attendance.name, "Olga Rojas")
    qtbot.keyClick(attendance.name, Qt.Key.Key_Return)
    qtbot.keyClicks(attendance.sex, "F")
    qtbot.keyClicks(attendance.age, "3")
    saved(qtbot, window)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    page.tabs.setCurrentWidget(page.persons)
    page.persons.apply_search()
    page.persons.view.setCurrentIndex(page.persons.model.index(0, 0))
    qtbot.mouseClick(page.persons.delete_button, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert page.persons.model.total == 1 and window.undo_stack.count() == 2


def test_a_finding_and_the_demand_raised_from_it_deleted_together(
    qtbot, settings, tmp_path, message_boxes
):
    from planner_desktop.ui.models.findings import DESCRIPTION

    apply_language("en")
    window = open_window(
        qtbot, settings, new_municipality(tmp_path / "new.sqlite", self_diagnosis=True)
    )
    click_phase(qtbot, window, Phase.diagnosis)
    page = window.pages[Phase.diagnosis]
    page.tabs.setCurrentWidget(page.self_diagnosis)
    panel = page.self_diagnosis
    for text in ("Suelos erosionados", "Falta de agua"):
        type_text(qtbot, panel.description, text)
        qtbot.keyClick(panel.description, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert panel.model.total == 2
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(1, DESCRIPTION))
    qtbot.mouseClick(panel.to_demand, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.scalar(select(Demand.description).where(Demand.deleted_at.is_(None))) == (
            "Falta de agua"
        )

    panel.view.setFocus()  # the row clicked again after the button
    panel.view.setCurrentIndex(panel.model.index(1, DESCRIPTION))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    saved(qtbot, window)
    [(_kind, _title, text)] = message_boxes.shown
    assert "Falta de agua" in text and "1" in text, text
    assert [panel.model.index(r, DESCRIPTION).data() for r in range(panel.model.total)] == [
        "Suelos erosionados"
    ]
    with window.store.session() as session:
        assert session.scalar(select(Demand.id).where(Demand.deleted_at.is_(None))) is None
    window.undo_stack.undo()
    saved(qtbot, window)
    assert panel.model.total == 2
    with window.store.session() as session:
        assert session.scalar(select(Demand.id).where(Demand.deleted_at.is_(None))) is not None
    assert page.delete_finding_button.isVisible()
