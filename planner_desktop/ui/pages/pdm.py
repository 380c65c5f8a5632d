"""PDM: the plan's strategic frame, edited (its tree of elements, the element chosen, the
plan itself), the five-year programming and the plan's annexes.

With no plan yet the page says so and offers *Create the plan…* (the template offered
from the municipality's country). With a plan, the tree shows every element with the
name of its level; the element chosen is edited on the right, the plan under *Plan*.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.plan_templates import default_for
from planner_desktop.domain.projects import Indicator
from planner_desktop.i18n import _
from planner_desktop.plan import frame_plan
from planner_desktop.ui import trees
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.pages.base import Page
from planner_desktop.ui.plan import frame_commands
from planner_desktop.ui.plan.element_editor import ElementEditor
from planner_desktop.ui.plan.frame_actions import FrameActions
from planner_desktop.ui.plan.frame_tree import FrameTreeModel, frame_tree_view, reload_keeping
from planner_desktop.ui.plan.new_plan import NewPlanDialog
from planner_desktop.ui.plan.pdm_tabs import PdmTabs
from planner_desktop.ui.plan.plan_editor import PlanEditor
from planner_desktop.ui.spreadsheet import refusal_line

TREE_TABLES = ("plan", "plan_level", "plan_element")
PLAN_TABLES = ("plan", "plan_level", "plan_value", "cross_cutting", "sdg_link")
"""Records shown under *Plan* (a finding or a link on one of them goes there)."""


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(widget)
    return scroll


class PdmPage(Page):
    phase = Phase.pdm
    count_tables = frozenset({"plan", "plan_level", "plan_element"})

    def build(self) -> None:
        undo_stack = self.context.undo_stack
        self.hub = hub = hub_for(undo_stack, self.store)
        self.plan_id: uuid.UUID | None = None
        self.no_plan = QWidget()
        self.no_plan.setObjectName("noPlan")
        self.no_plan_text = QLabel(
            _(
                "This municipality has no plan yet. Create it from a "
                "template: its levels can be renamed afterwards."
            )
        )
        self.no_plan_text.setWordWrap(True)
        self.create_button = QPushButton(_("Create the plan…"))
        self.create_button.setObjectName("createPlanButton")
        self.create_button.clicked.connect(self.open_new_plan)
        empty = QVBoxLayout(self.no_plan)
        empty.addWidget(self.no_plan_text)
        empty.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty.addStretch(1)

        self.frame_model = FrameTreeModel(self.store, self)
        self.frame_view = frame_tree_view(self.frame_model)
        self.tree_refusal = refusal_line("frameRefusal")
        self.frame_actions = FrameActions(
            self.frame_view,
            self.frame_model,
            hub,
            undo_stack,
            self.tree_refusal,
            lambda: self.plan_id,
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.frame_actions.toolbar)
        left_layout.addWidget(self.frame_view, 1)
        left_layout.addWidget(self.tree_refusal)
        self.frame_editor = ElementEditor(hub, undo_stack)
        self.plan_editor = PlanEditor(hub, undo_stack)
        self.side = QTabWidget()
        self.side.setObjectName("frameSide")
        self.element_tab = _scrolled(self.frame_editor)
        self.plan_tab = _scrolled(self.plan_editor)
        self.side.addTab(self.element_tab, _("Element"))
        self.side.addTab(self.plan_tab, _("Plan"))
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        top.addWidget(left)
        top.addWidget(self.side)
        top.setSizes([520, 480])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.no_plan)
        self.stack.addWidget(top)
        self.frame_view.selectionModel().currentChanged.connect(self._element_chosen)
        self.frame_view.clicked.connect(lambda _index: self.side.setCurrentWidget(self.element_tab))

        self.tabs = PdmTabs(self.store, hub, undo_stack, self.currency())
        self.editor, self.targets = self.tabs.editor, self.tabs.targets
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(self.stack)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([480, 320])
        self.body.addWidget(split, 1)
        self._tree_due = QTimer(self)
        self._tree_due.setSingleShot(True)
        self._tree_due.timeout.connect(self._reload_tree)
        hub.sig_changed.connect(self._saved)
        from planner_desktop.ui.plan.annex_tabs import add_annex_tabs

        add_annex_tabs(self.tabs, self.store, hub, undo_stack)

    # --- the plan -----------------------------------------------------------------------

    def open_new_plan(self) -> NewPlanDialog:
        """Open the choices of a new plan (not modal: *Create* pushes the creation)."""
        with self.store.session() as session:
            town = summaries.current_municipality(session)
            country = town.country if town else ""
            start = town.plan_start_year if town else 2026
        dialog = NewPlanDialog(default_for(country), start, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._create(dialog))
        dialog.open()
        return dialog

    def _create(self, dialog: NewPlanDialog) -> None:
        chosen = dialog.chosen
        with self.store.session() as session:
            town = summaries.current_municipality(session)
        if chosen is None or town is None:
            return
        town_id = town.id
        result = frame_commands.push(
            self.hub,
            self.context.undo_stack,
            _("Create the plan"),
            lambda session: frame_plan.create_plan(
                session,
                town_id,
                chosen.template,
                chosen.start_year,
                chosen.end_year,
                title=chosen.title,
                level_names=chosen.levels,
            ),
        )
        if isinstance(result, frame_commands.FrameRefused):
            self.no_plan_text.setText(result.reason)

    def _show_plan(self, plan_id: uuid.UUID | None) -> None:
        changed = plan_id != self.plan_id
        self.plan_id = plan_id
        self.stack.setCurrentIndex(1 if plan_id else 0)
        if changed:
            self.plan_editor.show_plan(plan_id)
            self.frame_model.reload()
            reload_keeping(self.frame_view, self.frame_model, None)

    # --- the tree -----------------------------------------------------------------------

    def _element_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        element_id = self.frame_model.element_id(current)
        other = element_id != self.frame_editor.element_id
        if self.frame_editor.show_element(element_id) and other:
            self.side.setCurrentWidget(self.element_tab)

    def _saved(self, table: str, serial: int) -> None:
        if table in TREE_TABLES:
            self._tree_due.start(0)

    def _reload_tree(self) -> None:
        pending = self.frame_actions.pending
        done = pending is not None and self.hub.pending == 0
        chosen = (pending.focus or pending.result) if done and pending is not None else None
        reload_keeping(self.frame_view, self.frame_model, chosen)
        if done:
            rename, self.frame_actions.pending = self.frame_actions.rename_pending, None
            if rename and chosen is not None:
                self.frame_view.setFocus()
                self.frame_actions.start_rename()

    def select_element(self, element_id: uuid.UUID) -> bool:
        index = self.frame_model.index_of(element_id)
        if not index.isValid():
            return self.frame_editor.show_element(element_id)
        self.frame_view.setCurrentIndex(index)
        self.frame_view.scrollTo(index)
        self.side.setCurrentWidget(self.element_tab)
        return True

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Show an element of the frame, the plan's own records, a programming cell or an
        indicator's targets (a check's finding, a trace link)."""
        if table == "plan_element":
            if not self.select_element(record_id):
                return False
            if self._detached(record_id):
                self.frame_view.setFocus()  # moved from there (Ctrl+M)
            else:
                self.frame_editor.problem.setFocus()
            return True
        if table in PLAN_TABLES:
            self.side.setCurrentWidget(self.plan_tab)
            return self.plan_id is not None
        if table in ("indicator", "indicator_target"):
            with self.store.session() as session:
                element_id = (
                    session.scalar(select(Indicator.element_id).where(Indicator.id == record_id))
                    if table == "indicator"
                    else None
                )
            if element_id is not None and self.select_element(element_id):
                self.frame_editor.indicators.view.setFocus()
                return True
        return self.tabs.select(table, record_id)

    def _detached(self, element_id: uuid.UUID) -> bool:
        """The element's parent is missing or deleted: it needs another place."""
        with self.store.session() as session:
            record = session.get(PlanElement, element_id)
            if record is None or record.parent_id is None:
                return False
            parent = session.get(PlanElement, record.parent_id)
            return parent is None or parent.deleted_at is not None

    # --- reading ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.tabs.refresh()
        self.show_counts()
        self.frame_model.reload()
        reload_keeping(self.frame_view, self.frame_model, None)

    def show_counts(self) -> None:
        with self.store.session() as session:
            plan = trees.current_plan(session)
            plan_id = plan.id if plan is not None else None
            heading = f"{plan.title} {plan.start_year}–{plan.end_year}" if plan else ""
            names = summaries.level_names(session, plan_id) if plan_id else {}
            counts = summaries.level_counts(session, plan_id) if plan_id else {}
        self._show_plan(plan_id)
        if plan_id is None:
            self.set_summary(_("No plan recorded yet."))
        else:
            self.set_summary(
                heading,
                ", ".join(f"{names.get(depth, depth)}: {n}" for depth, n in counts.items()),
            )
