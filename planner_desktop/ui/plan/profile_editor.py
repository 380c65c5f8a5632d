"""The project profile editor: the profile's fields and its lists, saved as typed.

Every change is one step of the window's undo stack; a refused value stays where it was
typed, painted, with its reason in the red line under the editor.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain.base import Synced
from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.projects import Component, Indicator, IndicatorTarget, ProfileFunding
from planner_desktop.i18n import _
from planner_desktop.plan import records, validate
from planner_desktop.plan.scope import plan_period
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.pages.base import fit_columns, section_label
from planner_desktop.ui.plan import tables
from planner_desktop.ui.plan.parsers import year_parser
from planner_desktop.ui.plan.profile_form import ProfileForm
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

MONEY_TABLES = ("component", "profile_funding")


class ListSection(QWidget):
    """A heading, an editable table and its Add and Remove buttons."""

    def __init__(self, title: str, model: EditableQueryModel, name: str) -> None:
        super().__init__()
        self.model = model
        self.view = spreadsheet_view(model, name=name)
        self.add = QPushButton(_("Add"))
        self.add.setObjectName(f"{name}Add")
        self.remove = QPushButton(_("Remove"))
        self.remove.setObjectName(f"{name}Remove")
        top = QHBoxLayout()
        top.addWidget(section_label(title), 1)
        top.addWidget(self.add)
        top.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def current_key(self) -> Any:
        index = self.view.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(widget)
    return scroll


class ProfileEditor(QWidget):
    """Edits one profile (:meth:`show_profile`); ``sig_changed`` after its own saves."""

    sig_changed = Signal()

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack) -> None:
        super().__init__()
        self.setObjectName("profileEditor")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.profile_id: uuid.UUID | None = None
        with store.session() as session:
            self.period = plan_period(session)
            sources = records.funding_sources(session)
        self.form = ProfileForm(hub, undo_stack, self)
        self.refusal = refusal_line("profileRefusal")
        self.form.sig_refused.connect(self.refusal.setText)
        self.money = QLabel()
        self.money.setObjectName("profileMoney")
        self.money.setWordWrap(True)  # a long reason must not widen the window's pages
        self.components = ListSection(_("Components and their cost"),
                                      tables.component_model(store, self), "components")
        self.funding = ListSection(_("Funding by source"),
                                   tables.funding_model(store, sources, self), "funding")
        self.indicators = ListSection(_("Indicators"), tables.indicator_model(store, self),
                                      "indicators")
        self.targets = ListSection(_("Targets by year"), tables.target_model(
            store, year_parser(self.period), self), "targets")
        money_page, indicator_page = QWidget(), QWidget()
        money_layout = QVBoxLayout(money_page)
        money_layout.addWidget(self.components, 1)
        money_layout.addWidget(self.funding, 1)
        money_layout.addWidget(self.money)
        indicator_layout = QVBoxLayout(indicator_page)
        indicator_layout.addWidget(self.indicators, 1)
        indicator_layout.addWidget(self.targets, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("profileTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(_scrolled(self.form.general), _("General"))
        self.tabs.addTab(_scrolled(self.form.problem), _("Problem and objectives"))
        self.tabs.addTab(money_page, _("Cost and funding"))
        self.tabs.addTab(indicator_page, _("Indicators and targets"))
        self.origin = QLabel()
        self.origin.setObjectName("profileOrigin")
        self.origin.setWordWrap(True)
        self.origin.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.origin)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.refusal)
        for section in (self.components, self.funding, self.indicators, self.targets):
            section.model.attach(hub, undo_stack)
            section.model.sig_refused.connect(self.refusal.setText)
        self.components.add.clicked.connect(self.add_component)
        self.funding.add.clicked.connect(self.add_funding)
        self.indicators.add.clicked.connect(self.add_indicator)
        self.targets.add.clicked.connect(self.add_target)
        for section, model in ((self.components, Component), (self.funding, ProfileFunding),
                               (self.indicators, Indicator), (self.targets, IndicatorTarget)):
            section.remove.clicked.connect(
                lambda _checked=False, s=section, m=model: self._remove(s, m))
        hub.sig_changed.connect(self._saved)
        self.setEnabled(False)

    def show_profile(self, profile_id: uuid.UUID | None) -> None:
        self.profile_id = profile_id
        self.setEnabled(profile_id is not None)
        self.refusal.clear()
        self.form.show_profile(profile_id)
        key = profile_id or tables.NO_PROFILE
        for section, query in ((self.components, tables.components),
                               (self.funding, tables.funding),
                               (self.indicators, tables.indicators),
                               (self.targets, tables.targets)):
            section.model.reload(query(key))
            fit_columns(section.view, 220)  # type: ignore[arg-type]
        self._show_money()
        self._show_origin()

    def select_part(self, table: str, record_id: uuid.UUID) -> bool:
        """Show the tab of a component, funding, indicator or target and select its row."""
        sections = {"component": (2, self.components), "profile_funding": (2, self.funding),
                    "indicator": (3, self.indicators), "indicator_target": (3, self.targets)}
        if table not in sections:
            return False
        tab, section = sections[table]
        self.tabs.setCurrentIndex(tab)
        row = section.model.row_of(record_id)
        if row < 0:
            return False
        index = section.model.index(row, 0)
        for column in range(section.model.columnCount()):
            cell = section.model.index(row, column)
            if cell.flags() & Qt.ItemFlag.ItemIsEditable:
                index = cell
                break
        section.view.setCurrentIndex(index)
        section.view.scrollTo(index)
        section.view.setFocus()
        return True

    def focus_gap(self) -> None:
        """The keyboard where the profile's first gap is filled (a check's finding on the
        profile): its element of the plan, a component with a cost, a funding, an indicator; else
        its name."""
        form = self.form
        gaps = ((form.element.currentData() is None, 0, form.element),
                (self.components.model.total == 0, 2, self.components.add),
                (self.funding.model.total == 0, 2, self.funding.add),
                (self.indicators.model.total == 0, 3, self.indicators.add))
        for gap, tab, widget in gaps:
            if gap:
                self.tabs.setCurrentIndex(tab)
                widget.setFocus()
                return
        if self.funding.model.total and self.select_part(
                "profile_funding", self.funding.model.key(0)):
            return
        self.tabs.setCurrentIndex(0)
        form.name.setFocus()

    def _show_origin(self) -> None:
        from planner_desktop.plan.trace import profile_origin

        origin = None
        if self.profile_id is not None:
            with self.store.session() as session:
                origin = profile_origin(session, self.profile_id)
        if origin is None:
            self.origin.setText("")
            return
        demands = ", ".join(demand.label for demand, _community in origin.demands)
        places = ", ".join(community.label for community in origin.communities)
        self.origin.setText(_("Answers: {demands} · Located in: {places}").format(
            demands=demands or "—", places=places or "—"))

    def _show_money(self) -> None:
        if self.profile_id is None:
            self.money.clear()
            return
        with self.store.session() as session:
            money = records.profile_money(session, self.profile_id)
        text = _("Cost {cost} · funding {funded}").format(
            cost=formatting.money(money.cost), funded=formatting.money(money.funded))
        reason = validate.funding_split(money.cost, [money.funded])
        if reason:
            self.money.setText(f"<b>{text}</b> — <span style='color:#a4161a'>{reason}</span>")
        else:
            self.money.setText(f"<b>{text}</b> — " + _("the funding covers the cost"))

    def _saved(self, table: str, _serial: int) -> None:
        if table in MONEY_TABLES:
            self._show_money()
        if table in ("project_profile", *MONEY_TABLES, "indicator", "indicator_target"):
            self.sig_changed.emit()

    # --- adding and removing -------------------------------------------------------

    def _create(self, text: str, model: type[Synced], values: dict[str, Any]) -> uuid.UUID:
        command = CreateRecord(self.hub, text, model, values)
        self.undo_stack.push(command)
        return command.record_id

    def add_component(self) -> None:
        if self.profile_id is not None:
            self._create(_("New component"), Component, {
                "profile_id": self.profile_id, "name": _("New component"),
                "position": self.components.model.total + 1})

    def add_funding(self) -> None:
        sources = self.funding.model.editing.fields[0].choices
        if self.profile_id is None or not sources or not sources():
            self.refusal.setText(_("The municipality has no funding sources yet"))
            return
        with self.store.session() as session:
            money = records.profile_money(session, self.profile_id)
        self._create(_("New funding"), ProfileFunding, {
            "profile_id": self.profile_id, "source_id": sources()[0][0],
            "amount": max(money.cost - money.funded, 0)})

    def add_indicator(self) -> None:
        if self.profile_id is not None:
            self._create(_("New indicator"), Indicator, {
                "profile_id": self.profile_id, "name": _("New indicator"),
                "level": IndicatorLevel.result})

    def add_target(self) -> None:
        """A target for the chosen indicator (the first one if none is chosen), in the
        first plan year it has none."""
        model = self.indicators.model
        indicator_id = self.indicators.current_key() or model.key(0)
        if indicator_id is None:
            self.refusal.setText(_("Add an indicator first"))
            return
        with self.store.session() as session:
            used = records.used_target_years(session, indicator_id)
        years = self.period.years if self.period else []
        free = [year for year in years if year not in used]
        if not free:
            self.refusal.setText(_("This indicator has a target for every year of the plan"))
            return
        self._create(_("New target"), IndicatorTarget, {
            "indicator_id": indicator_id, "year": free[0], "target": ""})

    def _remove(self, section: ListSection, model: type[Synced]) -> None:
        key = section.current_key()
        if key is not None:
            self.undo_stack.push(tables.RemoveRecord(self.hub, _("Remove"), model, key))
        section.view.setFocus()
