"""The problem behind an objective or a programme of the strategic frame, edited in place.

The PDM page shows the element chosen in the frame tree here; a check that finds a
programme with no problem behind it jumps to this field. The text is saved when the
person leaves the field, as one undoable edit; axes and policies have no problem field
(only their name is shown). A programme also shows the policy (or lineamiento) it hangs
from, chosen in a list: a programme whose policy was deleted is reattached there.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget
from sqlalchemy import select

from planner_desktop.domain.base import Synced
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program
from planner_desktop.i18n import N_, _
from planner_desktop.plan.findings import label
from planner_desktop.plan.scope import live
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.pages.base import section_label, set_heading
from planner_desktop.ui.plan.fields import FieldBinding, push_edit

MODELS: dict[str, type[Synced]] = {
    "axis": Axis, "objective": Objective, "policy": Policy, "guideline": Policy,
    "program": Program,
}
"""The record behind each kind of frame tree row."""
WITH_PROBLEM = ("objective", "program")
KIND_TITLES = {"axis": N_("Axis"), "objective": N_("Objective"), "policy": N_("Policy"),
               "guideline": N_("Lineamiento"), "program": N_("Programme")}


class FrameElementEditor(QWidget):
    """The element shown (:meth:`show_element`), its problem field and, for a programme,
    its policy; ``sig_moved`` after a programme is given another policy (the tree is read
    again)."""

    sig_moved = Signal()

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameElement")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.kind = ""
        self.record_id: uuid.UUID | None = None
        self.title = section_label()
        self.problem_title = QLabel(_("Problem it answers"))
        self.problem = QPlainTextEdit()
        self.problem.setObjectName("frameProblem")
        self.problem.setTabChangesFocus(True)
        self.problem.setPlaceholderText(_("The problem behind this element (from the "
                                          "diagnosis)"))
        self.problem.setMaximumHeight(90)
        self.binding = FieldBinding(self.problem, "problem", N_("Problem it answers"))
        self.binding.on_commit = self._commit
        self.policy_title = QLabel(_("Policy it belongs to"))
        self.policy = QComboBox()
        self.policy.setObjectName("framePolicy")
        self.policy_binding = FieldBinding(self.policy, "policy_id", N_("Policy it belongs to"))
        self.policy_binding.on_commit = self._commit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.policy_title)
        layout.addWidget(self.policy)
        layout.addWidget(self.problem_title)
        layout.addWidget(self.problem)
        hub.sig_changed.connect(self._saved)
        self.show_element("", None)

    def show_element(self, kind: str, record_id: uuid.UUID | None) -> bool:
        """Show an element of the frame tree (``kind`` as the tree names it); False when
        there is no such live record."""
        model = MODELS.get(kind)
        values: dict[str, Any] | None = None
        if model is not None and record_id is not None:
            with self.store.session() as session:
                record: Any = session.get(model, record_id)
                if record is not None and record.deleted_at is None:
                    values = {"code": record.code, "name": record.name,
                              "problem": getattr(record, "problem", None),
                              "policy_id": getattr(record, "policy_id", None)}
                    policies = session.execute(
                        select(Policy.id, Policy.code, Policy.name).where(live(Policy))
                        .order_by(Policy.code)).all() if kind == "program" else []
        if values is None:
            self.kind, self.record_id = "", None
            set_heading(self.title, _("Choose an element of the strategic frame"))
            for widget in (self.problem_title, self.problem, self.policy_title, self.policy):
                widget.hide()
            return False
        if (kind, record_id) != (self.kind, self.record_id):
            self.binding.refused = ""
            self.problem.document().setModified(False)
        self.kind, self.record_id = kind, record_id
        set_heading(self.title, f"{_(KIND_TITLES[kind])} {label(values['code'], values['name'])}")
        editable = kind in WITH_PROBLEM
        self.problem_title.setVisible(editable)
        self.problem.setVisible(editable)
        self.binding.load(values["problem"] if editable else None)
        is_program = kind == "program"
        self.policy_title.setVisible(is_program)
        self.policy.setVisible(is_program)
        if is_program:
            self.policy.blockSignals(True)
            self.policy.clear()
            self.policy.addItem(_("(none)"), None)
            for policy_id, code, name in policies:
                self.policy.addItem(label(code, name), policy_id)
            self.policy.blockSignals(False)
            self.policy_binding.load(values["policy_id"])
        return True

    def _commit(self, binding: FieldBinding, value: Any) -> None:
        model = MODELS.get(self.kind)
        if model is not None and self.record_id is not None:
            push_edit(self.hub, self.undo_stack, model, self.record_id, binding, value)
            if binding is self.policy_binding:
                self.sig_moved.emit()

    def _saved(self, table: str, _serial: int) -> None:
        """An edit saved (or undone): show the stored text again."""
        if self.record_id is not None and table in ("objective", "program"):
            self.show_element(self.kind, self.record_id)
