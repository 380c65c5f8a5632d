"""Migration 0007 (issue 14): the old strategic frame, self-assessment and roles become the
plan tree without losing a row, an id or a provenance field; the downgrade brings them back
when they fit and refuses, changing nothing, when they do not."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from planner_desktop.domain.actors import Organization
from planner_desktop.domain.annual import ManagementObjective, Operation
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ActorPhase, PlanTemplate, ScoreState
from planner_desktop.domain.plan import ActorRole, Plan, PlanElement, PlanLevel, PlanValue, SdgLink
from planner_desktop.domain.projects import Indicator, ProjectProfile
from planner_desktop.domain.territory import Municipality
from planner_desktop.store import migrate
from tests.helpers import new_store
from tests.store_migration.old_rows import BEFORE, VALUES, build, provenance

SYNCED = (
    "device_id",
    "facilitator",
    "created_at",
    "updated_at",
    "version_id",
    "base_version_id",
    "deleted_at",
)
PROVENANCE = ("device_id", "facilitator", "created_at", "updated_at", "deleted_at")


@pytest.fixture
def migrated(databases):
    target = databases.fresh("old")
    ids = build(target)
    store = new_store(target, upgrade=True)  # opening migrates, as the window does
    yield store, ids
    store.close()


def _n(record_id: uuid.UUID) -> int:
    return record_id.int - 0x7000_0000_0000_4000_8000_0000_0000_0000


def assert_carried(record, record_id: uuid.UUID, **overrides) -> None:
    """``record`` keeps the id, version and provenance the old row had."""
    assert record.id == record_id
    expected = {**provenance(_n(record_id)), **overrides}
    for key in SYNCED:
        assert getattr(record, key) == expected[key], key


def test_the_frame_becomes_a_plan_with_five_named_levels_and_its_values(migrated):
    store, ids = migrated
    with store.session() as session:
        plan = session.get(Plan, ids["frame"])
        assert_carried(plan, ids["frame"])
        assert (plan.template, plan.title) == (
            PlanTemplate.bolivia_pdm,
            "Plan de Desarrollo Municipal",
        )
        assert (plan.start_year, plan.end_year, plan.vision, plan.mission) == (
            2026,
            2030,
            "Un municipio productivo",
            "Servir",
        )
        assert plan.municipality_id == ids["municipality"]
        levels = session.scalars(select(PlanLevel).order_by(PlanLevel.depth)).all()
        assert [(lv.depth, lv.name) for lv in levels] == list(
            enumerate(["Eje", "Objetivo", "Política", "Lineamiento", "Programa"], start=1)
        )
        values = session.scalars(select(PlanValue).order_by(PlanValue.position)).all()
        assert [(v.name, v.sentence, v.position) for v in values] == [
            ("Transparencia", "", 1),
            ("Solidaridad y reciprocidad", "", 2),
            ("Respeto a la Madre Tierra", "", 3),
        ]
        frame = provenance(_n(ids["frame"]))
        for made in [*levels, *values]:
            assert made.plan_id == plan.id and made.id not in (plan.id, None)
            for key in PROVENANCE:
                assert getattr(made, key) == frame[key], key
        assert len({made.id for made in [*levels, *values]}) == 8


def test_every_old_element_is_an_element_at_its_depth_under_its_parent(migrated):
    store, ids = migrated
    expected = {
        # name: (depth, parent, position)
        "axis1": (1, None, 1),
        "axis2": (1, None, 2),
        "objective_a": (2, "axis1", 1),
        "objective_b": (2, "axis1", 2),
        "objective_c": (2, "axis2", 1),
        "policy": (3, "objective_a", 1),
        "policy2": (3, "objective_b", 1),
        "guideline": (4, "policy", 1),
        "program_under_guideline": (5, "guideline", 1),
        "program_under_policy": (5, "policy", 1),
        "program_deleted": (5, "policy", 2),
    }
    with store.session() as session:
        elements = {e.id: e for e in session.scalars(select(PlanElement))}
        assert len(elements) == len(expected)
        for name, (depth, parent, position) in expected.items():
            element = elements[ids[name]]
            assert (element.depth, element.position) == (depth, position), name
            assert element.parent_id == (ids[parent] if parent else None), name
            assert element.plan_id == ids["frame"]
            assert element.unit_id is None
            deleted = provenance(_n(ids[name]))["deleted_at"]
            if name == "program_deleted":
                deleted = elements[ids[name]].deleted_at
                assert deleted is not None
            assert_carried(element, ids[name], deleted_at=deleted)
        objective = elements[ids["objective_a"]]
        assert (objective.code, objective.name, objective.problem) == (
            "O1.1",
            "Objetivo A",
            "Problema A",
        )
        program = elements[ids["program_under_guideline"]]
        assert (program.code, program.problem, program.sector_id) == (
            "PR02",
            "Sin agua",
            ids["sector"],
        )
        assert elements[ids["axis1"]].problem == "" and elements[ids["policy"]].problem == ""


def test_references_point_at_the_same_ids_as_elements(migrated):
    store, ids = migrated
    with store.session() as session:
        profile = session.get(ProjectProfile, ids["profile"])
        assert profile.element_id == ids["program_under_guideline"]
        assert (profile.unit_id, profile.team_class, profile.team_class_reason) == (None, None, "")
        assert_carried(profile, ids["profile"])
        assert session.get(Indicator, ids["indicator"]).element_id == ids["objective_a"]
        assert session.get(Indicator, ids["indicator_profile"]).element_id is None
        objective = session.get(ManagementObjective, ids["management_objective"])
        assert objective.element_id == ids["objective_b"]
        operation = session.get(Operation, ids["operation"])
        assert operation.element_id == ids["program_under_policy"]
        assert_carried(operation, ids["operation"])
        municipality = session.get(Municipality, ids["municipality"])
        assert municipality.official_name == ""
        assert_carried(municipality, ids["municipality"])


def test_sdg_links_point_at_their_element_and_a_link_with_both_becomes_two(migrated):
    store, ids = migrated
    with store.session() as session:
        links = {link.id: link for link in session.scalars(select(SdgLink))}
        assert len(links) == 4
        assert links[ids["sdg_objective"]].element_id == ids["objective_a"]
        assert links[ids["sdg_objective"]].target == "6.1"
        assert links[ids["sdg_program"]].element_id == ids["program_under_guideline"]
        assert links[ids["sdg_both"]].element_id == ids["objective_b"]
        for key in ("sdg_objective", "sdg_program", "sdg_both"):
            assert_carried(links[ids[key]], ids[key])
            assert links[ids[key]].plan_id is None
        [second] = [link for key, link in links.items() if key not in ids.values()]
        assert (second.element_id, second.sdg, second.plan_id) == (
            ids["program_under_policy"],
            11,
            None,
        )
        for key in PROVENANCE:
            assert getattr(second, key) == provenance(_n(ids["sdg_both"]))[key]


def test_scores_keep_their_ids_in_areas_and_two_of_one_year_do_not_share_an_area(migrated):
    store, ids = migrated
    with store.session() as session:
        areas = session.scalars(select(AssessmentArea).order_by(AssessmentArea.position)).all()
        assert [(a.name, a.position, a.deleted_at is None) for a in areas] == [
            ("Capacidad técnica", 1, True),
            ("Gestión financiera", 2, True),
            ("Gestión financiera (2)", 3, False),
        ]
        by_name = {a.name: a for a in areas}
        scores = {s.id: s for s in session.scalars(select(AssessmentScore))}
        assert len(scores) == 4
        expected = {
            "score18": ("Gestión financiera", 2024, Decimal("40.00")),
            "score19": ("Gestión financiera", 2025, Decimal("55.00")),
            "score20": ("Capacidad técnica", 2025, Decimal("70.00")),
            "score21": ("Gestión financiera (2)", 2025, Decimal("20.00")),
        }
        for key, (area, year, percentage) in expected.items():
            score = scores[ids[key]]
            assert (score.area_id, score.year, score.state, score.percentage) == (
                by_name[area].id,
                year,
                ScoreState.scored,
                percentage,
            ), key
            deleted = score.deleted_at if key == "score21" else None
            assert_carried(score, ids[key], deleted_at=deleted)
        assert scores[ids["score21"]].deleted_at is not None
        assert all(a.municipality_id == ids["municipality"] for a in areas)
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT percentage FROM assessment_score")).scalars().all()
    assert sorted(stored) == [2000, 4000, 5500, 7000]


def test_a_role_in_planning_becomes_an_actor_role(migrated):
    store, ids = migrated
    with store.session() as session:
        [role] = session.scalars(select(ActorRole)).all()
        assert (role.organization_id, role.phase, role.role) == (
            ids["org_with_role"],
            ActorPhase.planning,
            "Convoca a las reuniones",
        )
        for key in PROVENANCE:
            assert getattr(role, key) == provenance(_n(ids["org_with_role"]))[key]
        organization = session.get(Organization, ids["org_with_role"])
        assert_carried(organization, ids["org_with_role"])
        assert not hasattr(organization, "role_in_planning")


def test_the_migrated_database_is_whole_and_has_no_old_table(migrated, backend):
    from sqlalchemy import inspect

    store, _ids = migrated
    with store.engine.connect() as conn:
        if backend == "sqlite":  # PostgreSQL checks every key as the rows are written
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        tables = set(inspect(conn).get_table_names())
    gone = {"strategic_frame", "axis", "objective", "policy", "program", "institutional_score"}
    assert not gone & tables
    assert {"plan", "plan_element", "assessment_score", "actor_role", "pact"} <= tables


def test_two_copies_of_one_database_migrate_to_the_same_rows(databases):
    """The rows the migration makes (levels, values, areas, roles) have ids derived from
    the old rows, so two laptops that migrate copies of one database agree on them."""
    from tests.helpers import dump_text

    dumps = []
    for name in ("laptop_a", "laptop_b"):
        target = databases.fresh(name)
        build(target)
        store = new_store(target, upgrade=True)
        dumps.append(dump_text(store))
        store.close()
    assert dumps[0] == dumps[1]


def _old_tables(engine) -> dict[str, list[dict]]:
    names = (
        "strategic_frame",
        "axis",
        "objective",
        "policy",
        "program",
        "institutional_score",
        "sdg_link",
        "organization",
        "project_profile",
        "indicator",
        "management_objective",
        "operation",
        "municipality",
    )
    found = {}
    with engine.connect() as conn:
        for name in names:
            rows = conn.execute(text(f"SELECT * FROM {name}")).mappings().all()
            found[name] = sorted((dict(row) for row in rows), key=lambda r: r["id"])
    return found


def test_downgrade_brings_the_old_tables_back_row_for_row_and_upgrade_again(tmp_path):
    path = tmp_path / "both-ways.sqlite"
    build(path)
    engine = create_engine(f"sqlite:///{path}")
    before = _old_tables(engine)
    values = "Transparencia\nSolidaridad y reciprocidad\nRespeto a la Madre Tierra"
    before["strategic_frame"][0]["values"] = values  # blank lines and spaces dropped
    for organization in before["organization"]:  # a blank role is no role
        organization["role_in_planning"] = organization["role_in_planning"].strip()
    conflicts, changes = _ledger(engine)
    changes = [
        (table, record, previous.replace(json.dumps(VALUES)[1:-1], json.dumps(values)[1:-1]))
        for table, record, previous in changes
    ]
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    with engine.connect() as conn:
        once = {
            name: conn.execute(text(f"SELECT * FROM {name} ORDER BY id")).all()
            for name in ("plan_element", "plan_level", "assessment_area", "sdg_link")
        }
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), BEFORE)
    assert _old_tables(engine) == before
    assert _ledger(engine) == (conflicts, changes)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        tables = {
            row[0]
            for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    assert "plan" not in tables and "plan_element" not in tables
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    with engine.connect() as conn:
        again = {
            name: conn.execute(text(f"SELECT * FROM {name} ORDER BY id")).all() for name in once
        }
    assert again == once
    engine.dispose()


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("UPDATE municipality SET official_name = 'Gobierno Autónomo Municipal'", "official name"),
        ("UPDATE plan_element SET depth = 3 WHERE code = 'PR01'", "no place"),
        ("UPDATE indicator SET level = 'impact'", "impact"),
        ("UPDATE assessment_score SET percentage = 5550 WHERE year = 2024", "whole percentage"),
        ("UPDATE plan_level SET name = 'Línea' WHERE depth = 1", "levels"),
        ("UPDATE plan_value SET sentence = 'Rendir cuentas' WHERE position = 1", "sentence"),
    ],
)
def test_downgrade_refuses_what_the_old_tables_cannot_hold_and_changes_nothing(
    tmp_path, change, named
):
    from planner_desktop.store.dialect import schema_change
    from planner_desktop.store.migrations.plan_tree_down import DoesNotFit
    from tests.helpers import dump_text

    path = tmp_path / "newer.sqlite"
    build(path)
    new_store(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql(change)
    store = new_store(path)
    before = dump_text(store)
    store.close()
    with pytest.raises(DoesNotFit, match=named) as refused, schema_change(engine) as conn:
        command.downgrade(migrate.alembic_config(conn), BEFORE)  # one transaction, as migrating
    assert "\n" not in str(refused.value)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            migrate.head_revision()
        )
    engine.dispose()
    store = new_store(path)
    assert dump_text(store) == before
    store.close()


def test_a_migration_that_fails_half_way_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    """The whole upgrade is one transaction, table changes included (SQLite's driver would
    otherwise commit each of them on its own)."""
    from sqlalchemy.exc import OperationalError

    from planner_desktop.store.database import StoreError
    from planner_desktop.store.migrations import plan_tree_ledger
    from tests.helpers import file_digest

    path = tmp_path / "half.sqlite"
    build(path)
    before = file_digest(path)

    def fail(conn):
        raise OperationalError("rewriting the ledger", {}, Exception("disk I/O error"))

    monkeypatch.setattr(plan_tree_ledger, "upgrade", fail)
    with pytest.raises(StoreError, match="reported an error; nothing was changed"):
        new_store(path)
    assert file_digest(path) == before
    monkeypatch.undo()
    store = new_store(path)
    with store.session() as session:
        assert session.get(Plan, provenance(3)["id"]) is not None
    store.close()


@pytest.mark.postgresql_only("SQLite's way is the test above, with its own checks")
def test_both_ways_on_postgresql(databases):
    """On the run's PostgreSQL server: up with the old rows, down row for row, up again."""
    url = str(databases.fresh("both_ways"))
    ids = build(url)
    engine = create_engine(url)
    before = _old_tables(engine)
    before["strategic_frame"][0]["values"] = (
        "Transparencia\nSolidaridad y reciprocidad\nRespeto a la Madre Tierra"
    )
    for organization in before["organization"]:
        organization["role_in_planning"] = organization["role_in_planning"].strip()
    migrate.upgrade(engine)
    with engine.connect() as conn:
        depths = dict(conn.execute(text("SELECT code, depth FROM plan_element")).all())
        profile = conn.execute(text("SELECT element_id FROM project_profile")).scalar()
        hundredths = sorted(conn.execute(text("SELECT percentage FROM assessment_score")).scalars())
    assert depths == {
        "E1": 1,
        "E2": 1,
        "O1.1": 2,
        "O1.2": 2,
        "O2.1": 2,
        "P1": 3,
        "P2": 3,
        "P1.1": 4,
        "PR01": 5,
        "PR02": 5,
        "PR03": 5,
    }
    assert profile == ids["program_under_guideline"]
    assert hundredths == [2000, 4000, 5500, 7000]
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), BEFORE)
    assert _old_tables(engine) == before
    migrate.upgrade(engine)
    engine.dispose()


