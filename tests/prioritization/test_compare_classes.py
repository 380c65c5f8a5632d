"""Groups side by side, the agreed list, priority classes and budget selection (issue 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.prioritization.budget import greedy_budget
from planner_desktop.prioritization.classes import ByPosition, ByScore, ByShare, Override, classify
from planner_desktop.prioritization.compare import MEAN_RANK, agree, agree_by_hand, compare
from planner_desktop.prioritization.consensus import consensus
from planner_desktop.prioritization.dots import DotBallot, dot_vote
from planner_desktop.prioritization.errors import PrioritizationError

ITEMS = ("A", "B", "C", "D", "E")


def _list(order, group):
    return consensus(ITEMS, order, group=group)


@pytest.fixture
def lists():
    return {
        "women": _list(["A", "B", "C", "D", "E"], "women"),
        "men": _list(["C", "D", "A", "E", "B"], "men"),
        "youth": _list(["E", "A", "C", "B", "D"], "youth"),
    }


def test_comparison_on_a_known_case(lists):
    result = compare(lists, top_k=2)
    assert result.groups == ("men", "women", "youth")
    assert result.overlap[("men", "women")] == ()
    assert result.overlap[("women", "youth")] == ("A",)
    assert result.only == {"men": ("C", "D"), "women": ("B",), "youth": ("E",)}
    assert result.ranks["B"] == {"women": 2, "men": 5, "youth": 4}
    assert result.rank_spread == {"A": 2, "B": 3, "C": 2, "D": 3, "E": 4}


def test_agreed_by_mean_rank_with_dissent(lists):
    agreed = agree(lists, MEAN_RANK)
    # mean ranks: A 2, C 7/3, E 10/3, B and D 11/3 (both best ranked 2nd): the code decides.
    assert agreed.codes() == ["A", "C", "E", "B", "D"]
    assert agreed.how == "mean_rank"
    assert "men, women, youth" in agreed.note
    assert agreed.dissent == {"E": "first priority of youth, agreed rank 3"}


def test_agreed_pooled_adds_the_dots():
    women = dot_vote(ITEMS, [DotBallot(None, (("A", 5), ("B", 1)))], group="women")
    men = dot_vote(ITEMS, [DotBallot(None, (("B", 3), ("C", 2)))], group="men")
    agreed = agree({"women": women, "men": men})
    assert agreed.codes()[:3] == ["A", "B", "C"]
    assert [item.score for item in agreed.items[:3]] == [5, 4, 2]


def test_agreed_by_hand_needs_a_note_and_every_item(lists):
    with pytest.raises(PrioritizationError, match="needs a note"):
        agree_by_hand(lists, list("ABCDE"), " ")
    with pytest.raises(PrioritizationError, match="every item exactly once"):
        agree_by_hand(lists, list("ABCD"), "acuerdo en plenaria")
    agreed = agree_by_hand(lists, list("CABED"), "acuerdo en plenaria")
    assert agreed.codes() == list("CABED") and agreed.how == "by_hand"


def test_classes_by_position_score_share_and_hand(lists):
    items = agree(lists, MEAN_RANK).items
    by_rank = classify(items, ByPosition((1, 2, 4)))
    # B and D tie at =4 and the B limit falls among them: both are B, marked (issue 12).
    assert [c.klass for c in by_rank] == [P.a_plus, P.a, P.b, P.b, P.b]
    assert [c.boundary_tie for c in by_rank] == [False, False, False, True, True]
    assert by_rank[0].reason == "rank 1 of 5"
    assert by_rank[4].reason == "rank =4 of 5; tied at a class limit: the room decides"
    scores = dot_vote(ITEMS, [DotBallot(None, (("A", 9), ("B", 6), ("C", 3)))]).items
    by_score = classify(scores, ByScore((8, 5, 1)))
    assert [c.klass for c in by_score] == [P.a_plus, P.a, P.b, P.c, P.c]
    by_share = classify(items, ByShare((0.15, 0.4, 0.7)))
    assert [c.klass for c in by_share] == [P.a_plus, P.a, P.b, P.b, P.b]
    by_hand = classify(items, ByPosition((1, 2, 4)), {"D": Override(P.a, "riesgo de sequía")})
    d = next(c for c in by_hand if c.code == "D")
    assert (d.klass, d.reason) == (P.a, "set by hand: riesgo de sequía")
    assert [c.code for c in by_hand][3:] == ["D", "B"], "in the tie, the higher class first"
    decided = classify(items, ByPosition((1, 2, 4)), {
        "D": Override(P.a, "riesgo de sequía"), "B": Override(P.c, "ya financiado")})
    assert not any(c.boundary_tie for c in decided)


def test_classes_refuse_bad_rules(lists):
    items = agree(lists, MEAN_RANK).items
    with pytest.raises(PrioritizationError, match="without a reason"):
        classify(items, ByPosition((1, 2, 3)), {"A": Override(P.c, "")})
    with pytest.raises(PrioritizationError, match="from A\\+ down to B"):
        classify(items, ByPosition((3, 2, 1)))
    with pytest.raises(PrioritizationError, match="from A\\+ down to B"):
        classify(items, ByScore((1, 5, 8)))


def test_greedy_budget_skips_what_does_not_fit(lists):
    ranking = lists["women"].codes()  # A B C D E
    costs = {code: Decimal(cost) for code, cost in zip(ITEMS, (50, 40, 30, 10, 5), strict=True)}
    selection = greedy_budget(ranking, costs, Decimal(100))
    assert selection.selected == ("A", "B", "D")
    assert selection.skipped == ("C", "E")
    assert (selection.spent, selection.remaining) == (Decimal(100), Decimal(0))
    assert selection.recompute() == selection
    with pytest.raises(PrioritizationError, match="E has no estimated cost"):
        greedy_budget(ranking, {code: Decimal(1) for code in "ABCD"}, Decimal(10))
    with pytest.raises(PrioritizationError, match="ceiling is negative"):
        greedy_budget(ranking, costs, Decimal(-1))
