"""The plan itself on the PDM page: title, period, vision, mission, the values with what
each means, the plan's SDGs, its levels and its cross-cutting dimensions.

Every field saves itself when left and every list change is one undoable step (see
:mod:`.frame_fields` and :mod:`.named_list`); a refused value is named in place and
nothing is saved.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from planner_desktop.domain.plan import Plan, PlanValue
from planner_desktop.i18n import _
from planner_desktop.plan import frame, frame_plan
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.pages.base import section_label
from planner_desktop.ui.plan.frame_fields import FrameFields
from planner_desktop.ui.plan.named_list import ListEdits, NamedList
from planner_desktop.ui.plan.sdg_editor import SdgEditor
from planner_desktop.ui.spreadsheet import refusal_line


def _text(name: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


def _value_rename(session: Session, _plan: uuid.UUID, key: Any, name: str) -> None:
    record = session.get(PlanValue, key)
    frame_plan.edit_value(session, key, name, record.sentence if record else "")


def _value_sentence(session: Session, key: uuid.UUID, sentence: str) -> None:
    record = session.get(PlanValue, key)
    frame_plan.edit_value(session, key, record.name if record else "", sentence)


LEVELS = ListEdits(
    read=lambda s, p: [(level.depth, level.name) for level in frame_plan.levels(s, p)],
    rename=lambda s, _p, depth, name: frame_plan.rename_level(s, _p, depth, name),
    add=frame_plan.add_level,
    delete=lambda s, p, _depth: frame_plan.remove_level(s, p),
    tables=("plan_level",),
)
VALUES = ListEdits(
    read=lambda s, p: [(v.id, v.name) for v in frame_plan.values_of(s, p)],
    rename=_value_rename,
    add=frame_plan.add_value,
    delete=lambda s, _p, key: frame_plan.delete_value(s, key),
    move=frame_plan.move_value,
    tables=("plan_value",),
)
DIMENSIONS = ListEdits(
    read=lambda s, p: [(d.id, d.name) for d in frame_plan.dimensions(s, p)],
    rename=lambda s, _p, key, name: frame_plan.rename_dimension(s, key, name),
    add=frame_plan.add_dimension,
    delete=lambda s, _p, key: frame_plan.delete_dimension(s, key),
    tables=("cross_cutting",),
)


def _plan_field(field: str) -> Any:
    return lambda session, plan_id, value: frame_plan.edit_plan(session, plan_id, **{field: value})


class PlanEditor(QWidget):
    """The plan shown (:meth:`show_plan`)."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.hub, self.undo_stack = hub, undo_stack
        self.plan_id: uuid.UUID | None = None
        self.refusal = refusal_line("planRefusal")
        self.fields = FrameFields(hub, undo_stack, self)
        self.fields.sig_refused.connect(self.refusal.setText)
        bind = self.fields.bind
        self.title = bind(
            QLineEdit(),
            "title",
            "Title",
            _plan_field("title"),
            lambda text: frame.line(text, "title", frame.TITLE_MAX),
        )
        self.start = bind(
            QLineEdit(),
            "start_year",
            "From",
            _plan_field("start_year"),
            lambda text: frame.year(text, "start_year"),
        )
        self.end = bind(
            QLineEdit(),
            "end_year",
            "To",
            _plan_field("end_year"),
            lambda text: frame.year(text, "end_year"),
        )
        self.vision = bind(
            _text("vision"),
            "vision",
            "Vision",
            _plan_field("vision"),
            lambda text: frame.long_text(text, "vision"),
        )
        self.mission = bind(
            _text("mission"),
            "mission",
            "Mission",
            _plan_field("mission"),
            lambda text: frame.long_text(text, "mission"),
        )
        for widget, name in (
            (self.title, "planTitle"),
            (self.start, "planStart"),
            (self.end, "planEnd"),
        ):
            widget.setObjectName(name)
        for widget in (self.start, self.end):
            widget.setMaximumWidth(80)
        form = QFormLayout()
        form.addRow(_("Title"), self.title)
        form.addRow(_("From"), self.start)
        form.addRow(_("To"), self.end)
        form.addRow(_("Vision"), self.vision)
        form.addRow(_("Mission"), self.mission)
        self.values = NamedList(
            hub, undo_stack, "planValues", _("Values"), VALUES, _("New value (Enter)"), _("Delete")
        )
        self.sentence_fields = FrameFields(hub, undo_stack, self)
        self.sentence_fields.sig_refused.connect(self.values.refusal.setText)
        self.sentence = self.sentence_fields.bind(
            _text("valueSentence", 60),
            "sentence",
            "What it means",
            _value_sentence,
            lambda text: frame.long_text(text, "sentence"),
        )
        self.sentence.setPlaceholderText(_("What this value means for the municipality"))
        self.values.list.currentRowChanged.connect(lambda _row: self._show_sentence())
        self.values.box.insertWidget(2, self.sentence)
        self.sdgs = SdgEditor(hub, undo_stack, "planSdgs")
        self.levels = NamedList(
            hub,
            undo_stack,
            "planLevels",
            _("Levels of the plan"),
            LEVELS,
            _("New level at the bottom (Enter)"),
            _("Remove the last level"),
        )
        self.dimensions = NamedList(
            hub,
            undo_stack,
            "planDimensions",
            _("Cross-cutting dimensions"),
            DIMENSIONS,
            _("New cross-cutting dimension (Enter)"),
            _("Delete"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_label(_("Plan")))
        layout.addWidget(self.refusal)
        layout.addLayout(form)
        for part in (self.values, self.sdgs, self.levels, self.dimensions):
            layout.addWidget(part)
        layout.addStretch(1)
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.timeout.connect(self._reread)
        hub.sig_changed.connect(self._saved)

    def _reread(self) -> None:
        self.reload()
        self._show_sentence()

    def show_plan(self, plan_id: uuid.UUID | None) -> None:
        self.plan_id = plan_id
        self.reload()
        for part in (self.values, self.levels, self.dimensions):
            part.show_plan(plan_id)
        self.sdgs.show_owner(plan_id=plan_id)
        self._show_sentence()

    def reload(self) -> None:
        values: dict[str, Any] = {}
        if self.plan_id is not None:
            with self.hub.store.session() as session:
                plan = session.get(Plan, self.plan_id)
                if plan is not None:
                    values = {
                        name: getattr(plan, name)
                        for name in ("title", "start_year", "end_year", "vision", "mission")
                    }
        self.fields.show(self.plan_id, values)

    def _show_sentence(self) -> None:
        key = self.values.chosen_key()
        sentence = ""
        if key is not None:
            with self.hub.store.session() as session:
                record = session.get(PlanValue, key)
                sentence = record.sentence if record is not None else ""
        self.sentence.setEnabled(key is not None)
        self.sentence_fields.show(key, {"sentence": sentence})

    def _saved(self, table: str, _serial: int) -> None:
        if table in ("plan", "plan_value"):
            self._due.start(0)
