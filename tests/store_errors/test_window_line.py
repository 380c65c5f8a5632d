"""Issue 16, point 4: in the window, a database error reaching the last-resort display or a
failed background job is told in the program's words, never with its SQL or values."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from planner_desktop.store import db_errors

SECRET = "Rosa Quispe Mamani"
STATEMENT = "INSERT INTO person (first_names, birth_year) VALUES (?, ?)"


def _read_only() -> OperationalError:
    orig = sqlite3.OperationalError("attempt to write a readonly database")
    orig.sqlite_errorcode = 8  # type: ignore[attr-defined]
    return OperationalError(STATEMENT, (SECRET, 1980), orig)


@pytest.fixture(autouse=True)
def _open_database(tmp_path: Path):
    db_errors.remember(tmp_path / "office.db")
    yield
    db_errors.forget(tmp_path / "office.db")


def test_a_failed_job_on_a_read_only_database_says_so(qapp, tmp_path: Path) -> None:
    from planner_desktop.ui import jobs

    line = jobs.error_text(_read_only())
    database = tmp_path / "office.db"
    assert line.startswith(f"The last action failed: the database {database} is read-only")
    assert "details in" in line
    for word in (SECRET, "INSERT", "sqlite3", "readonly database"):
        assert word not in line


def test_the_last_resort_display_names_record_field_and_rule(qapp) -> None:
    from planner_desktop.ui import errors

    orig = sqlite3.IntegrityError("CHECK constraint failed: ck_person_birth_year")
    line = errors.fault_line(IntegrityError(STATEMENT, (SECRET, 1800), orig), "Saving the person")
    assert line.startswith(
        "Saving the person failed: Person refused by the database: Birth year must be a year "
        "from 1900 to "
    )
    assert SECRET not in line and "ck_" not in line
