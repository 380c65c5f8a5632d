"""Priority classes A+ / A / B / C from the agreed order, by configurable rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from itertools import groupby, pairwise

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import RankedItem

ORDER = (PriorityClass.a_plus, PriorityClass.a, PriorityClass.b)
CLASS_ORDER = (*ORDER, PriorityClass.c)


@dataclass(frozen=True)
class ByPosition:
    """Ranks up to ``limits[0]`` are A+, up to ``limits[1]`` A, up to ``limits[2]`` B."""

    limits: tuple[int, int, int]


@dataclass(frozen=True)
class ByShare:
    """Like :class:`ByPosition` with shares of the list (0.15 = the top 15 %).

    A share of ``n`` items rounds halves up, as people count (15 % of 10 is 1.5: two
    items), never to even. The first item is always A+, and a limit is never below the
    one before it (on a list of one item every share gives (1, 1, 1)), so any valid
    rule classifies a list of any length.
    """

    shares: tuple[float, float, float] = (0.15, 0.4, 0.7)


@dataclass(frozen=True)
class ByScore:
    """Scores at or above ``thresholds[0]`` are A+, then A, then B; below is C."""

    thresholds: tuple[float, float, float]


@dataclass(frozen=True)
class Override:
    """A class set by hand; the reason is required and goes into the record."""

    klass: PriorityClass
    reason: str


Rule = ByPosition | ByShare | ByScore


@dataclass(frozen=True)
class Classified:
    """An item of the agreed list with its class.

    ``rank`` is the place, ``shared`` the rank shared by equal scores and ``tied`` whether
    another item has the same score. ``boundary_tie`` marks equal scores that a class
    limit falls among: they all get the higher class, and the room decides (a class set
    by hand, with its reason); the mark stays until every tied item is set by hand.
    """

    code: str
    rank: int
    score: float
    klass: PriorityClass
    reason: str
    shared: int = 0
    tied: bool = False
    boundary_tie: bool = False

    @property
    def shared_rank(self) -> int:
        return self.shared or self.rank


def share_limits(n: int, shares: Sequence[float]) -> tuple[int, int, int]:
    """The positions that end A+, A and B on a list of ``n`` items (halves round up)."""
    limits: list[int] = []
    for share in shares:
        exact = Decimal(str(share)) * n
        limit = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        limits.append(max(limit, limits[-1] if limits else 1))
    return (limits[0], limits[1], limits[2])


def _boundary_ties(items: Sequence[RankedItem], limits: Sequence[int]) -> set[str]:
    """Codes of equal scores that a limit falls among (the tie runs past the limit)."""
    last: dict[int, int] = {}
    for item in items:
        last[item.shared_rank] = max(last.get(item.shared_rank, 0), item.rank)
    return {item.code for item in items
            if any(item.shared_rank <= limit < last[item.shared_rank] for limit in limits)}


def _check_monotone(values: Sequence[float], descending: bool) -> None:
    pairs = pairwise(values)
    if any((a < b) if descending else (a > b) for a, b in pairs):
        raise PrioritizationError(_("the class limits must run from A+ down to B"))


def classify(
    items: Sequence[RankedItem],
    rule: Rule,
    overrides: Mapping[str, Override] | None = None,
) -> tuple[Classified, ...]:
    """The class of every item of the agreed order, with the reason of each."""
    overrides = dict(overrides or {})
    for code, override in overrides.items():
        if not override.reason.strip():
            raise PrioritizationError(
                _("the class of {code} is set by hand without a reason").format(code=code)
            )
    n = len(items)
    if not n:  # every demand removed from the round: nothing to classify
        return ()
    if isinstance(rule, ByShare):
        _check_monotone(rule.shares, descending=False)
        if any(not 0 <= share <= 1 for share in rule.shares):
            raise PrioritizationError(_("a class share must be between 0 % and 100 %"))
        rule = ByPosition(share_limits(n, rule.shares))
    if isinstance(rule, ByPosition):
        _check_monotone(rule.limits, descending=False)
        at_limit = _boundary_ties(items, rule.limits)
    else:
        _check_monotone(rule.thresholds, descending=True)
        at_limit = set()
    undecided = {code for code in at_limit if code not in overrides}
    if undecided:  # the mark stays on the whole tie while any of it is undecided
        shared = {item.shared_rank for item in items if item.code in undecided}
        at_limit = {item.code for item in items if item.shared_rank in shared}
    else:
        at_limit = set()
    result: list[Classified] = []
    for item in items:
        by_hand = overrides.get(item.code)
        if by_hand is not None:
            klass, reason = by_hand.klass, _("set by hand: {reason}").format(
                reason=by_hand.reason)
        elif isinstance(rule, ByPosition):
            klass = next((k for k, limit in zip(ORDER, rule.limits, strict=True)
                          if item.shared_rank <= limit), PriorityClass.c)
            reason = _("rank {rank} of {n}").format(rank=item.rank_text(), n=n)
            if item.code in at_limit:
                reason = _("{reason}; tied at a class limit: the room decides").format(
                    reason=reason)
        else:
            klass = next((k for k, bar in zip(ORDER, rule.thresholds, strict=True)
                          if item.score >= bar), PriorityClass.c)
            reason = _("score {score:g}").format(score=item.score)
        result.append(Classified(item.code, item.rank, item.score, klass, reason,
                                 item.shared_rank, item.tied, item.code in at_limit))
    return _higher_class_first(result)


def _higher_class_first(result: list[Classified]) -> tuple[Classified, ...]:
    """Within equal scores, the class the room gave decides the order: an item set to A+
    is listed above the one it tied with and set to A. Places are renumbered inside the
    tie only; the shared rank stays, and the order is otherwise the one given."""
    ordered: list[Classified] = []
    for _shared, run in groupby(result, key=lambda c: c.shared_rank):
        tie = list(run)
        places = [c.rank for c in tie]
        tie.sort(key=lambda c: CLASS_ORDER.index(c.klass))
        ordered.extend(replace(c, rank=place) for c, place in zip(tie, places, strict=True))
    return tuple(ordered)
