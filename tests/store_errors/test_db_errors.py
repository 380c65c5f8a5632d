"""Issue 16, point 4: a database error is told in one line naming the record, the field and
the rule broken, or the state of the database, never with SQL, parameters or values."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import CheckConstraint, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from planner_desktop.domain import (
    models,  # noqa: F401 - registers every table
    rules,
)
from planner_desktop.domain.base import Base
from planner_desktop.store import db_errors
from tests.helpers import new_store
from tests.hostile.support import SQL_WORDS
from tests.postgres_server import Databases, Target

SECRET = "Rosa Quispe Mamani"


def test_every_check_of_the_schema_is_worded_with_its_field_and_rule() -> None:
    """The map from constraint names to fields and rules covers the whole schema: a check
    added to a model without its words fails here."""
    checks = [
        (table.name, constraint)
        for table in Base.metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    ]
    assert len(checks) > 60
    for table, constraint in checks:
        assert isinstance(constraint.name, str)
        found = db_errors.check_rule(constraint.name)
        assert found is not None, f"{constraint.name} has no words in db_errors"
        found_table, column, rule = found
        assert found_table == table
        assert rule and "rule of the database" not in rule, constraint.name
        if column is not None:
            assert column in constraint.table.c, constraint.name


def test_a_range_check_is_worded_by_the_value_rules() -> None:
    rule = db_errors.check_rule("ck_community_population_women_not_negative")
    assert rule == (
        "community",
        "population_women",
        rules.rule_for("community", "population_women").problem(-1),
    )
    assert rule[2] == "must be from 0 to 10,000,000"
    birth = db_errors.check_rule("ck_person_birth_year")
    assert birth is not None and birth[2].startswith("must be a year from 1900 to ")


def _fails(store_target: Target, statement: str, **values: object) -> str:
    store = new_store(store_target)
    try:
        with pytest.raises(DBAPIError) as caught, store.engine.begin() as conn:
            conn.execute(text(statement), values)
    finally:
        store.close()
    error = caught.value
    assert "[SQL parameters hidden" in str(error), "the engine hides a statement's parameters"
    line = db_errors.describe(error)
    assert line is not None
    assert "\n" not in line
    for word in (*SQL_WORDS, SECRET, "ck_", "CHECK"):
        assert word not in line, line
    return line


@pytest.fixture
def demo_copy(demo_template: Target, databases: Databases) -> Target:
    return databases.copy(demo_template, "constraints")


BROKEN = [
    pytest.param(
        "UPDATE community SET name = :name, population_women = -1",
        ("Community refused by the database: Women must be from 0 to 10,000,000",),
        id="negative-population",
    ),
    pytest.param(
        "UPDATE person SET first_names = :name, birth_year = 1800",
        ("Person refused by the database: Birth year must be a year from 1900 to",),
        id="birth-year-1800",
    ),
    pytest.param(
        "UPDATE demand SET description = :name, estimated_cost = -500",
        ("Demand refused by the database: Estimated cost must be from 0 to",),
        id="negative-cost",
    ),
    pytest.param(
        "UPDATE demand SET description = :name, beneficiaries_men = -3",
        ("Demand refused by the database: Beneficiaries (men) must be from 0 to",),
        id="negative-beneficiaries",
    ),
    pytest.param(
        "UPDATE municipality SET name = :name, plan_end_year = plan_start_year - 1",
        (
            "Municipality refused by the database: Last year of the plan must not be before "
            "First year of the plan",
        ),
        id="period-backwards",
    ),
    pytest.param(
        "UPDATE community SET kind = :name",
        ("Community refused by the database: Type must be one of its listed choices",),
        id="unknown-choice",
    ),
    pytest.param(
        "UPDATE community SET code = :name, name = NULL",
        ("Community refused by the database: Community must not be empty",),
        id="empty-name",
    ),
    pytest.param(
        "UPDATE sector SET name = :name, code = (SELECT MIN(code) FROM sector)",
        ("Sector refused by the database: another record already has the same", "Code"),
        id="same-code",
    ),
    pytest.param(
        "DELETE FROM district WHERE name <> :name",
        ("District cannot be removed: other records still refer to it",),
        id="still-referred-to",
    ),
]


@pytest.mark.parametrize(("statement", "expected"), BROKEN)
def test_a_constraint_forced_past_the_rules_names_record_field_and_rule(
    demo_copy: Target, statement: str, expected: tuple[str, ...]
) -> None:
    line = _fails(demo_copy, statement, name=SECRET)
    for part in expected:
        assert part in line


def test_a_missing_reference_is_said_to_be_one(demo_copy: Target, backend: str) -> None:
    nowhere = uuid.uuid4()
    value = nowhere.hex if backend == "sqlite" else str(nowhere)
    line = _fails(
        demo_copy, "UPDATE community SET name = :name, district_id = :nowhere",
        name=SECRET, nowhere=value,
    )
    assert line.startswith("Community refused by the database: ")
    assert line.endswith("is not in the database")
    if backend == "postgresql":  # the server names the constraint, so the field
        assert "its District is not in the database" in line


def _wrapped(orig: BaseException, kind: type[DBAPIError] = OperationalError) -> DBAPIError:
    return kind(f"INSERT INTO person (first_names) VALUES ('{SECRET}')", {}, orig)


def _sqlite_error(message: str, code: int) -> sqlite3.Error:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("message", "code", "expected"),
    [
        ("attempt to write a readonly database", 8, "the database /data/plan.db is read-only"),
        ("database is locked", 5, "the database /data/plan.db is busy"),
        ("database or disk is full", 13, "the database /data/plan.db cannot grow: the disk"),
        ("disk I/O error", 778, "the database /data/plan.db could not be written"),
        ("disk I/O error", 10, "the database /data/plan.db could not be read or written"),
        ("file is not a database", 26, "/data/plan.db is not a Planner Desktop database"),
        ("database disk image is malformed", 11, "the database /data/plan.db is damaged"),
        ("unable to open database file", 14, "the database /data/plan.db cannot be opened"),
    ],
)
def test_each_state_of_an_sqlite_file_has_its_line(message: str, code: int, expected: str) -> None:
    for error in (_wrapped(_sqlite_error(message, code)), _sqlite_error(message, code)):
        line = db_errors.describe(error, Path("/data/plan.db"))
        assert line is not None and line.startswith(expected), line
        assert SECRET not in line and "INSERT" not in line


SERVER = "postgresql+psycopg://planner:***@db.office/plan"


@pytest.mark.parametrize(
    ("sqlstate", "expected"),
    [
        ("25006", f"the server {SERVER} accepts no changes now"),
        ("42501", f"the server {SERVER} denied permission"),
        ("55P03", f"the database {SERVER} is busy"),
        ("40P01", f"the database {SERVER} is busy"),
        ("53100", f"the server {SERVER} cannot store more: its disk is full"),
        ("57P01", f"the server {SERVER} cannot be reached or closed the connection"),
        ("08006", f"the server {SERVER} cannot be reached or closed the connection"),
    ],
)
def test_each_state_of_a_server_has_its_line(sqlstate: str, expected: str) -> None:
    orig = psycopg.errors.lookup(sqlstate)(f"cannot run INSERT for {SECRET}")
    line = db_errors.describe(_wrapped(orig), "postgresql+psycopg://planner:secreta@db.office/plan")
    assert line is not None and line.startswith(expected), line
    assert "secreta" not in line and SECRET not in line


def test_the_open_database_is_named_when_none_is_given(tmp_path: Path) -> None:
    store = new_store(tmp_path / "office.db")
    try:
        line = db_errors.describe(_wrapped(_sqlite_error("database is locked", 5)))
    finally:
        store.close()
    assert line is not None and str(tmp_path / "office.db") in line
    after = db_errors.describe(_wrapped(_sqlite_error("database is locked", 5)))
    assert after == line, "after closing, the last database opened is still the one named"


def test_an_error_that_is_not_the_databases_is_not_worded() -> None:
    assert db_errors.describe(ValueError(SECRET)) is None
    assert db_errors.describe(OSError(28, "No space left on device")) is None


def test_an_unknown_constraint_says_a_rule_was_broken_naming_nothing_false() -> None:
    error = _wrapped(sqlite3.IntegrityError("CHECK constraint failed: ck_nothing_like_it"),
                     IntegrityError)
    assert db_errors.describe(error) == (
        "the database refused the change: it breaks one of the database's rules"
    )
