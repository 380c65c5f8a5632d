"""The text of an acta's QR code, both versions, with no database (and no SQLAlchemy) here.

**Version 1** (``PDACTA1;session=<uuid>;sha256=<hex>``) carries the session and the
fingerprint of the results (:mod:`planner_desktop.reports.results_hash`). It is still
printed under the QR as the line a person can type, and every acta printed before
version 2 carries it; from it a check can only say that the fingerprint differs.

**Version 2** is what the QR of an acta carries now: the same session and fingerprint,
and the printed rankings, so a check can name what differs. It is written only with the
characters of the QR's alphanumeric mode (``0-9 A-Z``, space), which hold 5.5 bits each
instead of 8, and read as space-separated tokens; any run of other signs also separates
them, so a handheld scanner typing in another keyboard layout still gives a readable code::

    PDACTA2 <session: 32 hex> <sha256: 64 hex> <round>...
    round  := 9<first 6 hex of the round id> <group>...      rankings carried
            | 8<first 6 hex of the round id>                 rankings left out
    group  := 0<A|W|M|Y|E|X> <entry>... [2<count>]           agreed, women, men, youth,
                                                             elders, mixed
    entry  := <item code, letters A-Z> | 1<P|A|B|C|N>        a class mark (A+, A, B, C,
                                                             none) for the items after it

A group lists its items in the order of their rank (``rank``, distinct, as the acta shows
them); a class mark is written only where the class changes (a list starts with none).
``2<count>`` ends a list cut to its first items: the group ranked ``count`` in all.
Scores, ties and dissent are not carried: the fingerprint still covers them.

**Size.** The code is printed at error-correction level Q (a quarter of the symbol may be
smudged, folded or signed over) and kept to :data:`MAX_CODE_CHARS` characters, QR version 20
(97 modules, printed at :data:`MODULE_MM` mm each) at most. When the rankings are longer
every list is cut to its first *k* items, the largest *k* that fits; when even one item per
list does not fit, or a round's codes or groups cannot be written in these characters (a
code typed with digits, a group this version does not know), the round is carried as
``8…`` (rankings left out) and only its fingerprint can be compared; when even that does
not fit, the code falls back to version 1.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

V1_PREFIX = "PDACTA1"
V2_PREFIX = "PDACTA2"
MAX_CODE_CHARS = 700
"""Most characters of a version 2 code: QR version 20 at level Q holds 702 alphanumerics
(and the photo's stored QR text holds 1,000)."""
MODULE_MM = 0.55
"""Printed size of one QR module: a phone photo of the whole A4 page at 12 megapixels
gives about 7 pixels per module, a photo downscaled to 2,000 pixels about 3.5."""
ROUND_KEY_LENGTH = 6

GROUP_LETTERS = {
    "agreed": "A",
    "women": "W",
    "men": "M",
    "youth": "Y",
    "elders": "E",
    "mixed": "X",
}
GROUPS_BY_LETTER = {letter: group for group, letter in GROUP_LETTERS.items()}
CLASS_LETTERS: dict[str | None, str] = {"A+": "P", "A": "A", "B": "B", "C": "C", None: "N"}
CLASSES_BY_LETTER = {letter: klass for klass, letter in CLASS_LETTERS.items()}

_SEP = r"[^0-9a-z]*"
_V1 = re.compile(
    rf"^PDACTA1{_SEP}session{_SEP}((?:[0-9a-f][^0-9a-z]?){{32}}){_SEP}sha256{_SEP}([0-9a-f]{{64}})$",
    re.IGNORECASE,
)
"""The version 1 text as printed, or as a handheld scanner types it: any case, and
separators (``;``, ``=``, the UUID's ``-``) read as other signs when the scanner's keyboard
layout is not the computer's (``ñ`` for ``;`` on a Spanish layout, for instance)."""
_EDGES = " \t\r\n\x00\x02\x03"
"""What scanners may add around the text (line ends, start and end of text)."""
_TOKENS = re.compile(r"[0-9A-Z]+", re.ASCII)
_CODE = re.compile(r"[A-Z]+", re.ASCII)
_HEX32 = re.compile(r"[0-9A-F]{32}", re.ASCII)
_HEX64 = re.compile(r"[0-9A-F]{64}", re.ASCII)
_ROUND = re.compile(rf"[89][0-9A-F]{{{ROUND_KEY_LENGTH}}}", re.ASCII)


@dataclass(frozen=True)
class GroupRanking:
    """A group's ranked items as printed: ``(item code, class)`` in rank order."""

    group: str
    items: tuple[tuple[str, str | None], ...]
    total: int
    """How many items the group ranked (more than ``len(items)`` when the list was cut)."""

    @property
    def cut(self) -> bool:
        return self.total > len(self.items)


@dataclass(frozen=True)
class RoundRanking:
    key: str
    """The first :data:`ROUND_KEY_LENGTH` hex digits of the round id, upper case."""
    groups: tuple[GroupRanking, ...]
    carried: bool = True
    """False when the code leaves this round's rankings out (only the fingerprint holds)."""


@dataclass(frozen=True)
class ActaCode:
    version: int
    session_id: uuid.UUID
    digest: str
    """The SHA-256 of the results, lower-case hex."""
    rounds: tuple[RoundRanking, ...] | None = None
    """The printed rankings (version 2); None when the code carries only the fingerprint."""


def round_key(round_id: uuid.UUID) -> str:
    return round_id.hex[:ROUND_KEY_LENGTH].upper()


def v1_text(session_id: uuid.UUID, digest: str) -> str:
    return f"{V1_PREFIX};session={session_id};sha256={digest}"


def writable(ranking: RoundRanking) -> bool:
    """Whether this version can carry the round's rankings (codes A-Z, known groups)."""
    return all(
        group.group in GROUP_LETTERS and all(_CODE.fullmatch(code) for code, _k in group.items)
        for group in ranking.groups
    ) and all(klass in CLASS_LETTERS for group in ranking.groups for _c, klass in group.items)


def _group_tokens(group: GroupRanking, depth: int | None) -> list[str]:
    tokens = ["0" + GROUP_LETTERS[group.group]]
    shown = group.items if depth is None else group.items[:depth]
    klass: str | None = None
    for code, item_class in shown:
        if item_class != klass:
            tokens.append("1" + CLASS_LETTERS[item_class])
            klass = item_class
        tokens.append(code)
    if len(shown) < group.total:
        tokens.append(f"2{group.total}")
    return tokens


def _v2(session_id: uuid.UUID, digest: str, rounds: Sequence[RoundRanking],
        depth: int | None, carry: bool) -> str:
    tokens = [V2_PREFIX, session_id.hex.upper(), digest.upper()]
    for ranking in rounds:
        if carry and ranking.carried and writable(ranking):
            tokens.append("9" + ranking.key)
            for group in ranking.groups:
                tokens += _group_tokens(group, depth)
        else:
            tokens.append("8" + ranking.key)
    return " ".join(tokens)


def code_text(session_id: uuid.UUID, digest: str, rounds: Sequence[RoundRanking]) -> str:
    """The QR text: version 2 with as much of the rankings as fits (see the module)."""
    text = _v2(session_id, digest, rounds, None, True)
    deepest = max((len(g.items) for r in rounds for g in r.groups), default=0)
    depth = deepest
    while len(text) > MAX_CODE_CHARS and depth > 1:
        depth -= 1
        text = _v2(session_id, digest, rounds, depth, True)
    if len(text) > MAX_CODE_CHARS:
        text = _v2(session_id, digest, rounds, None, False)
    if len(text) > MAX_CODE_CHARS:
        return v1_text(session_id, digest)
    return text


def parse_code(text: str) -> ActaCode:
    """Either version, as printed or as typed by a scanner; ValueError when it is not one."""
    stripped = text.strip(_EDGES)
    match = _V1.match(stripped)
    if match is not None:
        session = re.sub(r"[^0-9a-f]", "", match.group(1).lower())
        return ActaCode(1, uuid.UUID(session), match.group(2).lower())
    tokens = _TOKENS.findall(stripped.upper())
    if (
        len(tokens) < 3
        or tokens[0] != V2_PREFIX
        or not _HEX32.fullmatch(tokens[1])
        or not _HEX64.fullmatch(tokens[2])
    ):
        raise ValueError("not an acta code")
    return ActaCode(2, uuid.UUID(tokens[1]), tokens[2].lower(), _rounds(tokens[3:]))


def _rounds(tokens: list[str]) -> tuple[RoundRanking, ...]:
    rounds: list[RoundRanking] = []
    key: str | None = None
    groups: list[GroupRanking] = []
    group: str | None = None
    items: list[tuple[str, str | None]] = []
    klass: str | None = None
    total: int | None = None

    def close_group() -> None:
        nonlocal group, items, klass, total
        if group is not None:
            groups.append(GroupRanking(group, tuple(items), total or len(items)))
        group, items, klass, total = None, [], None, None

    def close_round() -> None:
        nonlocal key, groups
        close_group()
        if key is not None:
            rounds.append(RoundRanking(key, tuple(groups)))
        key, groups = None, []

    for token in tokens:
        if _ROUND.fullmatch(token):
            close_round()
            if token[0] == "8":
                rounds.append(RoundRanking(token[1:], (), carried=False))
            else:
                key = token[1:]
        elif key is None:
            raise ValueError("not an acta code")
        elif len(token) == 2 and token[0] == "0" and token[1] in GROUPS_BY_LETTER:
            close_group()
            group = GROUPS_BY_LETTER[token[1]]
        elif group is None or total is not None:
            raise ValueError("not an acta code")
        elif len(token) == 2 and token[0] == "1" and token[1] in CLASSES_BY_LETTER:
            klass = CLASSES_BY_LETTER[token[1]]
        elif token[0] == "2" and token[1:].isdigit() and int(token[1:]) > len(items):
            total = int(token[1:])
        elif _CODE.fullmatch(token):
            items.append((token, klass))
        else:
            raise ValueError("not an acta code")
    close_round()
    return tuple(rounds)
