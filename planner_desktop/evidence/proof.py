"""Which actas are proven by the photo of their signed page (no Qt, no Pillow here).

Each event with an acta (live :class:`Minutes`) gets one verdict, computed from the QR
texts read from its acta photos (``Photo.qr_text``, read when the photo was attached)
against the database as it is now (:func:`planner_desktop.reports.acta_check.check_in_session`):

- **proven**: a photo's QR is this event's acta code and matches the results;
- **disagrees**: a photo's QR is an acta code that does not match — the results differ
  (what differs is named, by round and group for a version 2 code), or the code is of
  another event, or of a session this database does not have;
- **foreign**: the only QR codes found are not acta codes ("a QR from another program");
- **missing**: no photo of the signed acta, or no QR found in its photos.

When photos disagree among themselves the first of this order wins: proven, disagrees,
foreign, missing (a clear photo of the page proves it even if a blurred one was attached
too). The reason and the photo the verdict rests on go with it. Per community, the verdicts
of the events it took part in; an event of no community (a municipal cumbre) is listed
with no community.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PhotoKind
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.evidence import Photo
from planner_desktop.domain.follow_up import Minutes
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import text_key
from planner_desktop.reports.acta_check import ActaCheck, Verdict, check_in_session

FOREIGN_SHOWN = 40
"""Characters of a foreign QR's text quoted in the reason."""


class Status(Enum):
    proven = "proven"
    disagrees = "disagrees"
    foreign = "foreign"
    missing = "missing"


STATUS_LABELS = {
    Status.proven: N_("Proven"),
    Status.disagrees: N_("Disagrees"),
    Status.foreign: N_("QR from another program"),
    Status.missing: N_("Missing"),
}
_ORDER = [Status.proven, Status.disagrees, Status.foreign, Status.missing]


def status_label(status: Status) -> str:
    return _(STATUS_LABELS[status])


@dataclass(frozen=True)
class ActaProof:
    event_id: uuid.UUID
    minutes_id: uuid.UUID
    event_title: str
    event_date: date
    status: Status
    reason: str
    photo_id: uuid.UUID | None = None
    """The photo the verdict rests on (None when there is none)."""
    photos: int = 0


@dataclass(frozen=True)
class CommunityProof:
    community_id: uuid.UUID | None
    """None: the events of no community (a municipal cumbre)."""
    community_name: str
    community_code: str
    acta: ActaProof


def event_proofs(session: Session) -> list[ActaProof]:
    """One verdict per live event with a live acta, by date then title."""
    minutes = session.execute(
        select(Minutes.id, Minutes.event_id, Event.title, Event.date)
        .join(Event, Minutes.event_id == Event.id)
        .where(live(Minutes), live(Event))
        .order_by(Event.date, Event.title, Minutes.created_at, Minutes.id)
    ).all()
    photos: dict[uuid.UUID | None, list[tuple[uuid.UUID, str | None]]] = {}
    for photo_id, minutes_id, qr_text in session.execute(
        select(Photo.id, Photo.minutes_id, Photo.qr_text)
        .where(Photo.kind == PhotoKind.acta, live(Photo))
        .order_by(Photo.created_at, Photo.id)
    ):
        photos.setdefault(minutes_id, []).append((photo_id, qr_text))
    by_event: dict[uuid.UUID, tuple[uuid.UUID, str, date, list[tuple[uuid.UUID, str | None]]]]
    by_event = {}
    for minutes_id, event_id, title, day in minutes:
        first = by_event.setdefault(event_id, (minutes_id, title, day, []))
        first[3].extend(photos.get(minutes_id, []))
    checks: dict[str, ActaCheck] = {}
    out = []
    for event_id, (minutes_id, title, day, shots) in by_event.items():
        out.append(_proof(session, checks, event_id, minutes_id, title, day, shots))
    return out


def _proof(
    session: Session,
    checks: dict[str, ActaCheck],
    event_id: uuid.UUID,
    minutes_id: uuid.UUID,
    title: str,
    day: date,
    shots: list[tuple[uuid.UUID, str | None]],
) -> ActaProof:
    verdicts: list[tuple[Status, str, uuid.UUID | None]] = []
    for photo_id, text in shots:
        if not text:
            verdicts.append((Status.missing, _("no QR code found in the photo"), photo_id))
            continue
        if text not in checks:
            checks[text] = check_in_session(session, text)
        status, reason = _verdict(checks[text], event_id, text)
        verdicts.append((status, reason, photo_id))
    if not verdicts:
        verdicts.append((Status.missing, _("no photo of the signed acta"), None))
    status, reason, photo = min(verdicts, key=lambda v: _ORDER.index(v[0]))
    return ActaProof(event_id, minutes_id, title, day, status, reason, photo, len(shots))


def _verdict(check: ActaCheck, event_id: uuid.UUID, text: str) -> tuple[Status, str]:
    if check.verdict is Verdict.malformed:
        shown = text.strip()
        if len(shown) > FOREIGN_SHOWN:
            shown = shown[:FOREIGN_SHOWN] + "…"
        return Status.foreign, _("the photo's QR code is not an acta code: «{text}»").format(
            text=shown
        )
    if check.verdict is Verdict.unknown:
        return Status.disagrees, _(
            "the photo's QR names a session this database does not have ({session})"
        ).format(session=check.session_id)
    if check.event_id != event_id:
        return Status.disagrees, _("the photo shows the acta of another event: {event} ({date})"
                                   ).format(event=check.event_title, date=check.event_date)
    if check.verdict is Verdict.matches:
        return Status.proven, _("the QR in the photo matches the results")
    return Status.disagrees, _("the paper shows other priorities: {differences}").format(
        differences="; ".join(check.differences)
    )


def community_proofs(session: Session, proofs: Iterable[ActaProof] | None = None
                     ) -> list[CommunityProof]:
    """Each community's actas (by community name, then as :func:`event_proofs`); the actas
    of events with no community last."""
    actas = list(event_proofs(session) if proofs is None else proofs)
    links: dict[uuid.UUID, list[tuple[uuid.UUID | None, str, str]]] = {}
    for event_id, linked, name, code in session.execute(
        select(EventCommunity.event_id, Community.id, Community.name, Community.code)
        .join(Community, EventCommunity.community_id == Community.id)
        .where(live(EventCommunity), live(Community))
    ):
        links.setdefault(event_id, []).append((linked, name, code))
    rows = []
    for acta in actas:
        for community_id, name, code in links.get(acta.event_id, []) or [(None, "", "")]:
            rows.append(CommunityProof(community_id, name, code, acta))
    rows.sort(key=lambda row: (row.community_id is None, text_key(row.community_name),
                               row.community_code))
    return rows


def counts(proofs: Iterable[ActaProof]) -> dict[Status, int]:
    found = dict.fromkeys(Status, 0)
    for proof in proofs:
        found[proof.status] += 1
    return found
