"""The window on the planning office's shared server (issue 15, item 5): an older server
database is updated only after a question that says backups are the office's job, and a
URL's password shows nowhere — not in a message, the status bar, the title or the log."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton

from planner_desktop.store.schema import SCHEMA_HEAD
from planner_desktop.ui import jobs
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.main_window import MainWindow
from tests.store_pg import conftest as server
from tests.store_pg.conftest import ENCODED_PASSWORD, OLDER, PASSWORD, ROLE, revision

# The shared-server fixtures, used here as in tests/store_pg.
password_role = server.password_role
server_database = server.server_database
older_database = server.older_database

pytestmark = pytest.mark.gui


class Questions:
    """Answers the window's own question boxes (``QMessageBox.exec``) with one button."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str, str]] = []

    def exec(self, box: QMessageBox) -> int:
        self.asked.append((box.windowTitle(), box.text(), box.informativeText()))
        button = box.findChild(QPushButton, self.answer)
        assert button is not None, f"no button {self.answer}"
        button.click()
        return 0


def answering(monkeypatch: pytest.MonkeyPatch, answer: str) -> Questions:
    questions = Questions(answer)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: questions.exec(box))
    return questions


@pytest.fixture
def window(qtbot, settings, demo_copy):
    """The window, in English, on a local demo database, as a technical team member has it
    (the Spanish of these messages waits in translations/incoming)."""
    apply_language("en")
    shown = MainWindow(settings)
    qtbot.addWidget(shown)
    shown.show()
    with qtbot.waitSignal(shown.sig_store_changed, timeout=20000):
        shown.open_database(demo_copy)
    yield shown
    jobs.wait_for_all()


def everything_shown(window: MainWindow) -> str:
    return "\n".join(
        [
            window.windowTitle(),
            window.db_label.text(),
            window.db_label.toolTip(),
            window.statusBar().currentMessage(),
        ]
    )


def test_leaving_an_older_server_as_it_is_keeps_the_open_database(
    qtbot, window, older_database, monkeypatch, message_boxes
):
    local = window.store
    questions = answering(monkeypatch, "leaveDatabase")
    window.open_database(older_database)
    qtbot.waitUntil(lambda: bool(questions.asked), timeout=20000)
    jobs.wait_for_all()
    title, text, details = questions.asked[0]
    assert title == "Update the shared database?"
    assert text == (
        f"The shared database {older_database} has schema {OLDER}; this version of"
        f" Planner Desktop needs {SCHEMA_HEAD}."
    )
    assert "the job of the office's database administrator" in details
    assert window.store is local and window.isVisible()
    assert message_boxes.shown == []
    assert revision(older_database) == OLDER


def test_updating_an_older_server_with_a_password_shows_it_nowhere(
    qtbot, window, password_role, postgres_server, monkeypatch, program_error_handling
):
    postgres_server.execute(f"CREATE DATABASE gui_old OWNER {ROLE}")
    url = f"{password_role}/gui_old"
    from sqlalchemy import create_engine

    from planner_desktop.store import migrate, urls

    engine = create_engine(urls.to_url(url))
    migrate.upgrade(engine, OLDER)
    engine.dispose()
    questions = answering(monkeypatch, "updateDatabase")
    with qtbot.waitSignal(window.sig_store_changed, timeout=60000):
        window.open_database(url)
    assert window.store is not None and window.store.path is None
    assert migrate.revision_of(window.store.engine) == SCHEMA_HEAD
    assert len(questions.asked) == 1
    shown = "\n".join([everything_shown(window), *(" ".join(q) for q in questions.asked)])
    assert f"postgresql+psycopg://{ROLE}:***@127.0.0.1" in window.db_label.text()
    log = program_error_handling.read_text() if program_error_handling.exists() else ""
    for text in (shown, log):
        assert PASSWORD not in text and ENCODED_PASSWORD.lower() not in text.lower()


def test_a_wrong_password_is_one_line_without_it(
    qtbot, window, password_role, message_boxes, program_error_handling
):
    local = window.store
    wrong = "Wr0ng:pa/ss@word"
    url = f"{password_role}/postgres".replace(ENCODED_PASSWORD, quote(wrong, safe=""))
    window.open_database(url)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=20000)
    kind, title, text = message_boxes.shown[0]
    assert (kind, title) == ("critical", "Cannot open the database")
    assert "\n" not in text
    assert f"postgresql+psycopg://{ROLE}:***@127.0.0.1" in text
    assert f'password authentication failed for user "{ROLE}"' in text
    log = program_error_handling.read_text() if program_error_handling.exists() else ""
    for shown in (text, everything_shown(window), log):
        assert wrong not in shown and quote(wrong, safe="") not in shown
    assert window.store is local
