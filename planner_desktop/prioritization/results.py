"""Writing a round's results (no Qt).

Results are Synced rows: recomputing updates the rows whose figures changed, adds the
missing ones and leaves a tombstone on those that no longer apply (an item removed, a
group whose input is now refused), so a merge never brings a stale result back.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import String, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from planner_desktop.domain.base import utcnow
from planner_desktop.domain.prioritization import RoundItem, RoundResult
from planner_desktop.domain.provenance import INFO_KEY
from planner_desktop.prioritization.classes import Override, Rule
from planner_desktop.prioritization.records import hex_id, load_inputs, load_items
from planner_desktop.prioritization.run import RoundOutcome, run_round
from planner_desktop.store.ledger import version_edge

AGREED = "agreed"


def _wanted(outcome: RoundOutcome, groups: Collection[str] | None = None
            ) -> dict[tuple[str, str], dict[str, object]]:
    wanted: dict[tuple[str, str], dict[str, object]] = {}
    for group, ranking in outcome.rankings.items():
        if groups is not None and group not in groups:
            continue
        for item in ranking.items:
            wanted[(group, item.code)] = {"rank": item.rank, "score": item.score,
                                          "priority_class": None, "class_reason": "",
                                          "dissent": "", "shared_rank": item.shared_rank,
                                          "tied": item.tied}
    dissent = outcome.agreed.dissent if outcome.agreed else {}
    for classified in outcome.classes:
        wanted[(AGREED, classified.code)] = {
            "rank": classified.rank, "score": classified.score,
            "priority_class": classified.klass, "class_reason": classified.reason,
            "dissent": dissent.get(classified.code, ""),
            "shared_rank": classified.shared_rank, "tied": classified.tied}
    return wanted


_IDS = ("row_id", "version_id", "base_version_id")


def _bulk_update(session: Session, rows: list[tuple[str, str, dict[str, object]]]) -> None:
    """Update result rows by id in one statement, stamped as provenance stamps an edit.

    Results change by the hundred after one vote (a Borda ballot moves every score of
    its group); loading each row as an object to set it was most of an update's time.
    Each row gets a new version that remembers the one it was edited from, and the
    edge is recorded, exactly as :mod:`planner_desktop.domain.provenance` does. On
    SQLite the ids are bound as the text they are stored as (read by :func:`hex_id`),
    without making a UUID of each.
    """
    stamp = session.info.get(INFO_KEY) is not None
    as_text = session.get_bind().dialect.name == "sqlite"

    def ident(text: str | None = None) -> object:
        value = uuid.UUID(text) if text is not None else uuid.uuid4()
        return value.hex if as_text else value

    now = utcnow()
    params: list[dict[str, object]] = []
    edges: list[dict[str, object]] = []
    for row_id, version, fields in rows:
        values: dict[str, object] = {"row_id": row_id if as_text else uuid.UUID(row_id),
                                     **fields}
        if stamp:
            new, old = ident(), version if as_text else ident(version)
            values.update(version_id=new, base_version_id=old, updated_at=now)
            edges.append({"record_id": values["row_id"], "version_id": new, "parent_id": old})
        params.append(values)

    def bind(name: str) -> Any:
        return bindparam(name, type_=String) if as_text and name in _IDS else bindparam(name)

    table = RoundResult.__table__
    assert isinstance(table, Table)  # declared as a FromClause on the declarative base
    names = [name for name in params[0] if name != "row_id"]
    session.execute(update(table).where(table.c.id == bind("row_id"))
                    .values({name: bind(name) for name in names}), params)
    if edges:
        text = {name: bindparam(name, type_=String) if as_text else bindparam(name)
                for name in ("record_id", "version_id", "parent_id")}
        session.execute(insert(version_edge).values(text), edges)


def write_results(session: Session, round_id: uuid.UUID, outcome: RoundOutcome,
                  groups: Collection[str] | None = None) -> Counter[str]:
    """Bring the round's RoundResult rows in line with ``outcome``; returns what changed.

    The live rows are compared as plain columns, and only the rows that change are
    written, each with a new version. ``groups`` limits the work to those groups' rows
    (the caller knows the others are stored as they are); ``agreed`` is among them.
    """
    names = ("rank", "score", "priority_class", "class_reason", "dissent", "shared_rank", "tied")
    session.flush()
    query = (
        select(hex_id(RoundResult.id), hex_id(RoundResult.version_id), RoundResult.group,
               RoundItem.code, RoundItem.deleted_at,
               *(getattr(RoundResult, name) for name in names))
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .where(RoundResult.round_id == round_id, RoundResult.deleted_at.is_(None))
    )
    if groups is not None:
        groups = {*groups, AGREED}
        query = query.where(RoundResult.group.in_(groups))
    wanted = _wanted(outcome, groups)
    existing = session.execute(query)
    changed: list[tuple[str, str, dict[str, object]]] = []
    gone: list[tuple[str, str, dict[str, object]]] = []
    for row_id, version, group, code, deleted_at, *values in existing:
        fields = None if deleted_at is not None else wanted.pop((group, code), None)
        if fields is None:
            gone.append((str(row_id), str(version), {"deleted_at": utcnow()}))
        elif list(fields.values()) != values:
            changed.append((str(row_id), str(version), fields))
    changes: Counter[str] = Counter()
    for rows, what in ((changed, "updated"), (gone, "tombstoned")):
        if rows:
            _bulk_update(session, rows)
            changes[what] += len(rows)
    if wanted:
        ids = load_items(session, round_id).ids
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
