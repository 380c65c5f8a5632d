"""Agrupación: similar demands of several communities grouped at district or municipal
level. The program suggests (a read job, the window stays free), a person confirms each
group (an undoable write) or rejects it, and the confirmed groups show their sums."""

from __future__ import annotations

import uuid

from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.domain import labels
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _, ngettext
from planner_desktop.prioritization import grouping
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.prioritization.group_rollup import GroupRollup
from planner_desktop.ui.prioritization.grouping_commands import ConfirmGroup
from planner_desktop.ui.prioritization.grouping_search import LEVELS, Where, find_proposals
from planner_desktop.ui.prioritization.suggestion_list import Proposal, SuggestionList
from planner_desktop.ui.scope import Scope


class GroupingPanel(QWidget):
    """The grouping tab of the prioritisation page."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupingPanel")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.district_id: uuid.UUID | None = None
        self.district_name = ""
        self.rejected: set[frozenset[str]] = set()
        self.job: jobs.Job | None = None
        self.asked = False
        self.last: ConfirmGroup | None = None

        self.level = QComboBox()
        self.level.setObjectName("groupingLevel")
        for level in LEVELS:
            self.level.addItem(labels.label(level))
        self.level.currentIndexChanged.connect(self._level_changed)
        self.where_label = QLabel()
        self.suggest = QPushButton(_("Suggest groups"))
        self.suggest.setObjectName("suggestGroups")
        self.suggest.clicked.connect(self.run_suggestions)
        self.busy = QProgressBar()
        self.busy.setObjectName("groupingBusy")
        self.busy.setMaximumWidth(180)
        self.busy.hide()
        self.found = QLabel()
        self.found.setObjectName("groupingFound")
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_("Level")))
        bar.addWidget(self.level)
        bar.addWidget(self.where_label)
        bar.addWidget(self.suggest)
        bar.addWidget(self.busy)
        bar.addWidget(self.found, 1)

        self.suggestions = SuggestionList()
        self.suggestions.sig_confirm.connect(self.confirm)
        self.suggestions.sig_reject.connect(self.reject)
        self.rollup = GroupRollup(store)

        self.rollup.sig_count_changed.connect(self._count_groups)
        self.views = QTabWidget()
        self.views.setObjectName("groupingViews")
        self.views.addTab(self.suggestions, _("Suggestions"))
        self.views.addTab(self.rollup, _("Confirmed groups"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.views, 1)
        hub.sig_changed.connect(self._saved)
        self._where_changed()

    # --- where ---------------------------------------------------------------------

    @property
    def where(self) -> Where:
        level = LEVELS[max(self.level.currentIndex(), 0)]
        return Where(level, self.district_id if level is RoundLevel.district else None)

    def follow_scope(self, scope: Scope) -> None:
        """The district of the territory chosen (of its community), or none."""
        district_id = scope.district_id
        if scope.community_id is not None:
            with self.store.session() as session:
                district_id = session.scalar(
                    select(Community.district_id).where(Community.id == scope.community_id))
        name: str | None = None
        if district_id is not None:
            with self.store.session() as session:
                name = session.scalar(select(District.name).where(District.id == district_id))
        if district_id == self.district_id and self.asked:
            return
        self.district_id, self.district_name = district_id, name or ""
        self._where_changed()

    def set_level(self, level: RoundLevel) -> None:
        self.level.setCurrentIndex(LEVELS.index(level))

    def _level_changed(self, _index: int) -> None:
        self._where_changed()

    def _where_changed(self) -> None:
        self._show_where()
        self.rollup.show_groups(self.where.level, self.where.district_id)
        self._suggest_again()

    def select_group(self, group_id: uuid.UUID, level: RoundLevel) -> bool:
        """Show the group (its level chosen) with its original demands."""
        if self.where.level is not level:
            self.set_level(level)
        self.views.setCurrentWidget(self.rollup)
        return self.rollup.select(group_id)

    def _count_groups(self, n: int) -> None:
        self.views.setTabText(1, _("Confirmed groups ({n})").format(n=n))

    def _show_where(self) -> None:
        where = self.where
        if where.level is RoundLevel.municipality:
            text = _("the whole municipality")
        elif where.district_id is not None:
            text = self.district_name
        else:
            text = _("each district")
        self.where_label.setText(text)

    # --- suggestions ---------------------------------------------------------------

    def run_suggestions(self) -> None:
        """Suggest groups for the level and district shown, in a read job."""
        if self.job is not None:
            self.job.cancel()
        self.asked = True
        where, store = self.where, self.store
        self.busy.setRange(0, 0)
        self.busy.show()
        self.suggest.setEnabled(False)
        self.found.setText(_("Looking for similar demands…"))
        job = jobs.run_job(
            self, lambda context: find_proposals(store, where, context),
            on_done=lambda found: self._suggested(job, found),
            on_error=lambda error: self._failed(job, error),
            on_progress=self._progress, on_cancelled=lambda: self._forget(job),
            writes=False)
        self.job = job

    def _suggest_again(self) -> None:
        """The demands changed: suggest again now if shown, else when next shown."""
        if self.isVisible():
            if self.asked:
                self.run_suggestions()
        else:
            self.asked = False

    def _progress(self, done: int, total: int, _text: str) -> None:
        if total > 1:
            self.busy.setRange(0, total)
            self.busy.setValue(done)

    def _idle(self, job: jobs.Job) -> bool:
        if job is not self.job:
            return False
        self.job = None
        self.busy.hide()
        self.suggest.setEnabled(True)
        return True

    def _forget(self, job: jobs.Job) -> None:
        self._idle(job)

    def _failed(self, job: jobs.Job, error: BaseException) -> None:
        if self._idle(job):
            self.found.setText(jobs.error_text(error))

    def _suggested(self, job: jobs.Job, found: list[Proposal]) -> None:
        if not self._idle(job):
            return
        edited = {proposal.key: proposal for proposal in self.suggestions.proposals}
        shown = [proposal for proposal in found if proposal.key not in self.rejected]
        for proposal in shown:
            before = edited.get(proposal.key)
            if before is not None:
                proposal.title, proposal.left_out = before.title, before.left_out
        self.suggestions.show_proposals(shown, self.suggestions.current_row())
        self.found.setText(ngettext("{n} suggested group", "{n} suggested groups",
                                    len(shown)).format(n=len(shown)))

    def reject(self, proposal: Proposal) -> None:
        """Hide the suggestion until the program is closed (nothing is written)."""
        self.rejected.add(proposal.key)
        self._drop(proposal)

    def _drop(self, proposal: Proposal) -> None:
        row = self.suggestions.proposals.index(proposal)
        rest = [p for p in self.suggestions.proposals if p is not proposal]
        self.suggestions.show_proposals(rest, row)
        self.found.setText(ngettext("{n} suggested group", "{n} suggested groups",
                                    len(rest)).format(n=len(rest)))

    def confirm(self, proposal: Proposal) -> None:
        """Refuse in place with the reason (nothing written), or push one undoable step."""
        chosen = [uuid.UUID(member_id) for member_id in proposal.chosen()]
        level = self.where.level
        with self.store.session() as session:
            refused = grouping.refusal(session, chosen, proposal.title, level)
        if refused:
            self.suggestions.refusal.setText(refused)
            return
        self.suggestions.refusal.clear()
        command = ConfirmGroup(self.hub, _("Group demands: {title}").format(
            title=proposal.title.strip()), chosen, proposal.title.strip(), level)
        self.last = command
        self._drop(proposal)
        self.undo_stack.push(command)

    def _saved(self, table: str, _serial: int) -> None:
        if table == "demand_group":
            self.rollup.reload()
            self._suggest_again()

    def showEvent(self, event: QShowEvent) -> None:
        """Suggest at once the first time the tab is shown."""
        super().showEvent(event)
        if not self.asked:
            self.run_suggestions()
