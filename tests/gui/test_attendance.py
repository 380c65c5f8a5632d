"""Registering attendance as a facilitator types it (issue 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from planner_desktop.capture import attendance
from planner_desktop.domain.actors import Person
from planner_desktop.domain.enums import AgeGroup, Sex
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.ui import jobs
from tests.gui.test_window import open_window

pytestmark = pytest.mark.gui

ATTENDEES = [(f"Participante{n:02d} Prueba", "MH"[n % 2], "1234"[n % 4]) for n in range(20)]


def saved(qtbot, panel) -> None:
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: panel.hub.pending == 0, timeout=5000)


@pytest.fixture
def panel(qtbot, settings, demo_copy):
    window = open_window(qtbot, settings, demo_copy)
    page = window.current_page()
    page.tabs.setCurrentWidget(page.attendance)
    panel = page.attendance
    with window.store.session() as session:
        empty = session.scalars(
            select(Event.id).where(~Event.id.in_(select(Attendance.event_id))).limit(1)
        ).first()
    if empty is None:
        panel.form.title_edit.setText("Taller de prueba")
        empty = panel.form.submit()
        saved(qtbot, panel)
    panel.choose_event(empty)
    assert panel.model.total == 0
    return window, panel


def type_attendee(qtbot, panel, name: str, sex: str, age: str) -> None:
    qtbot.keyClicks(panel.name, name)
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    assert panel.sex.hasFocus() or not panel.isActiveWindow()
    qtbot.keyClicks(panel.sex, sex)
    qtbot.keyClicks(panel.age, age)


def test_register_20_attendees_with_two_keys_each_and_check_totals(qtbot, panel):
    window, panel = panel
    for name, sex, age in ATTENDEES:
        type_attendee(qtbot, panel, name, sex, age)
    saved(qtbot, panel)
    assert panel.model.total == 20
    totals = panel.last_totals
    assert totals.total == 20
    assert totals.by_sex[Sex.female] == 10 and totals.by_sex[Sex.male] == 10
    assert [totals.by_age[group] for group in AgeGroup] == [5, 5, 5, 5]
    assert "Presentes: 20" in panel.totals.text()
    assert "Mujer: 10" in panel.totals.text()
    with window.store.session() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(Person)
                .where(Person.first_names.like("Participante%"))
            )
            == 20
        )


def test_person_twice_at_one_event_is_refused_in_place(qtbot, panel):
    _window, panel = panel
    type_attendee(qtbot, panel, "Juana Mamani", "M", "3")
    saved(qtbot, panel)
    qtbot.keyClicks(panel.name, "Juana Mam")
    assert "Juana Mamani" in panel.names.stringList()
    panel.name.setText("Juana Mamani")
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)  # a known person: registered with Enter
    assert panel.refusal.text() == "Esta persona ya está registrada en este evento"
    saved(qtbot, panel)
    assert panel.model.total == 1  # nothing lost, nothing doubled


def test_empty_name_and_wrong_keys_are_refused_in_place(qtbot, panel):
    _window, panel = panel
    qtbot.keyClicks(panel.sex, "X")
    assert "M/H" in panel.refusal.text() and panel.sex.text() == ""
    qtbot.keyClicks(panel.sex, "H")
    qtbot.keyClicks(panel.age, "9")
    assert "1–4" in panel.refusal.text()
    qtbot.keyClicks(panel.age, "2")
    assert panel.refusal.text() == "Escriba el nombre de la persona"
    saved(qtbot, panel)
    assert panel.model.total == 0


def test_signature_on_paper_is_appended_and_undone(qtbot, panel):
    window, panel = panel
    type_attendee(qtbot, panel, "Pedro Condori", "H", "4")
    saved(qtbot, panel)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Space)
    saved(qtbot, panel)
    assert panel.last_totals.signed == 1
    event_id = panel.event_id()
    with window.store.session() as session:
        rows = session.scalar(
            select(func.count()).select_from(Attendance).where(Attendance.event_id == event_id)
        )
        assert rows == 3  # registration, its retraction, the signed row
    window.undo_stack.undo()  # the signature
    window.undo_stack.undo()  # the registration
    saved(qtbot, panel)
    with window.store.session() as session:
        assert attendance.totals(session, event_id).total == 0
    window.undo_stack.redo()
    saved(qtbot, panel)
    assert panel.last_totals.total == 1


def test_new_event_with_its_communities(qtbot, panel):
    window, panel = panel
    qtbot.mouseClick(panel.new_event, Qt.MouseButton.LeftButton)
    assert panel.form.isVisible()
    qtbot.mouseClick(panel.form.create_button, Qt.MouseButton.LeftButton)
    assert panel.form.refusal.text() == "Título: Este campo no puede quedar vacío"
    panel.form.title_edit.setText(" Cumbre\tdistrital\n")  # pasted
    qtbot.keyClicks(panel.form.place, "Sede")
    panel.form.communities.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(panel.form.create_button, Qt.MouseButton.LeftButton)
    saved(qtbot, panel)
    assert "Cumbre distrital" in panel.event_box.currentText()
    with window.store.session() as session:
        event = session.get(Event, panel.event_id())
        assert event.title == "Cumbre distrital" and len(event.communities) == 1
