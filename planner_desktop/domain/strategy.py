"""The PDM's strategic frame: vision, mission, values; axes → objectives → policies → programmes."""

from __future__ import annotations

import uuid

from sqlalchemy import CheckConstraint, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import PolicyKind


class StrategicFrame(Synced, Base):
    __tablename__ = "strategic_frame"
    __table_args__ = (CheckConstraint("end_year >= start_year", name="period"),)

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    vision: Mapped[str] = mapped_column(Text, default="")
    mission: Mapped[str] = mapped_column(Text, default="")
    values: Mapped[str] = mapped_column(Text, default="")

    axes: Mapped[list[Axis]] = relationship(back_populates="frame", order_by="Axis.position")


class Axis(Synced, Base):
    __tablename__ = "axis"

    frame_id: Mapped[uuid.UUID] = fk("strategic_frame.id")
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    frame: Mapped[StrategicFrame] = relationship(back_populates="axes")
    objectives: Mapped[list[Objective]] = relationship(
        back_populates="axis", order_by="Objective.code"
    )


class Objective(Synced, Base):
    __tablename__ = "objective"

    axis_id: Mapped[uuid.UUID] = fk("axis.id")
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    problem: Mapped[str] = mapped_column(Text, default="")

    axis: Mapped[Axis] = relationship(back_populates="objectives")
    policies: Mapped[list[Policy]] = relationship(
        back_populates="objective",
        order_by="Policy.code",
        primaryjoin="and_(Policy.objective_id == Objective.id, Policy.parent_id.is_(None))",
        viewonly=True,
    )


class Policy(Synced, Base):
    """A política, or a lineamiento under one (``parent_id`` set, kind ``guideline``)."""

    __tablename__ = "policy"

    objective_id: Mapped[uuid.UUID] = fk("objective.id")
    parent_id: Mapped[uuid.UUID | None] = fk("policy.id", nullable=True)
    kind: Mapped[PolicyKind] = mapped_column(enum_type(PolicyKind), default=PolicyKind.policy)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)

    objective: Mapped[Objective] = relationship(foreign_keys=[objective_id])
    children: Mapped[list[Policy]] = relationship(order_by="Policy.code")
    programs: Mapped[list[Program]] = relationship(back_populates="policy", order_by="Program.code")


class Program(Synced, Base):
    __tablename__ = "program"

    policy_id: Mapped[uuid.UUID] = fk("policy.id")
    sector_id: Mapped[uuid.UUID | None] = fk("sector.id", nullable=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    problem: Mapped[str] = mapped_column(Text, default="")

    policy: Mapped[Policy] = relationship(back_populates="programs")


class SdgLink(Synced, Base):
    """Alignment of an objective or a programme with a Sustainable Development Goal."""

    __tablename__ = "sdg_link"
    __table_args__ = (
        CheckConstraint("sdg BETWEEN 1 AND 17", name="sdg_range"),
        CheckConstraint(
            "(objective_id IS NOT NULL) OR (program_id IS NOT NULL)", name="has_target"
        ),
    )

    objective_id: Mapped[uuid.UUID | None] = fk("objective.id", nullable=True)
    program_id: Mapped[uuid.UUID | None] = fk("program.id", nullable=True)
    sdg: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(20), default="")
