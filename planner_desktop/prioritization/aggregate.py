"""Suggesting groups of similar demands from different communities, and their sums.

The functions only suggest: a person confirms each group before it is recorded.

Two demands are compared by their *wordings*: the meaningful words of each (folded to
lower case without accents, without articles, prepositions, the action words every demand
starts with and the name of its own community), in alphabetical order. Their similarity
is rapidfuzz's Indel ratio of the two wordings: twice the longest common subsequence of
letters over the sum of their lengths, from 0 to 1. A typing slip costs a letter or two
("agua potable" and "agua potabe" score 0.96), a different word costs the whole word
("agua potable" and "puente peatonal" score 0.44). rapidfuzz's own ``default_process`` is
not used: it keeps accents and knows no stop words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

_STOP_TEXT = """
    a al ante con de del desde e el en entre hacia hasta la las lo los o para por que se
    sin sobre su sus u un una unas unos y
    construccion mejoramiento ampliacion implementacion apoyo proyecto dotacion
    refaccion rehabilitacion mantenimiento equipamiento instalacion fortalecimiento
    comunidad comunal otb barrio zona
"""
STOP_WORDS = frozenset(_STOP_TEXT.split())
"""Articles and prepositions, plus the action words every demand starts with."""

DEFAULT_THRESHOLD = 0.75
"""The least similarity that links two demands.

The ratio is a Dice coefficient on letters (2·common / total); the grouping used a
Jaccard index of 0.5 on words before, and a Jaccard index J is the Dice coefficient
2J / (1 + J), so 0.5 on words would be 0.67 on letters. Letters that different words share
by chance ("agua potable" and "puente peatonal" still have 44 % in common) call for more:
0.75, the Dice coefficient of a Jaccard index of 0.6. Two words of three in common still
link ("agua potable" and "agua potable sistema" score 0.75), one of two does not ("puente
vehicular" and "puente peatonal" 0.58), nor does one word alone with a longer wording
("agua" and "agua potable sistema" 0.33)."""

_WORD = re.compile(r"[a-z0-9ñ]+")


@cache
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every combining mark (all lie in Unicode's first two planes) to remove in one pass,
    those of the first plane apart (a class with none above U+FFFF is a fast bitmap):
    built on the first call, in some 30 ms, rather than at import."""
    marks = [chr(code) for code in range(0x300, 0x20000) if unicodedata.combining(chr(code))]
    return (re.compile(f"[{re.escape(''.join(m for m in marks if m <= _LAST_OF_BMP))}]"),
            re.compile(f"[{re.escape(''.join(m for m in marks if m > _LAST_OF_BMP))}]"))


_LAST_OF_BMP = "\uffff"


def fold(text: str) -> str:
    """Lower case with accents removed (ñ kept: *caña* and *cana* differ)."""
    common, rare = _marks()
    text = common.sub("", unicodedata.normalize("NFKD", text.casefold().replace("ñ", "\0")))
    if not text.isascii() and max(text) > _LAST_OF_BMP:
        text = rare.sub("", text)
    return text.replace("\0", "ñ")


@lru_cache(maxsize=4096)
def _place_words(place: str) -> frozenset[str]:
    """The words of a community's name, dropped from its demands (names repeat: cached)."""
    return frozenset(_WORD.findall(fold(place)))


def tokens(text: str, place: str = "") -> frozenset[str]:
    """The meaningful words of a demand, without stop words and the place's name."""
    drop = _place_words(place)
    return frozenset(word for word in _WORD.findall(fold(text))
                     if word not in STOP_WORDS and word not in drop and len(word) > 1)


def wording(text: str, place: str = "") -> str:
    """What :func:`similarity` compares: the meaningful words of a demand in alphabetical
    order, one space apart (so word order does not matter)."""
    return " ".join(sorted(tokens(text, place)))


def similarity(a: str, b: str) -> float:
    """The similarity of two wordings, from 0 to 1 (0 when either is empty): rapidfuzz's
    Indel ratio, ``2 · LCS(a, b) / (len(a) + len(b))`` on letters and spaces."""
    if not a or not b:
        return 0.0
    return fuzz.ratio(a, b, processor=None) / 100


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

    Demands with the same wording are compared once: two wordings that link join every
    demand of both as soon as they are of two communities or more, so the work grows with
    the number of different wordings, not of demands. Each wording is scored against the
    later ones of its sector by rapidfuzz in C (``process.extract`` with a score cutoff);
    Python sees only the pairs that link.
    """
    wordings: dict[tuple[str, str], list[DemandSummary]] = {}
    for demand in sorted(demands, key=lambda d: d.id):
        key = (demand.sector, wording(demand.text, demand.place))
        wordings.setdefault(key, []).append(demand)
    keys = list(wordings)
    parent = list(range(len(keys)))

    def root(key: int) -> int:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    weakest: dict[int, float] = {}

    def link(a: int, b: int, score: float) -> None:
        ra, rb = root(a), root(b)
        low = min(score, weakest.get(ra, 1.0), weakest.get(rb, 1.0))
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        weakest[min(ra, rb)] = low

    only: list[str | None] = []  # the one community of a wording, None for several
    by_sector: dict[str, list[int]] = {}
    for n, (sector, words) in enumerate(keys):
        places = {demand.community for demand in wordings[sector, words]}
        only.append(next(iter(places)) if len(places) == 1 else None)
        by_sector.setdefault(sector, []).append(n)
        score = similarity(words, words)
        if len(places) > 1 and score >= threshold:
            link(n, n, score)
    cutoff = min(max(threshold * 100 - 1e-6, 0.0), 100.0)  # the exact test is below
    for numbers in by_sector.values():
        strings = [keys[n][1] for n in numbers]
        for at, n in enumerate(numbers):
            for _text, score, index in process.extract(
                    strings[at], strings[at + 1:], scorer=fuzz.ratio, processor=None,
                    score_cutoff=cutoff, limit=None):
                m = numbers[at + 1 + index]
                if score / 100 >= threshold and (only[n] is None or only[n] != only[m]):
                    link(n, m, score / 100)
    clusters: dict[int, list[DemandSummary]] = {}
    for n, key in enumerate(keys):
        if root(n) in weakest:  # linked at least once
            clusters.setdefault(root(n), []).extend(wordings[key])
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
