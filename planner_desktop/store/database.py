"""Opening a planning database: checks, migration, sessions (the unit of work)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, func, select
from sqlalchemy.exc import DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from planner_desktop.domain import provenance
from planner_desktop.domain.provenance import Provenance
from planner_desktop.domain.territory import Municipality
from planner_desktop.i18n import _
from planner_desktop.store import backup, db_errors, dialect, migrate, redact, urls
from planner_desktop.store.errors import ServerUpgradeNeeded, StoreError
from planner_desktop.store.schema import SCHEMA_HEAD

__all__ = ["ServerUpgradeNeeded", "Store", "StoreError", "open_store", "to_url"]

CONNECT_TIMEOUT = 15
"""Seconds to reach a server before giving up (unless the URL sets ``connect_timeout``)."""


def to_url(target: str | Path | URL) -> URL:
    """A path becomes an SQLite URL; anything with ``://`` is taken as a URL (see
    :func:`planner_desktop.store.urls.to_url`)."""
    return urls.to_url(target)


def _check_sqlite_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(_("{path} is a folder, not a database file").format(path=path))
    if path.exists():
        if not os.access(path, os.R_OK):
            raise StoreError(_("{path} cannot be read").format(path=path))
        if not dialect.looks_like_sqlite(path):
            raise StoreError(
                _("{path} is not a Planner Desktop database (not an SQLite file)").format(path=path)
            )
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            _("cannot create the folder {folder}: {reason}").format(
                folder=folder, reason=exc.strerror
            )
        ) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(_("cannot write in the folder {folder}").format(folder=folder))


class Store:
    """An open planning database.

    ``session()`` is the unit of work: one transaction, committed when the block ends
    normally and rolled back on any error, with provenance stamped on every edit.
    """

    def __init__(self, engine: Engine, provenance_: Provenance, where: str | None = None) -> None:
        self.engine = engine
        self._where = where
        self.provenance = provenance_
        self._factory = sessionmaker(engine, expire_on_commit=False)
        self._factory_info = {provenance.INFO_KEY: provenance_}
        provenance.install(self._factory)

    def set_facilitator(self, name: str) -> None:
        """Stamp ``name`` on the records created from now on (those already saved keep
        theirs)."""
        self.provenance = dataclasses.replace(self.provenance, facilitator=name)
        self._factory_info = {provenance.INFO_KEY: self.provenance}

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        """The database file, for SQLite; None for a server."""
        if not dialect.is_sqlite(self.engine) or not self.engine.url.database:
            return None
        return Path(self.engine.url.database)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._factory(info=dict(self._factory_info)) as session, session.begin():
            yield session

    @contextmanager
    def raw_session(self) -> Iterator[Session]:
        """A transaction without provenance stamping: the caller sets every field."""
        with self._factory() as session, session.begin():
            yield session

    def is_empty(self) -> bool:
        with self._factory() as session:
            return not session.scalar(select(func.count()).select_from(Municipality))

    def close(self) -> None:
        if self._where is not None:
            db_errors.forget(self._where)
            self._where = None
        self.engine.dispose()


def open_store(
    target: str | Path | URL,
    provenance_: Provenance,
    *,
    backups_dir: Path | None = None,
    upgrade_server: bool = False,
) -> Store:
    """Open (creating or migrating as needed) the database at ``target``.

    An older SQLite file is backed up (into ``backups_dir``), then migrated. An older
    **server** database (PostgreSQL) is migrated only when ``upgrade_server`` says a person
    confirmed it; otherwise :class:`ServerUpgradeNeeded` names the revision found and the
    one needed. We ask rather than back up: a desktop cannot copy a server's files,
    ``pg_dump`` is often not on a facilitator's laptop and must match the server's major
    version, and the server's backups are the job of the office's database administrator,
    whose copies are the ones that get restored. The confirmation says so.

    A migration on a server runs under an advisory lock (see
    :func:`planner_desktop.store.dialect.schema_change`): a second computer opening the
    same old database waits for the first (at most
    :data:`~planner_desktop.store.dialect.MIGRATION_LOCK_WAIT` seconds), then finds it
    already migrated and does nothing.

    A newer schema, or a file that is not a Planner Desktop database, raises
    :class:`StoreError` with nothing modified. No message carries a URL's password.
    """
    url = urls.to_url(target)
    shown = urls.shown(url)
    sqlite_path = None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        sqlite_path = Path(url.database)
        _check_sqlite_path(sqlite_path)
    urls.check_driver(url)
    where: Path | str = sqlite_path or shown
    engine = _create_engine(url, shown)
    dialect.configure(engine)
    try:
        needed = migrate.plan(engine)
        if needed == "upgrade" and sqlite_path is not None and backups_dir is not None:
            backup.make_backup(sqlite_path, backups_dir, "pre-migration")
        if needed == "upgrade" and not dialect.is_sqlite(engine) and not upgrade_server:
            raise _upgrade_needed(engine, shown)
        if needed is not None:
            migrate.upgrade(engine)
        dialect.enable_wal(engine)
    except ServerUpgradeNeeded:
        engine.dispose()
        raise
    except dialect.MigrationBusy:
        engine.dispose()
        raise StoreError(
            _(
                "cannot open {path}: another computer is updating this database; "
                "try again in a minute"
            ).format(path=where)
        ) from None
    except migrate.SchemaError as exc:
        engine.dispose()
        raise StoreError(_("cannot open {path}: {reason}").format(path=where, reason=exc)) from None
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(_opening_failed(exc, where, server=sqlite_path is None)) from None
    db_errors.remember(where)
    return Store(engine, provenance_, str(where))


def _opening_failed(exc: DBAPIError, where: Path | str, *, server: bool) -> str:
    """One line for a database that failed while being opened: a file's state in the
    program's words; a server's own message (which says which host, port or user failed)
    scrubbed of any password."""
    if not server:
        line = db_errors.describe(exc, where)
        if line is not None:
            return line
    reason = redact.one_line(str(exc.orig) if exc.orig is not None else str(exc))
    return _("cannot open {path}: {reason}").format(path=where, reason=reason)


def _create_engine(url: URL, shown: str) -> Engine:
    """The engine for ``url``; an unknown kind of database or a missing driver is refused
    in one line. Its errors and log lines never carry a statement's parameters (values
    a person typed, names of people and places)."""
    options: dict[str, object] = {"hide_parameters": True}
    if urls.is_postgresql(url) and "connect_timeout" not in url.query:
        options["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT}
    try:
        return create_engine(url, **options)
    except (NoSuchModuleError, ImportError):
        raise StoreError(
            _(
                "cannot open {url}: Planner Desktop opens SQLite files and PostgreSQL servers"
                " (postgresql://user@host/database)"
            ).format(url=shown)
        ) from None


def _upgrade_needed(engine: Engine, shown: str) -> ServerUpgradeNeeded:
    found = migrate.revision_of(engine) or "?"
    needed = SCHEMA_HEAD
    return ServerUpgradeNeeded(
        _(
            "{url} holds schema {found} and this program needs {needed}; have the office's"
            " database administrator back the server up, then run again with"
            " --upgrade-database"
        ).format(url=shown, found=found, needed=needed),
        where=shown,
        found=found,
        needed=needed,
    )
