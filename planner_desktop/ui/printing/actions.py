"""The Imprimir menu and the spreadsheet entries of the File menu.

``install`` is called each time the window builds its menus. The Imprimir menu is owned
by the File menu, so both go when the menus are built again (in another language).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from planner_desktop.i18n import _
from planner_desktop.ui.printing.documents import DOCUMENTS, DocumentKind

if TYPE_CHECKING:
    from planner_desktop.ui.main_window import MainWindow


def _menu(window: MainWindow, name: str) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == name:
            return menu
    return None


def install(window: MainWindow) -> None:
    """Add the Imprimir menu before Help, and the spreadsheet entries to File."""
    file_menu = _menu(window, "menu_file")
    if file_menu is None or window.menus is None:
        return
    _install_file_entries(window, file_menu)
    menu = QMenu(_("&Print"), file_menu)
    menu.setObjectName("menu_print")
    for document in DOCUMENTS:
        action = menu.addAction(_(document.title) + "…")
        action.setObjectName(f"action_print_{document.kind}")
        action.triggered.connect(lambda _checked=False, d=document: open_print(window, d))
    menu.addSeparator()
    check = menu.addAction(_("&Check a signed acta…"))
    check.setObjectName("action_check_acta")
    window.icons.set(check, "mdi6.qrcode-scan")
    check.triggered.connect(lambda _checked=False: open_acta_check(window))
    help_menu = _menu(window, "menu_help")
    bar = window.menuBar()
    if help_menu is not None:
        bar.insertMenu(help_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)


def _install_file_entries(window: MainWindow, file_menu: QMenu) -> None:
    assert window.menus is not None
    entries = (
        ("exportSpreadsheet", _("Export spread&sheet…"), "mdi6.file-excel-outline", False),
        ("importSpreadsheet", _("Import spreads&heet…"), "mdi6.table-arrow-left", True),
    )
    before = window.menus.quit
    for name, text, icon, importing in entries:
        action = QAction(text, file_menu)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(
            lambda _checked=False, i=importing: open_spreadsheet(window, importing=i)
        )
        window.icons.set(action, icon)
        file_menu.insertAction(before, action)
    file_menu.insertSeparator(before)


def _after(window: MainWindow, dialog: QDialog) -> None:
    """Open ``dialog`` over the window; read the database again if it changed it."""

    def finished(_result: int) -> None:
        if getattr(dialog, "changed", False) and window.store is not None:
            window.set_store(window.store)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()


def open_print(window: MainWindow, document: DocumentKind) -> None:
    from planner_desktop.ui.current_event import current_event_for
    from planner_desktop.ui.printing.print_dialog import PrintDialog

    if window.store is not None:
        current = current_event_for(window.undo_stack, window.store).event_id
        _after(window, PrintDialog(window.store, document, window, window.settings, current))


def open_acta_check(window: MainWindow) -> None:
    from planner_desktop.ui.printing.verify_dialog import ActaCheckDialog

    if window.store is not None:
        _after(window, ActaCheckDialog(window.store, window))


def open_spreadsheet(window: MainWindow, *, importing: bool) -> None:
    from planner_desktop.ui.printing.spreadsheet_dialog import SpreadsheetDialog

    if window.store is not None:
        _after(window, SpreadsheetDialog(window.store, importing=importing, parent=window))
