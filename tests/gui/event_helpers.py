"""Helpers of the tests that start from an empty database with a territory: events made
through the Preparación page as a person would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner_desktop.context import open_database
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.setup import create_municipality
from planner_desktop.domain.territory import Community
from planner_desktop.settings import Settings
from planner_desktop.ui import jobs
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.pages.events import EventsPanel
from tests.gui.capture_helpers import type_text

COMMUNITIES = ("Chaupi Loma", "Villa Esperanza")


def new_territory(path: Path) -> Path:
    """A municipality, one district and two communities; nothing else."""
    store = open_database(path)
    try:
        with store.session() as session:
            municipality = create_municipality(session, name="Sacaba", districts=["Distrito 1"])
            district = municipality.districts[0]
            for n, name in enumerate(COMMUNITIES, start=1):
                session.add(Community(district_id=district.id, code=f"C{n:02d}", name=name))
    finally:
        store.close()
    return path


def open_window(qtbot: QtBot, settings: Settings, db: Path) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(db)
    return window


def saved(qtbot: QtBot) -> None:
    """Let the background writes finish and their announcements arrive."""
    jobs.wait_for_all()
    qtbot.wait(50)
    QApplication.processEvents()


def events_panel(qtbot: QtBot, window: MainWindow) -> EventsPanel:
    window.show_phase(Phase.preparation)
    page = window.pages[Phase.preparation]
    page.tabs.setCurrentWidget(page.events_panel)
    return page.events_panel


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def create_event(qtbot: QtBot, panel: EventsPanel, title: str, community: str) -> None:
    click(qtbot, panel.add_button)
    form = panel.form
    assert form.isVisible() and form.title_edit.hasFocus()
    type_text(qtbot, form.title_edit, title)
    qtbot.keyClicks(form.place, "Sede sindical")
    for row in range(form.communities.rowCount()):
        item = form.communities.item(row)
        if item.text() == community:
            item.setCheckState(Qt.CheckState.Checked)
    click(qtbot, form.create_button)
    saved(qtbot)


def choose_row(qtbot: QtBot, panel: EventsPanel, title: str) -> None:
    model = panel.model
    for row in range(model.rowCount()):
        if model.index(row, 2).data() == title:
            rect = panel.view.visualRect(model.index(row, 2))
            click_at = rect.center()
            qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=click_at)
            assert panel.view.currentIndex().row() == row
            return
    raise AssertionError(f"no event {title} in the list")
