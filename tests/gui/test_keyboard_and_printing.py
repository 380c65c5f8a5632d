"""Issue 12, point 10: printing and the keyboard.

The print dialog fits a 1366×768 laptop (mnemonics: test_mnemonics.py); printed
files are named by document, community and date and never replace one silently; file
dialogs are Qt's own (translated); Tab leaves multi-line fields; Ctrl+Z works wherever the
cursor is; combo type-ahead follows the list's order; one date format, the locale's.

Issue 13, point 7: Alt+letter opens the menus and presses a wizard's Next, Back, commit and
Finish, also after a dialog opened over them has closed (the keyboard goes back to the
window it was opened over); every dialog fits a 1366×768 screen.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QFont, QKeySequence, QScreen, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from planner_desktop.context import open_database
from planner_desktop.domain import labels
from planner_desktop.domain.enums import FindingKind
from planner_desktop.settings import Settings
from planner_desktop.ui import file_dialogs, formatting
from planner_desktop.ui.exchange.wizard import ImportWizard
from planner_desktop.ui.first_run import FirstRunWizard
from planner_desktop.ui.keyboard import TypeAheadCombo, install_keyboard
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.main_window import LARGE_FONT_FACTOR, MainWindow
from planner_desktop.ui.printing import output
from planner_desktop.ui.printing.documents import document
from planner_desktop.ui.printing.print_dialog import PrintDialog
from planner_desktop.ui.printing.spreadsheet_dialog import SpreadsheetDialog
from planner_desktop.ui.prioritization.open_round import OpenRoundDialog
from planner_desktop.ui.screen_fit import TITLE_BAR
from tests.gui.dialog_helpers import window_dialogs
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


ROOM = QRect(0, 0, 1366, 768 - 40)
"""What a 1366×768 laptop leaves to windows once its task bar (40 px) is drawn."""


def too_big(window: QWidget) -> str:
    """Why ``window`` does not fit :data:`ROOM` with its frame and title bar, or ''.

    The offscreen platform draws no title bar: at least :data:`TITLE_BAR` is counted.
    """
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    frame = window.frameGeometry()
    above = max(frame.height() - window.height(), TITLE_BAR)
    for what, size in (("opens at", window.size()), ("cannot shrink below", least)):
        if size.width() > ROOM.width() or size.height() + above > ROOM.height():
            return f"{what} {size.width()}×{size.height()}"
    if not ROOM.contains(frame):
        return f"reaches past the screen: {frame.getRect()}"
    return ""


@pytest.mark.parametrize("large_font", [False, True], ids=["normal font", "projector font"])
def test_every_dialog_fits_a_laptop_screen(
    qtbot: Any, demo_store: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    large_font: bool,
) -> None:
    """Each dialog and each step of each wizard, as the window opens them, on a 1366×768
    screen; with the projector's large font too (View → Large font)."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(ROOM))
    if large_font:
        font = QFont(QApplication.font())
        font.setPointSizeF(font.pointSizeF() * LARGE_FONT_FACTOR)
        QApplication.setFont(font)
    event_id = workshop_id(demo_store)
    found: dict[str, str] = {}

    def look(name: str, window: QWidget) -> None:
        QApplication.processEvents()
        if reason := too_big(window):
            found[name] = reason

    for name, dialog in window_dialogs(demo_store, event_id).items():
        qtbot.addWidget(dialog)
        dialog.show()
        look(name, dialog)
        if isinstance(dialog, PrintDialog) and dialog.document.kind == "acta":
            pick(dialog.picker, event=str(event_id))
            click_and_wait(qtbot, dialog, dialog.print_button)
            assert dialog.preview.isVisible()
            look(name + " with its pages shown", dialog)
        dialog.hide()
    opening = OpenRoundDialog(demo_store, event_id)
    qtbot.addWidget(opening)
    opening.show()
    for index in range(opening.method.count()):
        opening.method.setCurrentIndex(index)
        look(f"open round: {opening.method.itemText(index)}", opening)
    empty = open_database(tmp_path / "empty.sqlite")
    try:
        for wizard in (ImportWizard(demo_store), FirstRunWizard(empty)):
            qtbot.addWidget(wizard)
            wizard.show()
            for page_id in wizard.pageIds():
                wizard.setStartId(page_id)
                wizard.restart()
                look(f"{type(wizard).__name__}: page {page_id}", wizard)
            wizard.hide()
    finally:
        empty.close()
    assert not found, found


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


