"""The Print menu's entry for the actas proven by their photos, installed without loading
the dialog (and the database and proof modules behind it) until it is chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from planner_desktop.i18n import _

if TYPE_CHECKING:
    from planner_desktop.ui.main_window import MainWindow


def _open(window: MainWindow) -> None:
    from planner_desktop.ui.acta_proofs import open_acta_proofs

    open_acta_proofs(window)


def install(window: MainWindow) -> None:
    """Add "Actas proven by their photos…" to the Print menu, after the acta check."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.objectName() == "menu_print":
            entry = QAction(_("Actas &proven by their photos…"), menu)
            entry.setObjectName("action_acta_proofs")
            window.icons.set(entry, "mdi6.file-check-outline")
            entry.triggered.connect(lambda _checked=False: _open(window))
            actions = menu.actions()
            names = [a.objectName() for a in actions]
            place = names.index("action_check_acta") + 1 if "action_check_acta" in names else 0
            if 0 < place < len(actions):
                menu.insertAction(actions[place], entry)
            else:
                menu.addAction(entry)
            return
