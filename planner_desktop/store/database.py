"""Opening a planning database: checks, migration, sessions (the unit of work)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from planner_desktop.domain import provenance
from planner_desktop.domain.provenance import Provenance
from planner_desktop.domain.territory import Municipality
from planner_desktop.i18n import _
from planner_desktop.store import backup, dialect, migrate
from planner_desktop.store.errors import StoreError

__all__ = ["Store", "StoreError", "open_store", "to_url"]


def to_url(target: str | Path) -> str:
    """A path becomes an SQLite URL; anything with ``://`` is taken as a URL."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


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

    def __init__(self, engine: Engine, provenance_: Provenance) -> None:
        self.engine = engine
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
        self.engine.dispose()


def open_store(
    target: str | Path,
    provenance_: Provenance,
    *,
    backups_dir: Path | None = None,
) -> Store:
    """Open (creating or migrating as needed) the database at ``target``.

    An older schema is backed up, then migrated; a newer one, or a file that is not a
    Planner Desktop database, raises :class:`StoreError` with nothing modified.
    """
    url = to_url(target)
    parsed = make_url(url)
    sqlite_path = None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        sqlite_path = Path(parsed.database)
        _check_sqlite_path(sqlite_path)
    engine = create_engine(url)
    dialect.configure(engine)
    where = sqlite_path or url
    try:
        needed = migrate.plan(engine)
        if needed == "upgrade" and sqlite_path is not None and backups_dir is not None:
            backup.make_backup(sqlite_path, backups_dir, "pre-migration")
        if needed is not None:
            migrate.upgrade(engine)
        dialect.enable_wal(engine)
    except migrate.SchemaError as exc:
        engine.dispose()
        raise StoreError(_("cannot open {path}: {reason}").format(path=where, reason=exc)) from None
    except (DatabaseError, OperationalError) as exc:
        engine.dispose()
        reason = str(exc.orig) if exc.orig is not None else str(exc)
        raise StoreError(
            _("cannot open {path}: {reason}").format(path=where, reason=reason)
        ) from None
    return Store(engine, provenance_)
