"""Export → verify → merge into an empty database gives back the exported scope (issue 4)."""

from __future__ import annotations

import datetime
import os
import stat
import zipfile

from planner_desktop import installation
from planner_desktop.domain import models as m
from planner_desktop.exchange.manifest import FORMAT_VERSION, Scope
from planner_desktop.exchange.verify import verify_file
from tests.exchange.builders import dump_tables, edit, ids_of, merge, populate, restricted


def _merged_equals_source(source, target) -> dict:
    merged = dump_tables(target)
    expected = restricted(dump_tables(source), ids_of(merged))
    assert merged == expected
    return merged


def test_everything_round_trips(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    path = laptop.export()
    verified = verify_file(path)
    assert verified.manifest.format_version == FORMAT_VERSION
    assert verified.record_count == 26
    target = make_store("hq")
    [report] = merge(target, path)
    assert report.status == "merged"
    assert report.counts.added == 26
    assert dump_tables(target) == dump_tables(laptop.store)


def test_community_scope_carries_its_records_and_what_they_need(make_laptop, make_store):
    laptop = make_laptop("a")
    ids = populate(laptop.store, communities=3)
    path = laptop.export(Scope(kind="community", community_id=ids["community1"]))
    target = make_store("hq")
    [report] = merge(target, path)
    assert report.ok
    merged = _merged_equals_source(laptop.store, target)
    assert str(ids["demand1"]) in {r["id"] for r in merged["demand"]}
    assert str(ids["demand0"]) not in {r["id"] for r in merged["demand"]}
    assert len(merged["municipality"]) == 1 and len(merged["sector"]) == 1
    assert len(merged["vote"]) == 1 and len(merged["attendance"]) == 1


def test_event_scope(make_laptop, make_store):
    laptop = make_laptop("a")
    ids = populate(laptop.store, communities=2)
    path = laptop.export(Scope(kind="event", event_id=ids["event0"]))
    target = make_store("hq")
    assert merge(target, path)[0].ok
    merged = _merged_equals_source(laptop.store, target)
    assert [r["id"] for r in merged["event"]] == [str(ids["event0"])]
    assert [r["id"] for r in merged["demand"]] == [str(ids["demand0"])]


def test_date_range_and_since_last_export(make_laptop, make_store):
    laptop = make_laptop("a")
    ids = populate(laptop.store, communities=2)
    today = datetime.datetime.now(datetime.UTC).date()
    in_range = laptop.export(Scope(kind="dates", date_from=today, date_to=today))
    assert verify_file(in_range).record_count == 26
    old = laptop.export(Scope(kind="dates", date_to=today - datetime.timedelta(days=1)))
    assert verify_file(old).record_count == 0
    _age_everything(laptop.store)
    first = laptop.export(Scope(kind="since_last"))
    assert verify_file(first).record_count == 26
    _move_watermark(laptop.store)
    edit(laptop.store, m.Demand, ids["demand1"], description="Riego por goteo")
    second = laptop.export(Scope(kind="since_last"))
    parts = verify_file(second).manifest.parts
    assert parts["records/demand.jsonl"].records == 1
    assert "records/vote.jsonl" not in parts and "records/attendance.jsonl" not in parts
    assert "records/municipality.jsonl" in parts  # what the demand needs travels with it
    target = make_store("hq")
    assert all(r.ok for r in merge(target, first, second))
    assert dump_tables(target) == dump_tables(laptop.store)


def _age_everything(store) -> None:
    """Pretend every record was made long ago."""
    from planner_desktop.exchange.records import table_specs

    with store.engine.begin() as conn:
        for spec in table_specs().values():
            column = "created_at" if spec.appended else "updated_at"
            conn.execute(spec.table.update().values({column: datetime.datetime(2020, 1, 1)}))


def _move_watermark(store) -> None:
    """Pretend the last export was made long ago too (but after the records)."""
    from planner_desktop.store.ledger import export_watermark

    with store.engine.begin() as conn:
        conn.execute(export_watermark.update().values(exported_at=datetime.datetime(2021, 1, 1)))


def test_the_file_is_deterministic_and_a_zip_of_the_documented_entries(make_laptop):
    laptop = make_laptop("a")
    populate(laptop.store)
    session = __import__("uuid").UUID(int=7)
    now = datetime.datetime(2026, 3, 1, 12, 0, 0)
    from planner_desktop.exchange.export import export_session

    one, two = laptop.folder / "one.cumbre", laptop.folder / "two.cumbre"
    for out in (one, two):
        export_session(
            laptop.store,
            out,
            scope=Scope(kind="everything"),
            key=laptop.key,
            session_id=session,
            now=now,
        )
    assert one.read_bytes() == two.read_bytes()
    names = zipfile.ZipFile(one).namelist()
    assert names[-2:] == ["manifest.json", "signature"]
    assert all(n.startswith("records/") for n in names[:-2])


def test_key_pair_is_made_on_first_run_private_key_readable_only_by_the_owner(tmp_path):
    made = installation.load_or_create(tmp_path / "data")
    key_file = made.key_path
    assert key_file.exists()
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    again = installation.load_or_create(tmp_path / "data")
    assert again.device_id == made.device_id
    from planner_desktop.exchange.signing import public_key_hex

    assert public_key_hex(again.signing_key()) == public_key_hex(made.signing_key())
