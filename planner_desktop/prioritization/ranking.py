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
    """One item at its place in the list.

    ``rank`` is the place (1, 2, 3 …, distinct: the order the list is shown in);
    ``shared`` is the rank people see, shared by equal scores (standard competition
    ranking: scores 9, 7, 7, 4 have shared ranks 1, 2, 2, 4); ``tied`` says another
    item has the same score. 0 for ``shared`` means "the same as ``rank``".
    """

    code: str
    rank: int
    score: float
    tied: bool = False
    shared: int = 0

    @property
    def shared_rank(self) -> int:
        return self.shared or self.rank

    def rank_text(self) -> str:
        """The rank as printed: ``=2`` for an item tied with another, else ``2``."""
        return rank_text(self.shared_rank, self.tied)


def rank_text(shared_rank: int, tied: bool) -> str:
    """``=2`` for a rank shared by equal scores, ``2`` otherwise (results, prints, acta)."""
    return f"={shared_rank}" if tied else str(shared_rank)


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
        """The rank of each item, shared by equal scores."""
        return {item.code: item.shared_rank for item in self.items}

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

    Places are distinct (1, 2, 3 …) and give the order shown; equal scores share one
    rank (``shared``: 9, 7, 7, 4 → 1, =2, =2, 4) and are marked ``tied``. The tie
    keys only order the tied items among themselves: they never split the rank.
    """

    def key(code: str) -> tuple[Any, ...]:
        extra = tie_key(code) if tie_key is not None else ()
        return (-score.get(code, 0.0), extra, code_key(code))

    ordered = sorted(items, key=key)
    return share_ranks([(code, float(score.get(code, 0.0))) for code in ordered])


def share_ranks(scored: Sequence[tuple[str, float]]) -> tuple[RankedItem, ...]:
    """Items already in order (highest score first) with their places and shared ranks."""
    counts: dict[float, int] = {}
    for _code, value in scored:
        counts[value] = counts.get(value, 0) + 1
    ranked: list[RankedItem] = []
    first: dict[float, int] = {}
    for place, (code, value) in enumerate(scored, start=1):
        shared = first.setdefault(value, place)
        ranked.append(RankedItem(code, place, value, tied=counts[value] > 1, shared=shared))
    return tuple(ranked)
