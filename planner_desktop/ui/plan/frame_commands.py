"""Undoable edits of the strategic frame, and their check before anything is saved.

An edit is a function of a session (:mod:`planner_desktop.plan.frame_plan`,
:mod:`~planner_desktop.plan.frame_elements`, :mod:`~planner_desktop.plan.frame_links`).
:func:`refusal` runs it in a transaction that is rolled back, on the window's thread, so
a refused value is shown in place at once and nothing reaches the undo stack (a value
that breaks the one set of rules of :mod:`planner_desktop.domain.rules` is refused there
too, naming its field);
:class:`FrameEdit` then runs it for real in the write worker, keeping what it changed
(:mod:`planner_desktop.plan.frame_change`) so that Ctrl+Z puts it back and Ctrl+Y does it
again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoStack
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import FieldRefused, checking_writes
from planner_desktop.plan import frame_change
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand

Edit = Callable[[Session], Any]

FRAME_TABLES = (
    "plan",
    "plan_level",
    "plan_value",
    "plan_element",
    "cross_cutting",
    "element_cross_cutting",
    "sdg_link",
    "indicator",
    "indicator_target",
    "project_profile",
)
"""Tables an edit of the frame may touch (announced when an edit ends)."""


class _RolledBack(Exception):
    """Ends a trial transaction without saving it."""


def trial(store: Store, edit: Edit) -> frame_change.Change | FrameRefused:
    """What ``edit`` would change, or why it would be refused; nothing is saved."""
    try:
        with checking_writes(), store.session() as session:
            with frame_change.recording(session) as change:
                edit(session)
            raise _RolledBack
    except _RolledBack:
        return change
    except FrameRefused as refused:
        return refused
    except FieldRefused as refused:
        return FrameRefused(refused.field, refused.reason)


def refusal(store: Store, edit: Edit) -> FrameRefused | None:
    """Why ``edit`` would be refused, or None; nothing is saved either way."""
    tried = trial(store, edit)
    return tried if isinstance(tried, FrameRefused) else None


class FrameEdit(StoreCommand):
    """One edit of the frame; ``result`` is what the edit returned (a new record's id)."""

    def __init__(
        self, hub: ChangeHub, text: str, edit: Edit, tables: tuple[str, ...] = FRAME_TABLES
    ) -> None:
        super().__init__(hub, text)
        self.edit = edit
        self.tables = tables
        self.change: frame_change.Change | None = None
        self.result: Any = None
        self.focus: Any = None
        """The element to make current once the edit is saved (when not ``result``)."""

    def apply(self, store: Store) -> None:
        with store.session() as session:
            if self.change is None:
                with frame_change.recording(session) as change:
                    self.result = self.edit(session)
                self.change = change
            else:
                frame_change.redo(session, self.change)

    def revert(self, store: Store) -> None:
        if self.change is not None:
            with store.session() as session:
                frame_change.undo(session, self.change)


def push(hub: ChangeHub, undo_stack: QUndoStack, text: str, edit: Edit) -> FrameEdit | FrameRefused:
    """Check ``edit`` and, when accepted, push it (the refusal is returned otherwise).
    The tables the trial touched are the ones announced when it is saved or undone."""
    tried = trial(hub.store, edit)
    if isinstance(tried, FrameRefused):
        return tried
    command = FrameEdit(hub, text, edit, tried.tables or FRAME_TABLES)
    undo_stack.push(command)
    return command
