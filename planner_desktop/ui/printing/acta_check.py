"""Checking a signed acta's QR text against the database as it is now (no Qt here)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import Enum

from planner_desktop.reports.results_hash import (
    event_of_session,
    parse_payload,
    verify_payload,
)
from planner_desktop.store.database import Store
from planner_desktop.ui.formatting import short_date


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
        event = event_of_session(session, session_id)
        title = event.title if event is not None else ""
        when = short_date(event.date) if event is not None else ""
    verdict = Verdict.matches if outcome else Verdict.changed
    return ActaCheck(verdict, session_id, title, when)
