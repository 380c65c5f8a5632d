"""Issue 12, point 10: printing and the keyboard.

The print dialog fits a 1366×768 laptop (mnemonics: test_mnemonics.py); printed
files are named by document, community and date and never replace one silently; file
dialogs are Qt's own (translated); Tab leaves multi-line fields; Ctrl+Z works wherever the
cursor is; combo type-ahead follows the list's order; one date format, the locale's.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain import labels
from planner_desktop.domain.enums import FindingKind
from planner_desktop.ui import file_dialogs, formatting
from planner_desktop.ui.keyboard import TypeAheadCombo, install_keyboard
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.printing import output
from planner_desktop.ui.printing.documents import document
from planner_desktop.ui.printing.print_dialog import PrintDialog
from tests.gui.printing_helpers import click_and_wait, pick, workshop_id

pytestmark = pytest.mark.gui

LAPTOP = (1366, 768)


@pytest.fixture(autouse=True)
def preview_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "preview"
    folder.mkdir()
    monkeypatch.setattr(output, "_folder", folder)
    return folder


# --- the print dialog and file names ------------------------------------------------------

def test_the_print_dialog_fits_a_laptop_screen(qtbot: Any, demo_store: Any) -> None:
    dialog = PrintDialog(demo_store, document("ballot"))
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1] - 80
    click_and_wait(qtbot, dialog, dialog.print_button)
    assert dialog.preview.isVisible()
    room = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= room.height()
    assert dialog.height() <= max(room.height(), LAPTOP[1])


def test_a_saved_document_is_named_and_never_replaces_a_file(
    qtbot: Any, demo_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", lambda: home)
    asked: list[tuple[str, Any]] = []

    def save_dialog(_parent: Any, _caption: str, suggested: str, _filters: str,
                    **kw: Any) -> tuple[str, str]:
        asked.append((suggested, kw.get("options")))
        return suggested.removesuffix(".pdf"), ""  # the person keeps the name, no suffix

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    dialog = PrintDialog(demo_store, document("acta"))
    qtbot.addWidget(dialog)
    dialog.show()
    pick(dialog.picker, event=str(workshop_id(demo_store)))
    name = dialog.file_name()
    choice = dialog.choice()
    assert choice.day is not None and choice.about
    assert name == file_dialogs.document_name("acta", choice.about, choice.day, ".pdf")
    assert name.startswith("acta-") and choice.day.isoformat() in name
    assert file_dialogs.slug(choice.about.split()[0]) in name
    click_and_wait(qtbot, dialog, dialog.print_button)

    dialog.save_button.click()
    dialog.save_button.click()
    first, second = home / name, home / name.replace(".pdf", "-2.pdf")
    assert first.is_file() and second.is_file()
    assert asked[0][0] == str(first) and asked[1][0] == str(second)
    # Qt's own dialog, translated by the catalogue the window loads, not the system's
    assert all(options == QFileDialog.Option.DontUseNativeDialog for _s, options in asked)


def test_file_name_pieces() -> None:
    assert file_dialogs.slug("Villa Fátima Ñawpa") == "villa-fatima-nawpa"
    assert file_dialogs.document_name("papeletas", "Qhari Qhari", date(2026, 11, 2),
                                      ".pdf") == "papeletas-qhari-qhari-2026-11-02.pdf"


def test_qt_dialogs_speak_spanish() -> None:
    apply_language("es")
    assert QApplication.translate("QFileDialog", "&Save") != "&Save"


# --- keyboard -----------------------------------------------------------------------------

class Note(QUndoCommand):
    def __init__(self, done: list[str]) -> None:
        super().__init__("note")
        self.done = done

    def redo(self) -> None:
        self.done.append("redo")

    def undo(self) -> None:
        self.done.append("undo")


def _form(qtbot: Any) -> tuple[QWidget, QUndoStack, QLineEdit, QPlainTextEdit, QLineEdit]:
    install_keyboard(QApplication.instance())  # as the program does at start
    window = QWidget()
    stack = QUndoStack(window)
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut("Ctrl+Z")
    window.addAction(undo)
    name, notes, after = QLineEdit(), QPlainTextEdit(), QLineEdit()
    layout = QVBoxLayout(window)
    for widget in (name, notes, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    return window, stack, name, notes, after


def test_tab_leaves_a_multi_line_field(qtbot: Any) -> None:
    _window, _stack, name, notes, after = _form(qtbot)
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert notes.hasFocus()
    qtbot.keyClicks(notes, "agenda")
    qtbot.keyClick(notes, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert notes.toPlainText() == "agenda"  # no tab character typed into it


def test_ctrl_z_undoes_the_typing_first_then_the_window(qtbot: Any) -> None:
    _window, stack, name, notes, _after = _form(qtbot)
    done: list[str] = []
    stack.push(Note(done))
    name.setFocus()
    qtbot.keyClicks(name, "Juana")
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "" and done == ["redo"]  # the field's own typing first
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert done == ["redo", "undo"]  # then the last saved edit, from inside the field
    stack.redo()
    notes.setFocus()
    qtbot.keyClick(notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert done == ["redo", "undo", "redo", "undo"]


def test_combo_type_ahead_follows_the_methods_order(qtbot: Any) -> None:
    combo = TypeAheadCombo()
    qtbot.addWidget(combo)
    for kind in FindingKind:
        combo.addItem(labels.label(kind), kind)
    combo.show()
    assert [combo.itemData(i) for i in range(combo.count())] == [
        FindingKind.problem, FindingKind.potentiality, FindingKind.limitation,
        FindingKind.aspiration]
    combo.setCurrentIndex(combo.findData(FindingKind.aspiration))
    qtbot.keyClicks(combo, "p")
    assert combo.currentData() == FindingKind.problem  # Problema first
    qtbot.keyClicks(combo, "p")
    assert combo.currentData() == FindingKind.potentiality  # the same letter again: next
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(combo, "p")
    assert combo.currentData() == FindingKind.problem  # a new search starts at the top
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(combo, "pot")
    assert combo.currentData() == FindingKind.potentiality


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,shown", [("es", "2/11/2026"), ("en", "11/2/2026")])
def test_one_date_format_the_locales(lang: str, shown: str) -> None:
    apply_language(lang)
    assert formatting.short_date(date(2026, 11, 2)) == shown
    assert formatting.date_format() == QLocale().dateFormat(
        QLocale.FormatType.ShortFormat).replace("yy", "yyyy")
    assert formatting.date_time(datetime(2026, 11, 2, 9, 5)).startswith(shown + " 09:05")
