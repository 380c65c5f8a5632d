"""Working the PDM page's frame editor like a person: the plan created from its dialog,
elements added and named from the tree's keys, values typed into fields."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

from planner_desktop.context import open_database
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.territory import Municipality
from tests.gui.capture_helpers import new_municipality, saved, type_text
from tests.gui.test_window import click_phase


def argentine_town(path: Path) -> Path:
    """An empty municipality in Argentina (its territory only)."""
    new_municipality(path)
    store = open_database(path)
    try:
        with store.session() as session:
            town = session.query(Municipality).one()
            town.name, town.country, town.currency = "Rafaela", "Argentina", "ARS"
    finally:
        store.close()
    return path


def pdm_page(qtbot, window):
    click_phase(qtbot, window, Phase.pdm)
    return window.pages[Phase.pdm]


def open_dialog(qtbot, page, name: str) -> QDialog:
    qtbot.waitUntil(lambda: page.findChild(QDialog, name) is not None, timeout=2000)
    dialog = page.findChild(QDialog, name)
    assert dialog is not None and dialog.isVisible()
    return dialog


def click(qtbot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(qtbot, edit, text)


def tree_rows(page) -> list[tuple[str, str]]:
    """Every row of the frame tree (text, level), each followed by those below it."""
    model = page.frame_model
    found = []

    def walk(parent: QModelIndex) -> None:
        if model.canFetchMore(parent):
            model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            found.append((index.data(), model.index(row, 1, parent).data()))
            walk(index)

    walk(QModelIndex())
    return found


def press(qtbot, widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed in ``widget`` (its shortcuts included)."""
    widget.window().activateWindow()  # as the person's click on the window does after a dialog
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    qtbot.keyClick(widget, key, modifiers)


def tree_key(qtbot, page, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    press(qtbot, page.frame_view, key, modifiers)


def type_new_name(qtbot, window, page, name: str) -> None:
    """After an element was added: its name is open for typing in the tree."""
    saved(qtbot, window)
    qtbot.waitUntil(
        lambda: page.frame_view.state() == page.frame_view.State.EditingState, timeout=3000
    )
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, name)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: page.frame_view.state() != page.frame_view.State.EditingState, timeout=2000
    )
    settle(qtbot, window)


def settle(qtbot, window) -> None:
    """Every write saved and announced, and the lists read again (they wait a moment)."""
    saved(qtbot, window)
    QApplication.processEvents()
    QApplication.processEvents()


def add_element(qtbot, window, page, name: str, *, top: bool = False) -> None:
    """Add a top element (Ctrl+Shift+Insert) or a child of the current one (Insert)."""
    if top:
        tree_key(
            qtbot,
            page,
            Qt.Key.Key_Insert,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    else:
        tree_key(qtbot, page, Qt.Key.Key_Insert)
    type_new_name(qtbot, window, page, name)


def choose(page, text: str, qtbot=None) -> None:
    """Make the tree row whose text starts with ``text`` current (clicked, with ``qtbot``)."""
    for index in page.frame_model.all_indexes():
        if str(index.data()).startswith(text):
            page.frame_view.setCurrentIndex(index)
            if qtbot is not None:
                page.frame_view.scrollTo(index)
                where = page.frame_view.visualRect(index).center()
                qtbot.mouseClick(page.frame_view.viewport(), Qt.MouseButton.LeftButton, pos=where)
            return
    raise AssertionError(f"no row {text!r} in {tree_rows(page)}")
