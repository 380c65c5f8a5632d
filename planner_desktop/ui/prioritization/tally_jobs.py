"""The tally panel's writes: every entry, correction and decision runs in the database-write
worker, in the order typed; the results the projection shows are stored by a second job
queued right behind, so the projection never waits for that write."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.ui import jobs
from planner_desktop.ui.prioritization import state as rounds

if TYPE_CHECKING:
    from planner_desktop.store.database import Store
    from planner_desktop.ui.changes import ChangeHub
    from planner_desktop.ui.prioritization.entry_line import EntryLine
    from planner_desktop.ui.prioritization.entry_log import Tracker

TABLES = ("vote", "round_result")


class TallyJobs:
    """What the panel needs to run its writes (mixed into :class:`TallyPanel`)."""

    store: Store
    hub: ChangeHub
    live: Tracker
    line: EntryLine
    pending: int

    def refuse(self, reason: str) -> None:
        raise NotImplementedError

    def _owner(self) -> QWidget:
        """The panel this is mixed into: it owns the jobs, their errors show over it."""
        assert isinstance(self, QWidget), "TallyJobs is mixed into a widget"
        return self

    def _show(self, state: rounds.RoundState, done: str) -> None:
        raise NotImplementedError

    def _run(self, work: Callable[[], rounds.RoundState], done: str, retype: str = "",
             then_store: uuid.UUID | None = None) -> None:
        """Write (or read) in the write worker, so entries keep the order they were typed.

        With ``then_store``, the results the projection shows are stored by a second job
        queued right behind: the projection does not wait for that write.
        """
        self.pending += 1
        serial = self.hub.next_serial()
        self.hub.started()
        hub = self.hub

        def attempt(_context: object) -> rounds.RoundState | PrioritizationError:
            try:
                return work()
            except PrioritizationError as refusal:  # a refusal is an answer, not a failure
                return refusal

        def finished(outcome: rounds.RoundState | PrioritizationError) -> None:
            self.pending -= 1
            if isinstance(outcome, PrioritizationError):
                hub.finished((), serial)
                self.refuse(str(outcome))
                if retype and not self.line.code_field.text():
                    self.line.code_field.setText(retype)
                    self.line.code_field.selectAll()
                return
            # The results are announced by the job that stores them, when there is one.
            tables = () if not done else ("vote",) if then_store is not None else TABLES
            hub.finished(tables, serial)
            self._show(outcome, done)

        def failed(error: BaseException) -> None:
            self.pending -= 1
            hub.finished((), serial)
            jobs.show_error(self._owner(), error)

        jobs.run_job(self._owner(), attempt, on_done=finished, on_error=failed, cancellable=False)
        if then_store is not None:
            self._store_results(then_store)

    def _store_results(self, round_id: uuid.UUID) -> None:
        """Queue the write of the results (after the entry's job, in the same worker)."""
        store, live, hub = self.store, self.live, self.hub
        self.pending += 1
        serial = hub.next_serial()
        hub.started()

        def stored(wrote: bool) -> None:
            self.pending -= 1
            hub.finished(("round_result",) if wrote else (), serial)

        def failed(error: BaseException) -> None:
            self.pending -= 1
            hub.finished((), serial)
            jobs.show_error(self._owner(), error)

        jobs.run_job(self._owner(), lambda _context: rounds.store_results(store, round_id, live),
                     on_done=stored, on_error=failed, cancellable=False)
