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

ATTENDEES = [(f"Participante{n:02d} Prueba", "FM"[n % 2], "1234"[n % 4]) for n in range(20)]


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
    type_attendee(qtbot, panel, "Juana Mamani", "F", "3")
    saved(qtbot, panel)
    qtbot.keyClicks(panel.name, "Juana Mam")
    [label] = [text for text in panel.names.stringList() if text.startswith("Juana Mamani")]
    panel.name.setText(label)
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)  # a known person: registered with Enter
    assert panel.refusal.text() == "Esta persona ya está registrada en este evento"
    saved(qtbot, panel)
    assert panel.model.total == 1  # nothing lost, nothing doubled


def test_empty_name_and_wrong_keys_are_refused_in_place(qtbot, panel):
    _window, panel = panel
    qtbot.keyClicks(panel.sex, "X")
    assert "F/M" in panel.refusal.text() and panel.sex.text() == ""
    qtbot.keyClicks(panel.sex, "M")
    qtbot.keyClicks(panel.age, "9")
    assert "1–4" in panel.refusal.text()
    qtbot.keyClicks(panel.age, "2")
    assert panel.refusal.text() == "Escriba el nombre de la persona"
    saved(qtbot, panel)
    assert panel.model.total == 0


def test_signature_on_paper_is_appended_and_undone(qtbot, panel):
    window, panel = panel
    type_attendee(qtbot, panel, "Pedro Condori", "M", "4")
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


# --- issue 12, point 7: attendance that matches the paper, from a new municipality -------


@pytest.fixture
def new_panel(qtbot, settings, tmp_path):
    """The attendance of a new event of a new municipality (nothing registered yet)."""
    from tests.gui.capture_helpers import new_municipality

    window = open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))
    page = window.current_page()
    page.tabs.setCurrentWidget(page.attendance)
    panel = page.attendance
    qtbot.mouseClick(panel.new_event, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.form.title_edit, "Taller comunal")
    panel.form.communities.item(0).setCheckState(Qt.CheckState.Checked)  # Chaupi Loma
    qtbot.mouseClick(panel.form.create_button, Qt.MouseButton.LeftButton)
    saved(qtbot, panel)
    assert panel.event_id() is not None and panel.model.total == 0
    return window, panel


def names_shown(panel) -> list[str]:
    return [panel.model.index(row, 0).data() for row in range(panel.model.rowCount())]


def test_signing_does_not_move_rows_and_the_sheet_keeps_arrival_order(qtbot, new_panel):
    from planner_desktop.reports.common import attendees

    window, panel = new_panel
    typed = ["Zenón Quispe", "Ana Choque", "Marta Flores", "Bruno Apaza", "Carla Poma"]
    for n, name in enumerate(typed):
        panel.name.setText(name)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.sex, "FM"[n % 2])
        qtbot.keyClicks(panel.age, "3")
    saved(qtbot, panel)
    assert names_shown(panel) == typed, "arrival order, even within one second"
    panel.view.setFocus()
    for row in (0, 3, 0):  # sign the first and fourth; the first changes their mind
        panel.view.setCurrentIndex(panel.model.index(row, 0))
        qtbot.keyClick(panel.view, Qt.Key.Key_Space)
        saved(qtbot, panel)
        assert names_shown(panel) == typed, "ticking a signature moves no row"
    assert panel.last_totals.signed == 1
    with window.store.session() as session:
        sheet = [person.full_name for _row, person in attendees(session, panel.event_id())]
    assert sheet == typed, "the printed sheet keeps the order of arrival"


@pytest.mark.parametrize(
    ("language", "woman", "man"), [("es", "Mujer", "Hombre"), ("en", "Woman", "Man")]
)
def test_sex_keys_mean_the_same_in_every_language_and_show_the_word(
    qtbot, settings, tmp_path, language, woman, man
):
    from planner_desktop.ui.language import apply_language
    from tests.gui.capture_helpers import new_municipality

    apply_language(language)
    window = open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))
    page = window.current_page()
    page.tabs.setCurrentWidget(page.attendance)
    panel = page.attendance
    panel.form.title_edit.setText("Taller")
    panel.form.submit()
    saved(qtbot, panel)
    assert "F" in panel.hint.text() and "M" in panel.hint.text()
    assert woman.lower() in panel.hint.text().lower() and "1 " in panel.hint.text()
    for name, key in (("Rosa Mamani", "F"), ("Luis Mamani", "m")):
        qtbot.keyClicks(panel.name, name)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.sex, key)
        assert panel.sex_word.text() == (woman if key == "F" else man), "the word, at once"
        qtbot.keyClicks(panel.age, "2")
    saved(qtbot, panel)
    sexes = [panel.model.index(row, 1).data() for row in range(2)]
    assert sexes == [woman, man], "the column shows the word, not a code"
    assert panel.last_totals.by_sex[Sex.female] == 1
    assert panel.last_totals.by_sex[Sex.male] == 1


def test_suggestions_show_community_and_id_and_picking_clears_the_box(qtbot, new_panel):
    from planner_desktop.ui.models import actors
    from tests.gui.capture_helpers import type_into_cell

    window, panel = new_panel
    for name in ("Juana Mamani", "Juana Mamani"):  # two people of the same name
        panel.name.setText(name)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.sex, "F")
        qtbot.keyClicks(panel.age, "3")
    saved(qtbot, panel)
    persons = window.current_page().persons
    window.current_page().tabs.setCurrentWidget(persons)
    persons.apply_search()
    type_into_cell(qtbot, persons.view, 0, actors.ID_NUMBER, "4455667")
    saved(qtbot, panel)

    window.current_page().tabs.setCurrentWidget(panel)
    panel.form.title_edit.setText("Segundo taller")
    panel.form.submit()
    saved(qtbot, panel)
    assert panel.model.total == 0
    panel.name.setFocus()
    qtbot.keyClicks(panel.name, "juana")
    shown = panel.names.stringList()
    assert len(shown) == 2 and all("Chaupi Loma" in text for text in shown)
    assert any("4455667" in text for text in shown), "the ID number tells them apart"
    qtbot.keyClicks(panel.name, " 4455")  # the ID number is searched too
    [only] = panel.names.stringList()
    completer = panel.name.completer()
    completer.complete()
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    saved(qtbot, panel)
    qtbot.waitUntil(lambda: panel.name.text() == "", timeout=2000)
    assert panel.model.total == 1 and "4455667" in only
    assert panel.name.text() == "" and panel.sex.text() == "" and panel.refusal.text() == ""


def test_an_attendee_registered_by_mistake_is_removed_and_undone_in_place(qtbot, new_panel):
    window, panel = new_panel
    typed = ["Eva Huanca", "Error Tipeado", "Raúl Cruz"]
    for name in typed:
        panel.name.setText(name)
        qtbot.keyClick(panel.name, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.sex, "M")
        qtbot.keyClicks(panel.age, "3")
    saved(qtbot, panel)
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    saved(qtbot, panel)
    assert names_shown(panel) == ["Eva Huanca", "Raúl Cruz"]
    assert panel.last_totals.total == 2 and "Presentes: 2" in panel.totals.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved(qtbot, panel)
    assert names_shown(panel) == typed, "back in their place"
    panel.view.setCurrentIndex(panel.model.index(2, 0))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    saved(qtbot, panel)
    assert names_shown(panel) == typed[:2]
