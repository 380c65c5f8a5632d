"""Where saved changes are announced: models listen and read the changed rows again.

One :class:`ChangeHub` belongs to the window's undo stack (a child of it), so every page
built on that stack hears about every write, whichever page made it; undo and redo
across pages therefore refresh whatever shows the record.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from planner_desktop.store.database import Store

_serials = itertools.count(1)


class ChangeHub(QObject):
    """Announces finished writes (``sig_changed(table, serial)``) and failed ones."""

    sig_changed = Signal(str, int)
    """A write to ``table`` finished; ``serial`` is the number the write was given."""
    sig_failed = Signal(str)
    """A write failed; the one-line reason (no personal data)."""
    sig_pending_changed = Signal(int)
    """How many writes are queued or running (0: everything is saved)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeHub")
        self.store = store
        self.pending = 0

    @staticmethod
    def next_serial() -> int:
        return next(_serials)

    def started(self) -> None:
        self.pending += 1
        self.sig_pending_changed.emit(self.pending)

    def finished(self, tables: tuple[str, ...], serial: int) -> None:
        self.pending -= 1
        for table in tables:
            self.sig_changed.emit(table, serial)
        self.sig_pending_changed.emit(self.pending)

    def failed(self, reason: str, tables: tuple[str, ...] = (), serial: int = 0) -> None:
        """A write failed: say why, and let the tables show what is really saved."""
        self.pending -= 1
        self.sig_failed.emit(reason)
        for table in tables:
            self.sig_changed.emit(table, serial)
        self.sig_pending_changed.emit(self.pending)

    def reread_all(self) -> None:
        """After a failure: every list and form listening reads again what is saved."""
        from planner_desktop.domain.base import Base

        for table in Base.metadata.sorted_tables:
            self.sig_changed.emit(table.name, 0)


def hub_for(undo_stack: QUndoStack, store: Store) -> ChangeHub:
    """The hub of ``undo_stack`` for ``store`` (made on first use; a new store, a new hub)."""
    for hub in undo_stack.findChildren(ChangeHub):
        if hub.store is store:
            return hub
        hub.deleteLater()
    return ChangeHub(store, undo_stack)