def _ledger(engine) -> tuple[list, list]:
    with engine.connect() as conn:
        conflicts = conn.execute(
            text(
                "SELECT table_name, record_id, version_id, payload FROM merge_conflict ORDER BY id"
            )
        ).all()
        changes = conn.execute(
            text("SELECT table_name, record_id, previous FROM batch_change ORDER BY record_id")
        ).all()
    return conflicts, changes


def test_the_ledger_keeps_its_copies_of_records_in_the_new_shape(migrated):
    """Open conflicts and what an import replaced are records too: after the migration
    each one is a valid record of its new table, at the place the record has now."""
    from planner_desktop.exchange.records import table_specs

    store, ids = migrated
    conflicts, changes = _ledger(store.engine)
    copies = {}
    for table, _record, _version, payload in conflicts:
        row = table_specs()[table].validate_line(payload)
        copies[row["id"]] = (table, row)
    for table, _record, previous in changes:
        row = table_specs()[table].validate_line(json.dumps(json.loads(previous)["row"]))
        copies[row["id"]] = (table, row)
    table, profile = copies[ids["profile"]]
    assert table == "project_profile" and profile["name"] == "Otra versión 1"
    assert profile["element_id"] == ids["program_under_guideline"]
    assert (profile["unit_id"], profile["team_class"], profile["team_class_reason"]) == (
        None,
        None,
        "",
    )
    table, program = copies[ids["program_under_guideline"]]
    assert table == "plan_element" and program["name"] == "Otra versión 2"
    assert (program["depth"], program["parent_id"], program["plan_id"]) == (
        5,
        ids["guideline"],
        ids["frame"],
    )
    assert (program["problem"], program["sector_id"]) == ("Sin agua", ids["sector"])
    assert program["version_id"] == uuid.UUID(int=provenance(0)["id"].int + 40_002)
    table, organization = copies[ids["org_with_role"]]
    assert table == "organization" and "role_in_planning" not in organization
    table, score = copies[ids["score19"]]
    assert table == "assessment_score"
    assert (score["percentage"], score["state"], score["year"]) == (
        Decimal("55.00"),
        "scored",
        2025,
    )
    with store.session() as session:
        assert session.get(AssessmentScore, ids["score19"]).area_id == score["area_id"]
    table, plan = copies[ids["frame"]]
    assert table == "plan" and plan["template"] == "bolivia_pdm"
    assert copies[ids["operation"]][1]["element_id"] == ids["program_under_policy"]
    table, link = copies[ids["sdg_both"]]
    assert table == "sdg_link" and (link["element_id"], link["plan_id"]) == (
        ids["objective_b"],
        None,
    )


