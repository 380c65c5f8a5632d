"""Issue 12, point 10: no two mnemonics alike in one window, the menu bar's included.

Alt+letter must reach one thing only. The walker reads what a person sees at once: the
menu bar, the page shown with each of its tabs, the forms its buttons open (a new
district, a community, the municipality's data, an event), each round of the rounds list;
then every page of the wizards and every dialog the window opens, in Spanish and in English.
The Spanish entries still waiting in ``translations/incoming/`` are read on top of the
catalogue, so a clash is caught before they are merged into it.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po, write_po
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenuBar,
    QPushButton,
    QTabBar,
    QWidget,
    QWizard,
)
from sqlalchemy import text

from planner_desktop import i18n, paths
from planner_desktop.context import open_database
from planner_desktop.domain.enums import Phase
from planner_desktop.ui import jobs
from planner_desktop.ui.current_event import current_event_for
from planner_desktop.ui.exchange.wizard import ImportWizard
from planner_desktop.ui.first_run import FirstRunWizard
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.prioritization.open_round import OpenRoundDialog
from planner_desktop.ui.scope import Scope
from tests.gui.dialog_helpers import window_dialogs
from tests.gui.printing_helpers import workshop_id

pytestmark = pytest.mark.gui

REVEALING = ("newDistrict", "newCommunity", "editMunicipality", "addEvent")
"""Buttons that only show a form under the list (nothing is written by a click)."""
EDITING = ("editCommunity", "editEvent")
"""Buttons that show the form of the row chosen."""

Clashes = dict[str, dict[str, list[str]]]


def mnemonic(label: str) -> str:
    found = re.search(r"(?<!&)&([^&\s])", label.replace("&&", ""))
    return found.group(1).casefold() if found else ""


def mnemonic_texts(root: QWidget) -> list[str]:
    """The texts with a mnemonic that a person sees in ``root`` now (hidden parts left out)."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) or (
                isinstance(widget, QLabel) and widget.buddy() is not None):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenuBar):
            texts += [action.text() for action in widget.actions() if action.isVisible()]
    return [label for label in texts if mnemonic(label)]


def repeated(root: QWidget) -> dict[str, list[str]]:
    texts = mnemonic_texts(root)
    counts = Counter(mnemonic(label) for label in texts)
    return {key: sorted(t for t in texts if mnemonic(t) == key)
            for key, n in counts.items() if n > 1}


def settle() -> None:
    """Let jobs finish and replaced forms go, as the event loop does between two clicks."""
    jobs.wait_for_all()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def note(clashes: Clashes, where: str, root: QWidget) -> None:
    settle()
    if found := repeated(root):
        clashes[where] = found


@pytest.fixture
def with_incoming(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The Spanish catalogue with the entries waiting in ``translations/incoming/`` on top."""
    source = paths.translations_dir()
    with (source / "es" / "LC_MESSAGES" / "planner_desktop.po").open("rb") as stream:
        catalogue = read_po(stream, locale="es", domain=i18n.DOMAIN)
    for incoming in sorted((source / "incoming").glob("*.po")):
        with incoming.open("rb") as stream:
            for message in read_po(stream, locale="es"):
                if message.id and message.string:
                    catalogue[message.id] = message
    target = tmp_path / "translations" / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "planner_desktop.po").open("wb") as stream:
        write_po(stream, catalogue)
    monkeypatch.setenv(paths.ENV_TRANSLATIONS, str(tmp_path / "translations"))
    i18n.clear_cache()
    yield
    i18n.clear_cache()


def click(page: QWidget, name: str) -> None:
    button = page.findChild(QPushButton, name)
    if button is not None and button.isVisible() and button.isEnabled():
        button.click()


def walk_page(window: MainWindow, phase: Phase, clashes: Clashes) -> None:
    window.show_phase(phase)
    page = window.pages.get(phase)
    if page is None:
        return
    note(clashes, phase.value, window)
    for tabs in page.findChildren(QTabBar):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            where = f"{phase.value}: tab {tabs.tabText(index)}"
            note(clashes, where, window)
            for name in REVEALING:
                click(page, name)
                note(clashes, f"{where}, {name}", window)
            for view in page.findChildren(QAbstractItemView):
                model = view.model()
                if view.isVisible() and model is not None and model.rowCount() > 0:
                    view.setCurrentIndex(model.index(0, 0))
            for name in EDITING:
                click(page, name)
                note(clashes, f"{where}, {name}", window)
    rounds = getattr(page, "rounds_view", None)
    if isinstance(rounds, QAbstractItemView):
        for row in range(min(rounds.model().rowCount(), 6)):
            rounds.selectRow(row)
            for tabs in page.findChildren(QTabBar):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    note(clashes, f"{phase.value}: round {row}, tab {index}", window)


def walk_wizard(wizard: QWizard, name: str, clashes: Clashes) -> None:
    wizard.show()
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        note(clashes, f"{name}: page {page_id}", wizard)
    wizard.hide()


def walk_dialogs(store: Any, event_id: uuid.UUID, qtbot: Any, clashes: Clashes) -> None:
    for name, dialog in window_dialogs(store, event_id).items():
        qtbot.addWidget(dialog)
        dialog.show()
        note(clashes, name, dialog)
        dialog.hide()
    opening = OpenRoundDialog(store, event_id)
    qtbot.addWidget(opening)
    opening.show()
    method = opening.findChild(QComboBox, "roundMethod")
    assert method is not None
    for index in range(method.count()):  # each method shows its own parameters
        method.setCurrentIndex(index)
        note(clashes, f"open round: {method.itemText(index)}", opening)
    walk_wizard(ImportWizard(store), "import wizard", clashes)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_no_two_mnemonics_alike_in_any_window(
    qtbot: Any, settings: Any, demo_db: Path, tmp_path: Path, with_incoming: None, lang: str
) -> None:
    apply_language(lang)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(demo_db)
    store = window.store
    assert store is not None
    event_id = workshop_id(store)
    with store.engine.connect() as conn:
        community_id, name = conn.execute(text(
            "SELECT c.id, c.name FROM community c JOIN event_community l "
            "ON l.community_id = c.id WHERE l.event_id = :event LIMIT 1"),
            {"event": event_id.hex}).one()
    window.set_scope(Scope("community", uuid.UUID(community_id), name))
    current_event_for(window.undo_stack, store).set(event_id)
    clashes: Clashes = {}
    assert {mnemonic(t) for t in mnemonic_texts(window.menuBar())} >= {"e", "v"}
    for phase in Phase:
        walk_page(window, phase, clashes)
    walk_dialogs(store, event_id, qtbot, clashes)

    empty = open_database(tmp_path / "empty.sqlite")
    try:
        first_run = FirstRunWizard(empty)
        qtbot.addWidget(first_run)
        walk_wizard(first_run, "first run", clashes)
    finally:
        empty.close()
    assert not clashes, "\n".join(f"{k}: {v}" for k, v in clashes.items())
