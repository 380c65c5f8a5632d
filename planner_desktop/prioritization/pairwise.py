"""Pairwise comparison: every pair of items once, the reason of each choice recorded."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import (
    Ranking,
    check_items,
    check_known,
    code_key,
    order,
)


@dataclass(frozen=True)
class PairChoice:
    """One cell of the wall chart: ``winner`` was preferred to the other of ``a``/``b``."""

    a: str
    b: str
    winner: str
    reason: str = ""


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if code_key(a) <= code_key(b) else (b, a)


def pairwise(
    items: Sequence[str],
    choices: Sequence[PairChoice],
    group: str = "mixed",
) -> Ranking:
    """Wins per item over the n(n−1)/2 pairs.

    Tie rule: more wins first; among items with the same wins, more wins against
    the other tied items (the head-to-head result when two tie); then the item code.
    Flagged, not counted: a missing cell, and a cell chosen both ways (contradictory);
    the same choice written twice counts once. Refused: a pair of an item with itself,
    a winner that is not one of the pair, an unknown code.
    """
    items = check_items(items)
    known = frozenset(items)
    cells: dict[tuple[str, str], set[str]] = {}
    for choice in choices:
        if choice.a in known and choice.b in known and choice.winner in (choice.a, choice.b) \
                and choice.a != choice.b:
            cells.setdefault(_pair(choice.a, choice.b), set()).add(choice.winner)
            continue
        where = _("pair {a}–{b}").format(a=choice.a, b=choice.b)
        check_known(choice.a, known, where)
        check_known(choice.b, known, where)
        if choice.a == choice.b:
            raise PrioritizationError(
                _("{where}: an item compared with itself").format(where=where)
            )
        if choice.winner not in (choice.a, choice.b):
            raise PrioritizationError(
                _("{where}: the winner {code} is not one of the pair").format(
                    where=where, code=choice.winner
                )
            )
    flags: list[str] = []
    beats: set[tuple[str, str]] = set()
    for a, b in combinations(sorted(items, key=code_key), 2):
        winners = cells.get((a, b), set())
        if not winners:
            flags.append(_("pair {a}–{b}: missing").format(a=a, b=b))
        elif len(winners) > 1:
            flags.append(_("pair {a}–{b}: chosen both ways").format(a=a, b=b))
        else:
            winner = next(iter(winners))
            beats.add((winner, b if winner == a else a))
    wins: Counter[str] = Counter(winner for winner, _loser in beats)
    score = {code: float(wins[code]) for code in items}
    tied: dict[float, list[str]] = {}
    for code in items:
        tied.setdefault(score[code], []).append(code)

    def head_to_head(code: str) -> int:
        return -sum((code, other) in beats for other in tied[score[code]])

    return Ranking(
        method="pairwise",
        group=group,
        items=order(items, score, head_to_head),
        inputs=MappingProxyType({"items": items, "choices": tuple(choices), "group": group}),
        function=pairwise,
        flags=tuple(flags),
    )
