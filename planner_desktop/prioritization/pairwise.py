"""Pairwise comparison: every pair of items once, the reason of each choice recorded."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
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


class PairTally:
    """The wall chart of one group, kept up to date one choice at a time.

    Each cell holds how many live choices name each winner; the wins, the set of
    "who beat whom" and the flagged cells (missing, or chosen both ways) follow every
    :meth:`add` and :meth:`remove`, so a new choice costs the same whatever the number
    of items. :func:`pairwise` is this tally filled from scratch.
    """

    def __init__(self, items: Sequence[str]) -> None:
        self.items = check_items(items)
        self.known = frozenset(self.items)
        self.ordered = sorted(self.items, key=code_key)
        self.position = {code: index for index, code in enumerate(self.ordered)}
        n = len(self.ordered)
        self.cells: dict[int, Counter[str]] = {}
        self.wins: Counter[str] = Counter()
        self.beats: set[tuple[str, str]] = set()
        self.flagged = [i * n + j for i in range(n) for j in range(i + 1, n)]

    def check(self, choice: PairChoice) -> None:
        """Refuse a pair of an item with itself, a winner not of the pair, an unknown code."""
        known = self.known
        if choice.a in known and choice.b in known and choice.winner in (choice.a, choice.b) \
                and choice.a != choice.b:
            return
        where = _("pair {a}–{b}").format(a=choice.a, b=choice.b)
        check_known(choice.a, known, where)
        check_known(choice.b, known, where)
        if choice.a == choice.b:
            raise PrioritizationError(
                _("{where}: an item compared with itself").format(where=where)
            )
        raise PrioritizationError(
            _("{where}: the winner {code} is not one of the pair").format(
                where=where, code=choice.winner
            )
        )

    def _cell(self, choice: PairChoice) -> int:
        i, j = self.position[choice.a], self.position[choice.b]
        return i * len(self.ordered) + j if i < j else j * len(self.ordered) + i

    def _winners(self, cell: int) -> frozenset[str]:
        counts = self.cells.get(cell)
        return frozenset(code for code, n in counts.items() if n > 0) if counts else frozenset()

    def _leave(self, cell: int, winners: frozenset[str], choice: PairChoice) -> None:
        if len(winners) == 1:
            (winner,) = winners
            self.beats.discard((winner, choice.b if winner == choice.a else choice.a))
            self.wins[winner] -= 1
        else:
            del self.flagged[bisect_left(self.flagged, cell)]

    def _enter(self, cell: int, winners: frozenset[str], choice: PairChoice) -> None:
        if len(winners) == 1:
            (winner,) = winners
            self.beats.add((winner, choice.b if winner == choice.a else choice.a))
            self.wins[winner] += 1
        else:
            insort(self.flagged, cell)

    def _move(self, choice: PairChoice, step: int) -> None:
        cell = self._cell(choice)
        before = self._winners(cell)
        counts = self.cells.setdefault(cell, Counter())
        counts[choice.winner] += step
        after = self._winners(cell)
        if before != after:
            self._leave(cell, before, choice)
            self._enter(cell, after, choice)

    def add(self, choice: PairChoice) -> None:
        """Count a checked choice (the same choice twice counts once)."""
        self._move(choice, 1)

    def remove(self, choice: PairChoice) -> None:
        """Take back a choice counted before (a correction retracted it)."""
        self._move(choice, -1)

    def flags(self) -> tuple[str, ...]:
        n = len(self.ordered)
        found: list[str] = []
        for cell in self.flagged:
            a, b = self.ordered[cell // n], self.ordered[cell % n]
            text = _("pair {a}–{b}: chosen both ways") if self._winners(cell) \
                else _("pair {a}–{b}: missing")
            found.append(text.format(a=a, b=b))
        return tuple(found)

    def ranking(self, choices: Sequence[PairChoice], group: str = "mixed") -> Ranking:
        """The group's list from the tally; ``choices`` are the live ones it counts."""
        score = {code: float(self.wins[code]) for code in self.items}
        tied: dict[float, list[str]] = {}
        for code in self.items:
            tied.setdefault(score[code], []).append(code)
        beats = self.beats

        def head_to_head(code: str) -> int:
            return -sum((code, other) in beats for other in tied[score[code]])

        return Ranking(
            method="pairwise",
            group=group,
            items=order(self.items, score, head_to_head),
            inputs=MappingProxyType(
                {"items": self.items, "choices": tuple(choices), "group": group}),
            function=pairwise,
            flags=self.flags(),
        )


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
    tally = PairTally(items)
    for choice in choices:
        tally.check(choice)
    for choice in choices:
        tally.add(choice)
    return tally.ranking(choices, group)
