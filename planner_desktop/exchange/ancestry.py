"""Deciding, independently of file order, what an incoming version of a record does.

The versions of a record form a graph by "was edited from" edges (``version_edge``, plus
each stored row's own ``base_version_id``). The record's *heads* are the versions no known
version descends from: one head normally, several while a conflict is open. An incoming
version that is a head or an ancestor of one changes nothing; one that descends from heads
replaces them; one unrelated to a head joins the heads, and two or more heads are a
conflict. The row in the main table is the head with the greatest ``(updated_at,
version_id)``, so the consolidated data is the same whatever order the files came in
(a head saved later than the merge's own moment, from a laptop whose clock runs ahead,
ranks below the others while it is in the future: it never wins for being ahead), and
a person resolves the conflict (nothing is silently lost: every head stays in
``merge_conflict``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import Connection, select

from planner_desktop.store.ledger import version_edge


class Outcome(Enum):
    OLDER = "unchanged"
    REPLACES = "updated"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    heads: frozenset[uuid.UUID]
    """The heads after the incoming version is taken into account."""
    superseded: frozenset[uuid.UUID]
    """Previous heads the incoming version descends from."""


def parents_of(
    conn: Connection, record_id: uuid.UUID, links: Iterable[tuple[uuid.UUID, uuid.UUID | None]]
) -> dict[uuid.UUID, set[uuid.UUID]]:
    """The known "version → versions it was edited from" map of one record."""
    parents: dict[uuid.UUID, set[uuid.UUID]] = {}
    rows = conn.execute(
        select(version_edge.c.version_id, version_edge.c.parent_id).where(
            version_edge.c.record_id == record_id
        )
    )
    for version, parent in [*((v, p) for v, p in rows), *links]:
        if parent is not None:
            parents.setdefault(version, set()).add(parent)
    return parents


def ancestors(parents: dict[uuid.UUID, set[uuid.UUID]], version: uuid.UUID) -> set[uuid.UUID]:
    """Every version ``version`` descends from (not itself)."""
    found: set[uuid.UUID] = set()
    stack = list(parents.get(version, ()))
    while stack:
        current = stack.pop()
        if current in found:
            continue
        found.add(current)
        stack.extend(parents.get(current, ()))
    return found


def decide(
    parents: dict[uuid.UUID, set[uuid.UUID]], heads: set[uuid.UUID], incoming: uuid.UUID
) -> Decision:
    if incoming in heads or any(incoming in ancestors(parents, head) for head in heads):
        return Decision(Outcome.OLDER, frozenset(heads), frozenset())
    mine = ancestors(parents, incoming)
    superseded = {head for head in heads if head in mine}
    remaining = (heads - superseded) | {incoming}
    outcome = Outcome.REPLACES if len(remaining) == 1 else Outcome.CONFLICT
    return Decision(outcome, frozenset(remaining), frozenset(superseded))
