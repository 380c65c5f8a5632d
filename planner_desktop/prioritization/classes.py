"""Priority classes A+ / A / B / C from the agreed order, by configurable rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import RankedItem

ORDER = (PriorityClass.a_plus, PriorityClass.a, PriorityClass.b)


@dataclass(frozen=True)
class ByPosition:
    """Ranks up to ``limits[0]`` are A+, up to ``limits[1]`` A, up to ``limits[2]`` B."""

    limits: tuple[int, int, int]


@dataclass(frozen=True)
class ByShare:
    """Like :class:`ByPosition` with shares of the list (0.15 = the top 15 %, rounded).

    The first item is always A+.
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
    code: str
    rank: int
    score: float
    klass: PriorityClass
    reason: str


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
        limits = [max(1, round(n * share)) if i == 0 else round(n * share)
                  for i, share in enumerate(rule.shares)]
        rule = ByPosition((limits[0], limits[1], limits[2]))
    if isinstance(rule, ByPosition):
        _check_monotone(rule.limits, descending=False)
    else:
        _check_monotone(rule.thresholds, descending=True)
    result: list[Classified] = []
    for item in items:
        by_hand = overrides.get(item.code)
        if by_hand is not None:
            klass, reason = by_hand.klass, _("set by hand: {reason}").format(
                reason=by_hand.reason)
        elif isinstance(rule, ByPosition):
            klass = next((k for k, limit in zip(ORDER, rule.limits, strict=True)
                          if item.rank <= limit), PriorityClass.c)
            reason = _("rank {rank} of {n}").format(rank=item.rank, n=n)
        else:
            klass = next((k for k, bar in zip(ORDER, rule.thresholds, strict=True)
                          if item.score >= bar), PriorityClass.c)
            reason = _("score {score:g}").format(score=item.score)
        result.append(Classified(item.code, item.rank, item.score, klass, reason))
    return tuple(result)
