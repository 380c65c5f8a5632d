"""The POA: one fiscal year's management objectives, operations and adjustments."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner_desktop.domain.base import Base, Synced, enum_type, fk
from planner_desktop.domain.enums import AdjustmentKind, OperationType


class AnnualPlan(Synced, Base):
    __tablename__ = "annual_plan"
    __table_args__ = (UniqueConstraint("municipality_id", "fiscal_year"),)

    municipality_id: Mapped[uuid.UUID] = fk("municipality.id")
    fiscal_year: Mapped[int] = mapped_column(Integer)
    executive_summary: Mapped[str] = mapped_column(Text, default="")
    situation_analysis: Mapped[str] = mapped_column(Text, default="")
    approved: Mapped[bool] = mapped_column(Boolean, default=False)

    objectives: Mapped[list[ManagementObjective]] = relationship(
        order_by="ManagementObjective.code"
    )
    operations: Mapped[list[Operation]] = relationship(order_by="Operation.code")


class ManagementObjective(Synced, Base):
    """Objetivo de gestión, linked to an element of the plan (an objective, usually)."""

    __tablename__ = "management_objective"

    annual_plan_id: Mapped[uuid.UUID] = fk("annual_plan.id")
    element_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    code: Mapped[str] = mapped_column(String(20))
    description: Mapped[str] = mapped_column(Text)


class Operation(Synced, Base):
    __tablename__ = "operation"
    __table_args__ = (CheckConstraint("budget >= 0", name="budget_not_negative"),)

    annual_plan_id: Mapped[uuid.UUID] = fk("annual_plan.id")
    management_objective_id: Mapped[uuid.UUID | None] = fk("management_objective.id", nullable=True)
    element_id: Mapped[uuid.UUID | None] = fk("plan_element.id", nullable=True)
    profile_id: Mapped[uuid.UUID | None] = fk("project_profile.id", nullable=True)
    source_id: Mapped[uuid.UUID | None] = fk("funding_source.id", nullable=True)
    code: Mapped[str] = mapped_column(String(30))
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[OperationType] = mapped_column(enum_type(OperationType))
    expected_result: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str] = mapped_column(String(60), default="")
    resources: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(default=None)
    end_date: Mapped[date | None] = mapped_column(default=None)
    budget: Mapped[Decimal] = mapped_column(default=Decimal(0))
    funder: Mapped[str] = mapped_column(String(200), default="")
    spending_line: Mapped[str] = mapped_column(String(120), default="")
    executing_unit: Mapped[str] = mapped_column(String(200), default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)


class PlanAdjustment(Synced, Base):
    """A dated change to the POA (cancelled operation, varied target, new objective…)."""

    __tablename__ = "plan_adjustment"

    annual_plan_id: Mapped[uuid.UUID] = fk("annual_plan.id")
    operation_id: Mapped[uuid.UUID | None] = fk("operation.id", nullable=True)
    kind: Mapped[AdjustmentKind] = mapped_column(enum_type(AdjustmentKind))
    date: Mapped[date]
    description: Mapped[str] = mapped_column(Text)
