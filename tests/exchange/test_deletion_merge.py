"""A deletion travels and is never undone by a merge (issue 12, point 5).

Laptop A deletes a demand (with the round item that refers to it) through the window's
deletion; laptop B still has the demand as it was, or edited it. Whatever the order the
files are merged in, the demand stays deleted when B did not touch it, and an edit on B
is a conflict shown to a person, never a deletion silently undone.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from planner_desktop.capture import deletion
from planner_desktop.domain import models as m
from planner_desktop.domain.summaries import live
from planner_desktop.exchange.conflicts import list_conflicts
from tests.exchange.builders import edit, merge, populate
from tests.helpers import dump_text


@pytest.fixture
def world(make_laptop):
    """Two laptops that merged the same base file from the planning office."""
    origin = make_laptop("origin")
    ids = populate(origin.store)
    base = origin.export()
    a, b = make_laptop("a"), make_laptop("b")
    for laptop in (a, b):
        assert merge(laptop.store, base)[0].ok
    return ids, base, a, b


def deleted_on_a(ids, a) -> deletion.Deletion:
    with a.store.session() as session:
        found = deletion.dependents(session, m.Demand, ids["demand0"])
    assert [d.table for d in found] == ["round_item"], "the round lists the demand"
    with pytest.raises(deletion.DependentsExist):
        deletion.delete(a.store, m.Demand, ids["demand0"])
    return deletion.delete(a.store, m.Demand, ids["demand0"], with_dependents=True)


def live_demands(store) -> set:
    with store.session() as session:
        return set(session.scalars(select(m.Demand.id).where(live(m.Demand))))


def test_a_deleted_demand_stays_deleted_whatever_the_order(world, make_store):
    ids, base, a, b = world
    done = deleted_on_a(ids, a)
    assert {table.__tablename__ for table, _id in done.records} == {"demand", "round_item"}
    file_a, file_b = a.export(), b.export()  # B's file still has the demand, unchanged
    dumps = []
    for order in ([base, file_a, file_b], [file_b, file_a, base], [file_a, base, file_b]):
        hq = make_store("hq")
        reports = merge(hq, *order)
        assert all(r.ok for r in reports)
        assert sum(r.counts.conflicts for r in reports) == 0
        assert ids["demand0"] not in live_demands(hq)
        assert ids["demand1"] in live_demands(hq)
        with hq.session() as s:
            items = select(func.count()).where(
                m.RoundItem.demand_id == ids["demand0"], live(m.RoundItem)
            )
            assert s.scalar(items) == 0, "its round item stays deleted too"
        dumps.append(dump_text(hq))
    assert dumps[0] == dumps[1] == dumps[2]

    # each laptop merges the other's file: A keeps it deleted, B learns the deletion
    assert merge(a.store, file_b)[0].ok and ids["demand0"] not in live_demands(a.store)
    assert merge(b.store, file_a)[0].ok and ids["demand0"] not in live_demands(b.store)


def test_a_deletion_undone_on_a_travels_as_the_live_record(world, make_store):
    ids, _base, a, b = world
    done = deleted_on_a(ids, a)
    deletion.restore(a.store, done)
    hq = make_store("hq")
    reports = merge(hq, b.export(), a.export())
    assert all(r.ok for r in reports) and sum(r.counts.conflicts for r in reports) == 0
    assert ids["demand0"] in live_demands(hq)


@pytest.mark.parametrize("a_first", [True, False])
def test_an_edit_on_b_of_a_demand_deleted_on_a_is_a_conflict_not_a_revival(
    world, make_store, a_first
):
    ids, base, a, b = world
    deleted_on_a(ids, a)
    edit(b.store, m.Demand, ids["demand0"], description="Agua potable para 60 familias")
    file_a, file_b = a.export(), b.export()
    hq = make_store("hq")
    reports = merge(hq, base, *((file_a, file_b) if a_first else (file_b, file_a)))
    assert all(r.ok for r in reports)
    assert sum(r.counts.conflicts for r in reports) == 1
    [conflict] = list_conflicts(hq)
    assert conflict.id == ids["demand0"] and conflict.table == "demand"
    versions = {v.values["deleted_at"] is None: v.values for v in conflict.versions}
    assert set(versions) == {True, False}, "both kept: the deletion and the edit"
    assert versions[True]["description"] == "Agua potable para 60 familias"
