"""The element chosen in the frame tree, edited on the right of the PDM page.

Its code, name, the problem it answers, the responsible unit and the sector save
themselves when the person leaves the field (one undoable step each; a refused value is
painted, named in the line under the heading, and not saved). Below them: its SDG links,
its cross-cutting tags and its indicators with yearly targets.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.domain.plan import PlanElement, PlanLevel
from planner_desktop.domain.territory import Sector
from planner_desktop.i18n import _
from planner_desktop.plan import frame, frame_elements
from planner_desktop.plan.ordering import bytewise
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.pages.base import section_label, set_heading
from planner_desktop.ui.plan import plan_choices
from planner_desktop.ui.plan.element_indicators import ElementIndicators
from planner_desktop.ui.plan.frame_fields import FrameFields
from planner_desktop.ui.plan.sdg_editor import SdgEditor
from planner_desktop.ui.plan.tags_editor import TagsEditor
from planner_desktop.ui.spreadsheet import refusal_line

WATCHED = ("plan_element", "plan_level", "org_unit", "sector")


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


class ElementEditor(QWidget):
    """The element shown (:meth:`show_element`) and its fields."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("frameElement")
        self.hub, self.undo_stack = hub, undo_stack
        self.element_id: uuid.UUID | None = None
        self.title = section_label()
        self.refusal = refusal_line("elementRefusal")
        self.fields = FrameFields(hub, undo_stack, self)
        self.fields.sig_refused.connect(self.refusal.setText)
        bind = self.fields.bind
        self.code = bind(
            QLineEdit(),
            "code",
            "Code",
            lambda s, i, v: frame_elements.set_code(s, i, v),
            frame.code,
        )
        self.code.setObjectName("elementCode")
        self.code.setMaximumWidth(140)
        self.name = bind(
            QLineEdit(),
            "name",
            "Name",
            lambda s, i, v: frame_elements.rename_element(s, i, v),
            lambda text: frame.line(text, "name", 2000),
        )
        self.name.setObjectName("elementName")
        self.problem = QPlainTextEdit()
        self.problem.setObjectName("frameProblem")
        self.problem.setTabChangesFocus(True)
        self.problem.setMaximumHeight(80)
        self.problem.setPlaceholderText(_("The problem behind this element (from the diagnosis)"))
        bind(
            self.problem,
            "problem",
            "Problem it answers",
            lambda s, i, v: frame_elements.describe_element(s, i, v),
            lambda text: frame.long_text(text, "problem"),
        )
        self.unit = bind(
            _combo("elementUnit"),
            "unit_id",
            "Responsible unit",
            lambda s, i, v: frame_elements.edit_element(s, i, unit_id=v),
        )
        self.sector = bind(
            _combo("elementSector"),
            "sector_id",
            "Sector",
            lambda s, i, v: frame_elements.edit_element(s, i, sector_id=v),
        )
        form = QFormLayout()
        form.addRow(_("Code"), self.code)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Problem it answers"), self.problem)
        form.addRow(_("Responsible unit"), self.unit)
        form.addRow(_("Sector"), self.sector)
        self.sdgs = SdgEditor(hub, undo_stack, "elementSdgs")
        self.tags = TagsEditor(hub, undo_stack)
        self.indicators = ElementIndicators(hub, undo_stack)
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form)
        body.addWidget(self.sdgs)
        body.addWidget(self.tags)
        body.addWidget(self.indicators)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.refusal)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.timeout.connect(lambda: self.show_element(self.element_id))
        hub.sig_changed.connect(self._saved)
        self.show_element(None)

    def _fill_choices(self) -> None:
        with self.hub.store.session() as session:
            sectors = session.execute(
                select(Sector.id, Sector.name)
                .where(Sector.deleted_at.is_(None))
                .order_by(bytewise(Sector.name), Sector.id)
            ).all()
            units = plan_choices.unit_choices(session)
        for combo, items in ((self.unit, units), (self.sector, sectors)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("(none)"), None)
            for value, text in items:
                combo.addItem(text, value)
            combo.blockSignals(False)

    def show_element(self, element_id: uuid.UUID | None) -> bool:
        """Show a live element (False, and nothing shown, when there is none)."""
        values: dict[str, Any] | None = None
        if element_id is not None:
            with self.hub.store.session() as session:
                record = session.get(PlanElement, element_id)
                if record is not None and record.deleted_at is None:
                    level = session.scalar(
                        select(PlanLevel.name).where(
                            PlanLevel.plan_id == record.plan_id,
                            PlanLevel.depth == record.depth,
                            PlanLevel.deleted_at.is_(None),
                        )
                    )
                    values = {
                        "code": record.code,
                        "name": record.name,
                        "problem": record.problem,
                        "unit_id": record.unit_id,
                        "sector_id": record.sector_id,
                        "level": level or "",
                    }
        if values is None:
            self.element_id = None
            set_heading(self.title, _("Choose an element of the strategic frame"))
            self.fields.show(None, {})
            self.body.hide()
            return False
        self._fill_choices()
        self.element_id = element_id
        set_heading(
            self.title,
            plan_choices.element_heading(values["level"], values["code"], values["name"]),
        )
        self.fields.show(element_id, values)
        self.body.show()
        self.sdgs.show_owner(element_id=element_id)
        self.tags.show_element(element_id)
        self.indicators.show_element(element_id)
        return True

    def _saved(self, table: str, _serial: int) -> None:
        if self.element_id is not None and table in WATCHED:
            self._due.start(0)
