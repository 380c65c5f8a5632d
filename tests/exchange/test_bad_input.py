"""Every bad input of issue 4: refused with one line naming the file, nothing written."""

from __future__ import annotations

import json
import os
import warnings
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner_desktop import cli
from planner_desktop.exchange.errors import KeyNotTrusted, SessionFileError
from planner_desktop.exchange.merge import merge_files
from planner_desktop.exchange.trust import TrustPolicy, held_files
from planner_desktop.exchange.verify import verify_file
from tests.exchange import tamper
from tests.exchange.builders import merge, new_key, populate
from tests.helpers import dump_text, location


@pytest.fixture
def good(make_laptop, make_store):
    """A valid file, its laptop, and a consolidated database that already merged it."""
    laptop = make_laptop("a")
    ids = populate(laptop.store)
    path = laptop.export()
    hq = make_store("hq")
    assert merge(hq, path)[0].ok
    return {"path": path, "laptop": laptop, "hq": hq, "ids": ids, "dir": laptop.folder}


def refused(good, path, *words, held: bool = False) -> str:
    """Check the one-line refusal from verify and from merge, and that nothing changed."""
    hq = good["hq"]
    before = dump_text(hq)
    with pytest.raises(SessionFileError) as caught:
        verify_file(path, TrustPolicy(keys={}, trust_new=True) if not held else TrustPolicy())
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name + ": ")
    for word in words:
        assert word in message, message
    [report] = merge_files(hq, [path])
    assert report.status == ("held" if held else "refused")
    assert "\n" not in report.line()
    assert dump_text(hq) == before
    return message


def test_zero_byte_file(good):
    empty = good["dir"] / "empty.cumbre"
    empty.write_bytes(b"")
    refused(good, empty, "empty")


