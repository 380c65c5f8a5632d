"""What every entry point needs to open a database: this installation and its settings."""

from __future__ import annotations

from pathlib import Path

from planner_desktop import installation, paths
from planner_desktop.domain.provenance import Provenance
from planner_desktop.i18n import _
from planner_desktop.settings import Settings
from planner_desktop.store import backup
from planner_desktop.store.database import Store, StoreError, open_store


def load_settings() -> Settings:
    return Settings.load(paths.config_dir())


def default_provenance(settings: Settings | None = None) -> Provenance:
    settings = settings or load_settings()
    device = installation.load_or_create(paths.data_dir())
    return Provenance(device_id=device.device_id, facilitator=settings.get("facilitator"))


def open_database(
    target: str | Path | None = None,
    *,
    must_exist: bool = False,
    settings: Settings | None = None,
    daily_backup: bool = False,
    upgrade_server: bool = False,
) -> Store:
    """Open ``target`` (default: the user's database), migrating a file after a backup.

    With ``must_exist``, a missing SQLite file is refused instead of created. With
    ``daily_backup``, a rotating backup is made when the newest is a day old. An older
    server database is migrated only with ``upgrade_server`` (a person confirmed it; see
    :func:`planner_desktop.store.database.open_store`).
    """
    where = target if target is not None else paths.default_db_path()
    if must_exist and "://" not in str(where) and not Path(where).exists():
        raise StoreError(_("there is no database at {path}").format(path=where))
    store = open_store(
        where,
        default_provenance(settings),
        backups_dir=paths.backups_dir(),
        upgrade_server=upgrade_server,
    )
    if daily_backup and store.path is not None and not store.is_empty():
        backup.backup_if_stale(store.path, paths.backups_dir())
    return store


def upgrade_confirmed(args: object) -> bool:
    """Whether a command line said ``--upgrade-database``."""
    return bool(getattr(args, "upgrade_database", False))
