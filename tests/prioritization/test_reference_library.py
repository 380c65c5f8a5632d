"""Every method against a reference voting library on 1,400 random cases (issue 12, point 6).

The reference is ``pref_voting`` (a test-only dependency): its scores for the same
ballots give each item a rank shared by equal scores (standard competition ranking),
and ours must give the same ranks, the same ``tied`` marks, and an order that never puts
a lower score above a higher one. Where the library has no such method (the budget
ceiling, the classes by share) an independent straightforward version is used.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

import pytest
from pref_voting.grade_profiles import GradeProfile
from pref_voting.profiles_with_ties import ProfileWithTies
from pref_voting.rankings import Ranking as LibraryRanking
from pref_voting.weighted_majority_graphs import MajorityGraph

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.prioritization.borda import RankBallot, borda
from planner_desktop.prioritization.budget import greedy_budget
from planner_desktop.prioritization.classes import ByShare, classify
from planner_desktop.prioritization.consensus import consensus
from planner_desktop.prioritization.criteria import CriterionSpec, Rating, weighted_matrix
from planner_desktop.prioritization.dots import ApprovalBallot, DotBallot, approval_vote, dot_vote
from planner_desktop.prioritization.pairwise import PairChoice, pairwise
from planner_desktop.prioritization.ranking import Ranking, order

CASES = 1400


def _items(rng: random.Random, low: int = 1, high: int = 8) -> list[str]:
    return [f"D{index}" for index in range(1, rng.randint(low, high) + 1)]


def _library_ranks(scores: Mapping[str, float]) -> dict[str, tuple[int, bool]]:
    """Shared rank and tie mark of every item, by the library's ranking of ``scores``."""
    ranking = LibraryRanking({code: -float(score) for code, score in scores.items()})
    codes = list(scores)
    return {
        code: (1 + sum(ranking.strict_pref(other, code) for other in codes),
               any(other != code and ranking.indiff(other, code) for other in codes))
        for code in codes
    }


def _agrees(ours: Ranking, scores: Mapping[str, float]) -> None:
    expected = _library_ranks(scores)
    got = {item.code: (item.shared_rank, item.tied) for item in ours.items}
    assert got == expected, (ours.items, scores)
    listed = [scores[item.code] for item in ours.items]
    assert listed == sorted(listed, reverse=True)


def test_dots_against_cumulative_sums() -> None:
    rng = random.Random(1201)
    for _case in range(CASES):
        items, k = _items(rng), rng.randint(1, 5)
        stacking = rng.random() < 0.5
        ballots: list[DotBallot] = []
        grades: list[dict[str, int]] = []
        for number in range(rng.randint(0, 12)):
            chosen: dict[str, int] = {}
            for _dot in range(rng.randint(0, k)):
                pool = [c for c in items if stacking or c not in chosen]
                if pool:
                    code = rng.choice(pool)
                    chosen[code] = chosen.get(code, 0) + 1
            ballots.append(DotBallot(str(number), tuple(chosen.items())))
            grades.append({code: chosen.get(code, 0) for code in items})
        profile = GradeProfile(grades, grades=list(range(k + 1)), candidates=items) \
            if grades else None
        scores = {code: float(profile.sum(code)) if profile else 0.0 for code in items}
        _agrees(dot_vote(items, ballots, k, stacking), scores)


def test_approval_against_approval_scores() -> None:
    rng = random.Random(1202)
    for _case in range(CASES):
        items = _items(rng)
        ballots = [ApprovalBallot(str(n), tuple(rng.sample(items, rng.randint(0, len(items)))))
                   for n in range(rng.randint(1, 12))]
        grades = [{code: int(code in ballot.approved) for code in items} for ballot in ballots]
        profile = GradeProfile(grades, grades=[0, 1], candidates=items)
        scores = {code: float(value) for code, value in profile.approval_scores().items()}
        _agrees(approval_vote(items, ballots), scores)


def test_borda_with_partial_ballots_against_symmetric_borda() -> None:
    """Our points are an affine map of the library's symmetric Borda score, ballot by
    ballot (2 × ours − (n − 1) = symmetric), so the ranks must be the same."""
    rng = random.Random(1203)
    for _case in range(CASES):
        items = _items(rng)
        n = len(items)
        ballots = [RankBallot(str(b), tuple(rng.sample(items, rng.randint(0, n))))
                   for b in range(rng.randint(1, 10))]
        profile = ProfileWithTies(
            [{code: place for place, code in enumerate(ballot.ranking, 1)} for ballot in ballots],
            candidates=items)
        symmetric = profile.borda_scores()
        ours = borda(items, ballots)
        for item in ours.items:
            assert 2 * item.score - (n - 1) * len(ballots) == pytest.approx(symmetric[item.code])
        _agrees(ours, {code: float(value) for code, value in symmetric.items()})


