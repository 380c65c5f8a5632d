"""A whole round from plain vote rows, for every method (issue 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.prioritization.classes import ByPosition
from planner_desktop.prioritization.criteria import CriterionSpec, Rating
from planner_desktop.prioritization.pairwise import PairChoice
from planner_desktop.prioritization.run import RoundInputs, VoteRow, run_round

ITEMS = ("A", "B", "C")


def _ballot(name, *codes):
    return [VoteRow(code, name, 1, rank) for rank, code in enumerate(codes, start=1)]


def test_borda_round_per_group_and_agreed():
    inputs = RoundInputs(M.borda, ("women", "men"), ITEMS, votes={
        "women": _ballot("w1", "A", "B", "C") + _ballot("w2", "A", "C"),
        "men": _ballot("m1", "C"),
    })
    outcome = run_round(inputs, ByPosition((1, 2, 2)))
    assert outcome.rankings["women"].score_of() == {"A": 4.0, "B": 1.0, "C": 1.0}
    assert outcome.rankings["men"].score_of() == {"C": 2.0, "A": 0.5, "B": 0.5}
    assert outcome.agreed.codes() == ["A", "C", "B"]  # pooled 4.5, 3, 1.5
    assert [c.klass for c in outcome.classes] == [P.a_plus, P.a, P.c]


def test_a_refused_group_is_reported_not_ranked():
    inputs = RoundInputs(M.borda, ("women", "men"), ITEMS, votes={
        "women": [VoteRow("A", "w1", 1, 1), VoteRow("B", "w1", 1, 1)],
        "men": _ballot("m1", "C"),
    })
    outcome = run_round(inputs)
    assert outcome.refused == {"women": "ballot w1: rank 1 is given twice"}
    assert set(outcome.rankings) == {"men"}


def test_consensus_approval_pairwise_and_criteria_rounds():
    consensus = run_round(RoundInputs(M.consensus, ("mixed",), ITEMS,
                                      votes={"mixed": _ballot(None, "B", "A", "C")}))
    assert consensus.agreed.codes() == ["B", "A", "C"]
    approval = run_round(RoundInputs(M.approval, ("youth",), ITEMS, max_choices=2, votes={
        "youth": [VoteRow("A", "1"), VoteRow("C", "1"), VoteRow("C", "2")]}))
    assert approval.agreed.codes() == ["C", "A", "B"]
    choices = [PairChoice("A", "B", "B"), PairChoice("A", "C", "A"), PairChoice("B", "C", "B")]
    pairs = run_round(RoundInputs(M.pairwise, ("elders",), ITEMS, choices={"elders": choices}))
    assert pairs.agreed.codes() == ["B", "A", "C"]
    criteria = (CriterionSpec("urgencia", 100),)
    ratings = [Rating("A", "urgencia", 2), Rating("B", "urgencia", 5), Rating("C", "urgencia", 1)]
    matrix = run_round(RoundInputs(M.criteria, ("men",), ITEMS, criteria=criteria,
                                   ratings={"men": ratings}))
    assert matrix.rankings["men"].score_of() == {"A": 25.0, "B": 100.0, "C": 0.0}


def test_budget_greedy_round_puts_funded_items_first():
    inputs = RoundInputs(
        M.budget_greedy, ("women",), ITEMS,
        votes={"women": [VoteRow("A", None, 5), VoteRow("B", None, 3), VoteRow("C", None, 1)]},
        costs={"A": Decimal(900), "B": Decimal(300), "C": Decimal(200)},
        budget_ceiling=Decimal(600),
    )
    outcome = run_round(inputs)
    assert outcome.selection.selected == ("B", "C")
    assert outcome.agreed.codes() == ["B", "C", "A"]
    assert "ceiling of 600" in outcome.agreed.note


@pytest.mark.parametrize("method", list(M))
def test_every_method_is_deterministic(method):
    rows = {"women": _ballot("1", "C", "A", "B") if method in (M.borda, M.consensus)
            else [VoteRow("B", "1"), VoteRow("C", "1")]}
    inputs = RoundInputs(method, ("women",), ITEMS, votes=rows, costs=dict.fromkeys(
        ITEMS, Decimal(1)), choices={"women": [PairChoice("A", "B", "A")]},
        criteria=(CriterionSpec("x", 100),), ratings={"women": [
            Rating(code, "x", 3) for code in ITEMS]})
    assert run_round(inputs) == run_round(inputs)
