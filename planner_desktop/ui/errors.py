"""The one place where an error nobody handled ends: told to the person, kept in the log.

:func:`install` (run by the window's start-up) points ``sys.excepthook`` — where PySide6
sends an exception raised in a slot or in a virtual method such as ``data()`` — and
``threading.excepthook`` at the :class:`ErrorReporter`; background jobs hand it their faults
(:mod:`planner_desktop.ui.jobs`). The reporter writes the details to the rotating log
(:mod:`planner_desktop.error_log`: no personal data) and emits one line for the person;
the window shows it in its status bar (:class:`ErrorLine`) and reads every table again, so
what is on screen is what is saved: an edit that failed visibly goes back to the stored value.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QWidget

from planner_desktop import error_log
from planner_desktop.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

SHOWN_MS = 60_000
"""How long the status bar keeps a failure's line."""
REREAD_GAP = 2.0
"""Seconds between two readings after failures (a reading that fails is not repeated)."""

_reporter: ErrorReporter | None = None


class ErrorReporter(QObject):
    """Logs faults and tells the main thread about them (thread-safe).

    ``sig_fault(line)`` always arrives on the main thread, whichever thread failed.
    :attr:`faults` keeps what the log got (class and frames, no message) until
    :meth:`take` empties it; the tests read it to fail on any error nobody handled.
    """

    sig_fault = Signal(str)
    _sig_line = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.faults: list[str] = []
        self._lock = threading.Lock()
        # Emitted from another thread, the line is queued to this (the main) thread.
        self._sig_line.connect(self._deliver)

    def report(self, error: BaseException, where: str, what: str = "") -> str:
        """Record ``error`` (raised in ``where``, while doing ``what``); the line shown."""
        error_log.record_fault(error, where)
        with self._lock:
            self.faults.append(f"{where}: {error_log.describe(error)}")
        line = fault_line(error, what)
        self._sig_line.emit(line)
        return line

    def take(self) -> list[str]:
        """The faults recorded so far, forgotten here."""
        with self._lock:
            taken, self.faults = self.faults, []
        return taken

    @Slot(str)
    def _deliver(self, line: str) -> None:
        self.sig_fault.emit(line)


def reporter() -> ErrorReporter:
    """The program's reporter (made on first use; call it first on the main thread)."""
    global _reporter
    if _reporter is None:
        _reporter = ErrorReporter()
    return _reporter


def fault_line(error: BaseException, what: str = "") -> str:
    """One line for the person: what failed (for a database error, why, in the words of
    :func:`~planner_desktop.store.db_errors.describe`: never its SQL or values), that the
    screen shows what is saved, the log."""
    from planner_desktop.store import db_errors

    reason = db_errors.describe(error)
    if reason is not None:
        return _(
            "{what} failed: {reason}. The screen shows what is saved; details in {log}"
        ).format(what=what or _("The last action"), reason=reason, log=error_log.current_file())
    return _(
        "{what} failed: an error in the program ({kind}). The screen shows what is saved; "
        "details in {log}"
    ).format(what=what or _("The last action"), kind=type(error).__name__,
             log=error_log.current_file())


def widget_title(widget: QWidget | None) -> str:
    """What a person calls ``widget``: its accessible name or the label beside it."""
    while widget is not None:
        if widget.accessibleName():
            return widget.accessibleName()
        parent = widget.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QFormLayout):
            label = layout.labelForField(widget)
            if isinstance(label, QLabel) and label.text():
                return label.text().replace("&", "")
        if widget.isWindow():
            return ""
        widget = parent
    return ""


def _on_main_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def _focus_title() -> str:
    if not _on_main_thread():
        return ""
    from PySide6.QtCore import Qt

    focus = QApplication.focusWidget()
    if focus is not None:
        window = focus.window()
        owner = window.parentWidget()
        if window.windowFlags() & Qt.WindowType.Popup and owner is not None:
            focus = owner  # a drop-down list's popup: name the list
    return widget_title(focus)


def excepthook(
    kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook``: an exception no code caught (a slot, a virtual method)."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    if error.__traceback__ is None and tb is not None:
        error = error.with_traceback(tb)
    try:
        reporter().report(error, "an action of the window", _focus_title())
    except Exception:  # the reporter itself failed: the terminal is the last resort
        sys.__excepthook__(kind, error, tb)


def thread_excepthook(args: Any) -> None:
    """``threading.excepthook``: an exception that ended a thread."""
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    try:
        reporter().report(args.exc_value, "a thread", _("A background task"))
    except Exception:
        sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)


def job_failed(error: BaseException) -> None:
    """A background job ended in ``error``: a fault is reported, a refusal only noted."""
    if error_log.is_fault(error):
        reporter().report(error, "a background job", _("A background task"))
    elif error_log.is_database_error(error):
        error_log.record_failure(error, "a background job")
    else:
        error_log.record_refusal(error, "a background job")


def install(log_path: Any = None) -> Callable[[], None]:
    """Start the log and catch every exception that would reach the terminal; returns the
    function that puts the previous hooks back."""
    error_log.start(log_path)
    reporter()
    previous = sys.excepthook, threading.excepthook
    sys.excepthook = excepthook
    threading.excepthook = thread_excepthook

    def uninstall() -> None:
        sys.excepthook, threading.excepthook = previous

    return uninstall


class ErrorLine(QLabel):
    """The status bar's line for a failure: red, kept :data:`SHOWN_MS`, then cleared.

    After a failure the window's tables are read again (once, a moment later), so a value
    that was not saved goes back to what the database holds.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__()
        self.setObjectName("errorLine")
        self.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.window_ = window
        self._last_reading = -REREAD_GAP
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.hide()
        reporter().sig_fault.connect(self.show_fault)

    def show_fault(self, line: str) -> None:
        from PySide6.QtCore import Qt  # not before the first frame: it builds every enum

        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setText(line)
        self.setToolTip(line)
        self.show()
        self._timer.start(SHOWN_MS)
        if time.monotonic() - self._last_reading >= REREAD_GAP:
            self._last_reading = time.monotonic()
            QTimer.singleShot(0, self._reread)

    def clear(self) -> None:
        super().clear()
        self.hide()

    def _reread(self) -> None:
        """Every list and form reads what is saved."""
        from planner_desktop.ui.changes import hub_for

        self._last_reading = time.monotonic()
        store = getattr(self.window_, "store", None)
        stack = getattr(self.window_, "undo_stack", None)
        if store is not None and stack is not None:
            hub_for(stack, store).reread_all()
        self._last_reading = time.monotonic()
