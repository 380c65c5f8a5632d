"""Starting a community's self-diagnosis at an event: one per community and event.

Starting twice finds the one already started (a second facilitator, or the same one after
an undo of something else), so findings typed at one workshop never split over two.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.diagnosis import SelfDiagnosis
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise


def existing(session: Session, community_id: uuid.UUID, event_id: uuid.UUID) -> uuid.UUID | None:
    """The live self-diagnosis of ``community_id`` at ``event_id``, if one was started."""
    return session.scalars(
        select(SelfDiagnosis.id)
        .where(
            SelfDiagnosis.community_id == community_id,
            SelfDiagnosis.event_id == event_id,
            live(SelfDiagnosis),
        )
        .order_by(SelfDiagnosis.created_at, SelfDiagnosis.id)
        .limit(1)
    ).first()


def start(
    session: Session, community_id: uuid.UUID | None, event_id: uuid.UUID | None
) -> tuple[uuid.UUID | None, dict[str, Any]]:
    """``(id, {})`` of the self-diagnosis already started, or ``(None, values)`` of a new
    one dated on the event's day; nothing is written. Refuses without an event or a
    community, naming which is missing."""
    if event_id is None:
        raise Invalid(_("Choose the current event first"))
    event = session.get(Event, event_id)
    if event is None or event.deleted_at is not None:
        raise Invalid(_("The event no longer exists"))
    community = session.get(Community, community_id) if community_id is not None else None
    if community is None or community.deleted_at is not None:
        raise Invalid(_("Choose a community"))
    found = existing(session, community.id, event_id)
    if found is not None:
        return found, {}
    return None, {
        "id": uuid.uuid4(),
        "community_id": community.id,
        "event_id": event_id,
        "date": event.date,
        "notes": "",
    }


def event_communities(session: Session, event_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str]]:
    """The communities taking part in the event (every community when it names none)."""
    query = select(Community.id, Community.name).where(live(Community))
    if event_id is not None:
        involved = select(EventCommunity.community_id).where(
            EventCommunity.event_id == event_id, live(EventCommunity)
        )
        if session.scalar(select(involved.exists())):
            query = query.where(Community.id.in_(involved))
    return [
        (id_, name)
        for id_, name in session.execute(query.order_by(bytewise(Community.name), Community.id))
    ]
