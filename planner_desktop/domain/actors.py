"""Actors: organizations (their role by phase is :class:`ActorRole`) and the persons who
take part."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import AgeGroup, OrganizationKind, Sex
from planner_desktop.domain.territory import Community


class Organization(Synced, Base):
    __tablename__ = "organization"

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    community_id: Mapped[uuid.UUID | None] = fk("community.id", nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[OrganizationKind] = mapped_column(enum_type(OrganizationKind))

    community: Mapped[Community | None] = relationship()


class Person(Synced, Base):
    """A participant. Names and ID numbers are personal data: never logged."""

    __tablename__ = "person"
    __table_args__ = (
        CheckConstraint("birth_year IS NULL OR birth_year >= 1900", name="birth_year"),
    )

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    first_names: Mapped[str] = mapped_column(String(120))
    last_names: Mapped[str] = mapped_column(String(120), default="")
    id_number: Mapped[str | None] = mapped_column(String(40), default=None)
    sex: Mapped[Sex | None] = mapped_column(enum_type(Sex), default=None)
    birth_year: Mapped[int | None] = mapped_column(Integer, default=None)
    age_group: Mapped[AgeGroup | None] = mapped_column(enum_type(AgeGroup), default=None)
    community_id: Mapped[uuid.UUID | None] = fk("community.id", nullable=True)
    organization_id: Mapped[uuid.UUID | None] = fk("organization.id", nullable=True)
    role: Mapped[str] = mapped_column(String(120), default="")

    community: Mapped[Community | None] = relationship()
    organization: Mapped[Organization | None] = relationship()

    @property
    def full_name(self) -> str:
        return f"{self.first_names} {self.last_names}".strip()
