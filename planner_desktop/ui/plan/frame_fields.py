"""Fields of the frame editors that save themselves as undoable frame edits.

Each field is a :class:`~planner_desktop.ui.plan.fields.FieldBinding` whose parsing also
tries the edit in a transaction rolled back (:func:`.frame_commands.refusal`): a value the
core refuses (a code already used, an empty name) is painted in place with its reason and
nothing is saved; an accepted one is pushed as one :class:`.frame_commands.FrameEdit`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from planner_desktop.i18n import _
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan import frame_commands
from planner_desktop.ui.plan.fields import FieldBinding

Write = Callable[[Session, uuid.UUID, Any], Any]
"""An edit of one record: ``write(session, record_id, value)``."""


class FrameFields(QObject):
    """The bound fields of one record shown (:attr:`record_id`); ``sig_refused(reason)``
    tells why a value was refused ("" once it is fixed)."""

    sig_refused = Signal(str)

    def __init__(self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack = hub, undo_stack
        self.record_id: uuid.UUID | None = None
        self.bindings: dict[str, FieldBinding] = {}

    def bind(
        self,
        widget: QWidget,
        field: str,
        title: str,
        write: Write,
        parse: Callable[[Any], Any] | None = None,
    ) -> Any:
        """Bind ``widget`` to ``field``; ``title`` is an untranslated field name."""

        def check(text: Any) -> Any:
            value = parse(text) if parse is not None else text
            record_id = self.record_id
            if record_id is not None:
                refused = frame_commands.refusal(
                    self.hub.store, lambda session: write(session, record_id, value)
                )
                if refused is not None:
                    raise refused
            return value

        binding = FieldBinding(widget, field, title, check)
        binding.on_commit = lambda _binding, value: self.push(title, write, value)
        binding.on_refused = lambda _binding, reason: self.sig_refused.emit(reason)
        self.bindings[field] = binding
        return widget

    def push(self, title: str, write: Write, value: Any) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        frame_commands.push(
            self.hub,
            self.undo_stack,
            _("Edit {field}").format(field=_(title)),
            lambda session: write(session, record_id, value),
        )

    def show(self, record_id: uuid.UUID | None, values: dict[str, Any]) -> None:
        """Show another record's values (refusals of the one before are forgotten), or
        the same record's values saved again (a refused value being fixed is kept)."""
        if record_id != self.record_id:
            for binding in self.bindings.values():
                if binding.refused:
                    binding.refused = ""
                    binding.widget.setStyleSheet("")
                    binding.widget.setToolTip("")
            self.sig_refused.emit("")
        self.record_id = record_id
        for field, binding in self.bindings.items():
            binding.load(values.get(field))


def raise_refused(refused: FrameRefused | None) -> None:
    if refused is not None:
        raise refused
