"""Opening databases: creation, pragmas, migrations, backups and refusals."""

from __future__ import annotations

import datetime
import json
import sqlite3
import uuid

import pytest
from sqlalchemy import create_engine, text

from planner_desktop.store import backup, migrate
from planner_desktop.store.database import StoreError, open_store, to_url
from planner_desktop.store.schema import SCHEMA_HEAD
from tests.helpers import TEST_DEVICE, dump_text, file_digest, new_store


def test_schema_head_constant_matches_the_migrations():
    assert migrate.head_revision() == SCHEMA_HEAD


def test_migrations_build_exactly_the_models(databases):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from planner_desktop.domain.base import Base

    store = new_store(databases.fresh("fresh"))
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


RENAMED = {
    ("project_profile", "program_id"): "element_id",
    ("operation", "program_id"): "element_id",
    ("indicator", "objective_id"): "element_id",
    ("management_objective", "objective_id"): "element_id",
}
"""Migration 0007: references to the old frame point at the element with the same id."""
DROPPED = {
    ("organization", "role_in_planning"),  # 0007: an actor role of phase planning
    ("sdg_link", "objective_id"),  # 0007: element_id, the objective or else the programme
    ("sdg_link", "program_id"),
}
ADDED = {
    ("round_result", "shared_rank"): None,  # 0006
    ("round_result", "tied"): False,  # 0006
    ("prioritization_round", "reopen_log"): "",  # 0006
    ("prioritization_round", "agreed_note"): "",  # 0004
    ("municipality", "official_name"): "",  # 0007
    ("project_profile", "unit_id"): None,  # 0007
    ("project_profile", "team_class"): None,  # 0007
    ("project_profile", "team_class_reason"): "",  # 0007
    ("sdg_link", "plan_id"): None,  # 0007 (a link of an element, not of the whole plan)
    ("district", "geometry"): None,  # 0009
    ("community", "geometry"): None,  # 0009
}
"""Every column a later revision added to a table of the first one, and what old rows get."""
REPLACED = {"strategic_frame", "axis", "objective", "policy", "program", "institutional_score"}
"""Tables of the first revision that migration 0007 turns into the plan tree."""
SYNCED = ("device_id", "facilitator", "created_at", "updated_at", "version_id",
          "base_version_id", "deleted_at")  # fmt: skip


def _plain(value: object) -> object:
    """One spelling of a value on both backends: SQLite gives ids as 32 hex digits."""
    return value.hex if isinstance(value, uuid.UUID) else value


def _read_all(engine) -> dict[str, dict[object, dict]]:
    """Every table with an ``id``, read as stored (reflected types): id → row."""
    from sqlalchemy import MetaData, select

    tables = MetaData()
    tables.reflect(engine)
    found = {}
    with engine.connect() as conn:
        for name, table in tables.tables.items():
            if "id" in table.c:
                rows = conn.execute(select(table)).mappings()
                found[name] = {
                    _plain(row["id"]): {k: _plain(v) for k, v in row.items()} for row in rows
                }
    return found


