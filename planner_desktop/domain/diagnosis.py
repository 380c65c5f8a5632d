"""Community self-diagnosis (autodiagnóstico) and institutional self-assessment."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Hundredths, Synced, enum_type, fk
from planner_desktop.domain.enums import FindingKind, Group, ScoreState
from planner_desktop.domain.territory import Community, Dimension


class SelfDiagnosis(Synced, Base):
    __tablename__ = "self_diagnosis"

    community_id: Mapped[uuid.UUID] = fk("community.id")
    event_id: Mapped[uuid.UUID | None] = fk("event.id", nullable=True)
    date: Mapped[date]
    notes: Mapped[str] = mapped_column(Text, default="")

    community: Mapped[Community] = relationship()
    findings: Mapped[list[Finding]] = relationship(
        back_populates="self_diagnosis", order_by="Finding.rank"
    )


class Finding(Synced, Base):
    """A problem, potentiality, limitation or aspiration, ranked locally."""

    __tablename__ = "finding"
    __table_args__ = (
        CheckConstraint("rank >= 0", name="rank_not_negative"),
        # covers the findings matrix (dimension × kind) of the summaries and reports
        Index("ix_finding_matrix", "dimension_id", "kind", "self_diagnosis_id", "deleted_at"),
    )

    self_diagnosis_id: Mapped[uuid.UUID] = fk("self_diagnosis.id")
    dimension_id: Mapped[uuid.UUID] = fk("dimension.id")
    kind: Mapped[FindingKind] = mapped_column(enum_type(FindingKind))
    description: Mapped[str] = mapped_column(Text)
    cause: Mapped[str] = mapped_column(Text, default="")
    effect: Mapped[str] = mapped_column(Text, default="")
    raising_group: Mapped[Group] = mapped_column(enum_type(Group), default=Group.mixed)
    rank: Mapped[int] = mapped_column(Integer, default=0)

    self_diagnosis: Mapped[SelfDiagnosis] = relationship(back_populates="findings")
    dimension: Mapped[Dimension] = relationship()


class AssessmentArea(Synced, Base):
    """An area of the institutional self-assessment, defined by the municipality."""

    __tablename__ = "assessment_area"

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)


class AssessmentScore(Synced, Base):
    """One area in one year: a percentage with two decimals, not evaluated, or not applicable.

    ``percentage`` is set exactly when ``state`` is ``scored``.
    """

    __tablename__ = "assessment_score"
    __table_args__ = (
        UniqueConstraint("area_id", "year"),
        CheckConstraint(
            "percentage IS NULL OR percentage BETWEEN 0 AND 10000", name="percentage_range"
        ),
        CheckConstraint("(state = 'scored') = (percentage IS NOT NULL)", name="scored"),
    )

    area_id: Mapped[uuid.UUID] = fk("assessment_area.id")
    year: Mapped[int] = mapped_column(Integer)
    state: Mapped[ScoreState] = mapped_column(enum_type(ScoreState), default=ScoreState.scored)
    percentage: Mapped[Decimal | None] = mapped_column(Hundredths(), default=None)
