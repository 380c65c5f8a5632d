"""Automatic, rotating backups of SQLite databases."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from planner_desktop.store import dialect

KEEP = 10


def backup_path(folder: Path, db_path: Path, reason: str, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return folder / f"{db_path.stem}-{stamp}-{reason}{db_path.suffix or '.sqlite'}"


def backups_of(folder: Path, db_path: Path) -> list[Path]:
    """Backups of one database, oldest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*-*{db_path.suffix or '.sqlite'}"))


def make_backup(db_path: Path, folder: Path, reason: str, *, keep: int = KEEP) -> Path:
    """Back up ``db_path`` into ``folder`` and keep only the newest ``keep`` backups."""
    folder.mkdir(parents=True, exist_ok=True)
    target = backup_path(folder, db_path, reason, datetime.now())
    dialect.backup_file(db_path, target)
    for old in backups_of(folder, db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


def backup_if_stale(
    db_path: Path, folder: Path, *, max_age: timedelta = timedelta(days=1)
) -> Path | None:
    """A daily backup: made only when the newest one is older than ``max_age``."""
    existing = backups_of(folder, db_path)
    if existing:
        age = datetime.now() - datetime.fromtimestamp(existing[-1].stat().st_mtime)
        if age < max_age:
            return None
    return make_backup(db_path, folder, "daily")