def _shape(engine) -> dict[str, dict]:
    """Every table's columns, keys, checks and indexes, as the database reports them."""
    import re

    from sqlalchemy import inspect

    found = inspect(engine)

    def words(sql: str | None) -> str:
        return re.sub(r"\s+", " ", sql or "").strip()

    shape = {}
    for table in found.get_table_names():
        if table == "alembic_version":
            continue
        pk = found.get_pk_constraint(table)
        shape[table] = {
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)
            ),
            "pk": (pk["name"], tuple(pk["constrained_columns"])),
            "fks": sorted(
                (
                    f["name"],
                    tuple(f["constrained_columns"]),
                    f["referred_table"],
                    tuple(sorted(f["options"].items())),
                )
                for f in found.get_foreign_keys(table)
            ),
            "unique": sorted(
                (u["name"], tuple(u["column_names"])) for u in found.get_unique_constraints(table)
            ),
            "checks": sorted(
                (c["name"], words(c["sqltext"])) for c in found.get_check_constraints(table)
            ),
            "indexes": sorted(
                (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                for i in found.get_indexes(table)
            ),
        }
    return shape


def test_a_migrated_database_has_the_checks_keys_and_indexes_of_the_models(tmp_path):
    """Stricter than Alembic's comparison: CHECK constraints (enum codes included) and the
    ON DELETE of every foreign key too, on a database migrated with rows in it."""
    from planner_desktop.domain.base import Base
    from planner_desktop.store import ledger, meta  # noqa: F401 - registers local tables

    build(tmp_path / "old.sqlite")
    new_store(tmp_path / "old.sqlite").close()
    models = create_engine(f"sqlite:///{tmp_path / 'models.sqlite'}")
    Base.metadata.create_all(models)
    migrated = create_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    assert _shape(migrated) == _shape(models)
    models.dispose()
    migrated.dispose()


def test_a_migration_that_would_leave_a_broken_reference_is_refused(tmp_path, monkeypatch):
    """Tables are rebuilt with foreign keys off; what they would have caught is checked
    before committing."""
    from planner_desktop.store.database import StoreError
    from planner_desktop.store.migrations import plan_tree_ledger
    from tests.helpers import file_digest

    path = tmp_path / "dangling.sqlite"
    build(path)
    before = file_digest(path)
    upgrade = plan_tree_ledger.upgrade

    def dangling(conn):
        upgrade(conn)
        conn.execute(
            text(
                "INSERT INTO plan_level (id, plan_id, depth, name, device_id, facilitator,"
                " created_at, updated_at, version_id) VALUES (:id, :plan, 6, 'Proyecto', :id,"
                " '', '2026-03-01 00:00:00', '2026-03-01 00:00:00', :id)"
            ),
            {"id": uuid.uuid4().hex, "plan": uuid.uuid4().hex},
        )

    monkeypatch.setattr(plan_tree_ledger, "upgrade", dangling)
    with pytest.raises(StoreError, match="records of plan_level referring to records"):
        new_store(path)
    assert file_digest(path) == before
