"""Each method against hand-worked examples, ties and partial ballots included (issue 5)."""

from __future__ import annotations

import pytest

from planner_desktop.prioritization.borda import RankBallot, ballot_points, borda
from planner_desktop.prioritization.consensus import consensus
from planner_desktop.prioritization.criteria import CriterionSpec, Rating, weighted_matrix
from planner_desktop.prioritization.dots import (
    ApprovalBallot,
    DotBallot,
    approval_vote,
    dot_vote,
)
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.pairwise import PairChoice, pairwise
from planner_desktop.prioritization.ranking import code_key

ITEMS = ("A", "B", "C", "D")


def test_code_key_is_natural_order():
    assert sorted(["A10", "A2", "B1", "a1"], key=code_key) == ["a1", "A2", "A10", "B1"]


def test_consensus_keeps_the_room_order_and_dissent():
    result = consensus(ITEMS, ["C", "A", "D", "B"], {"D": "las mujeres la querían primera"})
    assert result.codes() == ["C", "A", "D", "B"]
    assert result.score_of() == {"C": 4.0, "A": 3.0, "D": 2.0, "B": 1.0}
    assert result.flags == ("dissent on D: las mujeres la querían primera",)
    assert result.recompute() == result


@pytest.mark.parametrize(
    ("agreed", "reason"),
    [
        (["A", "B", "C"], "agreed order: D not placed"),
        (["A", "B", "C", "C", "D"], "agreed order: C is placed twice"),
        (["A", "B", "C", "X"], "agreed order: X is not an item of this round"),
    ],
)
def test_consensus_refuses_an_incomplete_order(agreed, reason):
    with pytest.raises(PrioritizationError, match=reason):
        consensus(ITEMS, agreed)


def test_dots_counts_and_breaks_ties_by_support_then_code():
    ballots = [
        DotBallot("1", (("A", 3),)),  # stacked: 3 dots from one person
        DotBallot("2", (("B", 1), ("C", 1), ("D", 1))),
        DotBallot("3", (("B", 1), ("C", 1), ("D", 1))),
        DotBallot(None, (("D", 1),)),  # a loose tally typed from the wall
    ]
    result = dot_vote(ITEMS, ballots, k=3, stacking=True)
    # A 3 dots from 1 ballot, B 2, C 2, D 3 from 2 ballots: D beats A on support.
    assert result.codes() == ["D", "A", "B", "C"]
    assert [item.score for item in result.items] == [3, 3, 2, 2]
    # Equal dots share one rank; support only orders them (issue 12, point 6).
    assert [item.tied for item in result.items] == [True, True, True, True]
    assert [item.rank_text() for item in result.items] == ["=1", "=1", "=3", "=3"]
    assert result.recompute() == result


def test_dots_refuses_too_many_dots_naming_the_ballot():
    with pytest.raises(PrioritizationError, match=r"ballot 17: 4 dots, but only 3 are allowed"):
        dot_vote(ITEMS, [DotBallot("17", (("A", 2), ("B", 2)))], k=3)


def test_dots_refuses_stacking_when_not_allowed():
    with pytest.raises(PrioritizationError, match="ballot 5: 2 dots on A, but stacking is not"):
        dot_vote(ITEMS, [DotBallot("5", (("A", 1), ("A", 1)))], k=3, stacking=False)


def test_dots_refuses_an_unknown_code():
    with pytest.raises(PrioritizationError, match="ballot 2: Z is not an item"):
        dot_vote(ITEMS, [DotBallot("2", (("Z", 1),))])


def test_approval_counts_and_limits_choices():
    ballots = [ApprovalBallot("1", ("A", "B")), ApprovalBallot("2", ("B",))]
    assert approval_vote(ITEMS, ballots, max_choices=2).codes() == ["B", "A", "C", "D"]
    with pytest.raises(PrioritizationError, match="ballot 3: 3 choices, but only 2"):
        approval_vote(ITEMS, [ApprovalBallot("3", ("A", "B", "C"))], max_choices=2)
    with pytest.raises(PrioritizationError, match="ballot 4: an item is approved twice"):
        approval_vote(ITEMS, [ApprovalBallot("4", ("A", "A"))])


def test_borda_full_ballots_by_hand():
    # n = 4: 3, 2, 1, 0 points.
    ballots = [RankBallot("1", ("A", "B", "C", "D")), RankBallot("2", ("B", "A", "D", "C"))]
    result = borda(ITEMS, ballots)
    assert result.score_of() == {"A": 5.0, "B": 5.0, "C": 1.0, "D": 1.0}
    # A and B tie on points and on first places (1 each): the code decides.
    assert result.codes() == ["A", "B", "C", "D"]


def test_borda_partial_ballot_shares_the_rest():
    # One ballot ranks only B: B gets 3, the three others share 2 + 1 + 0 = 3.
    assert ballot_points(4, ("B",), ITEMS) == {"B": 3.0, "A": 1.0, "C": 1.0, "D": 1.0}
    ballots = [RankBallot("1", ("B",)), RankBallot("2", ("C", "A")), RankBallot("3", ())]
    result = borda(ITEMS, ballots)
    # C: 1 + 3 + 1.5; A: 1 + 2 + 1.5; B: 3 + 0.5 + 1.5; D: 1 + 0.5 + 1.5
    assert result.score_of() == {"C": 5.5, "A": 4.5, "B": 5.0, "D": 3.0}
    assert result.codes() == ["C", "B", "A", "D"]
    assert sum(result.score_of().values()) == 3 * 6


