"""Deleting from a list in the window: the Delete key, a context-menu entry and a button.

:func:`delete_action` gives a list view one "Delete" action (the Delete key while the
list has the focus, the right-click menu, and any button that triggers it).
:func:`ask_to_delete` names what depends on the chosen record and asks before deleting
it with them; :class:`DeleteRecord` is the undoable command that tombstones it through
:mod:`planner_desktop.capture.deletion` (undo lifts exactly those tombstones).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

from planner_desktop.capture import deletion
from planner_desktop.domain.base import Synced
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand


class DeleteRecord(StoreCommand):
    """Tombstone one record (and, when agreed, what depends on it); undo restores them."""

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        model: type[Synced],
        record_id: uuid.UUID,
        *,
        with_dependents: bool = False,
        tables: tuple[str, ...] = (),
    ) -> None:
        super().__init__(hub, text)
        self.model = model
        self.record_id = record_id
        self.with_dependents = with_dependents
        own: str = model.__tablename__  # type: ignore[attr-defined]
        self.tables = (own, *(t for t in tables if t != own))
        self.done = deletion.Deletion()

    def apply(self, store: Store) -> None:
        self.done = deletion.delete(
            store, self.model, self.record_id, with_dependents=self.with_dependents
        )

    def revert(self, store: Store) -> None:
        deletion.restore(store, self.done)


def dependents_of(
    store: Store, model: type[Synced], record_id: uuid.UUID
) -> list[deletion.Dependent]:
    with store.session() as session:
        return deletion.dependents(session, model, record_id)


def ask_to_delete(parent: QWidget, what: str, found: list[deletion.Dependent]) -> bool:
    """Ask before deleting ``what`` with the records that depend on it (named)."""
    text = _("Delete {what}? These records depend on it and will be deleted with it: {list}.")
    answer = QMessageBox.question(
        parent,
        _("Delete"),
        text.format(what=what, list=deletion.describe(found))
        + "\n"
        + _("You can undo it with Ctrl+Z."),
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Ok


def delete_record(
    parent: QWidget,
    hub: ChangeHub,
    undo_stack: object,
    model: type[Synced],
    record_id: uuid.UUID,
    what: str,
) -> bool:
    """Delete one record the person chose: at once when nothing depends on it, after a
    confirmation naming the dependents otherwise. Returns whether it was deleted."""
    found = dependents_of(hub.store, model, record_id)
    if found and not ask_to_delete(parent, what, found):
        return False
    command = DeleteRecord(
        hub,
        _("Delete {what}").format(what=what),
        model,
        record_id,
        with_dependents=bool(found),
        tables=tuple(d.table for d in found),
    )
    undo_stack.push(command)  # type: ignore[attr-defined]
    return True


def delete_action(view: QAbstractItemView, on_delete: Callable[[], object]) -> QAction:
    """One "Delete" action on ``view``: the Delete key while it has the focus (not while a
    cell is being typed in) and its right-click menu."""
    action = QAction(_("Delete"), view)
    action.setObjectName("deleteAction")
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: on_delete())
    view.addAction(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return action
