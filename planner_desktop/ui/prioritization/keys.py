"""The keys of the tally: one letter per group, and a typed entry such as ``K 3``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner_desktop.domain import labels
from planner_desktop.domain.enums import Group
from planner_desktop.i18n import _

MAX_COUNT = 999


def group_label(group: str) -> str:
    try:
        return labels.label(Group(group))
    except ValueError:
        return group


def group_keys(groups: Sequence[str]) -> dict[str, str]:
    """One letter per group of the round, in the language shown: the first letter of its
    label not taken yet (M mujeres, H hombres, J jóvenes, A adultos mayores)."""
    keys: dict[str, str] = {}
    for group in groups:
        letters = [c.upper() for c in group_label(group) if c.isalpha()]
        key = next((c for c in letters if c not in keys), None)
        if key is None:
            key = next(str(n) for n in range(1, 10) if str(n) not in keys)
        keys[key] = group
    return keys


@dataclass(frozen=True)
class Typed:
    code: str
    count: int


class EntryError(ValueError):
    """A typed entry that cannot be read; the message says why."""


def parse_entry(text: str) -> Typed:
    """``K 3`` (demand K, three dots), ``K`` alone (one dot) or ``K3`` when the code has
    no digits. The code is checked against the round when it is recorded."""
    parts = text.split()
    if not parts:
        raise EntryError(_("type a demand code and a number of dots, e.g. K 3"))
    if len(parts) == 1:
        word = parts[0]
        head = word.rstrip("0123456789")
        if head and head != word and not any(c.isdigit() for c in head):
            return Typed(head, _count(word[len(head):]))
        return Typed(word, 1)
    if len(parts) > 2:
        raise EntryError(_("one demand code and one number, e.g. K 3"))
    return Typed(parts[0], _count(parts[1]))


def _count(text: str) -> int:
    if not text.isdigit():
        raise EntryError(_("{text} is not a number of dots").format(text=text))
    count = int(text)
    if count < 1 or count > MAX_COUNT:
        raise EntryError(_("the number of dots must be between 1 and {most}").format(
            most=MAX_COUNT))
    return count
