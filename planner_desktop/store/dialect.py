"""The one place for database-specific statements (DESIGN §3).

Everything else speaks portable SQLAlchemy so that a planning office can run the same code
on a shared PostgreSQL server. SQLite-only PRAGMAs, header checks and the online backup
live here and nowhere else.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, RootTransaction, event, text
from sqlalchemy.exc import OperationalError

from planner_desktop import APP_ID

SQLITE_HEADER = b"SQLite format 3\x00"

MIGRATION_LOCK_KEY = int.from_bytes(
    hashlib.sha256(f"{APP_ID}:schema-migration".encode()).digest()[:8], "big", signed=True
)
"""The PostgreSQL advisory lock every copy of the program takes to migrate a server's
schema: a fixed 64-bit key derived from the application id."""

MIGRATION_LOCK_WAIT = 60.0
"""Seconds a second computer waits for another one's migration before it gives up."""

LOCK_NOT_AVAILABLE = "55P03"

BUSY_TIMEOUT = 10.0
"""Seconds a write waits for another program's write to the same database to finish
before it gives up and says the database is busy."""

ENV_BUSY_TIMEOUT = "PLANNER_DESKTOP_BUSY_TIMEOUT"
"""Environment variable that sets the busy timeout in seconds (scripts, tests)."""

MERGE_LOCK_KEY = int.from_bytes(
    hashlib.sha256(f"{APP_ID}:merge".encode()).digest()[:8], "big", signed=True
)
"""The PostgreSQL advisory lock a write taken with :func:`begin_write` holds to its end."""


def busy_timeout() -> float:
    """The busy timeout in seconds: :data:`ENV_BUSY_TIMEOUT` when it holds a number of 0 or
    more, else :data:`BUSY_TIMEOUT`."""
    try:
        value = float(os.environ.get(ENV_BUSY_TIMEOUT, ""))
    except ValueError:
        return BUSY_TIMEOUT
    return value if 0 <= value < 86_400 else BUSY_TIMEOUT


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def looks_like_sqlite(path: Path) -> bool:
    """True for an empty file or one that starts with the SQLite header."""
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def configure(engine: Engine) -> None:
    """Foreign keys and ``synchronous=FULL`` on every SQLite connection.

    WAL is switched on by :func:`enable_wal` only once the file is known to be ours,
    because it rewrites the file header.
    """
    if not is_sqlite(engine):
        return

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={round(busy_timeout() * 1000)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.close()


def enable_wal(engine: Engine) -> None:
    """Write-ahead logging (persistent in the file): readers never block the writer."""
    if not is_sqlite(engine) or engine.url.database in (None, "", ":memory:"):
        return
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode=WAL")


def backup_file(source: Path, destination: Path) -> None:
    """Copy a live SQLite database consistently (the online backup API)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def begin_write(conn: Connection) -> RootTransaction:
    """Begin a transaction on ``conn`` that reads and then writes, holding the right to
    write from its first statement, so that two of them never interleave.

    SQLite's usual transaction starts as a reader and asks for the write lock at its first
    write; in WAL mode, if another program wrote in between, that request fails at once
    (its snapshot is stale) or, worse, the reads it made are out of date and the writes
    built on them break a unique key. ``BEGIN IMMEDIATE`` takes the write lock first,
    waiting up to :func:`busy_timeout` for another writer to finish, so the second of two
    merges reads what the first wrote. On PostgreSQL the same order comes from the
    transaction-level advisory lock :data:`MERGE_LOCK_KEY`, waited for as long (the
    server's ``lock_timeout`` for that one statement). Past the wait the driver's error
    says the database is busy (:mod:`planner_desktop.store.db_errors` words it) and the
    transaction is rolled back.
    """
    transaction = conn.begin()
    try:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        elif conn.dialect.name == "postgresql":
            wait = max(1, round(busy_timeout() * 1000))
            conn.exec_driver_sql(f"SET LOCAL lock_timeout = {wait}")
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MERGE_LOCK_KEY})
            conn.exec_driver_sql("SET LOCAL lock_timeout TO DEFAULT")
    except BaseException:
        transaction.rollback()
        raise
    return transaction


class MigrationBusy(Exception):
    """Another computer held the migration lock longer than the wait allowed."""


def _lock_for_migration(conn: Connection, wait: float) -> None:
    """Take the migration lock in ``conn``'s transaction (PostgreSQL; see
    :func:`schema_change`). The bounded wait is the server's ``lock_timeout``, set for this
    one statement and reset at once, so the migration's own statements wait as usual."""
    if conn.dialect.name != "postgresql":
        return
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, round(wait * 1000))}")
    try:
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) == LOCK_NOT_AVAILABLE:
            raise MigrationBusy() from None
        raise
    conn.exec_driver_sql("SET LOCAL lock_timeout TO DEFAULT")


