"""Events (workshops, cumbres, council sessions) and who attended them."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.actors import Person
from planner_desktop.domain.base import Appended, Base, Synced, enum_type, fk
from planner_desktop.domain.enums import EventKind, Phase
from planner_desktop.domain.territory import Community, District


class Event(Synced, Base):
    __tablename__ = "event"

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    district_id: Mapped[uuid.UUID | None] = fk("district.id", nullable=True)
    kind: Mapped[EventKind] = mapped_column(enum_type(EventKind))
    phase: Mapped[Phase] = mapped_column(enum_type(Phase), default=Phase.diagnosis)
    title: Mapped[str] = mapped_column(String(250))
    date: Mapped[date] = mapped_column(index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    facilitator_name: Mapped[str] = mapped_column(String(200), default="")
    agenda: Mapped[str] = mapped_column(Text, default="")

    district: Mapped[District | None] = relationship()
    communities: Mapped[list[EventCommunity]] = relationship(back_populates="event")


class EventCommunity(Synced, Base):
    """A community taking part in an event."""

    __tablename__ = "event_community"

    event_id: Mapped[uuid.UUID] = fk("event.id")
    community_id: Mapped[uuid.UUID] = fk("community.id")

    event: Mapped[Event] = relationship(back_populates="communities")
    community: Mapped[Community] = relationship()


class Attendance(Appended, Base):
    """One person present at one event (append-only; a correction retracts it)."""

    __tablename__ = "attendance"

    event_id: Mapped[uuid.UUID] = fk("event.id")
    person_id: Mapped[uuid.UUID] = fk("person.id")
    community_id: Mapped[uuid.UUID | None] = fk("community.id", nullable=True)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship()
