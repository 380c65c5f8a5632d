"""Properties of the methods (issue 5): order independence and known totals."""

from __future__ import annotations

from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner_desktop.prioritization.borda import RankBallot, borda
from planner_desktop.prioritization.dots import DotBallot, dot_vote
from planner_desktop.prioritization.pairwise import PairChoice, pairwise

CODES = [f"D{i}" for i in range(1, 9)]


@st.composite
def rank_ballots(draw):
    n = draw(st.integers(2, 8))
    items = CODES[:n]
    ballots = draw(st.lists(
        st.permutations(items).flatmap(lambda p: st.integers(0, len(p)).map(lambda m: p[:m])),
        max_size=12,
    ))
    return items, [RankBallot(str(i), tuple(r)) for i, r in enumerate(ballots)]


@settings(max_examples=60, deadline=None)
@given(rank_ballots(), st.randoms(use_true_random=False))
def test_borda_total_is_known_and_order_free(case, rnd):
    items, ballots = case
    n = len(items)
    result = borda(items, ballots)
    assert sum(result.score_of().values()) == len(ballots) * n * (n - 1) / 2
    shuffled_items, shuffled_ballots = list(items), list(ballots)
    rnd.shuffle(shuffled_items)
    rnd.shuffle(shuffled_ballots)
    assert borda(shuffled_items, shuffled_ballots).items == result.items


@st.composite
def dot_ballots(draw):
    n = draw(st.integers(1, 8))
    items = CODES[:n]
    ballots = draw(st.lists(
        st.lists(st.sampled_from(items), min_size=0, max_size=3), max_size=15))
    return items, [DotBallot(str(i), tuple((c, 1) for c in b)) for i, b in enumerate(ballots)]


@settings(max_examples=60, deadline=None)
@given(dot_ballots(), st.randoms(use_true_random=False))
def test_dots_total_and_order_free(case, rnd):
    items, ballots = case
    result = dot_vote(items, ballots, k=3, stacking=True)
    assert sum(result.score_of().values()) == sum(len(b.dots) for b in ballots)
    shuffled_items, shuffled_ballots = list(items), list(ballots)
    rnd.shuffle(shuffled_items)
    rnd.shuffle(shuffled_ballots)
    assert dot_vote(shuffled_items, shuffled_ballots).items == result.items


@st.composite
def full_matrices(draw):
    n = draw(st.integers(2, 8))
    items = CODES[:n]
    choices = []
    for a, b in combinations(items, 2):
        winner = draw(st.sampled_from((a, b)))
        first, second = (a, b) if draw(st.booleans()) else (b, a)
        choices.append(PairChoice(first, second, winner))
    return items, choices


@settings(max_examples=60, deadline=None)
@given(full_matrices(), st.randoms(use_true_random=False))
def test_pairwise_wins_sum_to_pairs_and_order_free(case, rnd):
    items, choices = case
    n = len(items)
    result = pairwise(items, choices)
    assert sum(result.score_of().values()) == n * (n - 1) / 2
    assert result.flags == ()
    shuffled_items, shuffled_choices = list(items), list(choices)
    rnd.shuffle(shuffled_items)
    rnd.shuffle(shuffled_choices)
    assert pairwise(shuffled_items, shuffled_choices).items == result.items