class ForeignKeyError(Exception):
    """A schema change left rows of a table (the message) that refer to nothing."""


@contextmanager
def schema_change(engine: Engine, *, lock_wait: float | None = None) -> Iterator[Connection]:
    """A connection for a schema migration, inside one transaction that is committed at the
    end of the block or rolled back on error.

    On SQLite two things differ from ordinary work. The driver would commit each table
    statement on its own (it opens a transaction only before a row is written), so the
    transaction is opened here by hand, and a failed migration leaves the file as it was.
    And rebuilding a table that other tables refer to (how SQLite changes a table) is only
    possible with foreign keys off: they are switched off for the migration, the change is
    refused (:class:`ForeignKeyError`) if it leaves any table with more rows referring to
    a missing row than it had before, and they are switched back on.

    On a server (PostgreSQL) the transaction first takes the advisory lock
    :data:`MIGRATION_LOCK_KEY`, waiting at most ``lock_wait`` seconds (by default
    :data:`MIGRATION_LOCK_WAIT`) for another computer that holds it (then
    :class:`MigrationBusy`). It is a transaction-level lock
    (``pg_advisory_xact_lock``): the server releases it at the very commit that makes the
    new schema visible, or at the rollback, or when a crashed program's connection drops,
    so the next computer always reads the schema the last one left. On SQLite
    ``BEGIN IMMEDIATE`` does the same job: one writer at a time.
    """
    if not is_sqlite(engine):
        with engine.begin() as conn:
            _lock_for_migration(conn, MIGRATION_LOCK_WAIT if lock_wait is None else lock_wait)
            yield conn
        return
    with engine.connect() as conn:
        raw: Any = conn.connection.dbapi_connection
        conn.rollback()
        level = raw.isolation_level
        raw.isolation_level = None  # statements run as given: BEGIN and COMMIT below
        keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        try:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                broken = _broken_references(conn)
                yield conn
                _check_references(conn, broken)
            except BaseException:
                conn.exec_driver_sql("ROLLBACK")
                raise
            conn.exec_driver_sql("COMMIT")
        finally:
            conn.rollback()
            conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if keys else 'OFF'}")
            conn.rollback()
            raw.isolation_level = level


def _broken_references(conn: Connection) -> Counter[str]:
    """Rows that refer to a missing row, counted by table."""
    return Counter(str(row[0]) for row in conn.exec_driver_sql("PRAGMA foreign_key_check"))


def _check_references(conn: Connection, before: Counter[str]) -> None:
    """Refuse a change that left more broken references in a table than it found there."""
    for table, count in sorted(_broken_references(conn).items()):
        if count > before.get(table, 0):
            raise ForeignKeyError(table)


def integrity_ok(engine: Engine) -> bool:
    if not is_sqlite(engine):
        return True
    with engine.connect() as conn:
        return conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


@contextmanager
def bounded_page_cache(connection: Connection, kib: int = 256) -> Iterator[None]:
    """Let one long read (a streaming export) keep at most ``kib`` KiB of SQLite's page
    cache, then give the connection its usual cache back. Elsewhere nothing changes."""
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size=-{int(kib)}")
    try:
        yield
    finally:
        usual = int(before) if before is not None else -2000
        connection.exec_driver_sql(f"PRAGMA cache_size={usual}")
