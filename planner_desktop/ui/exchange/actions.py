"""The File menu entries of session files, added to the main window's menus.

``install`` is called each time the window builds its menus. The actions belong to the
File menu, so they go when the menus are built again. After a dialog changed the
database (a merge, an undo, a resolved conflict), the window shows the store again so
every page reads what changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.ui.main_window import MainWindow


def file_menu(window: MainWindow) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "menu_file":
            return menu
    return None


def install(window: MainWindow) -> None:
    """Add Import, Import log, Conflicts and Export before the File menu's last separator."""
    menu = file_menu(window)
    if menu is None or window.menus is None:
        return
    entries = (
        ("importSessions", _("&Import session files…"), "mdi6.file-import-outline", open_import),
        ("importLog", _("Import &log"), "mdi6.history", open_log),
        ("conflicts", _("&Conflicts…"), "mdi6.call-split", open_conflicts),
        ("exportSession", _("&Export session file…"), "mdi6.file-export-outline", open_export),
    )
    before = window.menus.quit
    for name, text, icon, handler in entries:
        action = QAction(text, menu)
        action.setObjectName(f"action_{name}")
        action.triggered.connect(lambda _checked=False, h=handler: h(window))
        window.icons.set(action, icon)
        menu.insertAction(before, action)
    menu.insertSeparator(before)


def _after(window: MainWindow, dialog: QDialog) -> None:
    """Open ``dialog`` over the window; read the database again if it changed it."""

    def finished(_result: int) -> None:
        if getattr(dialog, "changed", False) and window.store is not None:
            window.set_store(window.store)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()


def open_import(window: MainWindow) -> None:
    from planner_desktop.ui.exchange.wizard import ImportWizard

    if window.store is not None:
        _after(window, ImportWizard(window.store, window))


def open_log(window: MainWindow) -> None:
    from planner_desktop.ui.exchange.log_view import ImportLogDialog

    if window.store is not None:
        _after(window, ImportLogDialog(window.store, window))


def open_conflicts(window: MainWindow) -> None:
    from planner_desktop.ui.exchange.conflict_view import ConflictDialog

    if window.store is not None:
        _after(window, ConflictDialog(window.store, window))


def open_export(window: MainWindow) -> None:
    from planner_desktop import installation, paths
    from planner_desktop.ui.current_event import current_event_for
    from planner_desktop.ui.exchange.export_dialog import ExportDialog

    if window.store is None:
        return
    try:
        key = installation.load_or_create(paths.data_dir()).signing_key()
    except (OSError, ValueError) as error:
        QMessageBox.critical(
            window,
            _("Export session file"),
            _("This laptop's signing key cannot be read: {reason}").format(
                reason=getattr(error, "strerror", None) or type(error).__name__
            ),
        )
        return
    facilitator = window.settings.get("facilitator")
    current = current_event_for(window.undo_stack, window.store).event_id
    _after(window, ExportDialog(window.store, key, facilitator, window, current_event=current))
