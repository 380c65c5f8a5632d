"""The current event (issue 12, point 2): chosen once, shown at all times, read by pages.

From an empty database: the territory is written by the first-run code (not what these
tests are about); every event is created, edited, made current and deleted in the window.
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from planner_desktop.context import open_database
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.territory import Community
from planner_desktop.settings import Settings
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.pages.base import PageContext
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

def shown(window: MainWindow) -> str:
    return window.current_event_bar.current_text()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return new_territory(tmp_path / "new.sqlite")


def test_pages_on_one_undo_stack_share_the_current_event(qtbot: QtBot, db: Path) -> None:
    store = open_database(db)
    try:
        undo = QUndoStack()
        first, second = PageContext(store, undo), PageContext(store, undo)
        assert first.current_event_id is None
        event_id = uuid.uuid4()
        with qtbot.waitSignal(second.sig_current_event_changed) as blocker:
            first.current_event.set(event_id)
        assert blocker.args == [event_id]
        assert second.current_event_id == event_id
    finally:
        store.close()


def test_a_new_event_becomes_current_shown_and_remembered(
    qtbot: QtBot, tmp_path: Path, db: Path, message_boxes
) -> None:
    settings = Settings(tmp_path / "config" / "settings.json")
    window = open_window(qtbot, settings, db)
    assert window.current_event_bar.isVisible()
    assert window.current_event_bar.holder is not None
    assert window.current_event_bar.holder.event_id is None
    panel = events_panel(qtbot, window)

    create_event(qtbot, panel, "Taller comunal Chaupi Loma", "Chaupi Loma")
    assert not panel.form.isVisible()
    with window.store.session() as session:
        event = session.scalars(select(Event)).one()
        linked = session.scalars(select(EventCommunity.community_id)).all()
        community = session.scalar(select(Community.id).where(Community.name == "Chaupi Loma"))
    assert linked == [community]
    assert window.pages[Phase.preparation].context.current_event_id == event.id
    assert shown(window).startswith("Taller comunal Chaupi Loma · ")
    assert shown(window).endswith(" · Chaupi Loma")
    assert message_boxes.shown == []

    window.close()
    again = open_window(qtbot, Settings.load(settings.path.parent), db)
    assert again.current_event_bar.holder.event_id == event.id
    assert shown(again).startswith("Taller comunal Chaupi Loma")


def test_another_event_chosen_from_the_status_bar_or_the_list(qtbot, settings, db) -> None:
    window = open_window(qtbot, settings, db)
    panel = events_panel(qtbot, window)
    create_event(qtbot, panel, "Taller uno", "Chaupi Loma")
    create_event(qtbot, panel, "Taller dos", "Villa Esperanza")
    context = window.pages[Phase.preparation].context
    assert shown(window).startswith("Taller dos")

    bar = window.current_event_bar
    assert "Taller dos" in bar.text()
    menu = bar.open_menu()
    qtbot.waitExposed(menu)
    ticked = [a.text() for a in menu.actions() if a.isChecked()]
    assert len(ticked) == 1 and ticked[0].startswith("Taller dos")
    with qtbot.waitSignal(context.sig_current_event_changed):
        qtbot.keyClick(menu, Qt.Key.Key_Down)
        while not menu.activeAction().text().startswith("Taller uno"):
            qtbot.keyClick(menu, Qt.Key.Key_Down)
        qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert "Taller uno" in bar.text()
    with window.store.session() as session:
        first = session.scalar(select(Event.id).where(Event.title == "Taller uno"))
    assert context.current_event_id == first

    choose_row(qtbot, panel, "Taller dos")
    click(qtbot, panel.current_button)
    assert shown(window).startswith("Taller dos")


def test_an_event_is_edited_and_the_edit_undone(qtbot, settings, db, message_boxes) -> None:
    window = open_window(qtbot, settings, db)
    panel = events_panel(qtbot, window)
    create_event(qtbot, panel, "Taller", "Chaupi Loma")
    choose_row(qtbot, panel, "Taller")
    click(qtbot, panel.edit_button)
    form = panel.form
    assert form.title_edit.text() == "Taller" and form.place.text() == "Sede sindical"
    form.title_edit.selectAll()
    type_text(qtbot, form.title_edit, "Taller de autodiagnóstico")
    for row in range(form.communities.rowCount()):
        form.communities.item(row).setCheckState(Qt.CheckState.Checked)
    click(qtbot, form.create_button)
    saved(qtbot)
    assert shown(window).startswith("Taller de autodiagnóstico · ")
    assert shown(window).endswith(" · Chaupi Loma, Villa Esperanza")
    with window.store.session() as session:
        assert session.scalars(select(Event.title)).one() == "Taller de autodiagnóstico"

    window.undo_stack.undo()
    saved(qtbot)
    assert shown(window).startswith("Taller · ")
    assert shown(window).endswith(" · Chaupi Loma")

    choose_row(qtbot, panel, "Taller")
    click(qtbot, panel.edit_button)
    assert form.isVisible()
    form.title_edit.clear()
    click(qtbot, form.create_button)
    assert form.isVisible()
    assert form.refusal.text().startswith("Título")  # the field named, in Spanish
    saved(qtbot)
    with window.store.session() as session:
        assert session.scalars(select(Event.title)).one() == "Taller"
def test_an_event_is_deleted_with_what_depends_on_it_and_brought_back(
    qtbot, settings, db, message_boxes
) -> None:
    window = open_window(qtbot, settings, db)
    panel = events_panel(qtbot, window)
    create_event(qtbot, panel, "Taller equivocado", "Chaupi Loma")
    choose_row(qtbot, panel, "Taller equivocado")
    click(qtbot, panel.delete_button)
    saved(qtbot)
    asked = message_boxes.texts("question")
    assert len(asked) == 1 and "Taller equivocado" in asked[0]
    assert panel.model.rowCount() == 0
    assert window.current_event_bar.holder.event_id is None
    assert "Taller" not in shown(window)
    with window.store.session() as session:
        event = session.scalars(select(Event)).one()
        assert event.deleted_at is not None
        assert session.scalars(select(EventCommunity)).one().deleted_at is not None

    window.undo_stack.undo()
    saved(qtbot)
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 2).data() == "Taller equivocado"


def test_a_demand_typed_while_an_event_is_current_belongs_to_it(qtbot, settings, db) -> None:
    from planner_desktop.domain.demands import Demand

    window = open_window(qtbot, settings, db)
    create_event(qtbot, events_panel(qtbot, window), "Taller de demandas", "Villa Esperanza")
    window.show_phase(Phase.prioritization)
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.demands_panel)
    panel = page.demands_panel
    panel.district.setCurrentIndex(panel.district.findText("Distrito 1"))
    panel.community.setCurrentIndex(panel.community.findText("Villa Esperanza"))
    panel.new_sector.setCurrentIndex(0)
    panel.new_demand.setFocus()
    type_text(qtbot, panel.new_demand, "Posta de salud")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot)
    assert panel.refusal.text() == ""
    with window.store.session() as session:
        event_id = session.scalar(select(Event.id))
        assert session.execute(select(Demand.description, Demand.event_id)).all() == [
            ("Posta de salud", event_id)
        ]
