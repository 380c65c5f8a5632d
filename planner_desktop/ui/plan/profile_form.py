"""The fields of one project profile: general data, beneficiaries, problem tree and
objectives, sustainability and risks. Every field saves itself (see :mod:`.fields`)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from planner_desktop.capture import records
from planner_desktop.capture.rule_checks import parse_whole
from planner_desktop.capture.validation import parse_optional_text
from planner_desktop.capture.validation import parse_required_text as required
from planner_desktop.domain import labels
from planner_desktop.domain.enums import OperationType, Recommendation
from planner_desktop.domain.projects import BENEFICIARY_FIELDS, ProjectProfile
from planner_desktop.i18n import N_, _
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan import plan_choices
from planner_desktop.ui.plan.fields import FieldBinding, push_edit
from planner_desktop.ui.plan.parsers import parse_months
from planner_desktop.ui.plan.team_class import TeamClassFields

BENEFICIARY_TITLES = {
    "direct_women": N_("Women"),
    "direct_men": N_("Men"),
    "direct_children": N_("Children"),
    "direct_youth": N_("Youth"),
    "direct_adults": N_("Adults"),
    "direct_elders": N_("Elders"),
    "indirect_women": N_("Women"),
    "indirect_men": N_("Men"),
}
BENEFICIARY_CELLS = ((1, 1), (1, 2), (4, 1), (4, 2), (4, 3), (4, 4), (2, 1), (2, 2))
"""Where each of BENEFICIARY_FIELDS goes: by sex (direct, indirect), then by age."""
TEXT_FIELDS = (
    ("central_problem", N_("Central problem")),
    ("causes", N_("Causes")),
    ("effects", N_("Effects")),
    ("general_objective", N_("General objective")),
    ("specific_objectives", N_("Specific objectives")),
    ("sustainability", N_("Sustainability and maintenance")),
    ("risks", N_("Risks")),
)
PROBLEM_FIELDS = 5
"""The first text fields form the problem tree and the objectives; the rest go with the
general data."""


def _combo(name: str, items: list[tuple[Any, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for value, text in items:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(16)
    return combo


def _text(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(44)
    edit.setMaximumHeight(110)
    return edit


class ProfileForm(QObject):
    """The bindings of a profile's own fields, laid out on two pages: ``general`` and
    ``problem``. ``sig_refused(reason)`` tells why a value was refused ("" once fixed)."""

    sig_refused = Signal(str)

    def __init__(self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.hub = hub
        self.undo_stack = undo_stack
        self.profile_id: uuid.UUID | None = None
        self.bindings: dict[str, FieldBinding] = {}
        self.code = QLabel()
        self.code.setObjectName("profileCode")
        self.general = QWidget()
        self.general.setObjectName("profileGeneral")
        form = QFormLayout(self.general)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_("Code"), self.code)
        self.name = self._bind(QLineEdit(), "name", N_("Name (action, object, place)"), required)
        self.name.setObjectName("profileName")
        form.addRow(_("Name (action, object, place)"), self.name)
        form.addRow(
            _("Type"),
            self._bind(
                _combo("profileType", [(kind, labels.label(kind)) for kind in OperationType]),
                "type",
                N_("Type"),
            ),
        )
        self.element = self._bind(
            _combo("profileElement", []), "element_id", N_("Element of the plan")
        )
        form.addRow(_("Element of the plan"), self.element)
        self.unit = self._bind(_combo("profileUnit", []), "unit_id", N_("Responsible unit"))
        form.addRow(_("Responsible unit"), self.unit)
        form.addRow(
            _("Duration (months)"),
            self._bind(QLineEdit(), "duration_months", N_("Duration (months)"), parse_months),
        )
        form.addRow(
            _("Executing unit"),
            self._bind(QLineEdit(), "executing_unit", N_("Executing unit"), parse_optional_text),
        )
        form.addRow(
            _("Recommendation"),
            self._bind(
                _combo(
                    "profileRecommendation",
                    [
                        (None, _("Not decided")),
                        *((rec, labels.label(rec)) for rec in Recommendation),
                    ],
                ),
                "recommendation",
                N_("Recommendation"),
            ),
        )
        self.team = TeamClassFields(hub, undo_stack, self)
        self.team.sig_refused.connect(self.sig_refused)
        form.addRow(_("Team class"), self.team.team_class)
        form.addRow(_("Reason for the class"), self.team.reason)
        people = QGridLayout()
        people.addWidget(QLabel(_("Direct")), 1, 0)
        people.addWidget(QLabel(_("Indirect")), 2, 0)
        people.addWidget(QLabel(_("Direct")), 4, 0)
        for n, field in enumerate(BENEFICIARY_FIELDS):
            row, column = BENEFICIARY_CELLS[n]
            if row in (1, 4):
                people.addWidget(QLabel(_(BENEFICIARY_TITLES[field])), row - 1, column)
            edit = self._bind(QLineEdit(), field, BENEFICIARY_TITLES[field], parse_whole)
            edit.setObjectName(field)
            edit.setMaximumWidth(90)
            people.addWidget(edit, row, column)
        form.addRow(_("Beneficiaries"), people)
        self.problem = QWidget()
        self.problem.setObjectName("profileProblem")
        problem = QFormLayout(self.problem)
        for n, (field, title) in enumerate(TEXT_FIELDS):
            edit = self._bind(_text(field), field, title)
            (problem if n < PROBLEM_FIELDS else form).addRow(_(title), edit)
        hub.sig_changed.connect(self._changed)

    def _bind(self, widget: Any, field: str, title: str, parse: Any = None) -> Any:
        binding = FieldBinding(widget, field, title, parse, table="project_profile")
        binding.on_commit = self._commit
        binding.on_refused = lambda _b, reason: self.sig_refused.emit(reason)
        self.bindings[field] = binding
        return widget

    def _fill_choices(self) -> None:
        with self.hub.store.session() as session:
            elements = plan_choices.element_choices(session)
            units = plan_choices.unit_choices(session)
        for combo, empty, items in (
            (self.element, _("Not placed in the plan yet"), elements),
            (self.unit, _("(none)"), units),
        ):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(empty, None)
            for value, text in items:
                combo.addItem(text.strip(), value)
            combo.blockSignals(False)

    def show_profile(self, profile_id: uuid.UUID | None) -> None:
        self._fill_choices()
        self.profile_id = profile_id
        self.team.fields.show(None, {})
        for binding in self.bindings.values():
            binding.refused = ""
            binding.widget.setStyleSheet("")
        self.sig_refused.emit("")
        self.reload()

    def reload(self) -> None:
        if self.profile_id is None:
            return
        try:
            values = records.read(
                self.hub.store, ProjectProfile, self.profile_id, ["code", *self.bindings]
            )
        except records.RecordMissing:  # its creation is still being saved
            return
        self.code.setText(values.pop("code"))
        for field, value in values.items():
            self.bindings[field].load(value)
        self.team.show_profile(self.profile_id)

    def _changed(self, table: str, _serial: int) -> None:
        if table in ("plan_element", "plan_level", "org_unit"):
            self._fill_choices()
        if table in ("project_profile", "plan_element", "plan_level", "org_unit") and (
            self.profile_id is not None
        ):
            self.reload()

    def _commit(self, binding: FieldBinding, value: Any) -> None:
        if self.profile_id is not None:
            push_edit(self.hub, self.undo_stack, ProjectProfile, self.profile_id, binding, value)
