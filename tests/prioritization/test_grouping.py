"""A confirmed grouping of similar demands is stored with its members (issue 5)."""

from __future__ import annotations

import random
import uuid
from itertools import combinations

import pytest
from sqlalchemy import select

from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.territory import Community
from planner_desktop.prioritization.aggregate import (
    DemandSummary,
    GroupSuggestion,
    proposed_title,
    similarity,
    suggest_groups,
    wording,
)
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.grouping import (
    confirm_group,
    confirm_suggestion,
    group_members,
    refusal,
    regroup,
    ungroup,
    ungrouped,
)
from tests.prioritization.conftest import FACILITATOR


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
        assert stored.facilitator == FACILITATOR
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


def test_a_refusal_is_told_without_writing(store):
    with store.session() as session:
        first, second = _same_sector(session, districts=1)
        assert refusal(session, [first.id, second.id], " ", RoundLevel.district) == \
            "a group of demands needs a title"
        assert refusal(session, [first.id, second.id], "Agua", RoundLevel.district) is None
        assert session.scalar(select(DemandGroup.id)) is None


def test_undo_withdraws_the_group_and_redo_brings_it_back(store):
    with store.session() as session:
        first, second = _same_sector(session, districts=1)
        chosen = uuid.uuid4()
        group = confirm_group(session, [first.id, second.id], "Agua", RoundLevel.district,
                              group_id=chosen)
        assert group.id == chosen
    with store.session() as session:
        assert sorted(ungroup(session, chosen)) == sorted([first.id, second.id])
    with store.session() as session:
        assert session.get(DemandGroup, chosen).deleted_at is not None
        assert session.get(Demand, first.id).demand_group_id is None
        assert {s.id for s in ungrouped(session)} >= {str(first.id), str(second.id)}
        regroup(session, chosen, [first.id, second.id])
    with store.session() as session:
        assert session.get(DemandGroup, chosen).deleted_at is None
        assert {d.id for d in group_members(session, chosen)} == {first.id, second.id}
        assert str(first.id) not in {s.id for s in ungrouped(session)}


def test_the_ungrouped_demands_of_a_district_carry_their_votes(store):
    with store.session() as session:
        district = session.scalar(select(Community.district_id))
        summaries = ungrouped(session, district)
        places = set(session.scalars(select(Community.name).where(
            Community.district_id == district)))
    assert summaries and {s.place for s in summaries} <= places
    assert all(s.code and s.beneficiaries >= 0 for s in summaries)
    assert any(s.votes > 0 for s in summaries)


def _pairwise(demands, threshold):
    """The plain reference: every pair compared, groups by single linkage."""
    parent = {d.id: d.id for d in demands}

    def root(key):
        while parent[key] != key:
            key = parent[key]
        return key

    weakest = {}
    for a, b in combinations(sorted(demands, key=lambda d: d.id), 2):
        if a.sector != b.sector or a.community == b.community:
            continue
        score = similarity(wording(a.text, a.place), wording(b.text, b.place))
        if score >= threshold:
            ra, rb = root(a.id), root(b.id)
            low = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
            parent[max(ra, rb)] = min(ra, rb)
            weakest[min(ra, rb)] = low
    clusters = {}
    for d in demands:
        clusters.setdefault(root(d.id), []).append(d.id)
    return sorted((sorted(ids), round(weakest.get(key, 1.0), 9))
                  for key, ids in clusters.items() if len(ids) > 1)


@pytest.mark.parametrize("threshold", [0.0, 0.3, 0.5, 0.75, 0.9, 1.0])
def test_demands_worded_alike_are_compared_once_with_the_same_groups(threshold):
    words = ["agua", "potable", "potabe", "riego", "riégo", "canal", "escuela", "escuala",
             "aulas", "posta", "salud", "camino", "puente", "Puente"]
    rng = random.Random(7)
    for _ in range(300):
        demands = [DemandSummary(f"d{n:02d}", rng.choice("xyz"), rng.choice("ab"),
                                 " ".join(rng.sample(words, rng.randint(0, 3))))
                   for n in range(rng.randint(0, 12))]
        found = sorted(([m.id for m in g.members], round(g.similarity, 9))
                       for g in suggest_groups(demands, threshold))
        assert found == _pairwise(demands, threshold)


def test_the_proposed_title_leaves_out_the_communities():
    members = (
        DemandSummary("1", "a", "s", "Construcción de módulo policial en Villa Fátima",
                      place="Villa Fátima"),
        DemandSummary("2", "b", "s", "Construcción de módulo policial en Chijmuni",
                      place="Chijmuni"),
        DemandSummary("3", "c", "s", "Equipamiento del puesto de salud de Totora con camas",
                      place="Totora"),
    )
    assert proposed_title(GroupSuggestion("s", members, 1.0)) == \
        "Construcción de módulo policial"
    assert proposed_title(GroupSuggestion("s", members[2:], 1.0)) == \
        "Equipamiento del puesto de salud con camas"
