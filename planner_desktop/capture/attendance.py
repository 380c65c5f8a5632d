"""Attendance at an event: register, refuse a second registration, correct, count.

Attendance is append-only: marking a signature or removing a person never edits a row;
it adds a correction that retracts the earlier one (and, for a signature, a new row).
The list keeps the order of arrival (:func:`~planner_desktop.domain.summaries.arrival`):
rows are stamped to the microsecond, so people typed within one second keep their order.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import refuse_row
from planner_desktop.capture.validation import Invalid, duplicate_attendance_reason
from planner_desktop.domain.actors import Person
from planner_desktop.domain.enums import AgeGroup, Sex
from planner_desktop.domain.events import Attendance
from planner_desktop.domain.summaries import arrival, counted_attendance, not_retracted

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


@dataclass
class Totals:
    """Who is present, by sex and by age group (the acta prints the same figures)."""

    total: int = 0
    by_sex: Counter[Sex | None] = field(default_factory=Counter)
    by_age: Counter[AgeGroup | None] = field(default_factory=Counter)
    by_sex_and_age: Counter[tuple[Sex | None, AgeGroup | None]] = field(default_factory=Counter)
    signed: int = 0


def now() -> datetime:
    """The time an attendance row is written, to the microsecond (UTC, no zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


def present(session: Session, event_id: uuid.UUID) -> list[uuid.UUID]:
    """The ids of the attendance rows that count at an event, in order of arrival."""
    return list(
        session.scalars(
            select(Attendance.id)
            .where(Attendance.event_id == event_id, counted_attendance())
            .order_by(arrival(), Attendance.person_id, Attendance.id)
        )
    )


def registration_of(
    session: Session, event_id: uuid.UUID, person_id: uuid.UUID
) -> uuid.UUID | None:
    return session.scalars(
        select(Attendance.id).where(
            Attendance.event_id == event_id,
            Attendance.person_id == person_id,
            not_retracted(Attendance),
        )
    ).first()


def register(
    store: Store,
    event_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    community_id: uuid.UUID | None = None,
    signed: bool = False,
) -> uuid.UUID:
    """Record a person as present; refuse (:class:`Invalid`) a second registration."""
    with store.session() as session:
        reason = duplicate_attendance_reason(
            registration_of(session, event_id, person_id) is not None
        )
        if reason:
            raise Invalid(reason)
        if community_id is None:
            person = session.get(Person, person_id)
            community_id = person.community_id if person is not None else None
        values = {
            "event_id": event_id,
            "person_id": person_id,
            "community_id": community_id,
            "signed": signed,
            "created_at": now(),
        }
        refuse_row("attendance", values)
        row = Attendance(**values)
        session.add(row)
        session.flush()
        return row.id


def retract(store: Store, attendance_id: uuid.UUID) -> uuid.UUID:
    """Cancel one attendance row with a correction; return the correction's id."""
    with store.session() as session:
        original = session.get(Attendance, attendance_id)
        if original is None:
            raise Invalid("attendance row not found")
        correction = Attendance(
            event_id=original.event_id,
            person_id=original.person_id,
            community_id=original.community_id,
            signed=original.signed,
            retracts_id=original.id,
            created_at=now(),
        )
        session.add(correction)
        session.flush()
        return correction.id


def reinstate(store: Store, correction_id: uuid.UUID) -> uuid.UUID:
    """Register again the person a retraction removed, as they were (community, signature):
    the undo of a removal. The person keeps their place in the order of arrival."""
    with store.session() as session:
        correction = session.get(Attendance, correction_id)
        if correction is None or correction.retracts_id is None:
            raise Invalid("attendance correction not found")
        event_id, person_id = correction.event_id, correction.person_id
        community_id, signed = correction.community_id, correction.signed
    return register(store, event_id, person_id, community_id=community_id, signed=signed)


def unregister(store: Store, event_id: uuid.UUID, person_id: uuid.UUID) -> uuid.UUID | None:
    """Retract whichever row now counts for a person at an event (after any signature
    corrections); returns the correction's id, or None when the person is not present."""
    with store.session() as session:
        row_id = registration_of(session, event_id, person_id)
    return retract(store, row_id) if row_id is not None else None


def set_signed(store: Store, attendance_id: uuid.UUID, signed: bool) -> uuid.UUID:
    """Mark (or unmark) a signature on paper: retract the row and add a corrected one.

    Returns the id of the row that now counts.
    """
    with store.session() as session:
        original = session.get(Attendance, attendance_id)
        if original is None:
            raise Invalid("attendance row not found")
        values = {
            "event_id": original.event_id,
            "person_id": original.person_id,
            "community_id": original.community_id,
        }
        stamp = now()
        session.add(
            Attendance(**values, signed=original.signed, retracts_id=original.id, created_at=stamp)
        )
        row = Attendance(**values, signed=signed, created_at=stamp)
        session.add(row)
        session.flush()
        return row.id


def totals(session: Session, event_id: uuid.UUID) -> Totals:
    result = Totals()
    rows = session.execute(
        select(Person.sex, Person.age_group, Attendance.signed)
        .join(Person, Attendance.person_id == Person.id)
        .where(Attendance.event_id == event_id, counted_attendance())
    )
    for sex, age, signed in rows:
        result.total += 1
        result.by_sex[sex] += 1
        result.by_age[age] += 1
        result.by_sex_and_age[(sex, age)] += 1
        result.signed += int(bool(signed))
    return result
