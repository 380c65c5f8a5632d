"""Priorización: the rounds held, the order each room agreed, and every demand."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from planner_desktop.domain import labels, summaries
from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import Phase, PriorityClass
from planner_desktop.i18n import _, ngettext
from planner_desktop.prioritization.marks import LIMIT_MARK, limit_legend
from planner_desktop.ui import queries
from planner_desktop.ui.models.table import KEY_ROLE
from planner_desktop.ui.pages.base import (
    Page,
    counted,
    fit_columns,
    section_label,
    set_heading,
    table_view,
)
from planner_desktop.ui.pages.demands import DemandsPanel
from planner_desktop.ui.prioritization.grouping_panel import GroupingPanel
from planner_desktop.ui.prioritization.round_actions import RoundActions
from planner_desktop.ui.prioritization.tally_panel import TallyPanel


class PrioritizationPage(Page):
    phase = Phase.prioritization
    follows_scope = True

    def build(self) -> None:
        self.rounds = self.table_model(queries.rounds(self.scope))
        self.results = self.table_model(queries.agreed_results(None))
        self.rounds_view = table_view(self.rounds, name="rounds")
        self.results_view = table_view(self.results, name="agreedResults")
        self.demands_panel = DemandsPanel(self.context)
        self.demands_panel.sig_count_changed.connect(self._demand_count)
        self.results_title = section_label()

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.results_title)
        bottom_layout.addWidget(self.results_view)
        self.results_legend = QLabel(limit_legend())
        self.results_legend.setObjectName("agreedLegend")
        self.results_legend.setWordWrap(True)
        self.results_legend.hide()
        bottom_layout.addWidget(self.results_legend)
        from planner_desktop.domain.enums import PhotoKind
        from planner_desktop.ui.photo_strip import PhotoStrip

        stack = self.context.undo_stack
        title = _("Photos of the round's tally sheets")
        self.tally_photos = PhotoStrip(self.store, stack, PhotoKind.tally_sheet, title)
        title = _("Photos of the signed acta of the round's event")
        self.acta_photos = PhotoStrip(self.store, stack, PhotoKind.acta, title)
        bottom_layout.addWidget(self.tally_photos)
        bottom_layout.addWidget(self.acta_photos)
        self.results.sig_loaded.connect(self._show_legend)
        self.round_actions = RoundActions(self.context, self.chosen_round)
        self.round_actions.sig_opened.connect(self._opened)
        self._select_after: uuid.UUID | None = None
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.round_actions)
        top_layout.addWidget(self.rounds_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(splitter, "")
        self.tabs.addTab(self.demands_panel, "")
        self.tally_panel = TallyPanel(self.context)
        self.tally_panel.sig_state_changed.connect(self._tally_changed)
        self.tabs.addTab(self.tally_panel, "")
        from planner_desktop.ui.changes import hub_for

        hub = hub_for(self.context.undo_stack, self.store)
        self.grouping_panel = GroupingPanel(self.store, hub, self.context.undo_stack)
        self.tabs.addTab(self.grouping_panel, "")
        self.body.addWidget(self.tabs)
        self.rounds_view.selectionModel().selectionChanged.connect(self._round_chosen)
        hub.sig_changed.connect(self._table_changed)

    def chosen_round(self) -> uuid.UUID | None:
        """The round chosen in the list of rounds, if any."""
        index = self.rounds_view.currentIndex()
        return self.rounds.index(index.row(), 0).data(KEY_ROLE) if index.isValid() else None

    def _tally_changed(self, _state: object) -> None:
        """Votes, classes or a closing changed a round: its results and the counts above
        (agreed priorities by class) follow at once."""
        self.results.reload()
        self.show_summary()

    def _opened(self, round_id: uuid.UUID) -> None:
        self._select_after = round_id

    def _table_changed(self, table: str, _serial: int) -> None:
        """A round opened, deleted, reopened (or undone): list the rounds again."""
        if table == "prioritization_round" and self.isVisible():
            self.refresh()
            self.tally_panel.reload()

    def refresh(self) -> None:
        scope = self.scope
        keep = self._select_after or self.chosen_round()
        self._select_after = None
        self.rounds.reload(queries.rounds(scope))
        self.demands_panel.follow_scope(scope.district_id, scope.community_id)
        self.tabs.setTabText(0, _("Rounds and results ({n})").format(n=self.rounds.total))
        self._demand_count(self.demands_panel.model.total)
        self.tabs.setTabText(2, _("Tally entry"))
        self.tally_panel.follow_scope(scope)
        self.tabs.setTabText(3, _("Grouping"))
        self.grouping_panel.follow_scope(scope)
        fit_columns(self.rounds_view)
        if self.rounds.rowCount():
            kept = self.rounds.row_of(keep) if keep is not None else -1
            self.rounds_view.selectRow(max(kept, 0))
        else:
            self._show_results(None, "")

    def show_summary(self) -> None:
        """The counts of the part of the territory shown (read again after every write
        of a demand, so they follow at once)."""
        scope = self.scope
        with self.store.session() as session:
            summary = summaries.prioritization_summary(
                session, district_id=scope.district_id, community_id=scope.community_id
            )
        classes = ", ".join(
            f"{labels.label(cls)}: {summary.classes.get(cls, 0)}" for cls in PriorityClass
        )
        self.set_summary(
            scope.name,
            counted(ngettext("{n} demand", "{n} demands", summary.demands), summary.demands),
            counted(
                ngettext("{n} prioritization round", "{n} prioritization rounds", summary.rounds),
                summary.rounds,
            ),
            counted(
                ngettext("{n} agreed priority", "{n} agreed priorities", summary.agreed),
                summary.agreed,
            )
            + (f" ({classes})" if summary.agreed else ""),
        )

    def _demand_count(self, total: int) -> None:
        self.tabs.setTabText(1, _("Demands ({n})").format(n=total))
        self.show_summary()

    def _round_chosen(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = indexes[0].row()
        title = self.rounds.index(row, 1).data() or ""
        self._show_results(self.rounds.index(row, 0).data(KEY_ROLE), title)
        self.tally_panel.choose_round(self.rounds.index(row, 0).data(KEY_ROLE))
        from planner_desktop.ui.photo_strip import round_event

        round_id = self.rounds.index(row, 0).data(KEY_ROLE)
        self.tally_photos.set_owner(round_id)
        self.acta_photos.set_owner(round_event(self.store, round_id))

    def _show_results(self, round_id: object, title: str) -> None:
        self.results.reload(queries.agreed_results(round_id))  # type: ignore[arg-type]
        text = (
            _("Agreed priorities: {round}").format(round=title) if title else _("Agreed priorities")
        )
        set_heading(self.results_title, text)
        fit_columns(self.results_view)

    def _show_legend(self, _count: int = 0) -> None:
        """The mark's legend under the agreed list, while a class limit among equal scores
        is marked there."""
        model = self.results
        marked = any(LIMIT_MARK in str(model.index(row, 4).data() or "")
                     for row in range(model.rowCount()))
        self.results_legend.setText(limit_legend())
        self.results_legend.setVisible(marked)

    def select_record(self, table: str, record_id: uuid.UUID) -> bool:
        """Select a round, a group of demands or a demand (a trace link, a check's
        finding); False when it is not in the part of the territory shown."""
        if table == "prioritization_round":
            row = self.rounds.row_of(record_id)
            if row < 0:
                return False
            self.tabs.setCurrentIndex(0)
            self.rounds_view.selectRow(row)
            self.rounds_view.scrollTo(self.rounds.index(row, 0))
            return True
        if table == "demand_group":
            with self.store.session() as session:
                group = session.get(DemandGroup, record_id)
                level = group.level if group is not None and not group.is_deleted else None
            if level is None:
                return False
            self.tabs.setCurrentWidget(self.grouping_panel)
            return self.grouping_panel.select_group(record_id, level)
        if table == "demand":
            with self.store.session() as session:
                demand = session.get(Demand, record_id)
                code = demand.code if demand is not None else None
            if code is None:
                return False
            self.tabs.setCurrentWidget(self.demands_panel)
            self.demands_panel.show_all()
            self.demands_panel.search.setText(code)
            self.demands_panel.apply_filter()
            return True
        return False
