"""Tally entry for a round, typed by keyboard, with its live projection.

Dots and budget rounds take a code and a number of dots (a tally, or ballot by ballot);
approval and Borda are typed ballot by ballot, Borda and consensus with places; a
pairwise round takes each cell of the wall chart with its reason, a weighted-criteria
round each demand's ratings on every criterion (:mod:`.rating_line`).

Every entry and correction is written in the database-write worker (record, recompute the
results, read the round back, in one transaction); a refused entry shows its reason under
the entry line, never in a message box. The log lists who entered what, and when.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain import labels
from planner_desktop.domain.enums import PrioritizationMethod, PriorityClass
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.pages.base import PageContext, fit_columns, section_label, table_view
from planner_desktop.ui.prioritization import state as rounds
from planner_desktop.ui.prioritization.class_bar import ClassBar, OrderBar
from planner_desktop.ui.prioritization.entry_line import EntryLine
from planner_desktop.ui.prioritization.entry_log import Tracker
from planner_desktop.ui.prioritization.keys import Typed, group_label
from planner_desktop.ui.prioritization.pair_line import PairLine
from planner_desktop.ui.prioritization.projection import ProjectionWindow
from planner_desktop.ui.prioritization.rating_line import RatingLine
from planner_desktop.ui.prioritization.reconcile_box import ReconcileBox
from planner_desktop.ui.prioritization.tables import ENTRY_ROLE, EntriesModel, ResultsModel
from planner_desktop.ui.prioritization.tally_jobs import TallyJobs
from planner_desktop.ui.scope import MUNICIPALITY, Scope
from planner_desktop.ui.spreadsheet import refusal_line


class TallyPanel(TallyJobs, QWidget):
    """Enter a round's tally; ``sig_state_changed(RoundState)`` after every recorded
    entry, correction or round chosen (the projection follows it)."""

    sig_state_changed = Signal(object)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tallyPanel")
        self.store: Store = context.store
        self.hub = hub_for(context.undo_stack, context.store)
        self.state: rounds.RoundState | None = None
        self.pending = 0
        self.projection: ProjectionWindow | None = None
        self._mine: list[uuid.UUID] = []
        self._wanted: uuid.UUID | None = None
        self._loaded: uuid.UUID | None = None
        self.live = Tracker()  # used only inside jobs of the write worker

        self.round_box = QComboBox()
        self.round_box.setObjectName("tallyRound")
        self.round_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.round_box.setMinimumContentsLength(30)
        self.project_button = QPushButton(_("Project (F11 full screen)"))
        self.project_button.setObjectName("tallyProject")
        self.about = QLabel()
        self.about.setObjectName("tallyRoundInfo")
        self.mode_note = QLabel()
        self.mode_note.setObjectName("tallyModeNote")
        self.mode_note.setWordWrap(True)
        self.mode_note.setVisible(False)
        self.line = EntryLine(self)
        self.pair_line = PairLine(self)
        self.pair_line.setVisible(False)
        self._pair_pending = False
        self.rating_line = RatingLine(self)
        self.rating_line.setVisible(False)
        self._rating_pending = False
        self.refusal = refusal_line("tallyRefusal")
        self.done = QLabel()
        self.done.setObjectName("tallyDone")
        self.retract_last = QPushButton(_("Retract last entry"))
        self.retract_last.setObjectName("tallyRetractLast")
        self.retract_chosen = QPushButton(_("Retract chosen entry (Del)"))
        self.retract_chosen.setObjectName("tallyRetractChosen")

        self.reconcile = ReconcileBox(self)
        self.results = ResultsModel(self)
        self.results_view = table_view(self.results, name="tallyResults")
        self.class_bar = ClassBar(self)
        self.order_bar = OrderBar(self)
        self.entries = EntriesModel(self)
        self.entries_view = table_view(self.entries, name="tallyEntries")
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.entries_view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.retract_selected)

        top = QHBoxLayout()
        top.addWidget(QLabel(_("Round")))
        top.addWidget(self.round_box, 1)
        top.addWidget(self.project_button)
        corrections = QHBoxLayout()
        corrections.addWidget(self.done, 1)
        corrections.addWidget(self.retract_last)
        corrections.addWidget(self.retract_chosen)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for title, view, under in (
                (_("Results by group and agreed"), self.results_view,
                 (self.class_bar, self.order_bar)),
                (_("Entries, newest first"), self.entries_view, ())):
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(section_label(title))
            column.addWidget(view)
            for bar in under:
                column.addWidget(bar)
            splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(self.mode_note)
        layout.addWidget(self.line)
        layout.addWidget(self.pair_line)
        layout.addWidget(self.rating_line)
        layout.addWidget(self.line.hint)
        layout.addWidget(self.refusal)
        layout.addLayout(corrections)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.reconcile)

        self.round_box.currentIndexChanged.connect(self._round_picked)
        self.project_button.clicked.connect(self.open_projection)
        self.line.sig_entered.connect(self.enter)
        self.class_bar.sig_set.connect(self.set_class)
        self.order_bar.sig_set.connect(self.set_order)
        self.line.sig_refused.connect(self.refuse)
        self.pair_line.sig_chosen.connect(self.choose_pair)
        self.pair_line.sig_refused.connect(self.refuse)
        self.rating_line.sig_rated.connect(self.rate)
        self.rating_line.sig_refused.connect(self.refuse)
        self.retract_last.clicked.connect(self.retract_own_last)
        self.retract_chosen.clicked.connect(self.retract_selected)
        self.reconcile.sig_close.connect(self.close_round)

    # --- rounds --------------------------------------------------------------------

    def follow_scope(self, scope: Scope = MUNICIPALITY) -> None:
        """List the tallied rounds of ``scope``; the one shown stays when listed."""
        choices = rounds.list_rounds(self.store, scope.community_id, scope.district_id)
        keep = self._wanted
        self.round_box.blockSignals(True)
        self.round_box.clear()
        for choice in choices:
            self.round_box.addItem(_round_text(choice.title, choice.method, choice.closed),
                                   choice.id)
        index = self.round_box.findData(keep) if keep is not None else -1
        self.round_box.setCurrentIndex(max(index, 0) if choices else -1)
        self.round_box.blockSignals(False)
        self._round_picked(self.round_box.currentIndex())

    def listed_at(self, round_id: uuid.UUID) -> int:
        """Where ``round_id`` is in the list of rounds (-1: not listed)."""
        return next((row for row in range(self.round_box.count())
                     if self.round_box.itemData(row) == round_id), -1)

    def choose_round(self, round_id: uuid.UUID) -> None:
        index = self.listed_at(round_id)
        if index >= 0:
            self.round_box.setCurrentIndex(index)

    def _round_picked(self, index: int) -> None:
        self._wanted = self.round_box.itemData(index) if index >= 0 else None
        if self.isVisible():
            self._load()

    def reload(self) -> None:
        """Read the chosen round again (it was closed, reopened or changed elsewhere)."""
        self._loaded = None
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load()

    def _load(self) -> None:
        wanted = self._wanted
        if wanted is None or wanted == self._loaded:
            return
        self._loaded = wanted
        self._mine.clear()
        store, live = self.store, self.live
        self._run(lambda: rounds.load_state(store, wanted, live), "")

    # --- entering and correcting ---------------------------------------------------

    def enter(self, group: str, typed: Typed, ballot: uuid.UUID | None = None) -> None:
        round_id = self._loaded  # the round chosen, even while it is still being read
        if round_id is None:
            self.refuse(_("choose a round first"))
            return
        if self.state is not None and not rounds.entry_mode(self.state.method).typed:
            self.refuse(rounds.entry_mode(self.state.method).note)
            return
        store, live = self.store, self.live
        ranked = self.state is not None and rounds.entry_mode(self.state.method).ranked
        text = _("Recorded: {code} in place {count} for {group}") if ranked \
            else _("Recorded: {code} {count} for {group}")
        done = text.format(code=typed.code.upper(), count=typed.count, group=group_label(group))
        self._run(lambda: rounds.enter(store, round_id, typed.code, group, typed.count, ballot,
                                               live),
                  done, retype=f"{typed.code} {typed.count}", then_store=round_id)

    def choose_pair(self, group: str, winner: str, other: str, reason: str) -> None:
        """Record one cell of the pairwise chart with the reason the group gave."""
        store, round_id, live = self.store, self._loaded, self.live
        if round_id is None:
            self.refuse(_("choose a round first"))
            return
        self._pair_pending = True
        done = _("Recorded: {winner} preferred to {other} by {group}").format(
            winner=winner, other=other, group=group_label(group))
        self._run(lambda: rounds.choose(store, round_id, group, winner, other, reason, live),
                  done, then_store=round_id)

    def rate(self, group: str, code: str, values: list[float]) -> None:
        """Record a group's ratings of one demand on every criterion of the round."""
        store, round_id, live = self.store, self._loaded, self.live
        if round_id is None:
            self.refuse(_("choose a round first"))
            return
        self._rating_pending = True
        done = _("Recorded: ratings of {code} by {group}").format(
            code=code, group=group_label(group))
        self._run(lambda: rounds.rate(store, round_id, group, code, values, live),
                  done, then_store=round_id)

    def retract_own_last(self) -> None:
        live = {e.id for e in self.entries.entries if not e.retracted}
        mine = [vote for vote in self._mine if vote in live]
        if not mine:
            self.refuse(_("nothing entered here yet that can be retracted"))
            return
        self._retract(mine[-1])

    def retract_selected(self) -> None:
        index = self.entries_view.currentIndex()
        if not index.isValid():
            self.refuse(_("choose an entry in the list to retract"))
            return
        entry: rounds.Entry = index.data(ENTRY_ROLE)
        if entry.retracted or entry.corrects is not None:
            self.refuse(_("this entry is already a correction or corrected"))
            return
        self._retract(entry.id)

    def _retract(self, vote_id: uuid.UUID) -> None:
        store, round_id, live = self.store, self._loaded, self.live
        if round_id is None:
            return
        self._run(lambda: rounds.retract(store, round_id, vote_id, live),
                  _("Entry retracted; the correction is kept in the log"), then_store=round_id)

    def set_class(self, klass: PriorityClass | None, reason: str) -> None:
        """Set the class of the demand chosen in the results by hand (None: by the rule)."""
        store, round_id, live = self.store, self._loaded, self.live
        row = self.results_view.currentIndex().row()
        if round_id is None or row < 0:
            self.refuse(_("choose a demand in the results first"))
            return
        code = self.results.rows[row].code
        done = _("Class of {code} set by hand") if klass is not None \
            else _("Class of {code} given by the rule again")
        self.class_bar.clear()
        self._run(lambda: rounds.decide_class(store, round_id, code, klass, reason, live),
                  done.format(code=code), then_store=round_id)

    def set_order(self, codes: list[str] | None, note: str) -> None:
        """Set the agreed order by hand (None: the order computed from the groups)."""
        store, round_id, live = self.store, self._loaded, self.live
        if round_id is None:
            self.refuse(_("choose a round first"))
            return
        done = _("Agreed order set by hand") if codes else _("Agreed order computed again")
        self._run(lambda: rounds.decide_order(store, round_id, codes, note, live), done,
                  then_store=round_id)

    def close_round(self, issued: int, counted: int, present: int, note: str) -> None:
        store, round_id = self.store, self._loaded
        if round_id is None:
            self.refuse(_("choose a round first"))
            return
        self._run(lambda: rounds.close(store, round_id, issued, counted, present, note),
                  _("Round closed: the figures and the note go into the acta"))

    def refuse(self, reason: str) -> None:
        self._pair_pending = False
        self._rating_pending = False
        self.done.clear()
        self.refusal.setText(_("Refused: {reason}").format(reason=reason))

    def _show(self, state: rounds.RoundState, done: str) -> None:
        if state.round_id != self._loaded:
            return  # another round was chosen meanwhile
        self.state = state
        if state.last_vote is not None:
            self._mine.append(state.last_vote)
            self.line.recorded(state.last_ballot, next(
                e.count for e in state.entries if e.id == state.last_vote))
        self.refusal.clear()
        self.done.setText(done)
        groups = ", ".join(group_label(g) for g in state.groups)
        mode = rounds.entry_mode(state.method)
        if state.method in rounds.TALLIED:
            info = _("{dots} dots per participant; groups: {groups}").format(
                dots=state.dots, groups=groups)
        else:
            info = _("{method}; groups: {groups}").format(
                method=labels.label(state.method), groups=groups)
        self.mode_note.setText(mode.note)
        self.mode_note.setVisible(bool(mode.note))
        self.line.set_mode(mode)
        pairwise = state.method is PrioritizationMethod.pairwise
        rated = state.method is PrioritizationMethod.criteria
        self.line.setVisible(not pairwise and not rated)
        self.line.hint.setVisible(not pairwise and not rated)
        self.pair_line.setVisible(pairwise and not state.closed)
        self.pair_line.set_groups(state.groups)
        self.rating_line.setVisible(rated and not state.closed)
        self.rating_line.set_round(state.groups, state.outcome.inputs.criteria)
        if self._pair_pending:
            self._pair_pending = False
            self.pair_line.recorded()
        if self._rating_pending:
            self._rating_pending = False
            self.rating_line.recorded()
        if state.closed:
            info += "  ·  " + _("closed: no more entries can be recorded")
        listed = self.listed_at(state.round_id)
        if listed >= 0:
            self.round_box.setItemText(listed, _round_text(state.title, state.method, state.closed))
        problems = [*state.flags, *(f"{group_label(g)}: {why}"
                                    for g, why in state.outcome.refused.items())]
        self.about.setText("  ·  ".join([info, *problems]))
        self.line.set_groups(state.groups)
        self.results.set_state(state)
        self.reconcile.set_round(state.round_id, state.figures, state.closed)
        self.entries.set_state(state)
        fit_columns(self.results_view)
        fit_columns(self.entries_view)
        self.sig_state_changed.emit(state)

    # --- projection ----------------------------------------------------------------

    def open_projection(self) -> ProjectionWindow:
        if self.projection is None:
            self.projection = ProjectionWindow(self)
            self.projection.resize(1024, 640)
            self.sig_state_changed.connect(self.projection.set_state)
        if self.state is not None:
            self.projection.set_state(self.state)
        self.projection.show()
        self.projection.raise_()
        self.projection.activateWindow()
        return self.projection


def _round_text(title: str, method: PrioritizationMethod, closed: bool) -> str:
    """How a round is listed: its title, its method, and whether it is closed."""
    return f"{title} · {labels.label(method)}" + (_(" (closed)") if closed else "")
