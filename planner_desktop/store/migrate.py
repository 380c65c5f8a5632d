"""Schema migrations with Alembic: upgrade older databases, refuse newer ones.

Alembic is imported only when the database is not already at :data:`SCHEMA_HEAD`, so the
common start-up path stays fast.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from planner_desktop import __version__
from planner_desktop.i18n import _
from planner_desktop.store import dialect
from planner_desktop.store.meta import read_meta, write_meta
from planner_desktop.store.schema import SCHEMA_HEAD

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


class SchemaError(Exception):
    """The database cannot be used by this version of the program."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def revisions_before(revision: str) -> set[str]:
    """Every revision older than ``revision`` (its ancestors)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.iterate_revisions(revision, "base")} - {revision}


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads")
    return heads[0]


def current_revision(conn: Connection) -> str | None:
    """The database's revision; None for an empty database."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables:
        raise SchemaError(_("it is not a Planner Desktop database"))
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    if revision is None:
        raise SchemaError(_("it is not a Planner Desktop database (no schema version)"))
    return str(revision)


def plan(engine: Engine) -> str | None:
    """What opening needs: None (ready), ``"create"`` or ``"upgrade"``.

    Raises :class:`SchemaError` for a newer or foreign database.
    """
    with engine.connect() as conn:
        return _plan(conn)


def revision_of(engine: Engine) -> str | None:
    """The database's revision (None: empty), for messages."""
    with engine.connect() as conn:
        return current_revision(conn)


def _plan(conn: Connection) -> str | None:
    revision = current_revision(conn)
    if revision == SCHEMA_HEAD:
        return None
    if revision is None:
        return "create"
    if revision in known_revisions():
        return "upgrade"
    writer = read_meta(conn).get("app_version", "?")
    raise SchemaError(
        _(
            "its schema {revision} is newer than this program knows ({head}); it was written"
            " by Planner Desktop {version}: install that version or newer"
        ).format(revision=revision, head=SCHEMA_HEAD, version=writer)
    )


def upgrade(engine: Engine, target: str = "head", *, lock_wait: float | None = None) -> bool:
    """Migrate to ``target`` in one transaction (see :func:`dialect.schema_change`).

    The revision is read again once the migration lock is held: when another computer
    migrated the database to the head while this one waited, nothing is done and the
    result is False. Raises :class:`dialect.MigrationBusy` when the wait (``lock_wait``
    seconds, by default :data:`dialect.MIGRATION_LOCK_WAIT`) ran out.
    """
    from alembic import command

    try:
        with dialect.schema_change(engine, lock_wait=lock_wait) as conn:
            if target == "head" and _plan(conn) is None:
                return False
            command.upgrade(alembic_config(conn), target)
            write_meta(conn, app_version=__version__)
    except dialect.ForeignKeyError as exc:
        raise SchemaError(
            _(
                "updating its schema would leave records of {table} referring to records "
                "that do not exist; nothing was changed"
            ).format(table=str(exc))
        ) from None
    return True
