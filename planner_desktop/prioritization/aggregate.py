"""Suggesting groups of similar demands from different communities, and their sums.

The functions only suggest: a person confirms each group before it is recorded.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

_STOP_TEXT = """
    a al ante con de del desde e el en entre hacia hasta la las lo los o para por que se
    sin sobre su sus u un una unas unos y
    construccion mejoramiento ampliacion implementacion apoyo proyecto dotacion
    refaccion rehabilitacion mantenimiento equipamiento instalacion fortalecimiento
    comunidad comunal otb barrio zona
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Articles and prepositions, plus the action words every demand starts with."""

DEFAULT_THRESHOLD = 0.5
_WORD = re.compile(r"[a-z0-9ñ]+")


def fold(text: str) -> str:
    """Lower case with accents removed (ñ kept: *caña* and *cana* differ)."""
    text = text.casefold().replace("ñ", "\0")
    text = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))
    return text.replace("\0", "ñ")


def tokens(text: str, place: str = "") -> frozenset[str]:
    """The meaningful words of a demand, without stop words and the place's name."""
    drop = STOP_WORDS | set(_WORD.findall(fold(place)))
    return frozenset(word for word in _WORD.findall(fold(text))
                     if word not in drop and len(word) > 1)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard index of two token sets (0 when both are empty)."""
    union = a | b
    return len(a & b) / len(union) if union else 0.0


@dataclass(frozen=True)
class DemandSummary:
    """What aggregation needs of a demand; ``place`` is its community's name."""

    id: str
    community: str
    sector: str
    text: str
    beneficiaries: int = 0
    votes: int = 0
    place: str = ""


@dataclass(frozen=True)
class GroupSuggestion:
    """Similar demands of one sector from several communities; originals kept."""

    sector: str
    members: tuple[DemandSummary, ...]
    similarity: float

    @property
    def communities(self) -> int:
        return len({member.community for member in self.members})

    @property
    def beneficiaries(self) -> int:
        return sum(member.beneficiaries for member in self.members)

    @property
    def votes(self) -> int:
        return sum(member.votes for member in self.members)


def suggest_groups(
    demands: Sequence[DemandSummary], threshold: float = DEFAULT_THRESHOLD
) -> list[GroupSuggestion]:
    """Groups of demands of the same sector linked by similarity ≥ ``threshold``.

    Two demands link only when they come from different communities; a group is the
    set of demands joined by links (single linkage). ``similarity`` is the weakest
    link used. Order: by sector, then by the smallest demand id; members by id.
    """
    parent = {demand.id: demand.id for demand in demands}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    words = {demand.id: tokens(demand.text, demand.place) for demand in demands}
    weakest: dict[str, float] = {}
    by_sector: dict[str, list[DemandSummary]] = {}
    for demand in sorted(demands, key=lambda d: d.id):
        by_sector.setdefault(demand.sector, []).append(demand)
    for members in by_sector.values():
        for a, b in combinations(members, 2):
            if a.community == b.community:
                continue
            score = similarity(words[a.id], words[b.id])
            if score < threshold:
                continue
            ra, rb = root(a.id), root(b.id)
            low = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
            weakest[min(ra, rb)] = low
    clusters: dict[str, list[DemandSummary]] = {}
    for demand in demands:
        clusters.setdefault(root(demand.id), []).append(demand)
    suggestions = [
        GroupSuggestion(members[0].sector, tuple(sorted(members, key=lambda d: d.id)),
                        weakest.get(key, 1.0))
        for key, members in clusters.items()
        if len(members) > 1
    ]
    return sorted(suggestions, key=lambda s: (s.sector, s.members[0].id))
