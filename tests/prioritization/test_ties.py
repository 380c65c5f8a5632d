"""Ties are ties (issue 12, point 6): equal scores share one rank, a class limit never
splits them without a mark, and shares of the list round halves up."""

from __future__ import annotations

import pytest

from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.prioritization.classes import (
    ByPosition,
    ByShare,
    Override,
    classify,
    share_limits,
)
from planner_desktop.prioritization.dots import DotBallot, dot_vote
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import order


def test_equal_scores_share_one_rank():
    ranking = order(["A", "B", "C", "D"], {"A": 9, "B": 7, "C": 7, "D": 4})
    assert [item.rank_text() for item in ranking] == ["1", "=2", "=2", "4"]
    assert [item.rank for item in ranking] == [1, 2, 3, 4]  # the order shown stays fixed


def test_a_tie_broken_by_support_still_shares_the_rank():
    result = dot_vote(["A", "B", "C"], [DotBallot("1", (("A", 2),)), DotBallot("2", (("B", 1),)),
                                        DotBallot("3", (("B", 1),))])
    assert result.codes() == ["B", "A", "C"]  # broader support is listed first
    assert [item.rank_text() for item in result.items] == ["=1", "=1", "3"]


@pytest.mark.parametrize(("n", "limits"), [(1, (1, 1, 1)), (2, (1, 1, 1)), (3, (1, 1, 2)),
                                           (10, (2, 4, 7)), (20, (3, 8, 14))])
def test_default_shares_give_limits_on_any_list(n, limits):
    assert share_limits(n, (0.15, 0.4, 0.7)) == limits


def test_shares_round_halves_up_as_people_count():
    # 15 % of 10 is 1.5 and 25 % of 2 is 0.5: both round up (to even would give 2 and 0).
    assert share_limits(10, (0.15, 0.15, 0.15)) == (2, 2, 2)
    assert share_limits(2, (0.25, 0.5, 0.75)) == (1, 1, 2)
    assert share_limits(6, (0.25, 0.5, 0.75)) == (2, 3, 5)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_short_lists_are_classified_by_the_default_shares(n):
    items = order([f"D{i}" for i in range(n)], {f"D{i}": float(n - i) for i in range(n)})
    classes = classify(items, ByShare())
    assert classes[0].klass is P.a_plus and len(classes) == n


def test_a_share_outside_the_list_is_refused():
    items = order(["A"], {"A": 1.0})
    with pytest.raises(PrioritizationError, match="between 0 % and 100 %"):
        classify(items, ByShare((0.2, 0.5, 1.5)))


def test_a_limit_among_equal_scores_is_marked_until_the_room_decides():
    items = order(list("ABCD"), {"A": 5, "B": 3, "C": 3, "D": 1})
    classes = classify(items, ByPosition((2, 3, 4)))
    assert [c.klass for c in classes] == [P.a_plus, P.a_plus, P.a_plus, P.b]
    assert [c.boundary_tie for c in classes] == [False, True, True, False]
    decided = classify(items, ByPosition((2, 3, 4)), {
        "B": Override(P.a_plus, "la sequía"), "C": Override(P.a, "sorteo en plenaria")})
    assert [c.klass for c in decided] == [P.a_plus, P.a_plus, P.a, P.b]
    assert not any(c.boundary_tie for c in decided)
    assert decided[2].reason == "set by hand: sorteo en plenaria"


def test_within_a_tie_the_class_the_room_gave_decides_the_order():
    """Issue 12: B and C tie; the room sets C to A+ and B to A, so C is listed first."""
    items = order(list("ABCD"), {"A": 5, "B": 3, "C": 3, "D": 1})
    decided = classify(items, ByPosition((2, 3, 4)), {
        "B": Override(P.a, "decidido por la plenaria"), "C": Override(P.a_plus, "la cancha")})
    assert [(c.code, c.rank, c.shared_rank, c.klass) for c in decided] == [
        ("A", 1, 1, P.a_plus), ("C", 2, 2, P.a_plus), ("B", 3, 2, P.a), ("D", 4, 4, P.b)]
