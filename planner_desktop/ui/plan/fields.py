"""Form fields that save themselves: parse on leaving, refuse in place, or push an edit.

A :class:`FieldBinding` joins one widget to one field of a record. When the person leaves
the widget (Enter, Tab, a click elsewhere, a choice in a list), the text is parsed and,
when the binding knows its table, checked against the rule of ``table.field``
(:mod:`planner_desktop.domain.rules`, in the words ``session verify`` uses); a refused
value stays in the widget, painted, with its reason shown next to the form and
nothing saved; an accepted one is saved by an undoable
:class:`~planner_desktop.ui.commands.EditRecord` on the window's undo stack.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from planner_desktop.capture.rule_checks import problem
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.base import Synced
from planner_desktop.i18n import _
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.choosers import select_data
from planner_desktop.ui.commands import EditRecord

REFUSED_STYLE = "background: #f8d7da;"
Parse = Callable[[str], Any]


def plain_text(text: str) -> str:
    """Multi-line text as stored: line breaks kept, the ends trimmed."""
    return text.replace("\x00", "").strip()


def chosen(value: Any) -> Any:
    """A drop-down list's choice as stored: the item's data itself (an id, an enum, None)."""
    return value


class FieldBinding(QObject):
    """One widget bound to ``field`` of the record shown (see the module docstring)."""

    def __init__(
        self,
        widget: QWidget,
        field: str,
        title: str,
        parse: Parse | None = None,
        show: Callable[[Any], str] = lambda value: "" if value is None else str(value),
        table: str | None = None,
    ) -> None:
        super().__init__(widget)
        self.widget = widget
        self.table = table
        self.field = field
        self.title = title
        self.parse = parse or (chosen if isinstance(widget, QComboBox) else plain_text)
        self.show = show
        self.value: Any = None
        self.refused = ""
        self.on_commit: Callable[[FieldBinding, Any], None] | None = None
        self.on_refused: Callable[[FieldBinding, str], None] | None = None
        if isinstance(widget, QLineEdit):
            widget.editingFinished.connect(self.commit)
        elif isinstance(widget, QComboBox):
            widget.activated.connect(lambda _n: self.commit())
        elif isinstance(widget, QSpinBox):
            widget.editingFinished.connect(self.commit)
        else:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.commit()
        return False

    def text(self) -> Any:
        widget = self.widget
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        return None

    def load(self, value: Any) -> None:
        """Show the saved ``value`` (a refused value being corrected is kept)."""
        self.value = value
        widget = self.widget
        if self.refused or self._typing():
            return
        widget.blockSignals(True)
        if isinstance(widget, QComboBox):
            select_data(widget, value)
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != self.show(value):
                widget.setPlainText(self.show(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(self.show(value))
            widget.setCursorPosition(0)
        widget.blockSignals(False)

    def _typing(self) -> bool:
        """The person changed the text since it was last shown (and has not left yet)."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            return widget.hasFocus() and widget.isModified()
        if isinstance(widget, QPlainTextEdit):
            return widget.hasFocus() and widget.document().isModified()
        return False

    def check(self, value: Any) -> None:
        """Refuse (:class:`Invalid`) a parsed value that breaks the rule of its field."""
        if self.table is None:
            return
        reason = problem(self.table, self.field, value)
        if reason is not None:
            raise Invalid(_("{field}: {reason}").format(field=_(self.title), reason=reason))

    def commit(self) -> None:
        try:
            value = self.parse(self.text())
            self.check(value)
        except Invalid as error:
            self.refused = error.reason
            self.widget.setStyleSheet(REFUSED_STYLE)
            self.widget.setToolTip(error.reason)
            if self.on_refused:
                self.on_refused(self, error.reason)
            return
        if self.refused:
            self.refused = ""
            self.widget.setStyleSheet("")
            self.widget.setToolTip("")
            if self.on_refused:
                self.on_refused(self, "")
        if value != self.value and self.on_commit:
            self.on_commit(self, value)
            self.value = value
        if isinstance(self.widget, QLineEdit):
            self.widget.setText(self.show(value))
        elif isinstance(self.widget, QPlainTextEdit):
            self.widget.document().setModified(False)


def push_edit(
    hub: ChangeHub,
    undo_stack: Any,
    record: type[Synced],
    record_id: uuid.UUID,
    binding: FieldBinding,
    value: Any,
) -> None:
    """Save one field's new value as an undoable step."""
    command = EditRecord(
        hub,
        _("Edit {field}").format(field=_(binding.title)),
        record,
        record_id,
        {binding.field: value},
        {binding.field: binding.value},
    )
    undo_stack.push(command)
