"""A confirmed grouping of similar demands is stored with its members (issue 5)."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from planner_desktop.demo import generate
from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.territory import Community
from planner_desktop.prioritization.aggregate import DemandSummary, GroupSuggestion
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.grouping import (
    confirm_group,
    confirm_suggestion,
    group_members,
)
from tests.helpers import new_store


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("grouping") / "demo.sqlite"
    store = new_store(path)
    with store.raw_session() as session:
        generate(session, seed=5, scale=1)
    store.close()
    return path


@pytest.fixture
def store(demo_file, tmp_path):
    path = tmp_path / "work.sqlite"
    shutil.copy(demo_file, path)
    opened = new_store(path, facilitator="Equipo técnico")
    yield opened
    opened.close()


def _same_sector(session, districts: int):
    """Two demands of one sector from different communities, of ``districts`` districts."""
    rows = session.execute(
        select(Demand.id, Demand.sector_id, Demand.community_id, Community.district_id)
        .join(Community, Demand.community_id == Community.id)
        .order_by(Demand.code)).all()
    for first in rows:
        for second in rows:
            if first.sector_id == second.sector_id and first.community_id != \
                    second.community_id and \
                    (first.district_id != second.district_id) == (districts == 2):
                return first, second
    raise AssertionError("the demo has no such pair")


def test_a_confirmed_suggestion_is_stored_with_its_members(store):
    with store.session() as session:
        first, second = _same_sector(session, districts=1)
        suggestion = GroupSuggestion("agua", tuple(
            DemandSummary(str(row.id), str(row.community_id), "agua", "sistema de agua")
            for row in (first, second)), 0.8)
        group = confirm_suggestion(session, suggestion, "Agua potable  ", RoundLevel.district)
        group_id = group.id
    with store.session() as session:
        stored = session.get(DemandGroup, group_id)
        assert (stored.title, stored.level, stored.district_id, stored.sector_id) == \
               ("Agua potable", RoundLevel.district, first.district_id, first.sector_id)
        assert stored.facilitator == "Equipo técnico"
        assert {d.id for d in group_members(session, group_id)} == {first.id, second.id}
        member = session.get(Demand, first.id)
        assert member.base_version_id is not None  # an edit with provenance, not a rewrite


def test_a_municipal_group_spans_districts(store):
    with store.session() as session:
        first, second = _same_sector(session, districts=2)
        group = confirm_group(session, [first.id, second.id], "Riego", RoundLevel.municipality)
        assert group.district_id is None
        with pytest.raises(PrioritizationError, match="one district"):
            confirm_group(session, [first.id, second.id], "Riego", RoundLevel.district)


@pytest.mark.parametrize(("title", "count", "level", "reason"), [
    (" ", 2, RoundLevel.district, "needs a title"),
    ("Agua", 1, RoundLevel.district, "at least two demands"),
    ("Agua", 2, RoundLevel.community, "district or municipal level"),
])
def test_refusals_write_nothing(store, title, count, level, reason):
    with store.session() as session:
        first, second = _same_sector(session, districts=1)
        with pytest.raises(PrioritizationError, match=reason):
            confirm_group(session, [first.id, second.id][:count], title, level)
        assert session.scalar(select(DemandGroup.id)) is None


def test_a_demand_is_grouped_once(store):
    with store.session() as session:
        first, second = _same_sector(session, districts=1)
        confirm_group(session, [first.id, second.id], "Agua", RoundLevel.district)
        third = session.scalar(select(Demand.id).where(
            Demand.sector_id == first.sector_id, Demand.id.not_in([first.id, second.id])))
        with pytest.raises(PrioritizationError, match="already in the group Agua"):
            confirm_group(session, [first.id, third], "Agua 2", RoundLevel.municipality)
