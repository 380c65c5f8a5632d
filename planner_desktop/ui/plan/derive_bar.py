"""Creating the POA of a year of the PDM from its five-year programming, as one undoable
step; refused in place (a year outside the plan period, a year that has a POA already,
nothing programmed in it) with the reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget
from sqlalchemy import select

from planner_desktop.domain.annual import AnnualPlan
from planner_desktop.i18n import _
from planner_desktop.plan.derive import derive_refusal
from planner_desktop.plan.scope import live, plan_period
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan.plan_commands import DerivePoa
from planner_desktop.ui.rule_ranges import fit_spin
from planner_desktop.ui.spreadsheet import refusal_line


class DeriveBar(QWidget):
    """A year and the button that makes its POA from the PDM."""

    sig_made = Signal(object)
    """A POA was made (its id, once saved)."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deriveBar")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.year = QSpinBox()
        self.year.setObjectName("deriveYear")
        fit_spin(self.year, "annual_plan", "fiscal_year")
        self.year.setGroupSeparatorShown(False)
        self.year.valueChanged.connect(self._name_button)
        self.button = QPushButton()
        self.button.setObjectName("deriveCreate")
        self.button.clicked.connect(self.derive)
        self.refusal = refusal_line("deriveRefusal")
        self.pending: DerivePoa | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(_("Year")))
        layout.addWidget(self.year)
        layout.addWidget(self.button)
        layout.addWidget(self.refusal, 1)
        hub.sig_changed.connect(self._saved)
        self._name_button(self.year.value())

    def _name_button(self, year: int) -> None:
        self.button.setText(_("Create the POA for {year} from the PDM").format(year=year))

    def refresh(self) -> None:
        """Offer the first year of the plan period that has no POA yet."""
        with self.store.session() as session:
            period = plan_period(session)
            taken = set(session.scalars(select(AnnualPlan.fiscal_year).where(live(AnnualPlan))))
        self.setEnabled(period is not None)
        if period is None:
            return
        free = [year for year in period.years if year not in taken]
        self.year.setValue(free[0] if free else period.end)

    def derive(self) -> bool:
        """Refuse in place with the reason, or push the POA's creation as one undo step."""
        year = self.year.value()
        with self.store.session() as session:
            reason = derive_refusal(session, year)
        if reason:
            self.refusal.setText(reason)
            return False
        self.refusal.clear()
        self.pending = DerivePoa(self.hub, _("POA {year} from the PDM").format(year=year),
                                 year)
        self.undo_stack.push(self.pending)
        return True

    def _saved(self, table: str, serial: int) -> None:
        command = self.pending
        if table == "annual_plan" and command is not None and serial == command.serial:
            self.pending = None
            if command.made is not None:
                self.sig_made.emit(command.made.plan_id)