# --- Alt+letter ---------------------------------------------------------------------------

def alt(qtbot: Any, label: str) -> None:
    """Press Alt and the letter marked in ``label`` where the keyboard is, as a person does."""
    found = QKeySequence.mnemonic(label)
    assert not found.isEmpty(), f"no mnemonic in {label!r}"
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window takes the keyboard"
    qtbot.keyClick(target, found[0].key(), Qt.KeyboardModifier.AltModifier)


def press_alt(qtbot: Any, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled()
    page = wizard.currentId()
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    alt(qtbot, button.text())
    qtbot.waitUntil(lambda: bool(pressed), timeout=2000)  # a mnemonic clicks after a flash
    qtbot.waitUntil(lambda: wizard.currentId() != page or not wizard.isVisible(),
                    timeout=10000)


def open_menu_by_alt(qtbot: Any, window: MainWindow, menu: QMenu) -> None:
    alt(qtbot, menu.title())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu, timeout=2000)
    qtbot.keyClick(menu, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=2000)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_alt_letter_answers_in_the_wizard_and_the_menus(
    qtbot: Any, tmp_path: Path, lang: str
) -> None:
    """From an empty database: the first-run wizard driven by Alt+letter only, a dialog
    opened over it and closed, then every menu of the window by its letter."""
    install_keyboard(QApplication.instance())  # as the program does at start
    apply_language(lang)
    window = MainWindow(Settings(tmp_path / "config" / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(tmp_path / "empty.sqlite")
    wizard = window.findChild(FirstRunWizard)
    assert wizard is not None and wizard.isVisible()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
    button = QWizard.WizardButton

    press_alt(qtbot, wizard, button.NextButton)
    assert wizard.currentPage() is wizard.new
    press_alt(qtbot, wizard, button.BackButton)
    assert wizard.currentPage() is wizard.choice
    press_alt(qtbot, wizard, button.NextButton)
    wizard.new.name.setFocus()
    qtbot.keyClicks(wizard.new.name, "Villa Serrano")
    press_alt(qtbot, wizard, button.CommitButton)
    assert wizard.currentPage() is wizard.territory

    # A dialog over the wizard, closed with Escape: the wizard answers its letters again.
    alt(qtbot, wizard.territory.import_button.text())
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), SpreadsheetDialog),
                    timeout=2000)
    dialog = QApplication.activeWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=2000)
    press_alt(qtbot, wizard, button.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    menus = [action.menu() for action in window.menuBar().actions() if action.isVisible()]
    assert len(menus) >= 4
    for menu in menus:
        assert isinstance(menu, QMenu)
        open_menu_by_alt(qtbot, window, menu)

    # A dialog opened from a menu by the keyboard, then closed: the menus answer again.
    print_menu = window.findChild(QMenu, "menu_print")
    assert print_menu is not None
    alt(qtbot, print_menu.title())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is print_menu, timeout=2000)
    qtbot.keyClick(print_menu, Qt.Key.Key_Down)
    qtbot.keyClick(print_menu, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), QDialog), timeout=5000)
    qtbot.keyClick(QApplication.activeWindow(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    open_menu_by_alt(qtbot, window, menus[0])


# --- dates --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang,shown", [("es", "2/11/2026"), ("en", "11/2/2026")])
def test_one_date_format_the_locales(lang: str, shown: str) -> None:
    apply_language(lang)
    assert formatting.short_date(date(2026, 11, 2)) == shown
    assert formatting.date_format() == QLocale().dateFormat(
        QLocale.FormatType.ShortFormat).replace("yy", "yyyy")
    assert formatting.date_time(datetime(2026, 11, 2, 9, 5)).startswith(shown + " 09:05")
