"""The plan as a municipality writes it: its levels, its tree of elements, its statements.

A plan (PDM, PTDI, a Colombian development plan, an Argentine strategic plan…) is made
from a template (:mod:`planner_desktop.domain.plan_templates`) that gives it 2 to 6
levels, each named by the municipality (*eje → objetivo → política → programa*, *línea →
sector → programa → subprograma*…). Every element of the frame is one
:class:`PlanElement` whose ``depth`` says its level; an element hangs from an element of
a shallower level (usually the one just above: a programme straight under a policy, with
no lineamiento between, is allowed). Projects (:class:`ProjectProfile`), POA operations
and indicators point at an element of any level.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import ActorPhase, PlanTemplate, UnitKind

MIN_LEVELS = 2
MAX_LEVELS = 6


class Plan(Synced, Base):
    """The municipality's plan for a period: vision, mission, values and its levels."""

    __tablename__ = "plan"
    __table_args__ = (CheckConstraint("end_year >= start_year", name="period"),)

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    template: Mapped[PlanTemplate] = mapped_column(
        enum_type(PlanTemplate), default=PlanTemplate.bolivia_pdm
    )
    title: Mapped[str] = mapped_column(String(200), default="")
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    vision: Mapped[str] = mapped_column(Text, default="")
    mission: Mapped[str] = mapped_column(Text, default="")

    levels: Mapped[list[PlanLevel]] = relationship(order_by="PlanLevel.depth", viewonly=True)
    values: Mapped[list[PlanValue]] = relationship(order_by="PlanValue.position", viewonly=True)


class PlanLevel(Synced, Base):
    """The name of one level of a plan (``depth`` 1 is the top: *Eje*, *Línea*…)."""

    __tablename__ = "plan_level"
    __table_args__ = (
        UniqueConstraint("plan_id", "depth"),
        CheckConstraint(f"depth BETWEEN 1 AND {MAX_LEVELS}", name="depth_range"),
    )

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    depth: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(80))


class PlanValue(Synced, Base):
    """A value of the plan (*Transparencia*) with the sentence that says what it means."""

    __tablename__ = "plan_value"

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    name: Mapped[str] = mapped_column(String(120))
    sentence: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class OrgUnit(Synced, Base):
    """A secretaría, dirección or unit of the municipal government (a tree)."""

    __tablename__ = "org_unit"

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    parent_id: Mapped[uuid.UUID | None] = fk("org_unit.id", nullable=True)
    kind: Mapped[UnitKind] = mapped_column(enum_type(UnitKind), default=UnitKind.secretariat)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)


class PlanElement(Synced, Base):
    """One element of the strategic frame at level ``depth`` of its plan."""

    __tablename__ = "plan_element"
    __table_args__ = (CheckConstraint(f"depth BETWEEN 1 AND {MAX_LEVELS}", name="depth_range"),)

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    parent_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    depth: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    problem: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    sector_id: Mapped[uuid.UUID | None] = fk("sector.id", nullable=True)
    unit_id: Mapped[uuid.UUID | None] = fk("org_unit.id", nullable=True)


class CrossCutting(Synced, Base):
    """A cross-cutting dimension of a plan (*Planificada*, *Accesible*, *Ambiental*…)."""

    __tablename__ = "cross_cutting"

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class ElementCrossCutting(Synced, Base):
    """A cross-cutting dimension tagged on an element."""

    __tablename__ = "element_cross_cutting"
    __table_args__ = (UniqueConstraint("element_id", "cross_cutting_id"),)

    element_id: Mapped[uuid.UUID] = fk("plan_element.id")
    cross_cutting_id: Mapped[uuid.UUID] = fk("cross_cutting.id")


class SdgLink(Synced, Base):
    """A Sustainable Development Goal (and target, ``"6.1"``) of an element or the plan."""

    __tablename__ = "sdg_link"
    __table_args__ = (
        CheckConstraint("sdg BETWEEN 1 AND 17", name="sdg_range"),
        CheckConstraint("(plan_id IS NULL) <> (element_id IS NULL)", name="plan_or_element"),
    )

    plan_id: Mapped[uuid.UUID | None] = fk("plan.id", nullable=True)
    element_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    sdg: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(20), default="")


class ActorRole(Synced, Base):
    """What an actor (an organisation) does in one phase: planning, execution, follow-up."""

    __tablename__ = "actor_role"
    __table_args__ = (UniqueConstraint("organization_id", "phase"),)

    organization_id: Mapped[uuid.UUID] = fk("organization.id")
    phase: Mapped[ActorPhase] = mapped_column(enum_type(ActorPhase))
    role: Mapped[str] = mapped_column(Text, default="")


class WorkActivity(Synced, Base):
    """An activity of the plan's work plan (preparation), with its dates and who does it."""

    __tablename__ = "work_activity"
    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates"
        ),
    )

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    activity: Mapped[str] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(default=None)
    end_date: Mapped[date | None] = mapped_column(default=None)
    responsible: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Agreement(Synced, Base):
    """The agreement (*convenio*) under which the plan is prepared."""

    __tablename__ = "agreement"

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    title: Mapped[str] = mapped_column(String(200))
    parties: Mapped[str] = mapped_column(Text, default="")
    signed_on: Mapped[date | None] = mapped_column(default=None)
    signatories: Mapped[str] = mapped_column(Text, default="")


class TeamMember(Synced, Base):
    """A member of the technical team that prepares the plan (a name: personal data)."""

    __tablename__ = "team_member"

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    institution: Mapped[str] = mapped_column(String(200), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Pact(Synced, Base):
    """A pact or alliance of the management model: who commits what to which element."""

    __tablename__ = "pact"
    __table_args__ = (
        CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date", name="dates"
        ),
    )

    plan_id: Mapped[uuid.UUID] = fk("plan.id")
    organization_id: Mapped[uuid.UUID] = fk("organization.id")
    element_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    commitment: Mapped[str] = mapped_column(Text)
    contribution: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date | None] = mapped_column(default=None)
    end_date: Mapped[date | None] = mapped_column(default=None)