def test_truncated_file(good):
    cut = good["dir"] / "cut.cumbre"
    data = good["path"].read_bytes()
    for size in (len(data) // 2, len(data) - 1, 10):
        cut.write_bytes(data[:size])
        refused(good, cut)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_flipped_byte_anywhere(good, data):
    original = good["path"].read_bytes()
    offset = data.draw(st.integers(0, len(original) - 1))
    mask = data.draw(st.integers(1, 255))
    flipped = bytearray(original)
    flipped[offset] ^= mask
    path = good["dir"] / "flipped.cumbre"
    path.write_bytes(bytes(flipped))
    refused(good, path)


def _resigned(good, name, **changes):
    return tamper.rebuild(good["path"], good["dir"] / name, good["laptop"].key, **changes)


def test_manifest_lying_about_a_hash(good):
    def lie(head):
        head["parts"]["records/demand.jsonl"]["sha256"] = "0" * 64

    refused(good, _resigned(good, "hash.cumbre", manifest=lie), "SHA-256", "demand")


def test_manifest_lying_about_a_count(good):
    def lie(head):
        head["parts"]["records/demand.jsonl"]["records"] += 1

    refused(good, _resigned(good, "count.cumbre", manifest=lie), "records", "demand")


def test_missing_part(good):
    def drop(entries):
        del entries["records/sector.jsonl"]

    def keep_listed(head):
        head["parts"]["records/sector.jsonl"] = {
            "records": 1,
            "bytes": 10,
            "sha256": "0" * 64,
            "packed_sha256": "0" * 64,
        }

    path = _resigned(good, "missing.cumbre", parts=drop, manifest=keep_listed)
    refused(good, path, "records/sector.jsonl", "missing")


def test_extra_part(good):
    def unlist(head):
        del head["parts"]["records/sector.jsonl"]

    path = _resigned(good, "extra.cumbre", manifest=unlist)
    refused(good, path, "records/sector.jsonl", "not listed")


def test_unknown_entry(good):
    def add(entries):
        entries["notes.txt"] = b"hola\n"

    refused(good, _resigned(good, "unknown.cumbre", parts=add), "notes.txt")


def _edit_records(name, change):
    def edit(entries):
        records = tamper.lines(entries[name])
        change(records[0])
        entries[name] = tamper.jsonl(records)

    return edit


def test_record_of_the_wrong_type(good):
    edit = _edit_records("records/community.jsonl", lambda r: r.update(population_women="10"))
    refused(good, _resigned(good, "type.cumbre", parts=edit), "population_women")


def test_record_with_a_missing_or_extra_field(good):
    edit = _edit_records("records/community.jsonl", lambda r: r.pop("families"))
    refused(good, _resigned(good, "missing-field.cumbre", parts=edit), "families")
    edit = _edit_records("records/community.jsonl", lambda r: r.update(secret=1))
    refused(good, _resigned(good, "extra-field.cumbre", parts=edit), "secret")


def test_record_with_an_unknown_enum_value(good):
    edit = _edit_records("records/community.jsonl", lambda r: r.update(kind="castle"))
    refused(good, _resigned(good, "enum.cumbre", parts=edit), "kind")


def test_nested_value_in_a_flat_record(good):
    edit = _edit_records("records/community.jsonl", lambda r: r.update(name={"a": [1]}))
    refused(good, _resigned(good, "nested-field.cumbre", parts=edit), "name")


def test_deeply_nested_json(good):
    def deep(entries):
        entries["records/sector.jsonl"] = b"[" * 50_000 + b"]" * 50_000 + b"\n"

    refused(good, _resigned(good, "deep.cumbre", parts=deep), "records/sector.jsonl")

    def deep_manifest(head):
        head["scope"]["kind"] = json.loads("[" * 50 + "]" * 50)

    refused(good, _resigned(good, "deep-manifest.cumbre", manifest=deep_manifest), "nested")


def test_enormous_json_line(good):
    edit = _edit_records(
        "records/community.jsonl", lambda r: r.update(name=os.urandom(1_000_000).hex())
    )
    refused(good, _resigned(good, "huge-line.cumbre", parts=edit), "too long")


def test_zip_bomb(good):
    bomb = tamper.raw_zip(
        good["dir"] / "bomb.cumbre",
        [
            ("manifest.json", b"{}"),
            ("signature", b"00"),
            ("records/sector.jsonl", b"\0" * (64 * 1024 * 1024)),
        ],
    )
    refused(good, bomb, "ZIP bomb")


@pytest.mark.parametrize("name", ["../evil.jsonl", "/etc/evil", "records/../../x.jsonl", "C:x"])
def test_path_traversal_names(good, name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = tamper.raw_zip(
            good["dir"] / "traversal.cumbre",
            [("manifest.json", b"{}"), ("signature", b"00"), (name, b"{}\n")],
        )
    refused(good, path, "unsafe entry name")


def test_duplicate_entries(good):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        path = tamper.raw_zip(
            good["dir"] / "dup.cumbre",
            [("manifest.json", b"{}"), ("signature", b"00"), ("manifest.json", b"{}")],
        )
    refused(good, path, "twice")


def test_file_from_a_newer_format_names_the_version_needed(good):
    def newer(head):
        head["format_version"] = 7
        head["hologram"] = True

    message = refused(good, _resigned(good, "newer.cumbre", manifest=newer), "version 7")
    assert "install" in message


def test_file_for_a_newer_database_schema(good):
    def newer(head):
        head["schema_revision"] = "0099_future"

    refused(good, _resigned(good, "schema.cumbre", manifest=newer), "0099_future")


def test_valid_file_re_signed_by_an_unknown_key(good, make_store):
    intruder = new_key()
    edit = _edit_records("records/demand.jsonl", lambda r: r.update(description="otra cosa"))
    path = tamper.rebuild(
        good["path"], good["dir"] / "resigned.cumbre", intruder, parts=edit, new_key=True
    )
    # the consolidated database knows this laptop's key: refused outright
    hq = good["hq"]
    before = dump_text(hq)
    [report] = merge_files(hq, [path])
    assert report.status == "refused" and "not by the key trusted" in report.reason
    assert dump_text(hq) == before
    # a database that knows no key holds it until a person decides
    fresh = make_store("fresh")
    with pytest.raises(KeyNotTrusted):
        verify_file(path, TrustPolicy())
    [report] = merge_files(fresh, [path])
    assert report.status == "held" and "held" in report.line()
    with fresh.engine.connect() as conn:
        assert [h.path for h in held_files(conn)] == [str(path.resolve())]
    assert all(rows == [] for rows in json.loads(dump_text(fresh))["tables"].values())


def test_signature_pasted_from_another_file(good):
    other = good["laptop"].export()
    signature = tamper.read_entries(other)["signature"]

    target = good["dir"] / "pasted.cumbre"
    entries = tamper.read_entries(good["path"])
    with zipfile.ZipFile(good["path"]) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            data = signature if info.filename == "signature" else entries[info.filename]
            out.writestr(info, data)
    refused(good, target, "signature")


def test_cli_verify_and_merge_refuse_with_one_line(good, capsys):
    empty = good["dir"] / "empty.cumbre"
    empty.write_bytes(b"")
    assert cli.main(["--lang", "en", "session", "verify", str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty.cumbre" in err
    db = location(good["hq"])
    before = dump_text(good["hq"])
    code = cli.main(["--lang", "en", "session", "merge", "--db", str(db), str(empty)])
    out, err = capsys.readouterr()
    assert code == 1
    assert err.strip().startswith("empty.cumbre:") and err.count("\n") == 1
    assert out.strip() == "added=0 updated=0 unchanged=0 conflicts=0 rejected=0"
    assert dump_text(good["hq"]) == before


def test_hostile_part_name_in_the_manifest_stays_on_one_line(good):
    def hostile(head):
        head["parts"]["records/x\n../../etc.jsonl"] = head["parts"]["records/sector.jsonl"]

    refused(good, _resigned(good, "hostile-name.cumbre", manifest=hostile), "manifest field")
