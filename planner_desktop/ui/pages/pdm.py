"""PDM: the strategic frame (vision, mission, ejes → programas) and the five-year programming."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan import programming
from planner_desktop.ui import formatting, trees
from planner_desktop.ui.models.grid import GridModel
from planner_desktop.ui.models.tree import LazyTreeModel
from planner_desktop.ui.pages.base import (
    Page,
    counted,
    fit_height,
    section_label,
    set_heading,
    table_view,
    tree_view,
)

STRATEGY_KINDS = {
    "axis": ("axis",),
    "objective": ("objective",),
    "policy": ("policy", "guideline"),
    "program": ("program",),
}
"""The kinds of frame tree rows that show each table."""
PROGRAMMING_TABLES = ("funding_source", "source_ceiling", "multi_year_programming")
"""Tables shown in the programming grid."""


class PdmPage(Page):
    phase = Phase.pdm
    count_tables = frozenset({"strategic_frame", "axis", "objective", "policy", "program"})

    def build(self) -> None:
        self.frame_model = LazyTreeModel(
            self.store, trees.strategy_children, trees.STRATEGY_COLUMNS, self
        )
        self.frame_view = tree_view(self.frame_model, name="strategicFrame")
        self.frame_view.header().setStretchLastSection(False)
        self.frame_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.frame_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.vision = _text_label()
        self.vision.setObjectName("vision")
        self.mission = _text_label()
        self.mission.setObjectName("mission")
        statements = QWidget()
        statements_layout = QVBoxLayout(statements)
        from planner_desktop.ui.changes import hub_for
        from planner_desktop.ui.plan.frame_editor import FrameElementEditor

        hub = hub_for(self.context.undo_stack, self.store)
        self.frame_editor = FrameElementEditor(self.store, hub, self.context.undo_stack)
        statements_layout.addWidget(self.frame_editor)
        self.frame_view.selectionModel().currentChanged.connect(self._element_chosen)
        self.frame_editor.sig_moved.connect(self._frame_moved)
        self.vision_title = section_label()
        self.mission_title = section_label()
        for widget in (self.vision_title, self.vision, self.mission_title, self.mission):
            statements_layout.addWidget(widget)
        statements_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(statements)

        self.programming = GridModel(self, fmt=formatting.money)
        self.programming_view = table_view(self.programming, name="programming")
        self.programming_view.verticalHeader().show()
        self.programming_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Stretch
        )
        self.programming_view.setSelectionMode(self.programming_view.SelectionMode.NoSelection)
        self.programming_title = section_label()
        from planner_desktop.ui.plan.programming_editor import ProgrammingEditor
        from planner_desktop.ui.plan.targets_grid import TargetsEditor

        self.editor = ProgrammingEditor(self.store, hub, self.context.undo_stack)
        self.targets = TargetsEditor(self.store, hub, self.context.undo_stack)
        hub.sig_changed.connect(self._saved)
        summary = QWidget()
        summary_layout = QVBoxLayout(summary)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(self.programming_title)
        summary_layout.addWidget(self.programming_view)
        summary_layout.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pdmTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.editor, _("Programming by project"))
        self.tabs.addTab(summary, _("Totals by source"))
        self.tabs.addTab(self.targets, _("Targets by year"))
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setChildrenCollapsible(False)
        top.addWidget(self.frame_view)
        top.addWidget(scroll)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([600, 400])
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setSizes([300, 500])
        self.body.addWidget(split, 1)

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Select an axis, objective, policy, lineamiento or programme in the frame tree
        (a check's finding, a trace link), reading the branches on the way."""
        if table in PROGRAMMING_TABLES:
            with self.store.session() as session:
                cell = programming.cell_of(session, table, record_id)
            self.tabs.setCurrentWidget(self.editor)
            if cell is None or not self.editor.select_cell(cell):
                return False
            self.editor.view.setFocus()
            return True
        if table in ("indicator", "indicator_target"):
            self.tabs.setCurrentWidget(self.targets)
            return self.targets.select(table, record_id)
        kinds = STRATEGY_KINDS.get(table)
        if kinds is None:
            return False
        model = self.frame_model
        branches = [QModelIndex()]
        while branches:
            parent = branches.pop(0)
            if model.canFetchMore(parent):
                model.fetchMore(parent)
            for row in range(model.rowCount(parent)):
                index = model.index(row, 0, parent)
                node = model.node(index)
                if node is not None and node.kind in kinds and node.id == record_id:
                    self.frame_view.setCurrentIndex(index)
                    self.frame_view.scrollTo(index)
                    self._focus_fix(table)
                    return True
                if model.hasChildren(index):
                    branches.append(index)
        if table == "program" and self.frame_editor.show_element("program", record_id):
            self.frame_editor.policy.setFocus()  # not in the tree: its policy is missing
            return True
        return False

    def _element_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self.frame_model.node(current)
        self.frame_editor.show_element(node.kind if node else "", node.id if node else None)

    def _frame_moved(self) -> None:
        """A programme was given another policy: read the tree again once it is saved."""
        from planner_desktop.ui.changes import hub_for

        hub = hub_for(self.context.undo_stack, self.store)
        hub.sig_changed.connect(self._reload_frame_once)

    def _reload_frame_once(self, table: str, _serial: int) -> None:
        if table != "program":
            return
        from planner_desktop.ui.changes import hub_for

        hub_for(self.context.undo_stack, self.store).sig_changed.disconnect(
            self._reload_frame_once)
        self.frame_model.reload()
        for index in self.frame_model.expand_all_loaded(depth=2):
            self.frame_view.expand(index)

    def _focus_fix(self, table: str) -> None:
        """Put the keyboard where a finding on a frame element is fixed: the problem of an
        objective or programme; for an axis (no budget), the five-year programming."""
        if table in ("objective", "program"):
            self.frame_editor.problem.setFocus()
        elif table == "axis":
            self.tabs.setCurrentWidget(self.editor)
            self.editor.focus_first_cell()
        else:
            self.frame_view.setFocus()

    def _saved(self, table: str, _serial: int) -> None:
        if table in PROGRAMMING_TABLES and self.isVisible():
            with self.store.session() as session:
                totals = summaries.programming_totals(session)
            self._show_programming(totals)

    def refresh(self) -> None:
        self.editor.load_sources()
        self.targets.reload()
        self.frame_model.reload()
        for index in self.frame_model.expand_all_loaded(depth=2):
            self.frame_view.expand(index)
        self.show_counts()

    def show_counts(self) -> None:
        with self.store.session() as session:
            frame = summaries.current_frame(session)
            counts = summaries.frame_counts(session, frame.id) if frame else None
            programming = summaries.programming_totals(session)
            period = f"{frame.start_year}–{frame.end_year}" if frame else ""
            vision, mission = (frame.vision, frame.mission) if frame else ("", "")
        set_heading(self.vision_title, _("Vision"))
        set_heading(self.mission_title, _("Mission"))
        self.vision.setText(vision or _("No vision recorded yet."))
        self.mission.setText(mission or _("No mission recorded yet."))
        if counts is None:
            self.set_summary(_("No strategic frame recorded yet."))
        else:
            self.set_summary(
                _("PDM {period}").format(period=period),
                ", ".join(
                    (
                        counted(ngettext("{n} axis", "{n} axes", counts.axes), counts.axes),
                        counted(
                            ngettext("{n} objective", "{n} objectives", counts.objectives),
                            counts.objectives,
                        ),
                        counted(
                            ngettext("{n} policy", "{n} policies", counts.policies),
                            counts.policies,
                        ),
                        counted(
                            ngettext("{n} lineamiento", "{n} lineamientos", counts.guidelines),
                            counts.guidelines,
                        ),
                        counted(
                            ngettext("{n} programme", "{n} programmes", counts.programs),
                            counts.programs,
                        ),
                    )
                ),
            )
        self._show_programming(programming)

    def _show_programming(self, programming: summaries.Programming) -> None:
        """Funding sources down, years across, with totals."""
        years = programming.years
        rows = [
            [programming.amounts.get((year, source)) for year in years]
            + [programming.source_total(source)]
            for source in programming.sources
        ]
        totals = [programming.year_total(year) for year in years] + [programming.total]
        self.programming.set_grid(
            [programming.names.get(source, source) for source in programming.sources]
            + [_("Total")],
            [str(year) for year in years] + [_("Total")],
            [*rows, totals],
            total_row=True,
            total_column=True,
        )
        set_heading(
            self.programming_title,
            _("Five-year programming ({currency})").format(currency=self.currency()),
        )
        fit_height(self.programming_view)


def _text_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label
