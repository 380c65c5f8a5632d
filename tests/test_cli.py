"""The command-line contract of DESIGN §5: names, exit codes, one-line refusals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import file_digest
from tests.test_help_language import COMMANDS as HELP_COMMANDS

COMMANDS = [list(path) for path in HELP_COMMANDS]  # collected from the parser itself


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run("demo", "--db", str(path), "--seed", "7")
    assert result.returncode == 0, result.stderr
    return path


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "window")
def test_every_command_has_help(command):
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: planner-desktop" in result.stdout


def test_wrong_usage_exits_2():
    assert run("demo").returncode == 2
    assert run("frobnicate").returncode == 2


def test_dump_is_canonical_json(demo_db):
    import json

    first = run("dump", "--db", str(demo_db))
    second = run("dump", "--db", str(demo_db))
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    data = json.loads(first.stdout)
    assert data["format"] == "planner-desktop-dump"
    assert list(data["tables"]) == sorted(data["tables"])
    assert "store_meta" not in data["tables"] and "alembic_version" not in data["tables"]
    ids = [row["id"] for row in data["tables"]["demand"]]
    assert ids == sorted(ids) and len(ids) >= 200


def test_demo_into_a_database_with_data_is_refused(demo_db):
    before = file_digest(demo_db)
    result = run("demo", "--db", str(demo_db))
    assert result.returncode == 1
    assert "already holds a municipality" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert file_digest(demo_db) == before


def test_db_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "plan.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 20)
    before = file_digest(path)
    for args in (["demo", "--db", str(path)], ["dump", "--db", str(path)]):
        result = run(*args)
        assert result.returncode == 1
        assert "not a Planner Desktop database" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert file_digest(path) == before


def test_folder_that_cannot_be_written_is_refused(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run("demo", "--db", str(blocker / "db.sqlite"))
    assert result.returncode == 1
    assert "cannot create the folder" in result.stderr


@pytest.mark.skipif(
    sys.platform == "win32" or __import__("os").geteuid() == 0,
    reason="root may write anywhere; permissions cannot refuse it",
)
def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o555)
    result = run("demo", "--db", str(folder / "db.sqlite"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr


def test_dump_of_a_missing_database_creates_nothing(tmp_path):
    path = tmp_path / "missing.sqlite"
    result = run("dump", "--db", str(path))
    assert result.returncode == 1
    assert "no database" in result.stderr
    assert not path.exists()


def test_newer_database_is_refused_by_the_command_line(tmp_path, demo_db):
    import shutil
    import sqlite3

    path = tmp_path / "newer.sqlite"
    shutil.copy(demo_db, path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_later'")
        conn.execute("UPDATE store_meta SET value = '3.1.0' WHERE key = 'app_version'")
    conn.close()
    before = file_digest(path)
    result = run("dump", "--db", str(path))
    assert result.returncode == 1
    assert "3.1.0" in result.stderr and "0099_later" in result.stderr
    assert file_digest(path) == before


def test_messages_follow_the_language(tmp_path):
    path = tmp_path / "x.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--lang", "es", "dump", "--db", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "no hay ninguna base de datos" in result.stderr.lower()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], (None, None)),
        (["--db", "a.sqlite"], ("a.sqlite", None)),
        (["--db=a.sqlite", "--lang", "en"], ("a.sqlite", "en")),
        (["--lang=es"], (None, "es")),
        (["--lang", "xx"], (None, "xx")),  # checked once Qt is loaded
        (["--db"], None),  # a missing value is the parser's to report
        (["--db", "--lang", "en"], None),
        (["--help"], None),
        (["--version"], None),
        (["--da", "a.sqlite"], None),  # abbreviations go through the parser
        (["dump", "--db", "a.sqlite"], None),
    ],
)
def test_window_arguments_are_read_without_the_parser(argv, expected):
    from planner_desktop.cli import _window_arguments

    assert _window_arguments(argv) == expected


def test_the_window_opens_on_the_database_given(monkeypatch, tmp_path):
    from planner_desktop import cli
    from planner_desktop.ui import app

    opened: list[tuple[str | None, str | None]] = []

    def fake_run(db: str | None, lang: str | None) -> int:
        opened.append((db, lang))
        return 0

    monkeypatch.setattr(app, "prepare_qt", lambda: None)
    monkeypatch.setattr(app, "run", fake_run)
    assert cli.main(["--db", str(tmp_path / "x.sqlite"), "--lang", "en"]) == 0
    assert cli.main([]) == 0
    assert opened == [(str(tmp_path / "x.sqlite"), "en"), (None, None)]


def test_a_wrong_language_for_the_window_is_wrong_usage():
    result = run("--lang", "xx")
    assert result.returncode == 2
    assert "--lang" in result.stderr


def test_issue13_acta_verify_gives_the_window_s_verdict_headless(demo_db):
    """exit 0 and the verdict on stdout when it matches; 1 and one line on stderr if not."""
    import uuid

    from planner_desktop.context import open_database
    from planner_desktop.reports.acta_check import check_acta, verdict_line
    from planner_desktop.reports.results_hash import event_payload, qr_payload

    store = open_database(demo_db, must_exist=True)
    try:
        with store.engine.connect() as conn:
            from sqlalchemy import text

            event_id = uuid.UUID(conn.execute(text(
                "SELECT e.id FROM event e JOIN prioritization_round r ON r.event_id = e.id "
                "ORDER BY e.date LIMIT 1")).scalar())
        with store.session() as session:
            payload = event_payload(session, event_id)
        from planner_desktop.i18n import set_language

        set_language("en")
        expected = verdict_line(check_acta(store, payload))
    finally:
        store.close()

    matches = run("acta", "verify", "--db", str(demo_db), payload)
    assert matches.returncode == 0, matches.stderr
    assert matches.stdout.strip() == expected and matches.stderr == ""

    stranger = qr_payload(uuid.uuid4(), "0" * 64)
    unknown = run("acta", "verify", "--db", str(demo_db), stranger)
    assert unknown.returncode == 1 and unknown.stdout == ""
    [line] = unknown.stderr.splitlines()
    assert line.startswith("Does not match: no event of this database has the session")

    unreadable = run("acta", "verify", "--db", str(demo_db), "PDACTA1;session=abc")
    assert unreadable.returncode == 1
    [line] = unreadable.stderr.splitlines()
    assert line.startswith("Unreadable: this is not an acta code")

    before = file_digest(demo_db)
    digest = payload.rsplit("=", 1)[1]
    changed = run("acta", "verify", "--db", str(demo_db), payload.replace(digest, "0" * 64))
    assert changed.returncode == 1
    [line] = changed.stderr.splitlines()
    assert line.startswith("Does not match: ") and "fingerprint" in line
    assert file_digest(demo_db) == before, "checking writes nothing"
    assert run("acta", "verify", "--db", str(demo_db)).returncode == 2
