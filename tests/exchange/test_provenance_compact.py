"""Provenance packed by batch (issue 17, point 1): a merge writes a few ledger rows per file
instead of one per record, and still knows exactly which file and laptop carried every
version of every record."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from planner_desktop.domain import models as m
from planner_desktop.exchange.laptops import version_origins
from planner_desktop.exchange.records import table_specs
from planner_desktop.store import ledger
from planner_desktop.store.ledger import Origin, origin_pack
from tests.exchange.builders import edit, merge, populate


def _carried(store) -> dict[uuid.UUID, uuid.UUID]:
    """Every record of the database and its version (its id, for an append-only event)."""
    found = {}
    with store.engine.connect() as conn:
        for spec in table_specs().values():
            version = spec.table.c.id if spec.appended else spec.table.c.version_id
            found.update(conn.execute(select(spec.table.c.id, version)).all())
    return found


def test_a_merge_writes_one_ledger_row_per_change_not_per_record(make_laptop, make_store):
    laptop = make_laptop("a")
    populate(laptop.store, communities=3)
    path = laptop.export()
    hq = make_store("hq")
    [report] = merge(hq, path)
    assert report.ok and report.counts.added > 30
    with hq.engine.connect() as conn:
        rows = conn.execute(select(origin_pack)).all()
        origins = ledger.batch_origins(conn, report.batch_id)
    assert len(rows) == 1  # every record added: one change, one laptop, one row
    assert (rows[0].batch_id, rows[0].change, rows[0].device_id) == (
        report.batch_id,
        "added",
        laptop.device_id,
    )
    assert len(rows[0].pairs) == ledger.PAIR * report.counts.added
    carried = _carried(laptop.store)
    assert {o.record_id: o.version_id for o in origins} == carried
    assert len(origins) == len(carried) == report.counts.added


def test_a_second_laptop_and_an_edit_are_told_apart_by_change(make_laptop, make_store):
    origin = make_laptop("origin")
    ids = populate(origin.store)
    base = origin.export()
    a = make_laptop("a")
    merge(a.store, base)
    edit(a.store, m.Demand, ids["demand0"], description="otra")
    hq = make_store("hq")
    [first, second] = merge(hq, base, a.export())
    with hq.engine.connect() as conn:
        changes = dict(
            conn.execute(
                select(origin_pack.c.change, func.count())
                .where(origin_pack.c.batch_id == second.batch_id)
                .group_by(origin_pack.c.change)
            ).all()
        )
        mine = ledger.batch_origins(conn, second.batch_id)
        history = ledger.record_origins(conn, ids["demand0"])
    assert changes["updated"] == 1 and set(changes) <= {"updated", "unchanged"}
    assert changes.get("unchanged", 0) <= 1 + second.counts.unchanged // ledger.PACK
    assert sum(o.change == "updated" for o in mine) == second.counts.updated == 1
    assert [(o.batch_id, o.change, o.device_id) for o in history] == [
        (first.batch_id, "added", origin.device_id),
        (second.batch_id, "updated", a.device_id),
    ]
    sources = version_origins(hq, ids["demand0"])
    assert [source.files for source in sources.values()] == [[base.name], ["a-1.cumbre"]]


def test_packs_split_at_their_size_and_read_back_in_order(make_store, monkeypatch):
    monkeypatch.setattr(ledger, "PACK", 3)
    store = make_store("hq")
    device = uuid.uuid4()
    pairs = [(uuid.uuid4(), uuid.uuid4()) for _ in range(7)]
    with store.engine.begin() as conn:
        after = ledger.write_origins(conn, 5, {("added", device): ledger.pack(pairs)})
        parts = conn.execute(
            select(origin_pack.c.part, func.length(origin_pack.c.pairs)).order_by("part")
        ).all()
        read = ledger.batch_origins(conn, 5)
        one = ledger.record_origins(conn, pairs[4][0])
    assert after == 3
    assert [tuple(p) for p in parts] == [(0, 96), (1, 96), (2, 32)]
    assert read == [Origin(r, v, 5, device, "added") for r, v in pairs]
    assert one == [Origin(pairs[4][0], pairs[4][1], 5, device, "added")]


def test_a_version_id_equal_to_the_record_sought_is_not_taken_for_it():
    """A pair starts every 32 bytes: the same 16 bytes as a version are not a record."""
    wanted = uuid.uuid4()
    blob = ledger.pack([(uuid.uuid4(), wanted), (wanted, uuid.UUID(int=7))])
    assert ledger.versions_in(blob, wanted) == [uuid.UUID(int=7)]
