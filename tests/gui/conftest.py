"""Fixtures of the window tests: one demo database per session, modal dialogs patched.

pytest-qt makes the offscreen QApplication (QT_QPA_PLATFORM=offscreen, see the Makefile).

No exception may end in the terminal (issue 13): the program's own error handling is
installed for the whole run, as the window's start-up installs it, and every test fails
when anything reached it — an exception in a slot or a virtual method, in a thread, or a
fault of the program in a background job. pytest-qt's capture of exceptions is switched off
for these tests, so that the program's handler is the one that sees them.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from planner_desktop import error_log, i18n, paths
from planner_desktop.context import open_database
from planner_desktop.settings import Settings
from planner_desktop.ui import errors, jobs
from planner_desktop.ui.language import apply_language

GUI_TESTS = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_TESTS in item.path.parents:
            item.add_marker(pytest.mark.qt_no_exception_capture)


@pytest.fixture(scope="session", autouse=True)
def program_error_handling(
    qapp: QApplication, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """The program's handler of unhandled errors, logging to a file of this run (its path)."""
    log = tmp_path_factory.mktemp("log") / paths.LOG_FILE_NAME
    uninstall = errors.install(log)
    errors.reporter().take()
    yield log
    uninstall()
    error_log.stop()


@pytest.fixture(autouse=True)
def _log_of_this_run(program_error_handling: Path) -> None:
    """A test that starts the window the program's way moves the log to the data folder;
    every test starts with it back on this run's file (the order of tests is not fixed)."""
    error_log.start(program_error_handling)


def _nothing_escaped(item: pytest.Item, when: str, failing: bool) -> None:
    """Fail ``item`` if an error reached the program's handler during ``when``."""
    QApplication.processEvents()
    faults = errors.reporter().take()
    if not faults:
        return
    text = "\n".join(faults)
    if failing:  # the test failed anyway: show what also escaped, beside its failure
        item.add_report_section(when, "errors nobody handled", text)
        return
    pytest.fail(f"{when}: an error reached the program's handler (the terminal, before "
                f"issue 13):\n{text}", pytrace=False)


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    if GUI_TESTS not in item.path.parents:
        return (yield)
    try:
        result = yield
    except BaseException:
        _nothing_escaped(item, "call", failing=True)
        raise
    _nothing_escaped(item, "call", failing=False)
    return result


@pytest.hookimpl(wrapper=True, trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    if GUI_TESTS not in item.path.parents:
        return (yield)
    try:
        result = yield
    except BaseException:
        _nothing_escaped(item, "teardown", failing=True)
        raise
    _nothing_escaped(item, "teardown", failing=False)
    return result


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo municipality (seed 1, scale 1), made once; tests only read it."""
    from planner_desktop.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    store = open_database(path)
    try:
        with store.raw_session() as session:
            generate(session, seed=1, scale=1)
    finally:
        store.close()
    return path


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, for a test that changes it."""
    target = tmp_path / "demo-copy.sqlite"
    shutil.copyfile(demo_db, target)
    return target


@pytest.fixture
def demo_store(demo_db: Path) -> Iterator[Any]:
    store = open_database(demo_db, must_exist=True)
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Fresh settings in a folder of this test only."""
    return Settings(tmp_path / "config" / "settings.json")


class MessageBoxes:
    """Records every message box a test would have opened, instead of blocking."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def record(self, kind: str) -> Any:
        def show(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok

        return show

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _title, text in self.shown if kind in (None, k)]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    boxes = MessageBoxes()
    for kind in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(boxes.record(kind)))
    return boxes


@pytest.fixture(scope="package", autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> Iterator[None]:
    """As the program does: no cycle (with Qt objects in it) collected by a job's thread."""
    from planner_desktop.ui.collector import MainThreadCollector

    collector = MainThreadCollector()
    yield
    collector.stop()


@pytest.fixture(autouse=True)
def spanish_and_normal_font(qapp: QApplication) -> Iterator[None]:
    """Every test starts in Spanish with the normal font, whatever the last one did."""
    font = QApplication.font()
    apply_language("es")
    yield
    jobs.wait_for_all()
    gc.collect()  # what the test left behind goes here, on the window's thread
    apply_language("es")
    i18n.clear_cache()
    QApplication.setFont(font)
