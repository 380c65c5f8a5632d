"""Writing a round's results (no Qt).

Results are Synced rows: recomputing updates the rows whose figures changed, adds the
missing ones and leaves a tombstone on those that no longer apply (an item removed, a
group whose input is now refused), so a merge never brings a stale result back.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.prioritization import RoundItem, RoundResult
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.prioritization.classes import Override, Rule
from planner_desktop.prioritization.records import hex_id, load_inputs, load_items
from planner_desktop.prioritization.run import RoundOutcome, run_round

AGREED = "agreed"


def _wanted(outcome: RoundOutcome) -> dict[tuple[str, str], dict[str, object]]:
    wanted: dict[tuple[str, str], dict[str, object]] = {}
    for group, ranking in outcome.rankings.items():
        for item in ranking.items:
            wanted[(group, item.code)] = {"rank": item.rank, "score": item.score,
                                          "priority_class": None, "class_reason": "",
                                          "dissent": ""}
    dissent = outcome.agreed.dissent if outcome.agreed else {}
    for classified in outcome.classes:
        wanted[(AGREED, classified.code)] = {
            "rank": classified.rank, "score": classified.score,
            "priority_class": classified.klass, "class_reason": classified.reason,
            "dissent": dissent.get(classified.code, "")}
    return wanted


def write_results(session: Session, round_id: uuid.UUID, outcome: RoundOutcome) -> Counter[str]:
    """Bring the round's RoundResult rows in line with ``outcome``; returns what changed.

    The live rows are compared as plain columns; only the rows that change are loaded
    as objects, so provenance stamps a new version on exactly those.
    """
    ids = load_items(session, round_id).ids
    names = ("rank", "score", "priority_class", "class_reason", "dissent")
    existing = session.execute(
        select(hex_id(RoundResult.id), RoundResult.group, RoundItem.code, RoundItem.deleted_at,
               *(getattr(RoundResult, name) for name in names))
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .where(RoundResult.round_id == round_id, RoundResult.deleted_at.is_(None))
    )
    wanted = _wanted(outcome)
    changed: dict[uuid.UUID, dict[str, object] | None] = {}
    for row_id, group, code, deleted_at, *values in existing:
        fields = None if deleted_at is not None else wanted.pop((group, code), None)
        if fields is None or list(fields.values()) != values:
            changed[uuid.UUID(str(row_id))] = fields
    changes: Counter[str] = Counter()
    if changed:
        for row in session.scalars(select(RoundResult).where(RoundResult.id.in_(changed))):
            fields = changed[row.id]
            if fields is None:
                mark_deleted(row)
                changes["tombstoned"] += 1
            else:
                for name, value in fields.items():
                    setattr(row, name, value)
                changes["updated"] += 1
    for (group, code), fields in wanted.items():
        session.add(RoundResult(round_id=round_id, item_id=ids[code], group=group, **fields))
        changes["added"] += 1
    session.flush()
    return changes


def recompute(
    session: Session,
    round_id: uuid.UUID,
    rule: Rule | None = None,
    overrides: Mapping[str, Override] | None = None,
) -> RoundOutcome:
    """Load the round, run its method per group, agree, classify and store the results."""
    outcome = run_round(load_inputs(session, round_id), rule, overrides)
    write_results(session, round_id, outcome)
    return outcome
