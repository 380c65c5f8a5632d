"""Every dialog and wizard the window opens, built over one database for the walking tests
(mnemonics, fitting a laptop screen)."""

from __future__ import annotations

import uuid
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from planner_desktop.ui.exchange.conflict_view import ConflictDialog
from planner_desktop.ui.exchange.export_dialog import ExportDialog
from planner_desktop.ui.exchange.log_view import ImportLogDialog
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.pages.dimensions_dialog import DimensionsDialog
from planner_desktop.ui.printing.documents import DOCUMENTS
from planner_desktop.ui.printing.print_dialog import PrintDialog
from planner_desktop.ui.printing.spreadsheet_dialog import SpreadsheetDialog
from planner_desktop.ui.printing.verify_dialog import ActaCheckDialog


def window_dialogs(store: Any, event_id: uuid.UUID) -> dict[str, QWidget]:
    """The window's dialogs by name (the round and wizards have steps: built by the test)."""
    dialogs: dict[str, QWidget] = {
        "conflicts": ConflictDialog(store),
        "import log": ImportLogDialog(store),
        "export": ExportDialog(store, Ed25519PrivateKey.generate(), "Facilitadora",
                               current_event=event_id),
        "dimensions": DimensionsDialog(PageContext(store, QUndoStack())),
        "spreadsheet export": SpreadsheetDialog(store, importing=False),
        "spreadsheet import": SpreadsheetDialog(store, importing=True),
        "acta check": ActaCheckDialog(store),
    }
    for document in DOCUMENTS:
        dialogs["print " + document.kind] = PrintDialog(store, document)
    return dialogs
