"""The merge rules as properties (issue 4): any order, any repetition, same result."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from planner_desktop.domain import models as m
from planner_desktop.domain.enums import Group
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.conflicts import list_conflicts
from planner_desktop.exchange.manifest import Scope
from planner_desktop.store.database import open_store
from tests.exchange.builders import Laptop, delete, edit, merge, new_key, populate
from tests.exchange.conftest import copy_store
from tests.helpers import dump_text
from tests.postgres_server import Databases, Target


@pytest.fixture(scope="module")
def scenario(
    tmp_path_factory: pytest.TempPathFactory, template_db: Target, module_databases: Databases
) -> list[Path]:
    """Files from four laptops: a base, edits re-sent, concurrent edits, a deletion, votes."""
    root = tmp_path_factory.mktemp("scenario")

    def laptop(name: str) -> Laptop:
        (root / name).mkdir()
        return Laptop(copy_store(module_databases, template_db, name), new_key(), root / name)

    origin = laptop("origin")
    ids = populate(origin.store, communities=3)
    base = origin.export()
    a, b, c = laptop("a"), laptop("b"), laptop("c")
    for other in (a, b, c):
        assert merge(other.store, base)[0].ok
    edit(a.store, m.Demand, ids["demand0"], description="A1")
    a1 = a.export(Scope(kind="community", community_id=ids["community0"]))
    edit(a.store, m.Demand, ids["demand0"], description="A2")
    edit(a.store, m.Community, ids["community0"], families=12)
    a2 = a.export(Scope(kind="community", community_id=ids["community0"]))
    edit(b.store, m.Demand, ids["demand0"], description="B1")
    delete(b.store, m.Demand, ids["demand1"])
    with b.store.session() as s:
        vote = s.scalars(select(m.Vote)).first()
        s.add(m.Vote(round_id=vote.round_id, item_id=vote.item_id, group=Group.elders, count=1))
    b1 = b.export()
    edit(c.store, m.Demand, ids["demand1"], description="C1")
    edit(c.store, m.Demand, ids["demand2"], description="C2")
    c1 = c.export(Scope(kind="event", event_id=ids["event1"]))
    c2 = c.export(Scope(kind="community", community_id=ids["community2"]))
    for other in (origin, a, b, c):
        other.close()
    return [base, a1, a2, b1, c1, c2]


def _merged(databases: Databases, template_db: Target, files: list[Path]) -> tuple[str, list]:
    target = databases.copy(template_db, "merged")
    store = open_store(target, Provenance(uuid.uuid4(), "Facilitadora"))
    try:
        reports = merge(store, *files)
        assert all(r.ok for r in reports), [r.line() for r in reports]
        conflicts = sorted(
            (str(c.id), sorted(str(v.version_id) for v in c.versions))
            for c in list_conflicts(store)
        )
        return dump_text(store), conflicts
    finally:
        store.close()
        databases.discard(target)


@pytest.fixture(scope="module")
def reference(scenario, template_db, module_databases):
    return _merged(module_databases, template_db, scenario)


SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(data=st.data())
def test_any_order_of_the_files_gives_the_same_database(
    data, scenario, reference, template_db, module_databases
):
    order = data.draw(st.permutations(scenario))
    result = _merged(module_databases, template_db, list(order))
    assert result == reference
    assert len(reference[1]) == 2  # demand0 (A against B) and demand1 (deleted against edited)


@SETTINGS
@given(data=st.data())
def test_merging_a_file_again_changes_nothing(data, scenario, template_db, module_databases):
    chosen = data.draw(st.lists(st.sampled_from(scenario), min_size=1, max_size=4, unique=True))
    again = data.draw(st.lists(st.sampled_from(chosen), min_size=1, max_size=3))
    once = _merged(module_databases, template_db, chosen)
    twice = _merged(module_databases, template_db, chosen + again)
    assert once == twice
