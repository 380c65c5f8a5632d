"""Older files, the command line contract, preview, progress and cancel (issue 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner_desktop import cli, installation, paths
from planner_desktop.exchange import manifest as mf
from planner_desktop.exchange.merge import merge_files, plan_merge
from planner_desktop.exchange.signing import fingerprint, public_key_hex
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.exchange.verify import verify_file
from tests.exchange.builders import merge, populate
from tests.exchange.make_fixture import FIXTURES
from tests.helpers import dump_text

TOTAL = re.compile(r"^added=\d+ updated=\d+ unchanged=\d+ conflicts=\d+ rejected=\d+$")


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.cumbre")), ids=lambda p: p.name)
def test_files_of_every_known_format_version_are_read(path, make_store):
    verified = verify_file(path)
    assert verified.manifest.format_version <= mf.FORMAT_VERSION
    store = make_store("old")
    [report] = merge(store, path)
    assert report.status == "merged" and report.counts.added == verified.record_count


def test_every_format_version_up_to_the_current_one_has_a_reader_and_a_fixture():
    assert sorted(mf.READERS) == list(range(1, mf.FORMAT_VERSION + 1))
    for version in mf.READERS:
        assert (FIXTURES / f"session-format-{version}.cumbre").exists()


def test_cli_export_verify_and_merge_with_trust(make_laptop, databases, tmp_path, capsys):
    laptop = make_laptop("source")
    ids = populate(laptop.store)
    laptop.store.close()
    db = laptop.target
    out = tmp_path / "c0.cumbre"
    args = ["--lang", "en", "session", "export", "--db", db, "--out", str(out)]
    assert cli.main([*args, "--community", str(ids["community0"])]) == 0
    assert "records" in capsys.readouterr().out
    assert cli.main(["--lang", "en", "session", "verify", str(out)]) == 0
    assert "valid" in capsys.readouterr().out

    hq = str(databases.fresh("hq"))
    assert cli.main(["--lang", "en", "session", "merge", "--db", hq, str(out)]) == 1
    captured = capsys.readouterr()
    assert "held" in captured.err and captured.err.count("\n") == 1
    assert TOTAL.match(captured.out.strip())

    key = installation.load_or_create(paths.data_dir()).signing_key()
    keys = tmp_path / "keys.txt"
    keys.write_text(f"# laptop of the workshop\n{fingerprint(public_key_hex(key))} laptop 1\n")
    merge_args = ["--lang", "en", "session", "merge", "--db", hq, "--trusted-keys", str(keys)]
    assert cli.main([*merge_args, str(out)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("c0.cumbre: added=")
    assert TOTAL.match(lines[-1]) and lines[-1].startswith("added=")
    # the key is now trusted by that database: no option needed any more
    assert cli.main(["--lang", "en", "session", "merge", "--db", hq, str(out)]) == 0
    assert "already merged" in capsys.readouterr().out


def test_cli_refuses_two_scopes_and_bad_ids(tmp_path, capsys):
    db = str(tmp_path / "x.sqlite")
    out = str(tmp_path / "x.cumbre")
    assert cli.main(["session", "export", "--db", db, "--out", out, "--event", "nope"]) == 1
    assert (
        cli.main(
            ["session", "export", "--db", db, "--out", out, "--since-last", "--from", "2026-01-01"]
        )
        == 1
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 2
    assert not Path(out).exists()


def test_preview_counts_without_changing_anything(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    path = laptop.export()
    store = make_store("hq")
    before = dump_text(store)
    report = plan_merge(store, path, trust=TrustPolicy(trust_new=True))
    assert report.counts.added == 26 and report.batch_id is None
    assert dump_text(store) == before
    assert merge(store, path)[0].counts.added == 26


def test_cancel_rolls_back_the_current_file_and_skips_the_rest(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store)
    first, second = laptop.export(), laptop.export()
    store = make_store("hq")
    before = dump_text(store)
    seen = []
    reports = merge_files(
        store,
        [first, second],
        trust=TrustPolicy(trust_new=True),
        progress=lambda done, total, path: seen.append((done, total)),
        cancelled=lambda: True,
    )
    assert [r.status for r in reports] == ["cancelled", "cancelled"]
    assert dump_text(store) == before
    calls = iter([False, False, True] + [True] * 100)
    reports = merge_files(
        store,
        [first, second],
        trust=TrustPolicy(trust_new=True),
        progress=lambda done, total, path: seen.append((done, total)),
        cancelled=lambda: next(calls),
    )
    assert reports[0].status in ("merged", "cancelled")
    assert seen and seen[-1][1] == 2


def test_the_window_api_has_the_import_log(make_laptop, make_store):
    from planner_desktop.exchange import session

    laptop = make_laptop("a")
    populate(laptop.store)
    store = make_store("hq")
    merge(store, laptop.export())
    [entry] = session.import_log(store)
    assert entry.added == 26 and entry.undone_at is None and entry.device_id == laptop.device_id
    session.undo_batch(store, entry.id)
    assert session.import_log(store)[0].undone_at is not None


def test_cli_export_refuses_an_unknown_community(make_laptop, capsys):
    laptop = make_laptop("a")
    populate(laptop.store)
    laptop.store.close()
    out = laptop.folder / "x.cumbre"
    args = ["--lang", "en", "session", "export", "--db", laptop.target]
    code = cli.main(
        [*args, "--out", str(out), "--community", "00000000-0000-4000-8000-00000000dead"]
    )
    assert code == 1
    assert "there is no community" in capsys.readouterr().err
    assert not out.exists() and not out.with_name("x.cumbre.part").exists()


def test_a_column_added_since_an_old_file_takes_its_default(make_store):
    from sqlalchemy import select

    from planner_desktop.domain.prioritization import PrioritizationRound
    from planner_desktop.domain.territory import Municipality

    path = FIXTURES / "session-format-1.cumbre"
    store = make_store("older")
    [report] = merge(store, path)
    assert report.status == "merged"
    with store.session() as session:
        notes = set(session.scalars(select(PrioritizationRound.agreed_note)))
        official = set(session.scalars(select(Municipality.official_name)))
    assert notes == {""}
    assert official == {""}  # schema 0007 added it; the file, written at 0002, has none


OLD_PROGRAM = {
    "id": "00000000-0000-4000-8000-0000000000a1",
    "policy_id": "00000000-0000-4000-8000-0000000000a2",
    "sector_id": None,
    "code": "PR01",
    "name": "Agua para todos",
    "problem": "",
}


def _old_file(tmp_path: Path, name: str, table: str, record: dict, revision: str) -> Path:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from tests.exchange import tamper
    from tests.exchange.make_fixture import KEY_SEED

    def add(parts: dict[str, bytes]) -> None:
        parts[f"records/{table}.jsonl"] = tamper.jsonl([record])

    def stamp(head: dict) -> None:
        head["schema_revision"] = revision

    key = Ed25519PrivateKey.from_private_bytes(KEY_SEED)
    source = FIXTURES / "session-format-1.cumbre"
    return tamper.rebuild(source, tmp_path / name, key, parts=add, manifest=stamp)


def test_a_file_with_records_of_the_old_strategic_frame_is_refused_naming_it(
    tmp_path, make_store, capsys
):
    """Issue 14: the tables of the fixed frame are gone; such a file is exported again."""
    from planner_desktop.exchange.errors import SessionFileError

    path = _old_file(
        tmp_path, "frame.cumbre", "program", OLD_PROGRAM, "0006_shared_ranks_reopening"
    )
    with pytest.raises(SessionFileError) as refused:
        verify_file(path)
    message = str(refused.value)
    assert message.startswith("frame.cumbre: ") and "\n" not in message
    assert "program" in message and "export the session again" in message
    store = make_store("hq")
    before = dump_text(store)
    [report] = merge(store, path)
    assert report.status == "refused" and "export the session again" in report.reason
    assert dump_text(store) == before
    assert cli.main(["--lang", "en", "session", "verify", str(path)]) == 1
    err = capsys.readouterr().err
    assert "export the session again" in err and err.count("\n") == 1


def test_a_file_written_before_the_plan_tree_with_reshaped_records_is_refused(tmp_path):
    from planner_desktop.exchange.errors import SessionFileError

    organization = {"role_in_planning": "Convoca", "name": "OTB Norte"}
    path = _old_file(
        tmp_path, "actors.cumbre", "organization", organization, "0004_round_decisions"
    )
    with pytest.raises(SessionFileError, match=r"Organization.*export the session again"):
        verify_file(path)
    now = _old_file(tmp_path, "now.cumbre", "organization", organization, "0007_plan_tree")
    with pytest.raises(SessionFileError) as refused:  # current shape: read, and found wrong
        verify_file(now)
    assert "export the session again" not in str(refused.value)
    assert "organization.jsonl" in str(refused.value)
