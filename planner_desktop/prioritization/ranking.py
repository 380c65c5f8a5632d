"""The result of a method for one group: an ordered list that keeps its inputs."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError

_DIGITS = re.compile(r"(\d+)")


@lru_cache(maxsize=8192)
def code_key(code: str) -> tuple[Any, ...]:
    """Natural order of item codes, the last tie-breaker of every method: A2 before A10.

    Cached: every ranking sorts the same few hundred codes again after each vote.
    """
    parts = _DIGITS.split(code.casefold())
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in parts)


@dataclass(frozen=True)
class RankedItem:
    """One item at its place; ``tied`` says its score equals the one above it."""

    code: str
    rank: int
    score: float
    tied: bool = False


@dataclass(frozen=True)
class Ranking:
    """An ordered list of one group, with the method and the inputs it came from.

    ``recompute()`` runs the method again on the same inputs; ``flags`` are findings that
    did not refuse the input but must be shown (a missing pairwise cell, a removed demand).
    """

    method: str
    group: str
    items: tuple[RankedItem, ...]
    inputs: Mapping[str, Any]
    function: Callable[..., Ranking] = field(repr=False, compare=False)
    flags: tuple[str, ...] = ()

    def codes(self) -> list[str]:
        return [item.code for item in self.items]

    def rank_of(self) -> dict[str, int]:
        return {item.code: item.rank for item in self.items}

    def score_of(self) -> dict[str, float]:
        return {item.code: item.score for item in self.items}

    def recompute(self) -> Ranking:
        return self.function(**self.inputs)


def check_items(items: Sequence[str]) -> tuple[str, ...]:
    """The codes on the ballot, refused when one is blank or appears twice."""
    seen: set[str] = set()
    for code in items:
        if not code.strip():
            raise PrioritizationError(_("an item on the ballot has no code"))
        if code in seen:
            raise PrioritizationError(
                _("item {code} appears twice on the ballot").format(code=code)
            )
        seen.add(code)
    return tuple(items)


def check_known(code: str, items: Collection[str], where: str | Callable[[], str]) -> None:
    """Refuse an unknown code; ``where`` may be a function, called only on refusal."""
    if code not in items:
        place = where() if callable(where) else where
        raise PrioritizationError(
            _("{where}: {code} is not an item of this round").format(where=place, code=code)
        )


def order(
    items: Iterable[str],
    score: Mapping[str, float],
    tie_key: Callable[[str], Any] | None = None,
) -> tuple[RankedItem, ...]:
    """Sort by score (highest first), then ``tie_key`` (smallest first), then code.

    Ranks are distinct (1, 2, 3 …): a tie is broken, and ``tied`` marks it for display.
    """

    def key(code: str) -> tuple[Any, ...]:
        extra = tie_key(code) if tie_key is not None else ()
        return (-score.get(code, 0.0), extra, code_key(code))

    ranked: list[RankedItem] = []
    previous: float | None = None
    for rank, code in enumerate(sorted(items, key=key), start=1):
        value = float(score.get(code, 0.0))
        ranked.append(RankedItem(code, rank, value, tied=previous == value))
        previous = value
    return tuple(ranked)
