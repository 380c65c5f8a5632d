"""Follow-up (seguimiento) and the minutes (acta) that tie paper to data."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Float, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from planner_desktop.domain.base import Base, Synced, fk


class Progress(Synced, Base):
    """Physical and financial progress of a project or an operation on a date."""

    __tablename__ = "progress"
    __table_args__ = (
        CheckConstraint("physical_percent BETWEEN 0 AND 100", name="physical_percent_range"),
        CheckConstraint("financial_executed >= 0", name="financial_not_negative"),
        CheckConstraint(
            "(profile_id IS NOT NULL) OR (operation_id IS NOT NULL)", name="has_target"
        ),
    )

    profile_id: Mapped[uuid.UUID | None] = fk("project_profile.id", nullable=True)
    operation_id: Mapped[uuid.UUID | None] = fk("operation.id", nullable=True)
    date: Mapped[date]
    physical_percent: Mapped[float] = mapped_column(Float)
    financial_executed: Mapped[Decimal] = mapped_column(default=Decimal(0))
    target_achieved: Mapped[str] = mapped_column(String(60), default="")
    results: Mapped[str] = mapped_column(Text, default="")
    corrective_measures: Mapped[str] = mapped_column(Text, default="")


class Minutes(Synced, Base):
    """The acta of a workshop or cumbre; its QR carries the session id and results hash."""

    __tablename__ = "minutes"

    event_id: Mapped[uuid.UUID] = fk("event.id")
    session_id: Mapped[uuid.UUID | None] = mapped_column(default=None)
    results_hash: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    agreements: Mapped[str] = mapped_column(Text, default="")
    signed_on: Mapped[date | None] = mapped_column(default=None)
