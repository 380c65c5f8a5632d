"""The dialog that opens a prioritisation round for the current event.

The person chooses the level and the place (the current event's community first), the
method and its parameters, the demands on the ballot (all of the place's, those a filter
shows, or ticked by hand) and the groups that vote. Everything is checked by
:func:`planner_desktop.prioritization.opening.check_round` before the undoable
:class:`OpenRound` is pushed; a refusal is shown in the dialog, one line naming the field.
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.domain import labels
from planner_desktop.domain.enums import Group, PrioritizationMethod, RoundLevel
from planner_desktop.domain.summaries import event_community_ids
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.prioritization.criteria import CriterionSpec
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.opening import RoundSpec, candidate_demands, check_round
from planner_desktop.store.database import Store
from planner_desktop.ui.rule_ranges import fit_spin
from planner_desktop.ui.spreadsheet import refusal_line

M = PrioritizationMethod
METHODS = (M.dots, M.borda, M.pairwise, M.consensus, M.criteria, M.approval, M.budget_greedy)


def _criteria(text: str) -> list[CriterionSpec]:
    """Criteria typed one a line as ``name weight`` (e.g. ``Beneficiarios 60``)."""
    found: list[CriterionSpec] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _space, weight = line.strip().rpartition(" ")
        try:
            value = float(weight.rstrip("%").replace(",", "."))
        except ValueError:
            raise PrioritizationError(_("Criteria: write each as a name and its weight, "
                                        "e.g. Beneficiarios 60")) from None
        found.append(CriterionSpec(name.strip(), value))
    return found


class OpenRoundDialog(QDialog):
    """``sig_accepted(RoundSpec)`` once the choices pass every check."""

    sig_accepted = Signal(object)

    def __init__(self, store: Store, event_id: uuid.UUID | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openRoundDialog")
        self.setWindowTitle(_("Open a prioritisation round"))
        self.store = store
        self.event_id = event_id
        self.title = QLineEdit()
        self.title.setObjectName("roundTitle")
        self.level = QComboBox()
        self.level.setObjectName("roundLevel")
        for level in RoundLevel:
            self.level.addItem(labels.label(level), level)
        self.place = QComboBox()
        self.place.setObjectName("roundPlace")
        self.method = QComboBox()
        self.method.setObjectName("roundMethod")
        for method in METHODS:
            self.method.addItem(labels.label(method), method)
        self.dots = QSpinBox()
        self.dots.setObjectName("roundDots")
        fit_spin(self.dots, "prioritization_round", "dots_per_participant", (1, None))
        self.dots.setValue(3)
        self.stacking = QCheckBox(_("Dots may be stacked on one demand"))
        self.stacking.setObjectName("roundStacking")
        self.stacking.setChecked(True)
        self.choices = QSpinBox()
        self.choices.setObjectName("roundChoices")
        fit_spin(self.choices, "prioritization_round", "max_choices")
        self.choices.setSpecialValueText(_("no limit"))
        self.ceiling = QLineEdit()
        self.ceiling.setObjectName("roundCeiling")
        self.ceiling.setPlaceholderText(_("optional; needed by the budget method"))
        self.criteria = QPlainTextEdit()
        self.criteria.setObjectName("roundCriteria")
        self.criteria.setTabChangesFocus(True)
        self.criteria.setPlaceholderText(_("One a line, name and weight %:\n"
                                           "Beneficiarios 60\nUrgencia 40"))
        self.criteria.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.filter = QLineEdit()
        self.filter.setObjectName("roundDemandFilter")
        self.filter.setPlaceholderText(_("Filter the demands by code or words"))
        self.take_shown = QPushButton(_("Take only those shown"))
        self.take_shown.setObjectName("roundTakeShown")
        self.demands = QListWidget()
        self.demands.setObjectName("roundDemands")
        self.groups: dict[str, QCheckBox] = {}
        group_row = QHBoxLayout()
        for group in Group:
            box = QCheckBox(labels.label(group))
            box.setObjectName(f"roundGroup_{group.value}")
            box.setChecked(group is not Group.mixed)
            self.groups[group.value] = box
            group_row.addWidget(box)
        self.refusal = refusal_line("roundRefusal")
        buttons = QDialogButtonBox()
        self.open_button = buttons.addButton(_("&Open the round"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("roundOpen")
        self.open_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)

        form = QFormLayout()
        form.addRow(_("&Title"), self.title)
        form.addRow(_("&Level"), self.level)
        form.addRow(_("&Place"), self.place)
        form.addRow(_("&Method"), self.method)
        form.addRow(_("&Dots per person"), self.dots)
        form.addRow("", self.stacking)
        form.addRow(_("C&hoices per ballot"), self.choices)
        form.addRow(_("&Budget ceiling"), self.ceiling)
        form.addRow(_("C&riteria"), self.criteria)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.filter, 1)
        filter_row.addWidget(self.take_shown)
        form.addRow(_("Dema&nds"), filter_row)
        form.addRow("", self.demands)
        form.addRow(_("Groups that vote"), group_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.refusal)
        layout.addWidget(buttons)

        self.level.currentIndexChanged.connect(lambda _i: self._fill_places())
        self.place.currentIndexChanged.connect(lambda _i: self._fill_demands())
        self.method.currentIndexChanged.connect(lambda _i: self._method_chosen())
        self.filter.textChanged.connect(self._filter)
        self.take_shown.clicked.connect(self._take_shown)
        self.open_button.clicked.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self._fill_places()
        self._method_chosen()

    # --- choices ---------------------------------------------------------------------

    def _level(self) -> RoundLevel:
        return RoundLevel(self.level.currentData())  # Qt gives the enum back as text

    def _method(self) -> PrioritizationMethod:
        return M(self.method.currentData())

    def _event_communities(self) -> list[uuid.UUID]:
        with self.store.session() as session:
            return event_community_ids(session, self.event_id)

    def _fill_places(self) -> None:
        level = self._level()
        self.place.blockSignals(True)
        self.place.clear()
        with self.store.session() as session:
            if level is RoundLevel.community:
                rows = session.execute(select(Community.id, Community.name).where(
                    Community.deleted_at.is_(None)).order_by(Community.name)).all()
            elif level is RoundLevel.district:
                rows = session.execute(select(District.id, District.name).where(
                    District.deleted_at.is_(None)).order_by(District.name)).all()
            else:
                rows = []
        for place_id, name in rows:
            self.place.addItem(name, place_id)
        self.place.setEnabled(level is not RoundLevel.municipality)
        first = next((self.place.findData(c) for c in self._event_communities()
                      if self.place.findData(c) >= 0), 0)
        self.place.setCurrentIndex(first if rows else -1)
        self.place.blockSignals(False)
        self._fill_demands()

    def _fill_demands(self) -> None:
        self.demands.clear()
        level = self._level()
        place = self.place.currentData()
        if level is not RoundLevel.municipality and place is None:
            return
        with self.store.session() as session:
            rows = candidate_demands(session, level, place)
        for demand_id, code, text in rows:
            item = QListWidgetItem(f"{code}  {text}")
            item.setData(Qt.ItemDataRole.UserRole, demand_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.demands.addItem(item)
        self._filter(self.filter.text())

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.demands.count()):
            item = self.demands.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def _take_shown(self) -> None:
        for row in range(self.demands.count()):
            item = self.demands.item(row)
            item.setCheckState(Qt.CheckState.Unchecked if item.isHidden()
                               else Qt.CheckState.Checked)

    def _method_chosen(self) -> None:
        method = self._method()
        dotted = method in (M.dots, M.budget_greedy)
        self.dots.setEnabled(dotted)
        self.stacking.setEnabled(dotted)
        self.choices.setEnabled(method is M.approval)
        self.criteria.setEnabled(method is M.criteria)

    def chosen_demands(self) -> list[uuid.UUID]:
        return [self.demands.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(self.demands.count())
                if self.demands.item(row).checkState() == Qt.CheckState.Checked]

    def spec(self) -> RoundSpec:
        """The choices as a :class:`RoundSpec`; raises naming a field that cannot be read."""
        ceiling: Decimal | None = None
        text = self.ceiling.text().strip().replace(" ", "")
        if text:
            try:
                ceiling = Decimal(text.replace(",", "."))
            except InvalidOperation:
                raise PrioritizationError(_("Budget ceiling: type an amount")) from None
        method = self._method()
        return RoundSpec(
            title=self.title.text(), level=self._level(),
            place_id=self.place.currentData(), method=method,
            demand_ids=self.chosen_demands(),
            groups=[group for group, box in self.groups.items() if box.isChecked()],
            event_id=self.event_id, dots_per_participant=self.dots.value(),
            allow_stacking=self.stacking.isChecked(),
            max_choices=self.choices.value() or None, budget_ceiling=ceiling,
            criteria=_criteria(self.criteria.toPlainText()) if method is M.criteria else ())

    def submit(self) -> None:
        try:
            spec = self.spec()
            with self.store.session() as session:
                check_round(session, spec)
        except PrioritizationError as refusal:
            self.refusal.setText(str(refusal))
            return
        self.refusal.clear()
        self.sig_accepted.emit(spec)
        self.accept()
