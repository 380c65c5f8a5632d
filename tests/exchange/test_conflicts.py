"""Merge rules of DESIGN §4: conflicts, re-sent edits, tombstones, events, undo (issue 4)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from planner_desktop.domain import models as m
from planner_desktop.domain.enums import Group
from planner_desktop.exchange.conflicts import list_conflicts, resolve_conflict
from planner_desktop.exchange.manifest import Scope
from planner_desktop.exchange.undo import UndoError, undo_batch
from planner_desktop.store.ledger import import_batch, record_origins
from tests.exchange.builders import delete, dump_tables, edit, merge, populate
from tests.helpers import dump_text


@pytest.fixture
def world(make_laptop, make_store):
    """HQ's base file, merged by two laptops; ``hq`` is an empty consolidated database."""
    origin = make_laptop("origin")
    ids = populate(origin.store)
    base = origin.export()
    a, b = make_laptop("a"), make_laptop("b")
    for laptop in (a, b):
        assert merge(laptop.store, base)[0].ok
    return {"ids": ids, "base": base, "a": a, "b": b, "hq": make_store("hq")}


def _demand(store, demand_id):
    with store.session() as s:
        return s.get(m.Demand, demand_id)


def test_same_record_edited_on_two_laptops_is_a_conflict_with_both_versions_kept(world):
    ids, a, b, hq = world["ids"], world["a"], world["b"], world["hq"]
    edit(a.store, m.Demand, ids["demand0"], description="Agua potable para 40 familias")
    edit(b.store, m.Demand, ids["demand0"], description="Agua y alcantarillado")
    fa, fb = a.export(), b.export()
    reports = merge(hq, world["base"], fa, fb)
    assert [r.counts.conflicts for r in reports] == [0, 0, 1]
    [conflict] = list_conflicts(hq)
    assert conflict.id == ids["demand0"] and conflict.table == "demand"
    descriptions = {v.values["description"] for v in conflict.versions}
    assert descriptions == {"Agua potable para 40 familias", "Agua y alcantarillado"}
    assert conflict.differing_fields()[:1] == ["description"] or "description" in (
        conflict.differing_fields()
    )
    assert sum(v.provisional for v in conflict.versions) == 1
    provisional = next(v for v in conflict.versions if v.provisional)
    assert _demand(hq, ids["demand0"]).description == provisional.values["description"]

    new_version = resolve_conflict(hq, conflict.id, {"description": "Agua, acordado"})
    assert list_conflicts(hq) == []
    assert _demand(hq, ids["demand0"]).version_id == new_version
    # the resolution travels: a database that still has the conflict settles on it
    other = world["a"].store
    assert merge(other, fb)[0].counts.conflicts == 1
    from tests.exchange.builders import Laptop, new_key

    hq_laptop = Laptop(hq, new_key(), a.folder.parent / "hq-out")
    hq_laptop.folder.mkdir()
    [report] = merge(other, hq_laptop.export())
    assert report.counts.updated >= 1
    assert list_conflicts(other) == []
    assert _demand(other, ids["demand0"]).description == "Agua, acordado"


def test_edited_on_one_laptop_and_deleted_on_another_is_a_conflict(world):
    ids, a, b, hq = world["ids"], world["a"], world["b"], world["hq"]
    edit(a.store, m.Demand, ids["demand1"], description="Puente peatonal")
    delete(b.store, m.Demand, ids["demand1"])
    reports = merge(hq, world["base"], b.export(), a.export())
    assert reports[-1].counts.conflicts == 1
    [conflict] = list_conflicts(hq)
    deleted = [v.values["deleted_at"] for v in conflict.versions]
    assert sum(d is not None for d in deleted) == 1


def test_edited_twice_on_one_laptop_and_resent_is_no_conflict_in_either_order(world, make_store):
    ids, a = world["ids"], world["a"]
    edit(a.store, m.Demand, ids["demand0"], description="primera")
    first = a.export()
    edit(a.store, m.Demand, ids["demand0"], description="segunda")
    second = a.export(Scope(kind="community", community_id=ids["community0"]))
    dumps = []
    for order in ([world["base"], first, second], [second, first, world["base"]]):
        hq = make_store("hq")
        reports = merge(hq, *order)
        assert all(r.ok for r in reports)
        assert sum(r.counts.conflicts for r in reports) == 0
        assert _demand(hq, ids["demand0"]).description == "segunda"
        dumps.append(dump_text(hq))
    assert dumps[0] == dumps[1]


