"""The figures shown on screen and printed, each computed in one place.

A total that the window shows and a document prints comes from the functions here, so the
two can never disagree:

- an operation of a POA counts in its budget when :func:`counted_operation` holds: it is
  not tombstoned and not cancelled. A cancelled operation stays listed (marked cancelled)
  but adds nothing to any total, count of operations or table by source, kind or unit;
- money of the five-year programming counts when :func:`counted_programming` holds: the
  row, its project profile and its funding source are live, and the profile is not
  recommended to be dropped (a dropped profile is out of the plan: the programming grid
  does not list it and no POA is derived from it);
- population counts for live communities of live districts (:func:`counted_community`).

No Qt here; the caller owns the session.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import Operation
from planner_desktop.domain.enums import OperationType, Recommendation
from planner_desktop.domain.projects import FundingSource, MultiYearProgramming, ProjectProfile
from planner_desktop.domain.territory import Community, District

ZERO = Decimal("0.00")


def counted_operation() -> ColumnElement[bool]:
    """The operations that count in a POA's figures: live and not cancelled."""
    return Operation.deleted_at.is_(None) & Operation.cancelled.is_(False)


def counted_programming() -> ColumnElement[bool]:
    """The rows of the five-year programming that count in its totals."""
    in_plan = select(ProjectProfile.id).where(
        ProjectProfile.deleted_at.is_(None),
        ProjectProfile.recommendation.is_distinct_from(Recommendation.drop),
    )
    sources = select(FundingSource.id).where(FundingSource.deleted_at.is_(None))
    return (
        MultiYearProgramming.deleted_at.is_(None)
        & MultiYearProgramming.profile_id.in_(in_plan)
        & MultiYearProgramming.source_id.in_(sources)
    )


def counted_community() -> ColumnElement[bool]:
    """The communities whose population counts: live, of a live district."""
    districts = select(District.id).where(District.deleted_at.is_(None))
    return Community.deleted_at.is_(None) & Community.district_id.in_(districts)


@dataclass(frozen=True)
class UnitBudget:
    operations: int
    amount: Decimal


@dataclass(frozen=True)
class PoaBudget:
    """The budget of one POA, whole and broken down; every breakdown adds up to ``total``."""

    total: Decimal = ZERO
    operations: int = 0
    """Operations that count (cancelled ones left out)."""
    cancelled: int = 0
    by_source: dict[uuid.UUID | None, Decimal] = field(default_factory=dict)
    """None: operations with no funding source stated."""
    by_type: dict[OperationType, Decimal] = field(default_factory=dict)
    by_unit: dict[str, UnitBudget] = field(default_factory=dict)
    """Per executing unit (else the person in charge; "" when neither is stated)."""


def poa_budget(session: Session, plan_id: uuid.UUID | None) -> PoaBudget:
    """The budget of the POA ``plan_id`` from its counted operations."""
    if plan_id is None:
        return PoaBudget()
    rows = session.execute(
        select(
            Operation.source_id,
            Operation.type,
            Operation.executing_unit,
            Operation.responsible,
            Operation.budget,
        ).where(Operation.annual_plan_id == plan_id, counted_operation())
    ).all()
    cancelled = session.scalar(
        select(func.count(Operation.id)).where(
            Operation.annual_plan_id == plan_id,
            Operation.deleted_at.is_(None),
            Operation.cancelled.is_(True),
        )
    )
    by_source: dict[uuid.UUID | None, Decimal] = defaultdict(lambda: ZERO)
    by_type: dict[OperationType, Decimal] = defaultdict(lambda: ZERO)
    units: dict[str, list[Decimal]] = defaultdict(list)
    for source_id, kind, unit, responsible, budget in rows:
        amount = budget or ZERO
        by_source[source_id] += amount
        by_type[kind] += amount
        units[unit or responsible or ""].append(amount)
    return PoaBudget(
        total=sum(by_source.values(), ZERO),
        operations=len(rows),
        cancelled=int(cancelled or 0),
        by_source=dict(by_source),
        by_type=dict(by_type),
        by_unit={
            unit: UnitBudget(len(amounts), sum(amounts, ZERO)) for unit, amounts in units.items()
        },
    )


@dataclass(frozen=True)
class Population:
    """Population of a set of communities, by sex and by age group."""

    communities: int = 0
    women: int = 0
    men: int = 0
    children: int = 0
    youth: int = 0
    adults: int = 0
    elders: int = 0
    families: int = 0

    @property
    def total(self) -> int:
        """The population: women and men."""
        return self.women + self.men

    @property
    def by_age(self) -> int:
        return self.children + self.youth + self.adults + self.elders

    @property
    def agrees(self) -> bool:
        """Whether the total by sex and the total by age group are the same (the rule the
        community form enforces: :func:`planner_desktop.capture.territory.check_population`)."""
        return self.by_age == self.total


_COUNTS = ("women", "men", "children", "youth", "adults", "elders")


def population_by_district(session: Session) -> dict[uuid.UUID, Population]:
    """The population of every live district (one with no community has zeros)."""
    sums = [
        func.coalesce(func.sum(getattr(Community, f"population_{name}")), 0) for name in _COUNTS
    ]
    rows = session.execute(
        select(
            Community.district_id,
            func.count(Community.id),
            *sums,
            func.coalesce(func.sum(Community.families), 0),
        )
        .where(counted_community())
        .group_by(Community.district_id)
    ).all()
    found = {district_id: Population(*(int(n) for n in figures)) for district_id, *figures in rows}
    districts = session.scalars(select(District.id).where(District.deleted_at.is_(None)))
    return {district_id: found.get(district_id, Population()) for district_id in districts}


def population(session: Session, district_id: uuid.UUID | None = None) -> Population:
    """The population of the municipality, or of one district: the sum of
    :func:`population_by_district`, so a table by district adds up to it."""
    by_district = population_by_district(session)
    chosen = [p for d, p in by_district.items() if district_id is None or d == district_id]
    return Population(
        *(sum(getattr(p, name) for p in chosen) for name in ("communities", *_COUNTS, "families"))
    )


@dataclass(frozen=True)
class Disagreement:
    """A community whose population by sex and by age group do not add up the same."""

    id: uuid.UUID
    name: str
    by_sex: int
    by_age: int


def population_disagreements(
    session: Session, within: ColumnElement[bool] | None = None
) -> list[Disagreement]:
    """Counted communities (``within`` a condition on :class:`Community`, if given) whose
    totals by sex and by age group differ, the most recently changed first."""
    by_sex = Community.population_women + Community.population_men
    by_age = (
        Community.population_children
        + Community.population_youth
        + Community.population_adults
        + Community.population_elders
    )
    query = (
        select(Community.id, Community.name, by_sex, by_age)
        .where(counted_community(), by_sex != by_age)
        .order_by(Community.updated_at.desc(), Community.name)
    )
    if within is not None:
        query = query.where(within)
    return [
        Disagreement(key, name, int(sex), int(age))
        for key, name, sex, age in session.execute(query)
    ]
