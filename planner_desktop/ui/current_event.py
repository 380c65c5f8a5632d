"""The current event: the one workshop whose captures the window links to.

One :class:`CurrentEvent` belongs to the window's undo stack (a child of it, as the change
hub is), so every page built on that stack reads the same event and hears when it changes.
The window remembers the choice per database in the settings; the core never reads it:
capture functions take the event id as a parameter.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner_desktop.store.database import Store


class CurrentEvent(QObject):
    """Holds the id of the current event (None: no event chosen)."""

    sig_current_event_changed = Signal(object)
    """Another event became current: its id (:class:`uuid.UUID`) or None."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentEvent")
        self.store = store
        self.event_id: uuid.UUID | None = None

    def set(self, event_id: uuid.UUID | None) -> None:
        """Make ``event_id`` current; announce it when it differs from the one before."""
        if event_id == self.event_id:
            return
        self.event_id = event_id
        self.sig_current_event_changed.emit(event_id)


def current_event_for(undo_stack: QUndoStack, store: Store) -> CurrentEvent:
    """The current event of ``undo_stack`` for ``store`` (made on first use)."""
    for holder in undo_stack.findChildren(CurrentEvent):
        if holder.store is store:
            return holder
        holder.setParent(None)
        holder.deleteLater()
    return CurrentEvent(store, undo_stack)
