"""Session files verify and merge must refuse alike (issue 16, point 2), and database
failures met while merging, each told in one line naming the part, the record and the
field (or the database), with nothing written.

Cases by kind: references to records that exist nowhere or come later in the file (6
references × verify, verify --db and merge: 18), keys that do not match what the database
trusts (3 × verify --db and merge: 6), a file for a newer schema (3 versions × 3 commands:
9), a database that refuses the merge's writes (read-only, busy, a reference gone after
the check: 3). 36 in all.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from planner_desktop import __version__
from planner_desktop.exchange.references import ReferenceCheck
from planner_desktop.store import dialect
from tests.exchange import tamper
from tests.exchange.builders import new_key, new_laptop, populate
from tests.hostile.support import Result, assert_refused, dump, run_cli

SECRETS = ("Persona 0", "Persona 1", "Comunidad 0", "Falta agua", "Facilitadora")
"""Personal data and free text the file carries: never on stderr."""

PREFIX = "planner-desktop: "
"""What the command line puts before a refusal (merge's lines for each file have none)."""

Change = Callable[[dict[str, bytes]], None]


@dataclass
class Files:
    folder: Path
    original: Path
    key: Any
    empty: Path
    """A database at the current schema holding nothing."""
    office: Path
    """A database that merged the original file (it trusts the laptop's key)."""


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> Files:
    folder = tmp_path_factory.mktemp("hostile-session-files")
    laptop = new_laptop(folder / "laptop")
    populate(laptop.store)
    original = laptop.export()
    key = laptop.key
    laptop.close()
    new_laptop(folder / "empty").close()
    office = folder / "office.sqlite"
    merged = run_cli("session", "merge", "--db", str(office), "--trust-new", str(original))
    assert merged.code == 0, merged.err
    return Files(folder, original, key, folder / "empty" / "db.sqlite", office)


def _set_first(part: str, field: str, value: Callable[[list[dict]], object]) -> Change:
    def change(entries: dict[str, bytes]) -> None:
        records = tamper.lines(entries[part])
        records[0][field] = value(records)
        entries[part] = tamper.jsonl(records)

    return change


def _nowhere(_records: list[dict]) -> str:
    return str(uuid.uuid4())


def _last(records: list[dict]) -> str:
    return str(records[-1]["id"])


# --- references ------------------------------------------------------------------------

# (case, part, field, new value of the field in the part's first record, words)
REFERENCES = [
    ("district nowhere", "community", "district_id", _nowhere, "district"),
    ("sector nowhere", "demand", "sector_id", _nowhere, "sector"),
    ("community nowhere", "demand", "community_id", _nowhere, "community"),
    ("person nowhere", "attendance", "person_id", _nowhere, "person"),
    ("retracted vote nowhere", "vote", "retracts_id", _nowhere, "vote"),
    ("retracted vote later in the file", "vote", "retracts_id", _last, "vote"),
]
COMMANDS = ["verify", "verify --db", "merge"]


def _run(command: str, path: Path, db: Path, *trust: str) -> Result:
    if command == "verify":
        return run_cli("session", "verify", str(path))
    if command == "verify --db":
        return run_cli("session", "verify", "--db", str(db), *trust, str(path))
    return run_cli("session", "merge", "--db", str(db), *trust, str(path))


def _rebuilt(files: Files, name: str, *, key: Any = None, **changes: Any) -> Path:
    out = files.folder / f"{name.replace(' ', '-')}.cumbre"
    return tamper.rebuild(files.original, out, key or files.key, **changes)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("case", "table", "field", "value", "kind"), REFERENCES, ids=[r[0] for r in REFERENCES]
)
def test_a_reference_no_merge_can_meet_is_refused_naming_it(
    files, command, case, table, field, value, kind
):
    path = _rebuilt(files, case, parts=_set_first(f"records/{table}.jsonl", field, value))
    before = dump(files.empty)
    result = _run(command, path, files.empty, "--trust-new")
    line = assert_refused(
        result,
        path.name,
        f"record 1 of records/{table}.jsonl",
        f"field {field}",
        secrets=SECRETS,
        before=before,
        db=files.empty,
    )
    if value is _last:
        assert "comes after it in the file" in line
    elif command == "verify":
        assert "does not carry" in line and "--db" in line
    else:
        assert "neither in the file nor in the database" in line


# --- trust -----------------------------------------------------------------------------


def _other_key(files: Files) -> Path:
    """The laptop the office knows, signing with a key that is not the one it trusts."""
    return _rebuilt(files, "other key", key=new_key(), new_key=True)


