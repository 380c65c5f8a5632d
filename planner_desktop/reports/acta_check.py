"""Checking a signed acta's QR text against the database as it is now (no Qt here).

The same verdict in the window's check dialog and in ``planner-desktop acta verify``:

- **matches**: the event's prioritisation results hash to the acta's fingerprint;
- **changed**: they do not; :attr:`ActaCheck.differences` names what differs — the rounds
  whose results were written (recomputed, edited or deleted) after the day the acta was
  signed (its ``signed_on``, else the event's date), or that the event has no results any
  more; when no round records such a change, that the fingerprint differs all the same;
- **unknown**: no event of this database has the acta's session (not merged here yet);
- **malformed**: the text is not an acta code (unreadable, or scanned in part).

An acta printed since the QR's version 2 carries the printed rankings too
(:mod:`planner_desktop.reports.acta_code`): a difference is then named by round and group
(:mod:`planner_desktop.reports.acta_differences`: "round «…», Women: the paper ranks B
(D1-01-02) first, the database A (D1-01-01)"), and only when the rankings and classes are
those on the paper is it told by the dates above. A version 1 code (and the text typed
from the line under the QR) carries only the fingerprint, so a change made without leaving
a newer version (a database edited by hand) is told as a difference of the fingerprint,
not by round.
"""

from __future__ import annotations

import argparse
import sys
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from planner_desktop.domain.events import Event
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.reports.acta_code import parse_code
from planner_desktop.reports.acta_differences import ranking_differences
from planner_desktop.reports.results_hash import (
    event_of_session,
    load_results,
    rankings,
    results_hash,
)
from planner_desktop.store.database import Store

CODE_SHAPE = "PDACTA1;session=…;sha256=…"


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
    differences: tuple[str, ...] = ()
    """What differs, in the person's words (only for :attr:`Verdict.changed`)."""
    event_id: uuid.UUID | None = None
    """The event whose acta it is (for :attr:`Verdict.matches` and :attr:`Verdict.changed`)."""

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.matches


def check_acta(store: Store, text: str) -> ActaCheck:
    """Whether the results signed on the acta are still those in the database."""
    with store.session() as session:
        return check_in_session(session, text)


def check_in_session(session: Session, text: str) -> ActaCheck:
    try:
        code = parse_code(text)
    except ValueError:
        return ActaCheck(Verdict.malformed)
    session_id = code.session_id
    event = event_of_session(session, session_id)
    if event is None:
        return ActaCheck(Verdict.unknown, session_id)
    title, when = event.title, short_date(event.date)
    lines = load_results(session, event.id)
    if results_hash(event.id, lines) == code.digest:
        return ActaCheck(Verdict.matches, session_id, title, when, event_id=event.id)
    found: list[str] = []
    named = False
    if code.rounds is not None and lines:
        found += ranking_differences(session, event.id, code.rounds, rankings(lines))
        named = bool(found)
        if not found and all(ranking.carried for ranking in code.rounds):
            found.append(
                _(
                    "the rankings and classes are the ones on the paper; scores, shared ranks "
                    "or dissent differ"
                )
            )
    if not named:  # the dates tell more than nothing, less than the rankings
        found += changed_rounds(session, event)
    if not lines:
        found.insert(0, _("the event has no prioritisation results any more"))
    if not found:
        found.append(
            _(
                "the fingerprint of the results differs, and no round records a "
                "change after the signing"
            )
        )
    differences = tuple(found)
    return ActaCheck(Verdict.changed, session_id, title, when, differences, event.id)


def signing_day(session: Session, event: Event) -> date:
    """The day the acta was signed: its ``signed_on``, else the event's date."""
    signed = session.scalars(
        select(Minutes.signed_on)
        .where(Minutes.event_id == event.id, live(Minutes), Minutes.signed_on.is_not(None))
        .order_by(Minutes.signed_on.desc(), Minutes.created_at, Minutes.id)
        .limit(1)
    ).first()
    return signed or event.date


def changed_rounds(session: Session, event: Event) -> list[str]:
    """One line per round of ``event`` whose results were written after the signing day."""
    after = datetime.combine(signing_day(session, event), time.max)
    rows = session.execute(
        select(
            PrioritizationRound.title,
            PrioritizationRound.deleted_at,
            RoundResult.created_at,
            RoundResult.updated_at,
            RoundResult.deleted_at,
        )
        .join(RoundResult, RoundResult.round_id == PrioritizationRound.id)
        .where(
            PrioritizationRound.event_id == event.id,
            or_(
                RoundResult.created_at > after,
                RoundResult.updated_at > after,
                RoundResult.deleted_at > after,
                PrioritizationRound.deleted_at > after,
            ),
        )
    ).all()
    latest: dict[str, tuple[datetime, bool]] = {}
    for title, round_deleted, created, updated, deleted in rows:
        moments = [
            moment
            for moment in (created, updated, deleted, round_deleted)
            if moment is not None and moment > after
        ]
        when, gone = max(moments), round_deleted is not None
        if title not in latest or latest[title][0] < when:
            latest[title] = (when, gone)
    lines = []
    for title, (when, gone) in sorted(latest.items(), key=lambda item: (item[1][0], item[0])):
        text = (
            _("round «{round}» was deleted on {date}")
            if gone
            else _("the results of round «{round}» changed on {date}")
        )
        lines.append(text.format(round=title, date=short_date(when.date())))
    return lines


def verdict_line(check: ActaCheck) -> str:
    """The verdict in one line (the command line prints it; the dialog shows the same)."""
    if check.verdict is Verdict.matches:
        return _("Matches: the results of {event} ({date}) are the ones signed on the acta").format(
            event=check.event_title, date=check.event_date
        )
    if check.verdict is Verdict.changed:
        return _("Does not match: {event} ({date}): {differences}").format(
            event=check.event_title, date=check.event_date, differences="; ".join(check.differences)
        )
    if check.verdict is Verdict.unknown:
        return _("Does not match: no event of this database has the session {session}").format(
            session=check.session_id
        )
    return _("Unreadable: this is not an acta code ({shape})").format(shape=CODE_SHAPE)


def cmd_verify(args: argparse.Namespace) -> int:
    """``planner-desktop acta verify --db DB TEXT``: 0 matches, 1 otherwise (line on stderr)."""
    from planner_desktop.context import open_database, upgrade_confirmed

    store = open_database(args.db, must_exist=True, upgrade_server=upgrade_confirmed(args))
    try:
        check = check_acta(store, args.text)
    finally:
        store.close()
    print(verdict_line(check), file=sys.stdout if check.ok else sys.stderr)
    return 0 if check.ok else 1
