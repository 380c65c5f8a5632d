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
    """What aggregation needs of a demand; ``place`` is its community's name, ``code``
    the demand's code as shown to a person."""

    id: str
    community: str
    sector: str
    text: str
    beneficiaries: int = 0
    votes: int = 0
    place: str = ""
    code: str = ""


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
    link in the group. Order: by sector, then by the smallest demand id; members by id.

    Demands with the same words are compared once: the words of two sets of demands
    link every demand of both as soon as they are of two communities or more, so the
    work grows with the number of different wordings, not of demands.
    """
    parent = {demand.id: demand.id for demand in demands}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    weakest: dict[str, float] = {}

    def link(a: str, b: str, score: float) -> None:
        ra, rb = root(a), root(b)
        low = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        weakest[min(ra, rb)] = low

    wordings: dict[tuple[str, frozenset[str]], list[DemandSummary]] = {}
    for demand in sorted(demands, key=lambda d: d.id):
        words = tokens(demand.text, demand.place)
        wordings.setdefault((demand.sector, words), []).append(demand)
    by_sector: dict[str, list[tuple[frozenset[str], list[DemandSummary], set[str]]]] = {}
    for (sector, words), same in wordings.items():
        places = {demand.community for demand in same}
        by_sector.setdefault(sector, []).append((words, same, places))
        score = similarity(words, words)
        if len(places) > 1 and score >= threshold:
            for demand in same[1:]:
                link(same[0].id, demand.id, score)
    for sets in by_sector.values():
        for (words_a, same_a, places_a), (words_b, same_b, places_b) in combinations(sets, 2):
            if len(places_a | places_b) < 2:
                continue
            score = similarity(words_a, words_b)
            if score >= threshold:
                for demand in (*same_a, *same_b):
                    link(same_a[0].id, demand.id, score)
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


_JOINERS = frozenset({"a", "al", "de", "del", "desde", "en", "el", "hacia", "hasta", "la",
                      "las", "los", "para", "por", "y", "-", "–"})
"""Words left dangling at the end of a wording once the community's name is removed."""


def proposed_title(suggestion: GroupSuggestion) -> str:
    """A title for a suggestion: its members' most frequent wording without the name of
    their community (the shortest such wording on a tie), for a person to edit."""
    counts: dict[str, int] = {}
    for member in suggestion.members:
        text = member.text
        if member.place:
            joiners = "|".join(re.escape(word) for word in _JOINERS)
            text = re.sub(rf"(?:\b(?:{joiners})\s+)*{re.escape(member.place)}", " ", text,
                          flags=re.IGNORECASE)
        words = text.split()
        while words and fold(words[-1]) in _JOINERS:
            words.pop()
        wording = " ".join(words)
        if wording:
            counts[wording] = counts.get(wording, 0) + 1
    if not counts:
        return ""
    return min(counts, key=lambda wording: (-counts[wording], len(wording), wording))