def _other_laptop(files: Files) -> Path:
    """The trusted key, signing for a laptop that is not the one it is trusted for."""

    def claim(head: dict) -> None:
        head["device_id"] = str(uuid.uuid4())

    return _rebuilt(files, "other laptop", manifest=claim)


def _new_laptop(files: Files) -> Path:
    """A laptop and key nobody trusted yet: held, never merged."""

    def claim(head: dict) -> None:
        head["device_id"] = str(uuid.uuid4())

    return _rebuilt(files, "new laptop", key=new_key(), new_key=True, manifest=claim)


TRUST = [
    ("another key for a known laptop", _other_key, "not by the key trusted for its laptop"),
    ("a known key for another laptop", _other_laptop, "belongs to another laptop"),
    ("a laptop nobody trusted", _new_laptop, "held:"),
]


@pytest.mark.parametrize("command", ["verify --db", "merge"])
@pytest.mark.parametrize(("case", "make", "words"), TRUST, ids=[t[0] for t in TRUST])
def test_a_key_the_database_does_not_trust_is_refused_or_held_alike(
    files, command, case, make, words
):
    path = make(files)
    before = dump(files.office)
    result = _run(command, path, files.office)
    line = assert_refused(result, path.name, words, secrets=SECRETS, before=before, db=files.office)
    other = _run("merge" if command != "merge" else "verify --db", path, files.office)
    said = assert_refused(other, path.name, secrets=SECRETS)
    assert said.removeprefix(PREFIX) == line.removeprefix(PREFIX)


# --- newer schema ----------------------------------------------------------------------

VERSIONS = [
    ("a version", "9.4.1", ("Planner Desktop 9.4.1", "install 9.4.1 or later")),
    ("a version on two lines", "9.4\n1", ("newer database schema", "install a newer version")),
    ("a terminal escape", "\x1b[2J9.4", ("newer database schema", "install a newer version")),
]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("case", "version", "words"), VERSIONS, ids=[v[0] for v in VERSIONS])
def test_a_newer_schema_names_the_version_needed(files, command, case, version, words):
    def newer(head: dict) -> None:
        head["schema_revision"] = "9999_from_the_future"
        head["app_version"] = version

    path = _rebuilt(files, f"newer {case}", manifest=newer)
    before = dump(files.empty)
    result = _run(command, path, files.empty, "--trust-new")
    line = assert_refused(result, path.name, *words, before=before, db=files.empty)
    assert f"this is Planner Desktop {__version__}" in line or "install a newer version" in line
    assert "\x1b" not in result.err


# --- the database refuses --------------------------------------------------------------


@pytest.fixture
def read_only() -> Iterator[None]:
    """Every SQLite connection opened meanwhile refuses to write (as a read-only file)."""

    def query_only(dbapi_connection: Any, _record: Any) -> None:
        if isinstance(dbapi_connection, sqlite3.Connection):
            dbapi_connection.execute("PRAGMA query_only=ON")

    event.listen(Engine, "connect", query_only)
    yield
    event.remove(Engine, "connect", query_only)


@pytest.fixture
def reference_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    """A referred record removed after the check (another computer's undo): the check
    passes, the database finds the reference missing."""
    monkeypatch.setattr(ReferenceCheck, "finish", lambda self: None)


@pytest.fixture
def busy(files: Files, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Another program holds the write lock and the wait is over at once."""
    monkeypatch.setenv(dialect.ENV_BUSY_TIMEOUT, "0")
    other = sqlite3.connect(files.empty, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield
    other.execute("ROLLBACK")
    other.close()


FAILURES = [
    ("read-only database", "read_only", None, ("is read-only",)),
    ("reference gone meanwhile", "reference_gone", "district", ("refused by the database",)),
    ("database busy", "busy", None, ("is busy",)),
]


@pytest.mark.parametrize(
    ("case", "fixture", "dangling", "words"), FAILURES, ids=[f[0] for f in FAILURES]
)
def test_a_database_failure_while_merging_is_one_line(
    files, request, case, fixture, dangling, words
):
    path = files.original
    if dangling is not None:
        path = _rebuilt(
            files, case, parts=_set_first("records/community.jsonl", "district_id", _nowhere)
        )
    before = dump(files.empty)
    request.getfixturevalue(fixture)
    result = run_cli("session", "merge", "--db", str(files.empty), "--trust-new", str(path))
    line = assert_refused(result, path.name, *words, secrets=SECRETS, before=before, db=files.empty)
    assert "neither in the file nor in the database" not in line
    assert "constraint" not in line.lower()
