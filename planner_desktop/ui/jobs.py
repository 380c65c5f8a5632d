"""The one helper for background work: :func:`run_job`.

A job is a plain function that runs in a worker thread and receives a :class:`JobContext`.
Its result, its error or its cancellation come back on the main thread, through the
callbacks given to :func:`run_job` and the signals of the :class:`Job` it returns.

Jobs that write to the database (the default) go through a pool with a single worker, so
writes happen one at a time in the order they were asked for. Read-only work (reports,
exports, opening a database) can pass ``writes=False`` to run in parallel.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from planner_desktop import error_log
from planner_desktop.i18n import _
from planner_desktop.ui import errors

log = logging.getLogger(__name__)

_pools: dict[bool, QThreadPool] = {}
_active: set[Job] = set()
"""Jobs under way, kept alive until their outcome has been delivered."""


class JobCancelled(Exception):
    """Raised inside a job (by :meth:`JobContext.check`) to stop it after a cancel request."""


class JobContext:
    """What a job function receives: progress reporting and the cancel flag.

    Safe to use from the worker thread; it never touches a widget.
    """

    def __init__(self, job: Job) -> None:
        self._job = job
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        """True once somebody asked the job to stop; the job checks it and returns early."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`JobCancelled` when a cancel was requested."""
        if self._cancel.is_set():
            raise JobCancelled

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report that ``done`` of ``total`` steps are finished (shown on the main thread)."""
        self._job._emit(self._job._sig_progress_raw, int(done), int(total), str(text))

    def _request_cancel(self) -> None:
        self._cancel.set()


class Job(QObject):
    """A function running in a worker thread, with its outcome delivered on the main thread.

    Threading contract: **no UI calls inside the job.** The function may only compute,
    read or write the database and call ``context.progress`` / ``context.check``; every
    widget is touched by the callbacks, which run on the main thread.

    Exactly one of ``sig_done(result)``, ``sig_failed(error)`` or ``sig_cancelled()`` is
    emitted, then ``sig_finished()``. A failure is never silent: without ``on_error`` it
    is shown to the person in a message box.
    """

    sig_done = Signal(object)
    sig_failed = Signal(object)
    sig_cancelled = Signal()
    sig_progress = Signal(int, int, str)
    sig_finished = Signal()

    _sig_done_raw = Signal(object)
    _sig_failed_raw = Signal(object)
    _sig_cancelled_raw = Signal()
    _sig_progress_raw = Signal(int, int, str)

    def __init__(self, parent: QObject | None, *, cancellable: bool = True) -> None:
        super().__init__(parent)
        self.cancellable = cancellable
        self.context = JobContext(self)
        self.running = True
        self.result: Any = None
        self.error: BaseException | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._sig_done_raw.connect(self._deliver_done, queued)
        self._sig_failed_raw.connect(self._deliver_failed, queued)
        self._sig_cancelled_raw.connect(self._deliver_cancelled, queued)
        self._sig_progress_raw.connect(self.sig_progress, queued)

    def cancel(self) -> None:
        """Ask the job to stop; it stops when its function next checks the flag."""
        if self.cancellable and self.running:
            self.context._request_cancel()

    @property
    def cancel_requested(self) -> bool:
        return self.context.cancelled

    def _emit(self, signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the job's owner was closed while the work went on
            log.debug("job outcome dropped: its owner no longer exists")

    def _finish(self) -> None:
        self.running = False
        _active.discard(self)
        self.sig_finished.emit()

    @Slot(object)
    def _deliver_done(self, result: Any) -> None:
        self.result = result
        self.sig_done.emit(result)
        self._finish()

    @Slot(object)
    def _deliver_failed(self, error: BaseException) -> None:
        self.error = error
        self.sig_failed.emit(error)
        self._finish()

    @Slot()
    def _deliver_cancelled(self) -> None:
        self.sig_cancelled.emit()
        self._finish()


class _Runner(QRunnable):
    def __init__(self, job: Job, fn: Callable[[JobContext], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._fn = fn

    def run(self) -> None:
        job = self._job
        try:
            result = self._fn(job.context)
        except JobCancelled:
            job._emit(job._sig_cancelled_raw)
        except Exception as error:  # delivered to a person on the main thread
            # Logged here (class and frames, never the message), even if nobody waits.
            errors.job_failed(error)
            job._emit(job._sig_failed_raw, error)
        else:
            job._emit(job._sig_done_raw, result)
        finally:
            self._job = None  # type: ignore[assignment]


def pool(*, writes: bool) -> QThreadPool:
    """The worker pool: one thread for database writes, a few for everything else."""
    found = _pools.get(writes)
    if found is None:
        found = _pools[writes] = QThreadPool()
        found.setObjectName("database-writes" if writes else "background")
        threads = QThreadPool.globalInstance().maxThreadCount()
        found.setMaxThreadCount(1 if writes else max(2, threads))
    return found


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Wait until every job has ended (at shutdown, before the database is closed)."""
    return all(found.waitForDone(timeout_ms) for found in _pools.values())


def error_text(error: BaseException) -> str:
    """The one line shown to a person for a failed job (for a fault of the program, what
    failed and where the details are, not its message; for a database error, why in the
    program's words, never its SQL)."""
    if error_log.is_fault(error) or error_log.is_database_error(error):
        return errors.fault_line(error)
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def show_error(parent: QObject | None, error: BaseException) -> None:
    """The default ``on_error``: a message box with one line."""
    widget = parent if isinstance(parent, QWidget) else None
    QMessageBox.critical(
        widget.window() if widget is not None else None,
        _("The task failed"),
        error_text(error),
    )


def run_job(
    parent: QObject | None,
    fn: Callable[[JobContext], Any],
    *,
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
    cancellable: bool = True,
    writes: bool = True,
) -> Job:
    """Run ``fn(context)`` in a worker thread; callbacks run on the main thread.

    ``parent`` owns the returned :class:`Job` (it is kept alive while the parent lives).
    Errors go to ``on_error`` or, by default, to a message box over ``parent``'s window.
    """
    errors.reporter()  # made on this (the main) thread, where its lines are delivered
    job = Job(parent, cancellable=cancellable)
    job.sig_done.connect(on_done)
    job.sig_failed.connect(on_error if on_error is not None else lambda e: show_error(parent, e))
    if on_progress is not None:
        job.sig_progress.connect(on_progress)
    if on_cancelled is not None:
        job.sig_cancelled.connect(on_cancelled)
    _active.add(job)
    pool(writes=writes).start(_Runner(job, fn))
    return job
