"""The import preview counts each file after the ones before it, on a copy (issue 4)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time

import pytest
from sqlalchemy.exc import IntegrityError

from planner_desktop.domain import models as m
from planner_desktop.exchange.collisions import unique_key
from planner_desktop.exchange.merge_preview import PREFIX, MergePreview, remove_stale_copies
from planner_desktop.exchange.session import import_log
from tests.exchange.builders import merge, populate, trust_all
from tests.helpers import dump_text


@pytest.fixture
def files(make_laptop):
    """HQ's base file; laptop a's whole database (the same records, another file); a
    POA 2027 made on laptop a and another made on laptop b."""
    origin = make_laptop("origin")
    ids = populate(origin.store)
    base = origin.export(name="base.cumbre")
    a, b = make_laptop("a"), make_laptop("b")
    for laptop in (a, b):
        assert merge(laptop.store, base)[0].ok
    same = a.export(name="same.cumbre")
    for laptop in (a, b):
        with laptop.store.session() as s:
            s.add(m.AnnualPlan(municipality_id=ids["municipality"], fiscal_year=2027))
    return {
        "base": base,
        "same": same,
        "poa_a": a.export(name="poa-a.cumbre"),
        "poa_b": b.export(name="poa-b.cumbre"),
    }


def counts(report):
    c = report.counts
    return report.status, c.added, c.unchanged


@pytest.mark.sqlite_only(
    "the preview merges into a copy of the database file; on a server it plans each file "
    "alone, against the database as it is"
)
def test_each_file_is_counted_after_the_ones_before_it_and_nothing_is_written(
    files, make_store
):
    hq = make_store("hq")
    before = dump_text(hq)
    preview = MergePreview(hq)
    copy = files["base"].with_name("copy.cumbre")
    shutil.copyfile(files["base"], copy)
    paths = [files["base"], files["same"], copy, files["poa_a"], files["poa_b"]]
    reports = preview.add(paths, trust_all())
    assert [counts(r) for r in reports[:2]] == [("merged", 26, 0), ("merged", 0, 26)]
    assert reports[2].status == "already" and reports[2].same_as == files["base"]
    assert reports[2].batch_id is None
    assert counts(reports[3]) == ("merged", 1, 26)
    assert reports[4].status == "refused" and "Fiscal year 2027" in reports[4].reason
    assert preview.order == paths
    assert dump_text(hq) == before and import_log(hq) == []
    preview.close()


@pytest.mark.sqlite_only(
    "the preview merges into a copy of the database file; on a server it plans each file "
    "alone, against the database as it is"
)
def test_files_added_later_are_counted_after_those_already_previewed(files, make_store):
    hq = make_store("hq")
    preview = MergePreview(hq)
    [first] = preview.add([files["same"]], trust_all())
    [later] = preview.add([files["base"]], trust_all())
    assert counts(first) == ("merged", 26, 0) and counts(later) == ("merged", 0, 26)
    assert preview.order == [files["same"], files["base"]]
    # merging in that order gives the counts shown
    assert [counts(r) for r in merge(hq, *preview.order)] == [counts(first), counts(later)]
    preview.close()


@pytest.mark.sqlite_only(
    "the preview merges into a copy of the database file; on a server it plans each file "
    "alone, against the database as it is"
)
def test_closing_deletes_the_copy_and_a_preview_starts_afresh(files, make_store):
    hq = make_store("hq")
    preview = MergePreview(hq)
    preview.add([files["base"]], trust_all())
    folder = preview._folder
    assert folder is not None and folder.is_dir()
    with preview._copy.engine.connect() as conn:  # a throw-away copy is not synced
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 0
    with hq.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    preview.close()
    assert not folder.exists() and preview.order == []
    [again] = preview.add([files["base"]], trust_all())
    assert counts(again) == ("merged", 26, 0)
    preview.close()


@pytest.mark.sqlite_only(
    "the preview merges into a copy of the database file; on a server it plans each file "
    "alone, against the database as it is"
)
def test_a_preview_cancelled_or_failed_part_way_starts_afresh(files, make_store):
    hq = make_store("hq")
    preview = MergePreview(hq)
    paths = [files["base"], files["poa_a"]]
    done: list[str] = []
    reports = preview.add(
        paths, trust_all(), progress=lambda *_: done.append("x"), cancelled=lambda: bool(done)
    )
    assert [r.status for r in reports] == ["merged", "cancelled"]
    assert preview.order == [] and preview._folder is None

    def fail(*_args):
        raise OSError("disk full")

    with pytest.raises(OSError):
        preview.add(paths, trust_all(), progress=fail)
    assert preview.order == [] and preview._folder is None
    [again] = preview.add([files["base"]], trust_all())
    assert counts(again) == ("merged", 26, 0)  # not "already": the copy started afresh
    preview.close()


def test_copies_left_behind_a_day_ago_are_removed(tmp_path):
    old, recent = tmp_path / f"{PREFIX}old", tmp_path / f"{PREFIX}recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "preview.sqlite").write_bytes(b"")
    a_day_ago = time.time() - 25 * 3600
    os.utime(old, (a_day_ago, a_day_ago))
    other = tmp_path / "other"
    other.mkdir()
    os.utime(other, (a_day_ago, a_day_ago))
    remove_stale_copies(tmp_path)
    assert not old.exists() and recent.is_dir() and other.is_dir()


@pytest.mark.parametrize(
    ("message", "key"),
    [
        (
            "UNIQUE constraint failed: annual_plan.municipality_id, annual_plan.fiscal_year",
            ("annual_plan", ("municipality_id", "fiscal_year")),
        ),
        ("UNIQUE constraint failed: record_origin.batch_id, record_origin.record_id", None),
        ("UNIQUE constraint failed: demand.id", None),
        ("FOREIGN KEY constraint failed", None),
    ],
)
def test_only_a_travelling_records_natural_key_is_explained(message, key):
    error = IntegrityError("INSERT …", {}, sqlite3.IntegrityError(message))
    assert unique_key(error) == key
