"""Group lists side by side, and the agreed list with the record of how it was reached."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.ranking import RankedItem, Ranking, code_key, order, share_ranks


@dataclass(frozen=True)
class Comparison:
    """How the groups' lists differ.

    ``overlap`` maps a pair of groups to the items both have in their top k;
    ``only`` maps a group to the items in its top k and in no other group's;
    ``rank_spread`` maps an item to (best rank − worst rank) across the groups.
    """

    top_k: int
    groups: tuple[str, ...]
    overlap: Mapping[tuple[str, str], tuple[str, ...]]
    only: Mapping[str, tuple[str, ...]]
    ranks: Mapping[str, Mapping[str, int]]
    rank_spread: Mapping[str, int]


def compare(rankings: Mapping[str, Ranking], top_k: int = 5) -> Comparison:
    """Compare the lists of the groups (keys are group codes), sorted by group code."""
    groups = tuple(sorted(rankings))
    tops = {group: set(rankings[group].codes()[:top_k]) for group in groups}

    def sort(codes: set[str]) -> tuple[str, ...]:
        return tuple(sorted(codes, key=code_key))

    overlap = {(a, b): sort(tops[a] & tops[b]) for a, b in combinations(groups, 2)}
    only = {}
    for group in groups:
        others = set().union(*(tops[g] for g in groups if g != group))
        only[group] = sort(tops[group] - others)
    ranks: dict[str, dict[str, int]] = {}
    for group in groups:
        for item in rankings[group].items:
            ranks.setdefault(item.code, {})[group] = item.shared_rank
    spread = {code: max(by.values()) - min(by.values()) for code, by in ranks.items()}
    return Comparison(top_k, groups, overlap, only, ranks, spread)


POOLED = "pooled"
MEAN_RANK = "mean_rank"
BY_HAND = "by_hand"


@dataclass(frozen=True)
class AgreedList:
    """The agreed order, how it was reached (``how`` and ``note``), and dissent per item."""

    items: tuple[RankedItem, ...]
    how: str
    note: str
    sources: Mapping[str, Ranking]
    dissent: Mapping[str, str]

    def codes(self) -> list[str]:
        return [item.code for item in self.items]


def _dissent(sources: Mapping[str, Ranking], agreed: Sequence[RankedItem], k: int) -> dict:
    """An item that a group put first but that ends below the agreed top ``k``."""
    place = {item.code: item.shared_rank for item in agreed}
    firsts: dict[str, list[str]] = {}
    for group in sorted(sources):
        codes = sources[group].codes()
        if codes:
            firsts.setdefault(codes[0], []).append(group)
    return {
        code: _("first priority of {groups}, agreed rank {rank}").format(
            groups=", ".join(groups), rank=place[code]
        )
        for code, groups in firsts.items()
        if place.get(code, 0) > k
    }


def agree(rankings: Mapping[str, Ranking], how: str = POOLED, dissent_k: int = 2) -> AgreedList:
    """Combine the groups' lists into one.

    ``pooled``: the groups' scores are added (for dots, approval and Borda this is the
    count of the whole room); ties by the best rank any group gave, then the code.
    ``mean_rank``: the smaller average rank first (for pairwise and criteria, whose
    scores do not add up across groups); ties by the best rank, then the code.
    """
    if not rankings:
        raise PrioritizationError(_("no group has results to agree on"))
    codes = sorted({code for r in rankings.values() for code in r.codes()}, key=code_key)
    ranks = [r.rank_of() for r in rankings.values()]
    scores = [r.score_of() for r in rankings.values()]
    best = {code: min(by.get(code, 10**9) for by in ranks) for code in codes}
    if how == POOLED:
        score = {code: sum(by.get(code, 0.0) for by in scores) for code in codes}
        note = _("scores of the groups {groups} added").format(groups=", ".join(sorted(rankings)))
    elif how == MEAN_RANK:
        score = {code: -sum(by.get(code, len(codes)) for by in ranks) / len(rankings)
                 for code in codes}
        note = _("average rank over the groups {groups}").format(
            groups=", ".join(sorted(rankings))
        )
    else:
        raise PrioritizationError(_("unknown way of agreeing: {how}").format(how=how))
    items = order(codes, score, lambda code: best[code])
    return AgreedList(items, how, note, dict(rankings), _dissent(rankings, items, dissent_k))


def agree_by_hand(
    rankings: Mapping[str, Ranking], agreed: Sequence[str], note: str, dissent_k: int = 2
) -> AgreedList:
    """The order the room agreed after discussing the groups' lists; ``note`` says how."""
    if not note.strip():
        raise PrioritizationError(_("an agreed order set by hand needs a note saying how"))
    codes = {code for r in rankings.values() for code in r.codes()}
    if len(set(agreed)) != len(agreed) or set(agreed) != codes:
        raise PrioritizationError(_("the agreed order must list every item exactly once"))
    n = len(agreed)
    items = share_ranks([(code, float(n - rank + 1)) for rank, code in enumerate(agreed, 1)])
    return AgreedList(items, BY_HAND, note, dict(rankings), _dissent(rankings, items, dissent_k))