def test_migration_from_the_first_revision_keeps_the_data(databases, backend):
    """Rows written at revision 0001, in every table it has, are all there at the head:
    each column the first revision had holds what was written (a renamed reference the
    same id), each column added since holds its stated default, and the old strategic
    frame and self-assessment are the plan tree with the same ids (issue 15, point 9)."""
    from sqlalchemy import MetaData

    from tests.store_migration import first_rows

    target = databases.fresh("first")
    written = first_rows.build(target)
    first = MetaData()
    engine = create_engine(to_url(target))
    first.reflect(engine)
    engine.dispose()
    assert set(written.rows) == set(first.tables) - {"alembic_version", "store_meta"}

    store = new_store(target, upgrade=True)  # the server's migration confirmed by a person
    after = _read_all(store.engine)
    rows = {t: {r["id"].hex: {k: _plain(v) for k, v in r.items()} for r in found}
            for t, found in written.rows.items()}  # fmt: skip
    for table, old_rows in rows.items():
        if table in REPLACED:
            assert table not in after, table
            continue
        new_rows = after[table]
        assert set(new_rows) == set(old_rows), table  # every row, and no other
        added = set(next(iter(new_rows.values()))) - set(next(iter(old_rows.values())))
        assert added <= {c for t, c in ADDED} | {"element_id"}, (table, added)
        for key, old in old_rows.items():
            new = new_rows[key]
            for column, value in old.items():
                if (table, column) in DROPPED:
                    assert column not in new
                    continue
                assert new[RENAMED.get((table, column), column)] == value, (table, column)
            for (in_table, column), default in ADDED.items():
                if in_table == table:
                    assert new[column] == default, (table, column)
    _the_frame_is_the_plan_tree(rows, after)
    assert json.loads(dump_text(store))["tables"]["plan_element"]  # the program reads it all
    if backend == "sqlite":  # PostgreSQL checks every key as the rows are written
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    store.close()


def _the_frame_is_the_plan_tree(rows: dict, after: dict) -> None:
    """Migration 0007 as its docstring says: same ids, depths, parents and provenance."""
    [frame] = rows["strategic_frame"].values()
    plan = after["plan"][frame["id"]]
    assert (plan["template"], plan["start_year"], plan["end_year"]) == ("bolivia_pdm", 2026, 2030)
    assert (plan["vision"], plan["mission"]) == (frame["vision"], frame["mission"])
    values = sorted((v["position"], v["name"]) for v in after["plan_value"].values())
    assert values == [(1, "Transparencia"), (2, "Reciprocidad")]
    depth = {"axis": 1, "objective": 2, "program": 5}
    parent = {"axis": None, "objective": "axis_id", "program": "policy_id", "policy": "parent_id"}
    for table in ("axis", "objective", "policy", "program"):
        for key, old in rows[table].items():
            element = after["plan_element"][key]
            expected = depth.get(table, 4 if old.get("kind") == "guideline" else 3)
            up = old[parent[table]] if parent[table] else None
            if table == "policy" and up is None:
                up = old["objective_id"]
            assert (element["depth"], element["parent_id"]) == (expected, up), table
            assert (element["code"], element["name"]) == (old["code"], old["name"])
            assert element["problem"] == old.get("problem", "")
            assert element["plan_id"] == frame["id"]
            assert element["sector_id"] == old.get("sector_id")
            assert all(element[k] == old[k] for k in SYNCED), table
    for key, old in rows["institutional_score"].items():
        score = after["assessment_score"][key]
        area = after["assessment_area"][score["area_id"]]
        assert (area["name"], score["year"]) == (old["area"], old["year"])
        assert (score["state"], score["percentage"]) == ("scored", old["percentage"] * 100)
        assert all(score[k] == old[k] for k in SYNCED)
    roles = [(r["organization_id"], r["phase"], r["role"]) for r in after["actor_role"].values()]
    [with_role] = [o for o in rows["organization"].values() if o["role_in_planning"]]
    assert roles == [(with_role["id"], "planning", with_role["role_in_planning"])]
    [link] = rows["sdg_link"].values()
    assert after["sdg_link"][link["id"]]["element_id"] == link["objective_id"]


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

    import sqlalchemy as sa
    from alembic import command
    from sqlalchemy import insert, select

    record_origin = sa.table(  # its shape from 0005 to 0007 (0008 packs it)
        "record_origin",
        *(sa.column(name, sa.Uuid()) for name in ("record_id", "version_id")),
        sa.column("batch_id", sa.Integer()),
        sa.column("device_id", sa.Uuid()),
        sa.column("change", sa.String()),
    )
    path = tmp_path / "ledger.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, "0007_plan_tree")
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
        command.upgrade(migrate.alembic_config(conn), "0007_plan_tree")
    assert stored() == expected
    assert indexes() == {"sqlite_autoindex_record_origin_1"}
    engine.dispose()
