"""Start the window: the application, settings, language, first run, then the main window.

Start-up is kept short: only Qt and a few small modules are imported before the window is
shown; the database is opened in the background and the first page built after that.
Python's automatic garbage collection is off from the start (it would run some fifty times
over the objects of the modules being imported, 15-25 ms, finding next to nothing); the
window's :class:`~planner_desktop.ui.collector.MainThreadCollector` then collects on its
timer as usual, and the objects made before the first frame are frozen out of its passes.

``PLANNER_DESKTOP_EXIT_AFTER_SHOW`` is a hook for the start-up benchmark: ``1`` quits as
soon as the main window is first shown and prints ``shown <seconds since process start>
<monotonic clock>``; ``close`` closes the window once shown (saving its layout, as any
session does); ``ready`` waits until the database is open and the first page shows its
data, and prints ``ready <seconds> <monotonic clock>``. The monotonic clock is the system's,
so the benchmark can subtract the moment it started the process.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

_IMPORTED = time.perf_counter()

ENV_EXIT_AFTER_SHOW = "PLANNER_DESKTOP_EXIT_AFTER_SHOW"


def seconds_since_start() -> float:
    """Seconds since this process started (Linux); else since this module was imported."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
        return max(0.0, now - int(fields[19]) / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.perf_counter() - _IMPORTED


def prepare_qt() -> None:
    """Import Qt, first of all: PySide6 starts faster when few modules are loaded yet."""
    import PySide6.QtCore

    from planner_desktop.ui.qt_startup import skip_feature_scan

    skip_feature_scan()
    import PySide6.QtWidgets  # noqa: F401


def run(db: str | None, lang: str | None) -> int:
    """Open the window on ``db`` (None: the user's database) in ``lang``; the exit code."""
    collecting = gc.isenabled()
    gc.disable()  # the window's collector keeps it off and collects on its own timer
    try:
        return _run(db, lang)
    finally:
        gc.unfreeze()  # a caller that goes on (a test) gets every object collectable again
        if collecting:
            gc.enable()


def _run(db: str | None, lang: str | None) -> int:
    prepare_qt()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from planner_desktop import APP_NAME, __version__, paths
    from planner_desktop.i18n import LANGUAGES, _
    from planner_desktop.settings import Settings
    from planner_desktop.ui.language import apply_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    from planner_desktop.ui import errors

    errors.install()  # from here on no error ends only in the terminal
    settings = Settings.load(paths.config_dir())
    language = next(
        (choice for choice in (lang, settings.get("language")) if choice in LANGUAGES), "es"
    )
    apply_language(language)

    from planner_desktop.ui.main_window import MainWindow

    last = settings.get("last_database")
    target: str | None = db
    if target is None and last and Path(last).is_file():
        target = last
    window = MainWindow(settings)
    window.sig_closed.connect(app.exit)
    from planner_desktop.ui.keyboard import install_keyboard, present

    install_keyboard(app)
    from planner_desktop.ui.collector import MainThreadCollector

    collector = MainThreadCollector(window)
    if target is None and not paths.default_db_path().exists():
        from planner_desktop.store.database import StoreError

        try:
            store = _first_run()
        except StoreError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, _("Cannot open the database"), str(error))
            return 1
        if store is None:
            return 0
        present(window)  # active: Alt+letter answers at once
        window.set_store(store)
    else:
        present(window)
        QTimer.singleShot(0, gc.freeze)  # after the first frame: start-up's objects stay
        mode = os.environ.get(ENV_EXIT_AFTER_SHOW, "")
        if mode == "1":  # the start-up benchmark: the window is drawn, nothing more
            app.processEvents()
            print(f"shown {seconds_since_start():.3f} {time.monotonic():.6f}", flush=True)
            return 0
        if mode == "close":  # the benchmark's first start: shown, then closed as a person does
            app.processEvents()
            window.close()
            return 0
        if mode == "ready":
            window.sig_store_changed.connect(_report_ready)
        # Opened once the event loop runs, so that the window is drawn first.
        QTimer.singleShot(0, lambda: window.open_database(target))
    code = app.exec()
    window.shutdown()
    collector.stop()
    return window.exit_code or code


def _first_run() -> Store | None:
    """The user's database does not exist yet: create it and let the wizard fill it.

    Returns the open store, or None when the person closed the wizard.
    """
    from planner_desktop.context import open_database
    from planner_desktop.ui.first_run import FirstRunWizard

    store = open_database(None)
    wizard = FirstRunWizard(store)
    if wizard.exec() != FirstRunWizard.DialogCode.Accepted:
        store.close()
        return None
    return store


def _report_ready() -> None:
    """The start-up benchmark's ``ready`` hook: the first page shows its data."""
    from PySide6.QtCore import QCoreApplication

    print(f"ready {seconds_since_start():.3f} {time.monotonic():.6f}", flush=True)
    QCoreApplication.exit(0)
