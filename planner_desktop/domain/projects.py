"""Project profiles, funding sources, indicators and the five-year programming."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import (
    CounterpartKind,
    FundingKind,
    IndicatorLevel,
    OperationType,
    PriorityClass,
    Recommendation,
)
from planner_desktop.domain.plan import PlanElement

BENEFICIARY_FIELDS = (
    "direct_women",
    "direct_men",
    "direct_children",
    "direct_youth",
    "direct_adults",
    "direct_elders",
    "indirect_women",
    "indirect_men",
)


class FundingSource(Synced, Base):
    """A funding source (coparticipación, IDH, recursos propios…) and its funder."""

    __tablename__ = "funding_source"
    __table_args__ = (UniqueConstraint("municipality_id", "code"),)

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[FundingKind] = mapped_column(enum_type(FundingKind))
    funder: Mapped[str] = mapped_column(String(200), default="")


class SourceCeiling(Synced, Base):
    """What one source can give in one year: the ceiling the programming must respect."""

    __tablename__ = "source_ceiling"
    __table_args__ = (
        UniqueConstraint("source_id", "year"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    source_id: Mapped[uuid.UUID] = fk("funding_source.id")
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[Decimal]


class ProjectProfile(Synced, Base):
    """The minimum project profile used by municipal investment systems."""

    __tablename__ = "project_profile"
    __table_args__ = tuple(
        CheckConstraint(f"{field} >= 0", name=f"{field}_not_negative")
        for field in (*BENEFICIARY_FIELDS, "duration_months")
    )

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    element_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[OperationType] = mapped_column(
        enum_type(OperationType), default=OperationType.investment
    )
    central_problem: Mapped[str] = mapped_column(Text, default="")
    causes: Mapped[str] = mapped_column(Text, default="")
    effects: Mapped[str] = mapped_column(Text, default="")
    general_objective: Mapped[str] = mapped_column(Text, default="")
    specific_objectives: Mapped[str] = mapped_column(Text, default="")
    direct_women: Mapped[int] = mapped_column(Integer, default=0)
    direct_men: Mapped[int] = mapped_column(Integer, default=0)
    direct_children: Mapped[int] = mapped_column(Integer, default=0)
    direct_youth: Mapped[int] = mapped_column(Integer, default=0)
    direct_adults: Mapped[int] = mapped_column(Integer, default=0)
    direct_elders: Mapped[int] = mapped_column(Integer, default=0)
    indirect_women: Mapped[int] = mapped_column(Integer, default=0)
    indirect_men: Mapped[int] = mapped_column(Integer, default=0)
    duration_months: Mapped[int] = mapped_column(Integer, default=12)
    start_date: Mapped[date | None] = mapped_column(default=None)
    executing_unit: Mapped[str] = mapped_column(String(200), default="")
    unit_id: Mapped[uuid.UUID | None] = fk("org_unit.id", nullable=True)
    team_class: Mapped[PriorityClass | None] = mapped_column(enum_type(PriorityClass), default=None)
    team_class_reason: Mapped[str] = mapped_column(Text, default="")
    sustainability: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    recommendation: Mapped[Recommendation | None] = mapped_column(
        enum_type(Recommendation), default=None
    )

    element: Mapped[PlanElement | None] = relationship()
    components: Mapped[list[Component]] = relationship(order_by="Component.position")


class ProfileDemand(Synced, Base):
    """A demand that a project profile answers."""

    __tablename__ = "profile_demand"
    __table_args__ = (UniqueConstraint("profile_id", "demand_id"),)

    profile_id: Mapped[uuid.UUID] = fk("project_profile.id")
    demand_id: Mapped[uuid.UUID] = fk("demand.id")


class ProfileCommunity(Synced, Base):
    """A community where a project is located."""

    __tablename__ = "profile_community"
    __table_args__ = (UniqueConstraint("profile_id", "community_id"),)

    profile_id: Mapped[uuid.UUID] = fk("project_profile.id")
    community_id: Mapped[uuid.UUID] = fk("community.id")


class Component(Synced, Base):
    """A component of a project with its activities and cost."""

    __tablename__ = "component"
    __table_args__ = (CheckConstraint("cost >= 0", name="cost_not_negative"),)

    profile_id: Mapped[uuid.UUID] = fk("project_profile.id")
    name: Mapped[str] = mapped_column(Text)
    activities: Mapped[str] = mapped_column(Text, default="")
    cost: Mapped[Decimal] = mapped_column(default=Decimal(0))
    position: Mapped[int] = mapped_column(Integer, default=0)


class ProfileFunding(Synced, Base):
    """How much of a project one source pays; community counterpart says in what kind."""

    __tablename__ = "profile_funding"
    __table_args__ = (CheckConstraint("amount >= 0", name="amount_not_negative"),)

    profile_id: Mapped[uuid.UUID] = fk("project_profile.id")
    source_id: Mapped[uuid.UUID] = fk("funding_source.id")
    amount: Mapped[Decimal]
    counterpart_kind: Mapped[CounterpartKind | None] = mapped_column(
        enum_type(CounterpartKind), default=None
    )


class Indicator(Synced, Base):
    """An impact, result or product indicator of a profile or of an element of the plan."""

    __tablename__ = "indicator"

    profile_id: Mapped[uuid.UUID | None] = fk("project_profile.id", nullable=True)
    element_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    name: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(String(60), default="")
    level: Mapped[IndicatorLevel] = mapped_column(
        enum_type(IndicatorLevel), default=IndicatorLevel.result
    )
    baseline: Mapped[str] = mapped_column(String(60), default="")


class IndicatorTarget(Synced, Base):
    """The target of an indicator for one year, as typed (the checks flag non-numbers)."""

    __tablename__ = "indicator_target"
    __table_args__ = (UniqueConstraint("indicator_id", "year"),)

    indicator_id: Mapped[uuid.UUID] = fk("indicator.id")
    year: Mapped[int] = mapped_column(Integer)
    target: Mapped[str] = mapped_column(String(60))


class MultiYearProgramming(Synced, Base):
    """Programación quinquenal: one project × one year × one funding source."""

    __tablename__ = "multi_year_programming"
    __table_args__ = (
        UniqueConstraint("profile_id", "year", "source_id"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    profile_id: Mapped[uuid.UUID] = fk("project_profile.id")
    year: Mapped[int] = mapped_column(Integer, index=True)
    source_id: Mapped[uuid.UUID] = fk("funding_source.id")
    amount: Mapped[Decimal]
