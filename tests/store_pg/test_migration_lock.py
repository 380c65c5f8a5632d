"""Migrating a shared server (issue 15, item 5): only when confirmed, under an advisory
lock; a second computer opening the same old database waits, or is told why it cannot."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from planner_desktop.domain.provenance import Provenance
from planner_desktop.store import dialect, migrate
from planner_desktop.store.database import Store, open_store
from planner_desktop.store.errors import ServerUpgradeNeeded, StoreError
from planner_desktop.store.schema import SCHEMA_HEAD
from tests.store_pg.conftest import OLDER, revision, wait_until

DEVICE = Provenance(uuid.UUID("00000000-0000-4000-8000-0000000000c2"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_older_server_is_not_migrated_unless_confirmed(older_database):
    with pytest.raises(ServerUpgradeNeeded) as refused:
        open_store(older_database, DEVICE)
    assert (refused.value.found, refused.value.needed) == (OLDER, SCHEMA_HEAD)
    assert revision(older_database) == OLDER  # nothing changed

    store = open_store(older_database, DEVICE, upgrade_server=True)
    store.close()
    assert revision(older_database) == SCHEMA_HEAD


def test_the_command_line_refuses_in_one_line_then_migrates_with_the_flag(older_database):
    refused = run("check", "--db", older_database)
    assert refused.returncode == 1
    assert refused.stderr.splitlines() == [
        f"planner-desktop: {older_database} holds schema {OLDER} and this program needs"
        f" {SCHEMA_HEAD}; have the office's database administrator back the server up, then"
        " run again with --upgrade-database"
    ]
    assert revision(older_database) == OLDER

    done = run("check", "--db", older_database, "--upgrade-database")
    assert done.returncode == 0, done.stderr
    assert revision(older_database) == SCHEMA_HEAD


def test_an_empty_server_database_is_created_without_asking(server_database):
    open_store(server_database, DEVICE).close()
    assert revision(server_database) == SCHEMA_HEAD


def test_a_migration_held_by_another_computer_is_waited_for_then_refused(
    older_database, monkeypatch
):
    """Another computer holds the lock past the (shortened) wait: one clear line, and the
    database is left as it was."""
    monkeypatch.setattr(dialect, "MIGRATION_LOCK_WAIT", 0.2)
    engine = create_engine(older_database)
    try:
        with engine.connect() as other:
            other.execute(
                text("SELECT pg_advisory_lock(:key)"), {"key": dialect.MIGRATION_LOCK_KEY}
            )
            with pytest.raises(StoreError) as refused:
                open_store(older_database, DEVICE, upgrade_server=True)
            other.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": dialect.MIGRATION_LOCK_KEY}
            )
    finally:
        engine.dispose()
    assert str(refused.value) == (
        f"cannot open {older_database}: another computer is updating this database;"
        " try again in a minute"
    )
    assert revision(older_database) == OLDER


class Gate:
    """Holds the first migration in the middle, until the test opens the gate."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real = real
        self.calls = 0
        self.inside = threading.Event()
        self.open = threading.Event()

    def upgrade(self, config: Any, target: str) -> None:
        self.calls += 1
        self.inside.set()
        assert self.open.wait(60), "the test never let the first migration go on"
        self.real(config, target)


def waiting_for_the_lock(url: str) -> bool:
    """True once some connection waits for the migration lock (seen in pg_locks)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return bool(
                conn.execute(
                    text(
                        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                        " AND NOT granted AND database = (SELECT oid FROM pg_database"
                        " WHERE datname = current_database())"
                    )
                ).scalar()
            )
    finally:
        engine.dispose()


def test_two_computers_opening_the_same_old_database_migrate_it_once(
    older_database, monkeypatch
):
    from alembic import command

    gate = Gate(command.upgrade)
    monkeypatch.setattr(command, "upgrade", gate.upgrade)
    opened: dict[str, Store] = {}
    failed: list[BaseException] = []

    def open_as(name: str) -> None:
        try:
            opened[name] = open_store(older_database, DEVICE, upgrade_server=True)
        except BaseException as error:  # reported by the test below
            failed.append(error)

    first = threading.Thread(target=open_as, args=("first",))
    first.start()
    assert gate.inside.wait(60), "the first computer never started migrating"
    second = threading.Thread(target=open_as, args=("second",))
    second.start()
    wait_until(lambda: waiting_for_the_lock(older_database))
    assert revision(older_database) == OLDER  # the first one has not committed yet
    gate.open.set()
    first.join(120)
    second.join(120)
    assert not failed, failed
    assert gate.calls == 1  # the second found the database at head and did nothing
    assert revision(older_database) == SCHEMA_HEAD
    for store in opened.values():
        assert store.is_empty()
        store.close()
    assert sorted(opened) == ["first", "second"]


def test_upgrading_a_database_at_head_does_nothing(server_database):
    engine = create_engine(server_database)
    try:
        assert migrate.upgrade(engine) is True
        assert migrate.upgrade(engine) is False
    finally:
        engine.dispose()