def test_borda_tie_broken_by_first_places():
    ballots = [RankBallot("1", ("A", "C", "B")), RankBallot("2", ("C", "B", "A")),
               RankBallot("3", ("B", "A", "C"))]
    result = borda(("A", "B", "C"), ballots)
    assert set(result.score_of().values()) == {3.0}
    assert result.codes() == ["A", "B", "C"]


def test_borda_refuses_a_demand_ranked_twice():
    with pytest.raises(PrioritizationError, match="ballot 9: A is ranked twice"):
        borda(ITEMS, [RankBallot("9", ("A", "B", "A"))])


def _all_pairs(winners: dict[tuple[str, str], str]) -> list[PairChoice]:
    return [PairChoice(a, b, w, reason=f"{w} es más urgente") for (a, b), w in winners.items()]


def test_pairwise_wins_and_reasons():
    choices = _all_pairs({("A", "B"): "A", ("A", "C"): "C", ("A", "D"): "A",
                          ("B", "C"): "B", ("B", "D"): "B", ("C", "D"): "C"})
    result = pairwise(ITEMS, choices)
    assert result.score_of() == {"A": 2.0, "B": 2.0, "C": 2.0, "D": 0.0}
    # A, B, C tie with 2 wins and 1 win each among themselves (a cycle): code decides.
    assert result.codes() == ["A", "B", "C", "D"]
    assert result.flags == ()
    assert result.inputs["choices"][0].reason == "A es más urgente"


def test_pairwise_two_tied_items_use_head_to_head():
    choices = _all_pairs({("A", "B"): "B", ("A", "C"): "A", ("B", "C"): "C"})
    choices += _all_pairs({("A", "D"): "A", ("B", "D"): "B", ("C", "D"): "D"})
    result = pairwise(ITEMS, choices)
    assert result.score_of() == {"A": 2.0, "B": 2.0, "C": 1.0, "D": 1.0}
    assert result.codes() == ["B", "A", "D", "C"]  # B beat A; D beat C


def test_pairwise_flags_missing_and_contradictory_cells():
    choices = [PairChoice("A", "B", "A"), PairChoice("B", "A", "B"), PairChoice("A", "C", "C")]
    result = pairwise(("A", "B", "C"), choices)
    assert result.flags == ("pair A–B: chosen both ways", "pair B–C: missing")
    assert result.score_of() == {"A": 0.0, "B": 0.0, "C": 1.0}


@pytest.mark.parametrize(
    ("choice", "reason"),
    [
        (PairChoice("A", "A", "A"), "pair A–A: an item compared with itself"),
        (PairChoice("A", "B", "C"), "pair A–B: the winner C is not one of the pair"),
        (PairChoice("A", "Q", "A"), "pair A–Q: Q is not an item"),
    ],
)
def test_pairwise_refuses_bad_cells(choice, reason):
    with pytest.raises(PrioritizationError, match=reason):
        pairwise(ITEMS, [choice])


CRITERIA = (CriterionSpec("beneficiarios", 50, 1, 5), CriterionSpec("urgencia", 30, 1, 5),
            CriterionSpec("costo", 20, 0, 10))


def _ratings(table: dict[str, tuple[float, float, float]]) -> list[Rating]:
    names = [c.name for c in CRITERIA]
    return [Rating(code, name, value) for code, row in table.items()
            for name, value in zip(names, row, strict=True)]


def test_weighted_matrix_by_hand():
    ratings = _ratings({"A": (5, 1, 0), "B": (3, 5, 10), "C": (1, 5, 10)})
    result = weighted_matrix(("A", "B", "C"), CRITERIA, ratings)
    # A: 50·1 + 0 + 0 = 50; B: 50·0.5 + 30 + 20 = 75; C: 0 + 30 + 20 = 50.
    assert result.score_of() == {"B": 75.0, "A": 50.0, "C": 50.0}
    # A and C tie: A rates higher on the heaviest criterion.
    assert result.codes() == ["B", "A", "C"]


@pytest.mark.parametrize(
    ("criteria", "ratings", "reason"),
    [
        ((CriterionSpec("x", 60), CriterionSpec("y", 30)), [], "sum to 90 %, not 100 %"),
        (CRITERIA, _ratings({"A": (6, 1, 0)}), "rating of A on beneficiarios: 6 is outside"),
        (CRITERIA, _ratings({"A": (5, 1, 0)}), "B has no rating on beneficiarios"),
        (CRITERIA, [*_ratings({"A": (5, 1, 0)}), Rating("A", "costo", 3)], "rated twice"),
        (CRITERIA, [Rating("A", "precio", 3)], "no such criterion"),
    ],
)
def test_weighted_matrix_refusals(criteria, ratings, reason):
    with pytest.raises(PrioritizationError, match=reason):
        weighted_matrix(("A", "B"), criteria, ratings)


def test_items_must_be_distinct():
    with pytest.raises(PrioritizationError, match="item A appears twice"):
        dot_vote(("A", "A"), [])
