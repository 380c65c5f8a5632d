"""The fingerprint of an event's prioritisation results, printed as a QR code on its acta.

The canonical form uses only what travels between laptops unchanged (record UUIDs, item
codes, ranks, scores, classes), in a fixed order, so the hash computed on the facilitator's
laptop is the hash of the consolidated data after any merge, as long as nobody changed the
results. :func:`parse_payload` reads a scanned or typed QR back for verification.

The acta's QR carries the version 2 code (:func:`event_code`: the fingerprint and the
printed rankings, see :mod:`planner_desktop.reports.acta_code`); the line printed under it
is the short version 1 text (:func:`event_payload`), the one a person can type.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.events import Event
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.summaries import AGREED, live
from planner_desktop.reports.acta_code import (
    V1_PREFIX,
    GroupRanking,
    RoundRanking,
    code_text,
    parse_code,
    round_key,
    v1_text,
)

PAYLOAD_PREFIX = V1_PREFIX


@dataclass(frozen=True)
class ResultLine:
    """One result row: a group (or ``agreed``) ranks an item of a round."""

    round_id: uuid.UUID
    group: str
    item_code: str
    demand_id: uuid.UUID
    rank: int
    score: float
    priority_class: str | None


def canonical_results(event_id: uuid.UUID, lines: Iterable[ResultLine]) -> bytes:
    """The results as compact, sorted JSON (UTF-8): the same data gives the same bytes."""
    rows = sorted(
        (
            str(line.round_id),
            line.group,
            line.rank,
            line.item_code,
            str(line.demand_id),
            f"{line.score:.4f}",
            line.priority_class or "",
        )
        for line in lines
    )
    document = {"event": str(event_id), "results": [list(row) for row in rows], "v": 1}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def results_hash(event_id: uuid.UUID, lines: Iterable[ResultLine]) -> str:
    """SHA-256 (hex) of :func:`canonical_results`."""
    return hashlib.sha256(canonical_results(event_id, lines)).hexdigest()


def qr_payload(session_id: uuid.UUID, digest: str) -> str:
    """The version 1 text (session and fingerprint), printed under the acta's QR."""
    return v1_text(session_id, digest)


def parse_payload(text: str) -> tuple[uuid.UUID, str]:
    """The session id and hash in a scanned or typed acta code of either version;
    ValueError when malformed."""
    code = parse_code(text)
    return code.session_id, code.digest


def load_results(session: Session, event_id: uuid.UUID) -> list[ResultLine]:
    """The live results of the live rounds of one event (tombstones left out)."""
    rows = session.execute(
        select(
            RoundResult.round_id,
            RoundResult.group,
            RoundItem.code,
            RoundItem.demand_id,
            RoundResult.rank,
            RoundResult.score,
            RoundResult.priority_class,
        )
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            PrioritizationRound.event_id == event_id,
            live(PrioritizationRound),
            live(RoundResult),
            live(RoundItem),
        )
    ).all()
    return [
        ResultLine(
            round_id=row[0],
            group=row[1],
            item_code=row[2],
            demand_id=row[3],
            rank=int(row[4]),
            score=float(row[5]),
            priority_class=row[6].value if row[6] is not None else None,
        )
        for row in rows
    ]


def session_id_for(session: Session, event_id: uuid.UUID) -> uuid.UUID:
    """The session id on the event's acta, or the event id when the acta has none."""
    found = session.scalars(
        select(Minutes.session_id)
        .where(Minutes.event_id == event_id, live(Minutes), Minutes.session_id.is_not(None))
        .order_by(Minutes.created_at, Minutes.id)
        .limit(1)
    ).first()
    return found or event_id


def event_payload(session: Session, event_id: uuid.UUID) -> str:
    """The QR text for the acta of ``event_id``, computed from the data as it is now."""
    digest = results_hash(event_id, load_results(session, event_id))
    return qr_payload(session_id_for(session, event_id), digest)


def rankings(lines: Iterable[ResultLine]) -> tuple[RoundRanking, ...]:
    """Each round's groups (agreed first, then as :data:`GROUP_ORDER`) with their items in
    rank order, rounds by their key: what a version 2 code carries."""
    by_round: dict[uuid.UUID, dict[str, list[ResultLine]]] = {}
    for line in lines:
        by_round.setdefault(line.round_id, {}).setdefault(line.group, []).append(line)
    out = []
    for round_id, groups in sorted(by_round.items(), key=lambda item: item[0].hex):
        out.append(
            RoundRanking(
                round_key(round_id),
                tuple(
                    GroupRanking(group, tuple((r.item_code, r.priority_class) for r in ranked),
                                 len(ranked))
                    for group, ranked in sorted(
                        ((g, sorted(v, key=lambda r: (r.rank, r.item_code))) for g, v in
                         groups.items()),
                        key=lambda item: (GROUP_ORDER.get(item[0], len(GROUP_ORDER)), item[0]),
                    )
                ),
            )
        )
    return tuple(out)


GROUP_ORDER = {
    group: n for n, group in enumerate((AGREED, "women", "men", "youth", "elders", "mixed"))
}


def event_code(session: Session, event_id: uuid.UUID) -> str:
    """The text of the acta's QR (version 2), computed from the data as it is now."""
    lines = load_results(session, event_id)
    return code_text(
        session_id_for(session, event_id), results_hash(event_id, lines), rankings(lines)
    )


def event_of_session(session: Session, session_id: uuid.UUID) -> Event | None:
    """The event an acta's session id names: through its minutes, or the event id itself."""
    event_id = (
        session.scalars(
            select(Minutes.event_id).where(Minutes.session_id == session_id, live(Minutes)).limit(1)
        ).first()
        or session_id
    )
    return session.get(Event, event_id)


def verify_payload(session: Session, text: str) -> bool | None:
    """Whether a scanned acta still matches the data: None when its session is unknown."""
    session_id, digest = parse_payload(text)
    event = event_of_session(session, session_id)
    if event is None:
        return None
    return results_hash(event.id, load_results(session, event.id)) == digest
