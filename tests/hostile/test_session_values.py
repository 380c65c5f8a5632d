"""Values outside the rules in a signed session file: verify and merge both refuse them,
naming the part, the record and the field, never the value, and nothing is written."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.exchange import tamper
from tests.exchange.builders import new_laptop, populate
from tests.hostile.support import assert_refused, dump, run_cli

FUTURE = "9999-12-31T00:00:00"


def _next_week() -> str:
    return (datetime.now() + timedelta(days=7)).replace(microsecond=0).isoformat()


# (case, part, field, value); the value replaces the field in the part's first record.
CASES = [
    ("birth year 99999", "person", "birth_year", 99999),
    ("birth year 1800", "person", "birth_year", 1800),
    ("negative families", "community", "families", -3),
    ("negative population", "community", "population_women", -1),
    ("population 10^20", "community", "population_women", 10**20),
    ("save time 9999-12-31", "community", "updated_at", FUTURE),
    ("save time next week", "demand", "updated_at", None),
    ("creation in year 1000", "demand", "created_at", "1000-01-01T00:00:00"),
    ("NUL in a name", "community", "name", "Comunidad\x00Uno"),
    ("line break in a name", "community", "name", "Comunidad\nUno"),
    ("bell in a description", "demand", "description", "Agua\x07potable"),
    ("negative cost", "demand", "estimated_cost", "-5.00"),
    ("cost above the maximum", "demand", "estimated_cost", "900000000000000.00"),
    ("negative beneficiaries", "demand", "beneficiaries_women", -1),
    ("workshop in year 9999", "event", "date", "9999-01-01"),
    ("negative ballots", "prioritization_round", "ballots_issued", -1),
]


@pytest.fixture(scope="module")
def laptop_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile-values")
    laptop = new_laptop(folder / "laptop")
    populate(laptop.store)
    path = laptop.export()
    key = laptop.key
    laptop.close()
    hq = folder / "hq.sqlite"
    assert run_cli("session", "merge", "--db", str(hq), "--trust-new", str(path)).code == 0
    return {"path": path, "key": key, "hq": hq, "folder": folder}


def _tampered(laptop_file, case: str, table: str, field: str, value: object) -> Path:
    part = f"records/{table}.jsonl"
    if value is None:
        value = _next_week()

    def change(entries: dict[str, bytes]) -> None:
        records = tamper.lines(entries[part])
        records[0][field] = value
        entries[part] = tamper.jsonl(records)

    name = "".join(c if c.isalpha() else "-" for c in case)  # no digit of the value in it
    out = laptop_file["folder"] / f"{name}.cumbre"
    return tamper.rebuild(laptop_file["path"], out, laptop_file["key"], parts=change)


@pytest.mark.parametrize(("case", "table", "field", "value"), CASES, ids=[c[0] for c in CASES])
def test_verify_and_merge_refuse_the_value_naming_its_field(laptop_file, case, table, field, value):
    path = _tampered(laptop_file, case, table, field, value)
    hq = laptop_file["hq"]
    before = dump(hq)
    shown = [] if value is None or (isinstance(value, int) and abs(value) < 10) else [str(value)]
    verified = run_cli("session", "verify", str(path))
    line = assert_refused(verified, path.name, f"{table}.jsonl", f"field {field}", secrets=shown)
    merged = run_cli("session", "merge", "--db", str(hq), "--trust-new", str(path))
    assert_refused(merged, path.name, f"field {field}", secrets=shown, db=hq, before=before)
    assert "record 1 of" in line


def test_the_untouched_file_is_valid(laptop_file):
    result = run_cli("session", "verify", str(laptop_file["path"]))
    assert result.code == 0, result.err


def test_a_valid_save_time_a_few_hours_ahead_is_taken(laptop_file):
    """Clocks differ a little: a laptop a few hours ahead is not refused."""
    ahead = (datetime.now() + timedelta(hours=5)).replace(microsecond=0).isoformat()
    path = _tampered(laptop_file, "five hours ahead", "demand", "updated_at", ahead)
    assert run_cli("session", "verify", str(path)).code == 0


def test_the_message_is_spanish_by_default(laptop_file):
    path = _tampered(laptop_file, "es", "person", "birth_year", 99999)
    import contextlib
    import io

    from planner_desktop.commands import main

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["--lang", "es", "session", "verify", str(path)])
    assert code == 1
    assert "campo birth_year" in err.getvalue() and "debe ser un año" in err.getvalue()


def test_cases_are_json_values():
    for _case, _table, _field, value in CASES:
        json.dumps(value)
