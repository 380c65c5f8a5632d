"""Checking a signed acta's QR text against the database as it is now (no Qt here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select

from planner_desktop.domain.events import Event
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.domain.summaries import live
from planner_desktop.reports.results_hash import parse_payload, verify_payload
from planner_desktop.store.database import Store


class Verdict(Enum):
    matches = "matches"
    changed = "changed"
    unknown = "unknown"
    malformed = "malformed"


@dataclass(frozen=True)
class ActaCheck:
    verdict: Verdict
    session_id: uuid.UUID | None = None
    event_title: str = ""
    event_date: str = ""


def check_acta(store: Store, text: str) -> ActaCheck:
    """In a worker: whether the results signed on the acta are still those in the database."""
    try:
        session_id, _digest = parse_payload(text)
    except ValueError:
        return ActaCheck(Verdict.malformed)
    with store.session() as session:
        outcome = verify_payload(session, text)
        if outcome is None:
            return ActaCheck(Verdict.unknown, session_id)
        event_id = session.scalars(
            select(Minutes.event_id).where(Minutes.session_id == session_id, live(Minutes))
        ).first() or session_id
        event = session.get(Event, event_id)
        title = event.title if event is not None else ""
        when = event.date.isoformat() if event is not None else ""
    verdict = Verdict.matches if outcome else Verdict.changed
    return ActaCheck(verdict, session_id, title, when)
