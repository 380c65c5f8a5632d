"""The attendance tab follows the current event (issue 12, point 2): attendance typed while
an event is current belongs to it, whichever way the event was made current; choosing an
event in the tab makes it current for the whole window.

From an empty database with a territory; every event and attendee is typed in the window.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from planner_desktop.domain.actors import Person
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.i18n import _
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.pages.attendance import AttendancePanel
from tests.gui.event_helpers import (
    choose_row,
    click,
    create_event,
    events_panel,
    new_territory,
    open_window,
    saved,
    type_text,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return new_territory(tmp_path / "new.sqlite")


def attendance_tab(window: MainWindow) -> AttendancePanel:
    window.show_phase(Phase.preparation)
    page = window.pages[Phase.preparation]
    page.tabs.setCurrentWidget(page.attendance)
    return page.attendance


def type_attendee(qtbot: QtBot, panel: AttendancePanel, name: str, sex: str, age: str) -> None:
    panel.name.setFocus()
    type_text(qtbot, panel.name, name)
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.sex, sex)
    qtbot.keyClicks(panel.age, age)
    saved(qtbot)


def names_shown(panel: AttendancePanel) -> list[str]:
    return [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]


def attendance_by_event(window: MainWindow) -> dict[str, list[str]]:
    with window.store.session() as session:
        rows = session.execute(
            select(Event.title, Person.first_names)
            .join(Attendance, Attendance.event_id == Event.id)
            .join(Person, Attendance.person_id == Person.id)
            .order_by(Event.title, Person.first_names)
        ).all()
    found: dict[str, list[str]] = {}
    for title, name in rows:
        found.setdefault(title, []).append(name)
    return found


def choose_in_status_bar(qtbot: QtBot, window: MainWindow, title: str) -> None:
    menu = window.current_event_bar.open_menu()
    qtbot.waitExposed(menu)
    qtbot.keyClick(menu, Qt.Key.Key_Down)
    while not menu.activeAction().text().startswith(title):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    qtbot.keyClick(menu, Qt.Key.Key_Return)


def test_attendance_goes_to_the_event_made_current_anywhere(qtbot, settings, db) -> None:
    window = open_window(qtbot, settings, db)
    events = events_panel(qtbot, window)
    create_event(qtbot, events, "Taller uno", "Chaupi Loma")
    create_event(qtbot, events, "Taller dos", "Villa Esperanza")

    panel = attendance_tab(window)
    assert panel.event_box.currentText().startswith("Taller dos · ")
    assert panel.event_box.currentText() == window.current_event_bar.current_text()
    type_attendee(qtbot, panel, "Olga Rojas", "F", "3")
    type_attendee(qtbot, panel, "Mario Tola", "M", "4")
    assert names_shown(panel) == ["Olga Rojas", "Mario Tola"]

    # the first workshop made current in the events list: the tab shows its attendance
    events = events_panel(qtbot, window)
    choose_row(qtbot, events, "Taller uno")
    click(qtbot, events.current_button)
    panel = attendance_tab(window)
    assert panel.event_box.currentText().startswith("Taller uno · ")
    assert names_shown(panel) == [] and panel.last_totals.total == 0
    type_attendee(qtbot, panel, "Rosa Quispe", "F", "2")

    # and from the status bar, back to the second one
    choose_in_status_bar(qtbot, window, "Taller dos")
    assert panel.event_box.currentText().startswith("Taller dos · ")
    assert names_shown(panel) == ["Olga Rojas", "Mario Tola"]
    assert "Presentes: 2" in panel.totals.text()
    assert attendance_by_event(window) == {
        "Taller dos": ["Mario", "Olga"], "Taller uno": ["Rosa"]}


def test_choosing_an_event_in_the_tab_makes_it_current(qtbot, settings, db) -> None:
    window = open_window(qtbot, settings, db)
    events = events_panel(qtbot, window)
    create_event(qtbot, events, "Taller uno", "Chaupi Loma")
    create_event(qtbot, events, "Taller dos", "Villa Esperanza")
    panel = attendance_tab(window)
    type_attendee(qtbot, panel, "Olga Rojas", "F", "3")

    panel.event_box.setFocus()
    qtbot.keyClick(panel.event_box, Qt.Key.Key_Down)  # the list is newest first
    assert panel.event_box.currentText().startswith("Taller uno · ")
    assert window.current_event_bar.current_text().startswith("Taller uno · ")
    assert "Taller uno" in window.current_event_bar.text()
    assert names_shown(panel) == []
    type_attendee(qtbot, panel, "Juana Mamani", "F", "2")
    assert names_shown(panel) == ["Juana Mamani"]
    assert attendance_by_event(window) == {"Taller dos": ["Olga"], "Taller uno": ["Juana"]}


def test_a_new_event_from_the_tab_becomes_current(qtbot, settings, db) -> None:
    window = open_window(qtbot, settings, db)
    panel = attendance_tab(window)
    click(qtbot, panel.new_event)
    assert panel.form.isVisible()
    type_text(qtbot, panel.form.title_edit, "Cumbre distrital")
    click(qtbot, panel.form.create_button)
    saved(qtbot)
    assert panel.event_box.currentText().startswith("Cumbre distrital · ")
    assert window.current_event_bar.current_text().startswith("Cumbre distrital · ")
    type_attendee(qtbot, panel, "Olga Rojas", "F", "3")
    assert attendance_by_event(window) == {"Cumbre distrital": ["Olga"]}


def test_with_no_current_event_nothing_is_registered(qtbot, settings, db, message_boxes) -> None:
    window = open_window(qtbot, settings, db)
    events = events_panel(qtbot, window)
    create_event(qtbot, events, "Taller equivocado", "Chaupi Loma")
    choose_row(qtbot, events, "Taller equivocado")
    click(qtbot, events.delete_button)  # the question is answered yes by the fixture
    saved(qtbot)
    assert window.current_event_bar.holder.event_id is None

    panel = attendance_tab(window)
    assert panel.event_box.currentIndex() == -1 and panel.event_id() is None
    assert panel.event_box.count() == 0
    type_attendee(qtbot, panel, "Olga Rojas", "F", "3")
    assert panel.refusal.text() == _("Choose the current event first")
    with window.store.session() as session:
        assert session.scalars(select(Attendance)).all() == []
        assert session.scalars(select(Person)).all() == []

    window.undo_stack.undo()  # the event comes back, but nobody made it current
    saved(qtbot)
    assert panel.event_box.count() == 1 and panel.event_box.currentIndex() == -1


def test_the_export_window_offers_the_current_event(qtbot, settings, db, tmp_path) -> None:
    from PySide6.QtWidgets import QWidget

    from planner_desktop.exchange.verify import verify_file
    from planner_desktop.ui.exchange.actions import file_menu

    window = open_window(qtbot, settings, db)
    events = events_panel(qtbot, window)
    create_event(qtbot, events, "Taller uno", "Chaupi Loma")
    create_event(qtbot, events, "Taller dos", "Villa Esperanza")
    panel = attendance_tab(window)
    type_attendee(qtbot, panel, "Olga Rojas", "F", "3")

    menu = file_menu(window)
    [export] = [a for a in menu.actions() if a.objectName() == "action_exportSession"]
    export.trigger()
    dialog = window.findChild(QWidget, "exportSession")
    assert dialog is not None and dialog.isVisible()
    assert dialog.scope_box.currentData() == "event" and dialog.event_box.isEnabled()
    assert "Taller dos" in dialog.event_box.currentText()
    out = tmp_path / "taller-dos.cumbre"
    dialog.out.clear()
    qtbot.keyClicks(dialog.out, str(out))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert dialog.report is not None
    assert dialog.report.records["attendance"] == 1 and dialog.report.records["event"] == 1
    assert verify_file(out).manifest.scope.event_id == panel.event_id()
    dialog.reject()
