"""Ranking with Borda points (n−1 … 0), partial ballots included."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import MappingProxyType

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import Ranking, check_items, check_known, order


@dataclass(frozen=True)
class RankBallot:
    """One ballot's order, first priority first; it may rank only some of the items."""

    ballot_id: str
    ranking: tuple[str, ...]


def ballot_points(n: int, ranking: Sequence[str], items: Sequence[str]) -> dict[str, float]:
    """Points of one ballot: n−1 for the first, n−2 for the second, and so on.

    Partial ballot rule: items the ballot leaves unranked share the points left over
    equally, (n − m − 1) / 2 each when m items are ranked. Every ballot therefore gives
    exactly n(n−1)/2 points, whether complete, partial or blank, and leaving an item
    out neither helps nor hurts it against the other unranked ones.
    """
    points = {code: float(n - 1 - index) for index, code in enumerate(ranking)}
    rest = (n - len(ranking) - 1) / 2
    for code in items:
        points.setdefault(code, rest)
    return points


def borda(
    items: Sequence[str],
    ballots: Sequence[RankBallot],
    group: str = "mixed",
) -> Ranking:
    """Borda count over the ballots (see :func:`ballot_points` for partial ballots).

    Computed as every ballot's share for unranked items, given to all, plus the extra
    points of the items each ballot ranks, so the work grows with the marks, not n.

    Tie rule: more points first; then more ballots ranking the item first; then the
    item code. Refused, naming the ballot: a demand ranked twice, an unknown code.
    """
    items = check_items(items)
    known = frozenset(items)
    n = len(items)
    total: dict[str, float] = dict.fromkeys(items, 0.0)
    firsts: Counter[str] = Counter()
    baseline = 0.0
    for ballot in ballots:
        where = _("ballot {ballot}").format(ballot=ballot.ballot_id)
        seen: set[str] = set()
        for code in ballot.ranking:
            check_known(code, known, where)
            if code in seen:
                raise PrioritizationError(
                    _("{where}: {code} is ranked twice").format(where=where, code=code)
                )
            seen.add(code)
        rest = (n - len(ballot.ranking) - 1) / 2
        baseline += rest
        for index, code in enumerate(ballot.ranking):
            total[code] += n - 1 - index - rest
        if ballot.ranking:
            firsts[ballot.ranking[0]] += 1
    score = {code: baseline + total[code] for code in items}
    return Ranking(
        method="borda",
        group=group,
        items=order(items, score, lambda code: -firsts[code]),
        inputs=MappingProxyType({"items": items, "ballots": tuple(ballots), "group": group}),
        function=borda,
    )