def test_a_tombstone_is_not_resurrected_by_an_older_file(world):
    ids, a, hq = world["ids"], world["a"], world["hq"]
    delete(a.store, m.Demand, ids["demand0"])
    merge(hq, a.export())
    [report] = merge(hq, world["base"])
    assert report.counts.updated == 0 and report.counts.conflicts == 0
    assert _demand(hq, ids["demand0"]).deleted_at is not None


def test_append_only_events_are_inserted_once_and_never_conflict(world):
    a, b, hq = world["a"], world["b"], world["hq"]
    with a.store.session() as s:
        vote = s.scalars(select(m.Vote)).first()
        s.add(m.Vote(round_id=vote.round_id, item_id=vote.item_id, group=Group.men, count=2))
    with b.store.session() as s:
        vote = s.scalars(select(m.Vote)).first()
        s.add(m.Vote(round_id=vote.round_id, item_id=vote.item_id, group=Group.youth, count=1))
    reports = merge(hq, a.export(), b.export(), world["base"])
    assert sum(r.counts.conflicts for r in reports) == 0
    with hq.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Vote)) == 4


def test_same_content_in_another_file_changes_nothing(world):
    a, hq = world["a"], world["hq"]
    merge(hq, world["base"])
    before = dump_text(hq)
    [report] = merge(hq, a.export())  # the same records, re-exported by a laptop
    assert report.status == "merged"
    assert report.counts.added == report.counts.updated == report.counts.conflicts == 0
    assert dump_text(hq) == before


def test_every_row_knows_the_files_and_devices_it_came_from(world):
    ids, a, hq = world["ids"], world["a"], world["hq"]
    edit(a.store, m.Demand, ids["demand0"], description="otra")
    merge(hq, world["base"], a.export())
    with hq.engine.connect() as conn:
        origins = record_origins(conn, ids["demand0"])
        files = dict(conn.execute(select(import_batch.c.id, import_batch.c.file_name)).all())
    assert [(files[o.batch_id], o.change) for o in origins] == [
        (world["base"].name, "added"),
        ("a-1.cumbre", "updated"),
    ]
    assert origins[1].device_id == a.device_id


def test_undo_restores_what_the_batch_changed(world):
    ids, a, b, hq = world["ids"], world["a"], world["b"], world["hq"]
    [first] = merge(hq, world["base"])
    after_base = dump_text(hq)
    edit(a.store, m.Demand, ids["demand0"], description="A")
    edit(b.store, m.Demand, ids["demand0"], description="B")
    [second] = merge(hq, a.export())
    with pytest.raises(UndoError):
        undo_batch(hq, first.batch_id)  # a later import changed its records
    [third] = merge(hq, b.export())
    assert third.counts.conflicts == 1
    undo_batch(hq, third.batch_id)
    assert list_conflicts(hq) == []
    assert _demand(hq, ids["demand0"]).description == "A"
    undo_batch(hq, second.batch_id)
    assert dump_text(hq) == after_base
    undo_batch(hq, first.batch_id)
    assert all(rows == [] for rows in dump_tables(hq).values())
    with pytest.raises(UndoError):
        undo_batch(hq, first.batch_id)
    # an undone file can be merged again
    assert merge(hq, world["base"])[0].counts.added == 26


def test_undo_keeps_records_another_import_also_carried(world, make_store):
    ids, a, hq = world["ids"], world["a"], world["hq"]
    [first] = merge(hq, world["base"])
    [second] = merge(hq, a.export(Scope(kind="community", community_id=ids["community0"])))
    assert second.counts.unchanged > 0 and second.counts.added == 0
    undo_batch(hq, first.batch_id)
    remaining = dump_tables(hq)
    assert [r["id"] for r in remaining["community"]] == [str(ids["community0"])]
    undo_batch(hq, second.batch_id)  # now it is the one that brought them: all gone
    assert all(rows == [] for rows in dump_tables(hq).values())


def test_undo_is_refused_after_a_local_edit_of_a_record_it_added(world):
    ids, hq = world["ids"], world["hq"]
    [first] = merge(hq, world["base"])
    edit(hq, m.Demand, ids["demand0"], description="corregido en la oficina")
    before = dump_text(hq)
    with pytest.raises(UndoError, match="edited since"):
        undo_batch(hq, first.batch_id)
    assert dump_text(hq) == before
    with hq.engine.connect() as conn:
        assert conn.scalar(select(import_batch.c.undone_at)) is None


