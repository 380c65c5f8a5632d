"""Creating the plan: the template (offered from the municipality's country), its title,
period and level names, all editable before the plan is made.

The dialog checks everything with :mod:`planner_desktop.plan.frame` when *Create* is
pressed; a refused value is named in the line above the buttons and the dialog stays
open, with nothing saved. The creation itself is pushed by the page (one undoable step).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.enums import PlanTemplate
from planner_desktop.domain.plan import MAX_LEVELS, MIN_LEVELS
from planner_desktop.domain.plan_templates import SHAPES, shape
from planner_desktop.i18n import _
from planner_desktop.plan import frame
from planner_desktop.plan.frame import FrameRefused
from planner_desktop.ui.rule_ranges import fit_spin
from planner_desktop.ui.spreadsheet import refusal_line


@dataclass(frozen=True)
class NewPlan:
    """What the person chose, checked."""

    template: PlanTemplate
    title: str
    start_year: int
    end_year: int
    levels: list[str]


class NewPlanDialog(QDialog):
    """The choices of a new plan (see the module docstring); :attr:`chosen` once accepted."""

    def __init__(
        self, template: PlanTemplate, start_year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(_("Create the plan"))
        self.chosen: NewPlan | None = None
        self.template = QComboBox()
        self.template.setObjectName("planTemplate")
        for item in SHAPES.values():
            self.template.addItem(_(item.label), item.template)
        self.title = QLineEdit()
        self.title.setObjectName("planTitle")
        self.start = QSpinBox()
        self.start.setObjectName("planStart")
        self.end = QSpinBox()
        self.end.setObjectName("planEnd")
        fit_spin(self.start, "plan", "start_year", (frame.YEAR_MIN, frame.YEAR_MAX))
        fit_spin(self.end, "plan", "end_year", (frame.YEAR_MIN, frame.YEAR_MAX))
        self.count = QSpinBox()
        self.count.setObjectName("planLevelCount")
        fit_spin(self.count, "plan_level", "depth", (MIN_LEVELS, MAX_LEVELS))
        self.level_edits = [QLineEdit() for _n in range(MAX_LEVELS)]
        form = QFormLayout()
        form.addRow(_("Template"), self.template)
        form.addRow(_("Title"), self.title)
        form.addRow(_("From"), self.start)
        form.addRow(_("To"), self.end)
        form.addRow(_("Number of levels"), self.count)
        self.form = form
        for depth, edit in enumerate(self.level_edits, start=1):
            edit.setObjectName(f"planLevel{depth}")
            form.addRow(_("Level {n}").format(n=depth), edit)
        self.refusal = refusal_line("newPlanRefusal")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(_("Create"))
        self.create_button.setObjectName("createPlan")
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)
        self.start.setValue(start_year)
        self.template.currentIndexChanged.connect(lambda _n: self._template_chosen())
        self.start.valueChanged.connect(lambda _v: self._period_follows())
        self.count.valueChanged.connect(lambda _v: self._show_levels())
        self.template.setCurrentIndex(list(SHAPES).index(template))
        self._template_chosen()

    def chosen_template(self) -> PlanTemplate:
        return PlanTemplate(self.template.currentData())

    def _template_chosen(self) -> None:
        chosen = shape(self.chosen_template())
        self.title.setText(chosen.title)
        self._period_follows()
        self.count.setValue(len(chosen.levels))
        self.count.setEnabled(chosen.template is PlanTemplate.custom)
        for depth, edit in enumerate(self.level_edits):
            edit.setText(chosen.levels[depth] if depth < len(chosen.levels) else "")
        self._show_levels()

    def _period_follows(self) -> None:
        years = shape(self.chosen_template()).years
        self.end.setValue(self.start.value() + years - 1)

    def _show_levels(self) -> None:
        for depth, edit in enumerate(self.level_edits):
            shown = depth < self.count.value()
            self.form.setRowVisible(edit, shown)
            if shown and not edit.text():
                edit.setText(_("Level {n}").format(n=depth + 1))

    def check(self) -> None:
        """Accept the choices, or name the value refused and stay open."""
        try:
            start, end = frame.period(self.start.value(), self.end.value())
            self.chosen = NewPlan(
                self.chosen_template(),
                frame.line(self.title.text(), "title", frame.TITLE_MAX),
                start,
                end,
                frame.level_names([e.text() for e in self.level_edits[: self.count.value()]]),
            )
        except FrameRefused as refused:
            self.refusal.setText(refused.reason)
            return
        self.refusal.setText("")
        self.accept()
