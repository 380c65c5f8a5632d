"""Opening a round from the window's choices, reopening it with a reason, and the pairwise
chart recorded choice by choice (issue 12, point 4)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import RoundLevel
from planner_desktop.domain.prioritization import Criterion, PrioritizationRound, RoundItem
from planner_desktop.domain.territory import Community
from planner_desktop.prioritization.choices import record_choice
from planner_desktop.prioritization.closing import close_round
from planner_desktop.prioritization.criteria import CriterionSpec
from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.opening import (
    RoundSpec,
    candidate_demands,
    item_code,
    open_round,
    reopen_round,
    reopenings,
)
from planner_desktop.prioritization.records import load_inputs
from planner_desktop.prioritization.results import recompute


def _community(session):
    """A community with at least four demands, and four of them."""
    community_id = session.scalars(
        select(Demand.community_id).where(Demand.deleted_at.is_(None))
        .group_by(Demand.community_id).having(func.count() >= 4)).first()
    demands = candidate_demands(session, RoundLevel.community, community_id)
    return community_id, [row[0] for row in demands[:4]]


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_item_codes_run_past_z():
    assert [item_code(n) for n in (0, 1, 25, 26, 27, 51, 52)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA"]


def test_a_dots_round_opened_is_tallied_and_closed(store):
    with store.session() as session:
        community_id, demands = _community(session)
        round_id = open_round(session, RoundSpec(
            "Priorización de mujeres", RoundLevel.community, community_id, M.dots, demands,
            ["women"], dots_per_participant=2, allow_stacking=False))
    with store.session() as session:
        round_ = session.get(PrioritizationRound, round_id)
        assert (round_.community_id, round_.groups, round_.closed) == (
            community_id, "women", False)
        assert [item.code for item in round_.items] == ["A", "B", "C", "D"]
        record_vote(session, round_id, "b", "women", 2)
        record_vote(session, round_id, "A", "women", 2)
        outcome = recompute(session, round_id)
        assert [item.rank_text() for item in outcome.rankings["women"].items] == [
            "=1", "=1", "=3", "=3"]
        close_round(session, round_id, 2, 2, 2, "")
        assert session.get(PrioritizationRound, round_id).closed


def test_a_district_round_takes_the_demands_of_its_communities(store):
    with store.session() as session:
        community_id, demands = _community(session)
        district_id = session.get(Community, community_id).district_id
        listed = {row[0] for row in candidate_demands(session, RoundLevel.district, district_id)}
        assert set(demands) <= listed
        round_id = open_round(session, RoundSpec(
            "Cumbre distrital", RoundLevel.district, district_id, M.borda, demands,
            ["women", "men", "youth", "elders"]))
        round_ = session.get(PrioritizationRound, round_id)
        assert (round_.district_id, round_.community_id, round_.level) == (
            district_id, None, RoundLevel.district)


def test_weighted_criteria_are_stored_with_their_weights(store):
    with store.session() as session:
        community_id, demands = _community(session)
        round_id = open_round(session, RoundSpec(
            "Matriz", RoundLevel.community, community_id, M.criteria, demands, ["mixed"],
            criteria=[CriterionSpec("Beneficiarios", 60), CriterionSpec("Urgencia", 40, 1, 3)],
            budget_ceiling=Decimal("150000")))
        criteria = session.scalars(select(Criterion).where(Criterion.round_id == round_id)
                                   .order_by(Criterion.position)).all()
        assert [(c.name, c.weight, c.scale_max) for c in criteria] == [
            ("Beneficiarios", 60, 5), ("Urgencia", 40, 3)]
        assert load_inputs(session, round_id).budget_ceiling == Decimal("150000")


@pytest.mark.parametrize(("change", "message"), [
    ({"title": "  "}, "Title: type a title"),
    ({"groups": []}, "Groups: choose at least one group that votes"),
    ({"groups": ["children"]}, "Groups: unknown group children"),
    ({"demand_ids": []}, "Demands: choose at least one demand"),
    ({"dots_per_participant": 0}, "Dots per person: at least one"),
    ({"method": M.budget_greedy}, "Budget ceiling: the budget method needs a ceiling"),
    ({"method": M.criteria, "criteria": [CriterionSpec("Costo", 70)]},
     "Criteria: the weights of the criteria sum to 70 %, not 100 %"),
    ({"budget_ceiling": Decimal(-1)}, "Budget ceiling: it cannot be negative"),
    ({"place_id": None}, "Community: choose the community of the round"),
])
def test_bad_choices_are_refused_naming_the_field_and_nothing_is_written(
        store, change, message):
    with store.session() as session:
        community_id, demands = _community(session)
        rounds, items = _count(session, PrioritizationRound), _count(session, RoundItem)
    spec = {"title": "Ronda", "level": RoundLevel.community, "place_id": community_id,
            "method": M.dots, "demand_ids": demands, "groups": ["women"], **change}
    with pytest.raises(PrioritizationError, match=message), store.session() as session:
        open_round(session, RoundSpec(**spec))
    with store.session() as session:
        assert (_count(session, PrioritizationRound), _count(session, RoundItem)) == (
            rounds, items)


def test_a_demand_of_another_community_is_refused(store):
    with store.session() as session:
        community_id, demands = _community(session)
        other = session.scalars(select(Demand.id).where(
            Demand.community_id != community_id)).first()
        with pytest.raises(PrioritizationError, match="is not a demand of this place"):
            open_round(session, RoundSpec("Ronda", RoundLevel.community, community_id, M.dots,
                                          [*demands, other], ["women"]))


def test_pairwise_choices_carry_their_reason_and_a_new_choice_replaces_the_old(store):
    with store.session() as session:
        community_id, demands = _community(session)
        round_id = open_round(session, RoundSpec(
            "Comparación", RoundLevel.community, community_id, M.pairwise, demands[:3],
            ["youth"]))
        record_choice(session, round_id, "youth", "A", "B", "A", "el agua primero")
        record_choice(session, round_id, "youth", "A", "C", "C", "la escuela se cae")
        record_choice(session, round_id, "youth", "B", "C", "B", "más familias")
        with pytest.raises(PrioritizationError, match="Reason: say why"):
            record_choice(session, round_id, "youth", "A", "B", "B", " ")
        with pytest.raises(PrioritizationError, match="not one of the pair"):
            record_choice(session, round_id, "youth", "A", "B", "C", "x")
        outcome = recompute(session, round_id)
        assert [i.rank_text() for i in outcome.rankings["youth"].items] == ["=1", "=1", "=1"]
        record_choice(session, round_id, "youth", "B", "A", "B", "lo pensamos mejor")
        outcome = recompute(session, round_id)
        assert outcome.rankings["youth"].codes() == ["B", "C", "A"]
        assert [i.rank_text() for i in outcome.rankings["youth"].items] == ["1", "2", "3"]
        reasons = {c.reason for c in load_inputs(session, round_id).choices["youth"]}
        assert reasons == {"lo pensamos mejor", "la escuela se cae", "más familias"}


def test_a_closed_round_reopens_only_with_a_reason_and_the_reason_is_logged(store):
    with store.session() as session:
        community_id, demands = _community(session)
        round_id = open_round(session, RoundSpec(
            "Ronda", RoundLevel.community, community_id, M.dots, demands, ["men"]))
        with pytest.raises(PrioritizationError, match="nothing to reopen"):
            reopen_round(session, round_id, "error")
        close_round(session, round_id, 0, 0, 0, "")
        with pytest.raises(PrioritizationError, match="Reason: say why"):
            reopen_round(session, round_id, "   ")
        reopen_round(session, round_id, "faltaba la boleta\tde la OTB")
        close_round(session, round_id, 0, 0, 0, "")
        reopen_round(session, round_id, "segunda revisión")
        round_ = session.get(PrioritizationRound, round_id)
        assert not round_.closed
        assert [r.reason for r in reopenings(round_.reopen_log)] == [
            "faltaba la boleta de la OTB", "segunda revisión"]
