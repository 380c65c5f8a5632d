"""Demands raised by communities, and their grouping when aggregated upwards."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import CheckConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.diagnosis import Finding
from planner_desktop.domain.enums import DemandStatus, Group, RoundLevel
from planner_desktop.domain.territory import Community, Sector


class DemandGroup(Synced, Base):
    """Similar demands from several communities grouped at district or municipal level.

    The original demands are kept and point here; a person confirms each grouping.
    """

    __tablename__ = "demand_group"

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    district_id: Mapped[uuid.UUID | None] = fk("district.id", nullable=True)
    level: Mapped[RoundLevel] = mapped_column(enum_type(RoundLevel))
    sector_id: Mapped[uuid.UUID | None] = fk("sector.id", nullable=True)
    title: Mapped[str] = mapped_column(Text)


class Demand(Synced, Base):
    __tablename__ = "demand"
    __table_args__ = (
        CheckConstraint("beneficiaries_women >= 0", name="beneficiaries_women_not_negative"),
        CheckConstraint("beneficiaries_men >= 0", name="beneficiaries_men_not_negative"),
        CheckConstraint("estimated_cost >= 0", name="estimated_cost_not_negative"),
        # covers the demand totals by sector, district and group of the reports
        Index(
            "ix_demand_totals",
            "sector_id",
            "community_id",
            "raising_group",
            "deleted_at",
            "estimated_cost",
        ),
    )

    community_id: Mapped[uuid.UUID] = fk("community.id")
    code: Mapped[str] = mapped_column(String(30), index=True)
    sector_id: Mapped[uuid.UUID] = fk("sector.id")
    finding_id: Mapped[uuid.UUID | None] = fk("finding.id", nullable=True)
    event_id: Mapped[uuid.UUID | None] = fk("event.id", nullable=True)
    demand_group_id: Mapped[uuid.UUID | None] = fk("demand_group.id", nullable=True)
    description: Mapped[str] = mapped_column(Text)
    raising_group: Mapped[Group] = mapped_column(enum_type(Group), default=Group.mixed)
    beneficiaries_women: Mapped[int] = mapped_column(Integer, default=0)
    beneficiaries_men: Mapped[int] = mapped_column(Integer, default=0)
    estimated_cost: Mapped[Decimal] = mapped_column(default=Decimal(0))
    status: Mapped[DemandStatus] = mapped_column(
        enum_type(DemandStatus), default=DemandStatus.demand, index=True
    )

    community: Mapped[Community] = relationship()
    sector: Mapped[Sector] = relationship()
    finding: Mapped[Finding | None] = relationship()