def test_undo_is_refused_while_other_records_refer_to_records_it_added(world):
    ids, hq = world["ids"], world["hq"]
    [first] = merge(hq, world["base"])
    with hq.session() as s:  # typed at the office, in the municipality the file brought
        s.add(m.Person(municipality_id=ids["municipality"], first_names="Nueva"))
    before = dump_text(hq)
    with pytest.raises(UndoError, match="undo those first"):
        undo_batch(hq, first.batch_id)
    assert dump_text(hq) == before


def test_undo_hands_records_over_to_the_earliest_other_import_that_carried_them(world):
    ids, a, b, hq = world["ids"], world["a"], world["b"], world["hq"]
    scope = Scope(kind="community", community_id=ids["community0"])
    [first] = merge(hq, world["base"])
    [second] = merge(hq, b.export(scope, name="b-c0"))
    [third] = merge(hq, a.export(scope, name="a-c0"))
    undo_batch(hq, first.batch_id)
    kept = dump_text(hq)
    undo_batch(hq, third.batch_id)  # second carried them first: nothing goes
    assert dump_text(hq) == kept
    undo_batch(hq, second.batch_id)
    assert all(rows == [] for rows in dump_tables(hq).values())


@pytest.mark.parametrize(
    ("model", "values", "named"),
    [
        (
            m.AnnualPlan,
            {"fiscal_year": 2027},
            "Annual operating plan (Municipality, Fiscal year 2027)",
        ),
        (m.Sector, {"code": "riego", "name": "Riego"}, "Sector (Municipality, Code riego)"),
    ],
)
def test_the_same_key_made_on_two_laptops_refuses_the_second_file_naming_it(
    world, model, values, named
):
    """Two offices derive the POA of one year, or add a sector with the same code: the
    second file is refused whole, with a line naming the record and its key."""
    ids, a, b, hq = world["ids"], world["a"], world["b"], world["hq"]
    assert merge(hq, world["base"])[0].ok
    for laptop in (a, b):
        with laptop.store.session() as s:
            s.add(model(municipality_id=ids["municipality"], **values))
    [first] = merge(hq, a.export(name="a.cumbre"))
    assert first.ok and first.counts.added == 1
    before = dump_text(hq)
    [second] = merge(hq, b.export(name="b.cumbre"))
    assert second.status == "refused"
    assert second.reason == (
        f"b.cumbre: {named} is already in this database as another record, made on another "
        "computer: change or remove one of the two, then merge again"
    )
    assert dump_text(hq) == before
    with hq.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(import_batch)) == 2


@pytest.mark.parametrize("ahead_first", [True, False], ids=["ahead-first", "ahead-last"])
def test_a_version_saved_in_the_future_never_wins_a_conflict(world, ahead_first):
    """Issue 16: laptop B's clock runs five hours ahead (within the tolerance, so its file
    is taken); its version is the later one by the clock but the version saved in the
    present stays the provisional winner, whatever order the files come in."""
    import datetime as dt

    from tests.exchange import tamper

    ids, a, b, hq = world["ids"], world["a"], world["b"], world["hq"]
    edit(a.store, m.Demand, ids["demand0"], description="Agua potable para 40 familias")
    edit(b.store, m.Demand, ids["demand0"], description="Agua desde el futuro")
    fa, fb = a.export(), b.export()
    ahead = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=5)).replace(tzinfo=None)
    demand_id = str(ids["demand0"])

    def move_ahead(entries):
        records = tamper.lines(entries["records/demand.jsonl"])
        for record in records:
            if record["id"] == demand_id:
                record["updated_at"] = ahead.isoformat()
        entries["records/demand.jsonl"] = tamper.jsonl(records)

    ahead_file = tamper.rebuild(fb, fb.with_name("ahead.cumbre"), b.key, parts=move_ahead)
    files = [ahead_file, fa] if ahead_first else [fa, ahead_file]
    reports = merge(hq, world["base"], *files)
    assert all(r.ok for r in reports), [r.line() for r in reports]
    assert sum(r.counts.conflicts for r in reports) == 1
    assert _demand(hq, ids["demand0"]).description == "Agua potable para 40 familias"
