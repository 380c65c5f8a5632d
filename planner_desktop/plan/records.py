"""Profiles for the plan's window parts: new ones from demands, their money, their findings.

The values of a new profile made from a priority demand, the totals shown against a
profile's cost, and which profile a check's finding belongs to.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import OperationType
from planner_desktop.domain.projects import (
    Component,
    FundingSource,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProfileFunding,
    ProjectProfile,
)
from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.plan.ordering import bytewise

PROFILE_TABLES = (
    "project_profile",
    "component",
    "profile_funding",
    "indicator",
    "indicator_target",
    "multi_year_programming",
)
"""Tables whose records belong to one project profile."""

_NUMBER = re.compile(r"(\d+)$")


@dataclass(frozen=True)
class NewProfile:
    """The records that make a new profile answering one demand (ids chosen already)."""

    profile: dict[str, Any]
    demand_link: dict[str, Any]
    community_link: dict[str, Any]


def next_profile_code(session: Session, prefix: str = "PRY-") -> str:
    """The next free code ``PRY-NNN`` (tombstoned profiles keep theirs)."""
    highest = 0
    for code in session.scalars(select(ProjectProfile.code)):
        match = _NUMBER.search(code or "")
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{prefix}{highest + 1:03d}"


def new_profile_from_demand(session: Session, demand_id: uuid.UUID) -> NewProfile | None:
    """A profile named after the demand, located in its community, answering it."""
    demand = session.get(Demand, demand_id)
    municipality = current_municipality(session)
    if demand is None or demand.deleted_at is not None or municipality is None:
        return None
    profile_id = uuid.uuid4()
    return NewProfile(
        profile={
            "id": profile_id,
            "municipality_id": municipality.id,
            "code": next_profile_code(session),
            "name": demand.description,
            "type": OperationType.investment,
            "central_problem": "",
            "direct_women": demand.beneficiaries_women,
            "direct_men": demand.beneficiaries_men,
        },
        demand_link={"profile_id": profile_id, "demand_id": demand.id},
        community_link={"profile_id": profile_id, "community_id": demand.community_id},
    )


def demand_by_code(session: Session, code: str) -> uuid.UUID | None:
    return session.scalar(
        select(Demand.id).where(func.upper(Demand.code) == code.strip().upper(), live(Demand))
    )


@dataclass(frozen=True)
class Money:
    cost: Decimal
    funded: Decimal


def profile_money(session: Session, profile_id: uuid.UUID) -> Money:
    """The cost (its components) and the funding (its sources) of one profile."""
    cost = session.scalar(
        select(func.sum(Component.cost)).where(Component.profile_id == profile_id, live(Component))
    )
    funded = session.scalar(
        select(func.sum(ProfileFunding.amount)).where(
            ProfileFunding.profile_id == profile_id, live(ProfileFunding)
        )
    )
    return Money(Decimal(cost or 0), Decimal(funded or 0))


def funding_sources(session: Session) -> list[tuple[uuid.UUID, str]]:
    return [
        (source_id, f"{code} {name}")
        for source_id, code, name in session.execute(
            select(FundingSource.id, FundingSource.code, FundingSource.name)
            .where(live(FundingSource))
            .order_by(bytewise(FundingSource.code), FundingSource.id)
        )
    ]


def profile_of(session: Session, table: str, record_id: uuid.UUID) -> uuid.UUID | None:
    """The profile a record of :data:`PROFILE_TABLES` belongs to (None for another one)."""
    model: Any = {
        "component": Component,
        "profile_funding": ProfileFunding,
        "indicator": Indicator,
        "multi_year_programming": MultiYearProgramming,
    }.get(table)
    if table == "project_profile":
        return record_id
    if table == "indicator_target":
        return session.scalar(
            select(Indicator.profile_id)
            .join(IndicatorTarget, IndicatorTarget.indicator_id == Indicator.id)
            .where(IndicatorTarget.id == record_id)
        )
    if model is None:
        return None
    return session.scalar(select(model.profile_id).where(model.id == record_id))


def used_target_years(session: Session, indicator_id: uuid.UUID) -> set[int]:
    """Years with a target, deleted ones too (one row per indicator and year)."""
    return set(
        session.scalars(
            select(IndicatorTarget.year).where(IndicatorTarget.indicator_id == indicator_id)
        )
    )


def priority_demands_without_profile(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Demands agreed as A+ or A that no profile answers yet: (id, ``CODE description``)."""
    from planner_desktop.plan.check_profiles import priority_a_without_profile
    from planner_desktop.plan.findings import one_line

    ids = [finding.record_id for finding in priority_a_without_profile(session)]
    rows = session.execute(
        select(Demand.id, Demand.code, Demand.description)
        .where(Demand.id.in_(ids))
        .order_by(bytewise(Demand.code), Demand.id)
    )
    return [(demand_id, f"{code} {one_line(text, 70)}") for demand_id, code, text in rows]