def test_consensus_against_borda_of_the_agreed_order() -> None:
    rng = random.Random(1204)
    for _case in range(CASES):
        items = _items(rng)
        agreed = rng.sample(items, len(items))
        profile = ProfileWithTies([{code: place for place, code in enumerate(agreed, 1)}],
                                  candidates=items)
        _agrees(consensus(items, agreed), profile.borda_scores())


def test_pairwise_against_copeland_wins() -> None:
    """Wins over the chart's cells; a cell missing or chosen both ways counts for none,
    which is a pair with no edge in the library's majority graph."""
    rng = random.Random(1205)
    for _case in range(CASES):
        items = _items(rng)
        choices: list[PairChoice] = []
        winners: dict[tuple[str, str], set[str]] = {}
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                for _time in range(rng.choice((0, 1, 1, 1, 2))):
                    winner = rng.choice((a, b))
                    choices.append(PairChoice(a, b, winner, "razón"))
                    winners.setdefault((a, b), set()).add(winner)
        edges = [(next(iter(won)), b if next(iter(won)) == a else a)
                 for (a, b), won in winners.items() if len(won) == 1]
        graph = MajorityGraph(items, edges)
        scores = graph.copeland_scores(scores=(1, 0, 0))
        _agrees(pairwise(items, choices), {code: float(scores[code]) for code in items})


def test_weighted_criteria_against_weighted_grade_sums() -> None:
    """Each criterion is a voter counted ``weight`` times who grades an item by its rating
    brought to 0–1; the library's sum is the weighted score (both to 9 decimals)."""
    rng = random.Random(1206)
    for _case in range(CASES):
        items = _items(rng)
        count = rng.randint(1, 4)
        cuts = sorted(rng.sample(range(1, 100), count - 1))
        weights = [b - a for a, b in zip([0, *cuts], [*cuts, 100], strict=True)]
        criteria = [CriterionSpec(f"c{i}", float(weights[i]), 1, rng.choice((3, 5)))
                    for i in range(count)]
        ratings = [Rating(code, spec.name, float(rng.randint(spec.scale_min, spec.scale_max)))
                   for code in items for spec in criteria]
        value = {(r.code, r.criterion): r.value for r in ratings}
        grades = [{code: (value[(code, spec.name)] - spec.scale_min)
                   / (spec.scale_max - spec.scale_min) for code in items} for spec in criteria]
        allowed = sorted({grade for row in grades for grade in row.values()})
        profile = GradeProfile(grades, grades=allowed, gcounts=weights, candidates=items)
        scores = {code: round(float(profile.sum(code)), 9) for code in items}
        _agrees(weighted_matrix(items, criteria, ratings), scores)


def _half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def test_classes_by_share_on_any_list_and_valid_rule() -> None:
    """Independent version: limit = share × n rounded half up, at least the previous
    limit, the first at least 1; an item is in the first class whose limit its shared
    rank does not pass. Lists of 1–3 items are no longer refused."""
    rng = random.Random(1207)
    for case in range(CASES):
        n = case % 3 + 1 if case < 300 else rng.randint(1, 40)
        shares = sorted(rng.choice((0.0, 0.1, 0.15, 0.25, 0.4, 0.5, 0.7, 0.75, 1.0))
                        for _ in range(3))
        if case < 30:
            shares = [0.15, 0.4, 0.7]
        codes = [f"D{i}" for i in range(1, n + 1)]
        ranking = order(codes, {code: float(rng.randint(0, 4)) for code in codes})
        limits: list[int] = []
        for share in shares:
            limits.append(max(_half_up(Decimal(str(share)) * n), limits[-1] if limits else 1))
        got = classify(ranking, ByShare((shares[0], shares[1], shares[2])))
        for item, classified in zip(ranking, got, strict=True):
            expected = next((klass for klass, limit in zip(
                (PriorityClass.a_plus, PriorityClass.a, PriorityClass.b), limits, strict=True)
                if item.shared_rank <= limit), PriorityClass.c)
            assert classified.klass == expected, (n, shares, ranking)
        assert got[0].klass is PriorityClass.a_plus


def test_budget_ceiling_against_a_plain_walk() -> None:
    rng = random.Random(1208)
    for _case in range(CASES):
        items = _items(rng, 0)
        costs = {code: Decimal(rng.randint(0, 50)) for code in items}
        ceiling = Decimal(rng.randint(0, 120))
        taken, spent = [], Decimal(0)
        for code in items:
            if spent + costs[code] <= ceiling:
                taken.append(code)
                spent += costs[code]
        selection = greedy_budget(items, costs, ceiling)
        assert list(selection.selected) == taken and selection.spent == spent

