"""Opening databases: creation, pragmas, migrations, backups and refusals."""

from __future__ import annotations

import datetime
import sqlite3

import pytest
from sqlalchemy import create_engine, text

from planner_desktop.store import backup, migrate
from planner_desktop.store.database import StoreError, open_store
from planner_desktop.store.schema import SCHEMA_HEAD
from tests.helpers import TEST_DEVICE, file_digest, new_store


def test_schema_head_constant_matches_the_migrations():
    assert migrate.head_revision() == SCHEMA_HEAD


def test_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from planner_desktop.domain.base import Base

    store = new_store(tmp_path / "fresh.sqlite")
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    store.close()
    assert diff == []


def test_new_database_uses_wal_foreign_keys_and_full_sync(tmp_path):
    store = new_store(tmp_path / "new.sqlite")
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    assert store.is_empty()
    store.close()


def test_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("acta de la cumbre, no una base de datos\n" * 50, encoding="utf-8")
    before = file_digest(path)
    with pytest.raises(StoreError, match="not a Planner Desktop database"):
        new_store(path)
    assert file_digest(path) == before


def test_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE songs (title TEXT)")
    before = file_digest(path)
    with pytest.raises(StoreError, match="not a Planner Desktop database"):
        new_store(path)
    assert file_digest(path) == before


def test_folder_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        new_store(blocker / "sub" / "db.sqlite")


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        new_store(tmp_path)


def test_newer_schema_is_refused_naming_the_version(tmp_path):
    path = tmp_path / "future.sqlite"
    new_store(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0042_future'"))
        conn.execute(text("UPDATE store_meta SET value = '9.3.0' WHERE key = 'app_version'"))
    engine.dispose()
    before = file_digest(path)
    with pytest.raises(StoreError) as refused:
        new_store(path)
    message = str(refused.value)
    assert "0042_future" in message and "9.3.0" in message
    assert "\n" not in message
    assert file_digest(path) == before


def test_older_schema_is_backed_up_before_migrating(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite"
    new_store(path).close()
    upgraded = []
    monkeypatch.setattr(migrate, "plan", lambda engine: "upgrade")
    monkeypatch.setattr(migrate, "upgrade", lambda engine: upgraded.append(True))
    from planner_desktop.domain.provenance import Provenance

    store = open_store(path, Provenance(TEST_DEVICE), backups_dir=tmp_path / "backups")
    store.close()
    assert upgraded == [True]
    made = backup.backups_of(tmp_path / "backups", path)
    assert len(made) == 1 and "pre-migration" in made[0].name
    with sqlite3.connect(made[0]) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migration_from_the_first_revision_keeps_the_data(tmp_path):
    from planner_desktop.demo import generate
    from tests.helpers import dump_text

    path = tmp_path / "first.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0001_initial")
    engine.dispose()
    store = new_store(path)
    with store.raw_session() as session:
        generate(session, seed=5, scale=1)
    before = dump_text(store)
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "head")
    engine.dispose()
    store = new_store(path)
    assert dump_text(store) == before
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    store.close()


def test_backups_rotate(tmp_path):
    path = tmp_path / "rot.sqlite"
    new_store(path).close()
    folder = tmp_path / "backups"
    for index in range(5):
        target = backup.backup_path(
            folder, path, f"r{index}", datetime.datetime(2026, 1, 1, 0, 0, index)
        )
        folder.mkdir(exist_ok=True)
        target.write_bytes(b"")
    backup.make_backup(path, folder, "daily", keep=3)
    assert len(backup.backups_of(folder, path)) == 3


def test_daily_backup_is_made_once(tmp_path):
    path = tmp_path / "daily.sqlite"
    new_store(path).close()
    folder = tmp_path / "b"
    assert backup.backup_if_stale(path, folder) is not None
    assert backup.backup_if_stale(path, folder) is None


def test_opening_for_the_window_makes_a_daily_backup(tmp_path, isolated_home):
    from planner_desktop import paths
    from planner_desktop.context import open_database
    from planner_desktop.demo import generate

    path = tmp_path / "daily-open.sqlite"
    store = open_database(path)
    with store.raw_session() as session:
        generate(session, seed=2)
    store.close()
    open_database(path, daily_backup=True).close()
    open_database(path, daily_backup=True).close()
    assert len(backup.backups_of(paths.backups_dir(), path)) == 1


def test_a_bounded_page_cache_is_given_back(tmp_path):
    from planner_desktop.store import dialect

    store = new_store(tmp_path / "cache.sqlite")
    try:
        with store.engine.connect() as conn:
            usual = conn.exec_driver_sql("PRAGMA cache_size").scalar()
            with dialect.bounded_page_cache(conn, kib=128):
                assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -128
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == usual
    finally:
        store.close()


def test_session_files_are_stamped_with_a_revision_whose_travelling_tables_are_the_models(
    tmp_path,
):
    """A revision after RECORDS_REVISION may change only local bookkeeping: the tables a
    session file carries are the same at both revisions."""
    from sqlalchemy import inspect

    from planner_desktop.domain.base import Base
    from planner_desktop.store.schema import RECORDS_REVISION

    assert RECORDS_REVISION in migrate.known_revisions()
    engine = create_engine(f"sqlite:///{tmp_path / 'records.sqlite'}")
    migrate.upgrade(engine, RECORDS_REVISION)
    travelling = [t for t in Base.metadata.sorted_tables if not t.info.get("local")]
    assert len(travelling) > 10
    with engine.connect() as conn:
        found = inspect(conn)
        for table in travelling:
            stored = {c["name"]: c["nullable"] for c in found.get_columns(table.name)}
            assert stored == {c.name: c.nullable for c in table.columns}, table.name
    engine.dispose()


def test_origin_ledger_keeps_its_rows_through_migration_0005_both_ways(tmp_path):
    import uuid

    from alembic import command
    from sqlalchemy import insert, select

    from planner_desktop.store.ledger import record_origin

    path = tmp_path / "ledger.sqlite"
    new_store(path).close()
    engine = create_engine(f"sqlite:///{path}")
    rows = [
        {
            "record_id": uuid.UUID(int=n % 7),
            "version_id": uuid.UUID(int=1000 + n),
            "batch_id": n % 3,
            "device_id": TEST_DEVICE,
            "change": "added",
        }
        for n in range(40)
    ]
    with engine.begin() as conn:
        conn.execute(insert(record_origin), rows)

    def stored() -> list[tuple]:
        with engine.connect() as conn:
            return sorted(tuple(row) for row in conn.execute(select(record_origin)))

    def indexes() -> set[str]:
        with engine.connect() as conn:
            listed = conn.exec_driver_sql("PRAGMA index_list(record_origin)").fetchall()
        return {row[1] for row in listed}

    expected = sorted(tuple(r.values()) for r in rows)
    assert stored() == expected
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0004_round_decisions")
    assert stored() == expected
    assert "ix_record_origin_batch_id" in indexes()
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    assert stored() == expected
    assert indexes() == {"sqlite_autoindex_record_origin_1"}
    engine.dispose()
