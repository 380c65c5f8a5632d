"""Fixtures of the shared-server tests: the run's PostgreSQL server (tests/postgres_server.py),
a role that must give its password, and databases left at an older schema."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from planner_desktop.store import migrate, redact
from tests.postgres_server import PostgresServer

OLDER = "0006_shared_ranks_reopening"
"""The revision before the head: what an office's server holds before this version."""

ROLE = "planner_pw"
PASSWORD = "Qx7:p@ss/w%rd-Zk"
"""Characters a URL must percent-encode, so both spellings of it can be looked for."""
ENCODED_PASSWORD = "Qx7%3Ap%40ss%2Fw%25rd-Zk"

_names = iter(range(1, 1_000_000))


@pytest.fixture(scope="session")
def password_role(postgres_server: PostgresServer) -> Iterator[str]:
    """A login role that the server asks for its password (scram-sha-256); the test
    server trusts everyone else. Yields the base of its URLs (no database).

    The window's tests use it too (a second copy of the fixture in the same run): making
    the role is idempotent, and each copy puts back the access rules it found."""
    postgres_server.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ROLE}') THEN"
        f" CREATE ROLE {ROLE} LOGIN CREATEDB PASSWORD '{PASSWORD}'; END IF; END $$"
    )
    hba = postgres_server.data / "pg_hba.conf"
    before = hba.read_text()
    hba.write_text(f"host all {ROLE} 127.0.0.1/32 scram-sha-256\n{before}")
    postgres_server.execute("SELECT pg_reload_conf()")
    try:
        yield f"postgresql://{ROLE}:{ENCODED_PASSWORD}@127.0.0.1:{postgres_server.port}"
    finally:
        hba.write_text(before)
        postgres_server.execute("SELECT pg_reload_conf()")
        redact.forget_all()


@pytest.fixture
def server_database(postgres_server: PostgresServer) -> Iterator[str]:
    """A new empty database on the run's server (trusted, no password): its URL."""
    name = f"store_pg_{next(_names)}"
    url = postgres_server.create_database(name)
    yield url
    postgres_server.drop_database(name)


@pytest.fixture
def older_database(server_database: str) -> str:
    """A server database whose schema is one revision older than this program's."""
    engine = create_engine(server_database)
    try:
        migrate.upgrade(engine, OLDER)
    finally:
        engine.dispose()
    return server_database


def revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        return migrate.revision_of(engine)
    finally:
        engine.dispose()


def closed_port() -> int:
    """A port of 127.0.0.1 where nothing listens (free a moment ago)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def files_text(folder: Path) -> str:
    """Everything written in the files under ``folder`` (the program's data folder)."""
    return "".join(path.read_text(errors="replace") for path in folder.rglob("*") if path.is_file())


def wait_until(condition: Callable[[], bool], limit: float = 60.0) -> None:
    """Poll ``condition`` until it holds; fail after ``limit`` seconds (a hang, not a
    timing: nothing here measures how long anything took)."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"still waiting after {limit:.0f} s")
        time.sleep(0.05)
