"""The PDM page's annex tabs on a database made from empty, in Spanish with the entries
still waiting in ``translations/incoming/`` read on top of the catalogue."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QTabWidget

from planner_desktop import i18n, paths
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import ChangeHub, hub_for
from planner_desktop.ui.models.editing import CHOICES_ROLE
from planner_desktop.ui.plan.annex_tabs import add_annex_tabs

__all__ = [
    "CHOICES_ROLE",
    "Annex",
    "open_annex",
    "paste_into_cell",
    "window_saved",
    "with_incoming",
]


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
    i18n.set_language("es")
    yield
    i18n.clear_cache()


@dataclass
class Annex:
    store: Store
    undo_stack: QUndoStack
    hub: ChangeHub
    tabs: QTabWidget
    municipality: uuid.UUID | None = None
    plan: uuid.UUID | None = None

    def saved(self, qtbot) -> None:
        """Wait until every queued write is in the database and announced."""
        jobs.wait_for_all()
        qtbot.waitUntil(lambda: self.hub.pending == 0, timeout=5000)
        jobs.wait_for_all()

    def tab(self, name: str):
        for number in range(self.tabs.count()):
            if self.tabs.widget(number).objectName() == name:
                self.tabs.setCurrentIndex(number)
                return self.tabs.widget(number)
        raise LookupError(name)


@pytest.fixture
def open_annex(qtbot) -> Iterator[Callable[[Store], Annex]]:
    """Opens the annex tabs over a store, as the PDM page adds them; closed afterwards."""
    opened: list[Annex] = []

    def open_(store: Store) -> Annex:
        undo_stack = QUndoStack()
        hub = hub_for(undo_stack, store)
        tabs = QTabWidget()
        add_annex_tabs(tabs, store, hub, undo_stack)
        tabs.resize(1100, 700)
        tabs.show()
        qtbot.waitExposed(tabs)
        opened.append(Annex(store, undo_stack, hub, tabs))
        return opened[-1]

    yield open_
    for annex in opened:
        annex.saved(qtbot)
        annex.tabs.close()
        annex.undo_stack.clear()
        annex.tabs.deleteLater()
        annex.undo_stack.deleteLater()
    QApplication.processEvents()
    opened.clear()


def paste_into_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Select a cell, paste ``text`` over it (tabs and line breaks included), press Enter."""
    view.setFocus()
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    editor.insert(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)


def window_saved(qtbot, window) -> None:
    """Wait until every write queued in the window is in the database and announced."""
    hub = hub_for(window.undo_stack, window.store)
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: hub.pending == 0, timeout=5000)
