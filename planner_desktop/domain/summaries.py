"""Counts and totals that summarise each phase of the plan.

Plain SQLAlchemy, no Qt: the window shows these figures and the reports can print them.
Tombstoned records (``deleted_at`` set) and retracted append-only events never count.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session, aliased

from planner_desktop.domain import figures
from planner_desktop.domain.actors import Organization, Person
from planner_desktop.domain.annual import AnnualPlan
from planner_desktop.domain.base import Appended, Synced
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import FindingKind, PriorityClass, Recommendation
from planner_desktop.domain.events import Attendance, Event, EventCommunity
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.plan import Plan, PlanElement, PlanLevel
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.domain.projects import (
    Component,
    FundingSource,
    MultiYearProgramming,
    ProjectProfile,
)
from planner_desktop.domain.territory import Community, District, Municipality

AGREED = "agreed"
"""The ``RoundResult.group`` of the result the room agreed on."""


def live(model: type[Synced]) -> ColumnElement[bool]:
    """The condition that leaves out tombstoned records of ``model``."""
    return model.deleted_at.is_(None)


def not_retracted(model: type[Appended]) -> ColumnElement[bool]:
    """Append-only events that count: neither a correction nor corrected by one."""
    corrections = select(model.retracts_id).where(model.retracts_id.is_not(None))
    return model.retracts_id.is_(None) & model.id.not_in(corrections)


def counted_attendance() -> ColumnElement[bool]:
    """Attendance rows that count: not retracted, of a live person at a live event.

    Attendance is append-only, so deleting a person or an event leaves its rows as
    history; every list, total and document reaches them through this one condition.
    """
    return (
        not_retracted(Attendance)
        & Attendance.person_id.in_(select(Person.id).where(live(Person)))
        & Attendance.event_id.in_(select(Event.id).where(live(Event)))
    )


def arrival() -> Any:
    """When the person of an attendance row first registered at its event: the order of
    arrival, as on the paper sheet. Marking a signature appends a corrected row but keeps
    the person's place; so does undoing the removal of a person registered by mistake."""
    first = aliased(Attendance)
    return (
        select(func.min(first.created_at))
        .where(
            first.event_id == Attendance.event_id,
            first.person_id == Attendance.person_id,
            first.retracts_id.is_(None),
        )
        .correlate(Attendance)
        .scalar_subquery()
    )


def event_community_ids(session: Session, event_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The live communities taking part in an event, by name (none for no event)."""
    if event_id is None:
        return []
    return list(
        session.scalars(
            select(Community.id)
            .join(EventCommunity, EventCommunity.community_id == Community.id)
            .where(EventCommunity.event_id == event_id, live(EventCommunity), live(Community))
            .order_by(Community.name, Community.id)
        )
    )


def count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def current_municipality(session: Session) -> Municipality | None:
    """The municipality this database plans for (the first one created)."""
    return session.scalars(
        select(Municipality).where(live(Municipality)).order_by(Municipality.created_at).limit(1)
    ).first()


def current_plan(session: Session, municipality_id: uuid.UUID | None = None) -> Plan | None:
    """The plan (PDM) of the municipality, of any municipality when ``municipality_id`` is
    None: the latest period when there are several."""
    query = select(Plan).where(live(Plan))
    if municipality_id is not None:
        query = query.where(Plan.municipality_id == municipality_id)
    return session.scalars(query.order_by(Plan.start_year.desc(), Plan.created_at).limit(1)).first()


def level_names(session: Session, plan_id: uuid.UUID) -> dict[int, str]:
    """The plan's levels: depth (1 is the top) → the name the municipality gave it."""
    return {
        int(depth): name
        for depth, name in session.execute(
            select(PlanLevel.depth, PlanLevel.name)
            .where(PlanLevel.plan_id == plan_id, live(PlanLevel))
            .order_by(PlanLevel.depth)
        )
    }


def community_scope(
    column: Any, *, district_id: uuid.UUID | None = None, community_id: uuid.UUID | None = None
) -> ColumnElement[bool] | None:
    """A condition on a ``community_id`` column for one community or one district."""
    if community_id is not None:
        return column == community_id
    if district_id is not None:
        return column.in_(
            select(Community.id).where(Community.district_id == district_id, live(Community))
        )
    return None


@dataclass(frozen=True)
class TerritorySummary:
    districts: int = 0
    communities: int = 0
    women: int = 0
    men: int = 0
    families: int = 0

    @property
    def population(self) -> int:
        return self.women + self.men


def territory_summary(
    session: Session, *, district_id: uuid.UUID | None = None
) -> TerritorySummary:
    """Districts and communities with their population: the same figures the territory
    tables and the printed documents add up (:func:`figures.population`)."""
    districts = select(District.id).where(live(District))
    if district_id is not None:
        districts = districts.where(District.id == district_id)
    people = figures.population(session, district_id)
    return TerritorySummary(
        count(session, districts), people.communities, people.women, people.men, people.families
    )


@dataclass(frozen=True)
class PreparationSummary:
    territory: TerritorySummary
    organizations: int
    persons: int
    events: int
    attendances: int


def preparation_summary(session: Session) -> PreparationSummary:
    return PreparationSummary(
        territory=territory_summary(session),
        organizations=count(session, select(Organization.id).where(live(Organization))),
        persons=count(session, select(Person.id).where(live(Person))),
        events=count(session, select(Event.id).where(live(Event))),
        attendances=count(session, select(Attendance.id).where(counted_attendance())),
    )


def _findings(
    district_id: uuid.UUID | None, community_id: uuid.UUID | None, *columns: Any
) -> Select[Any]:
    """Live findings of live self-diagnoses (of one district or community).

    The self-diagnoses are a subquery rather than a join, so that a covering index on
    ``finding`` answers without visiting each finding's self-diagnosis.
    """
    scope = community_scope(
        SelfDiagnosis.community_id, district_id=district_id, community_id=community_id
    )
    if scope is None:
        dropped = select(SelfDiagnosis.id).where(SelfDiagnosis.deleted_at.is_not(None))
        of_diagnoses = Finding.self_diagnosis_id.not_in(dropped)
    else:
        kept = select(SelfDiagnosis.id).where(live(SelfDiagnosis), scope)
        of_diagnoses = Finding.self_diagnosis_id.in_(kept)
    return select(*columns).select_from(Finding).where(live(Finding), of_diagnoses)


@dataclass(frozen=True)
class DiagnosisSummary:
    self_diagnoses: int
    communities: int
    findings: int
    matrix: dict[tuple[uuid.UUID, FindingKind], int] = field(default_factory=dict)
    """Findings per (dimension id, kind)."""


def diagnosis_summary(
    session: Session,
    *,
    district_id: uuid.UUID | None = None,
    community_id: uuid.UUID | None = None,
) -> DiagnosisSummary:
    diagnoses = select(func.count(), func.count(func.distinct(SelfDiagnosis.community_id))).where(
        live(SelfDiagnosis)
    )
    scope = community_scope(
        SelfDiagnosis.community_id, district_id=district_id, community_id=community_id
    )
    if scope is not None:
        diagnoses = diagnoses.where(scope)
    self_diagnoses, communities = session.execute(diagnoses).one()
    grouped = _findings(
        district_id, community_id, Finding.dimension_id, Finding.kind, func.count()
    ).group_by(Finding.dimension_id, Finding.kind)
    matrix = {(dim, kind): int(n) for dim, kind, n in session.execute(grouped)}
    return DiagnosisSummary(
        self_diagnoses=int(self_diagnoses),
        communities=int(communities),
        findings=sum(matrix.values()),
        matrix=matrix,
    )


@dataclass(frozen=True)
class PrioritizationSummary:
    demands: int
    rounds: int
    agreed: int
    classes: dict[PriorityClass, int]


def prioritization_summary(
    session: Session,
    *,
    district_id: uuid.UUID | None = None,
    community_id: uuid.UUID | None = None,
) -> PrioritizationSummary:
    demands = select(Demand.id).where(live(Demand))
    rounds = select(PrioritizationRound.id).where(live(PrioritizationRound))
    scope = community_scope(Demand.community_id, district_id=district_id, community_id=community_id)
    if scope is not None:
        demands = demands.where(scope)
    if community_id is not None:
        rounds = rounds.where(PrioritizationRound.community_id == community_id)
    elif district_id is not None:
        by_community = community_scope(PrioritizationRound.community_id, district_id=district_id)
        assert by_community is not None
        rounds = rounds.where(by_community | (PrioritizationRound.district_id == district_id))
    classes = session.execute(
        select(RoundResult.priority_class, func.count())
        .where(
            live(RoundResult),
            RoundResult.group == AGREED,
            # a round still open has results, not yet priorities the room agreed
            RoundResult.round_id.in_(rounds.where(PrioritizationRound.closed.is_(True))),
        )
        .group_by(RoundResult.priority_class)
    ).all()
    by_class = {cls: int(n) for cls, n in classes if cls is not None}
    return PrioritizationSummary(
        demands=count(session, demands),
        rounds=count(session, rounds),
        agreed=sum(int(n) for _cls, n in classes),
        classes=by_class,
    )


def profile_costs() -> Select[uuid.UUID, Decimal]:
    """Cost of each project profile: the sum of its live components (profile_id, cost)."""
    return (
        select(Component.profile_id, func.sum(Component.cost).label("cost"))
        .where(live(Component))
        .group_by(Component.profile_id)
    )


@dataclass(frozen=True)
class ProjectsSummary:
    profiles: int
    total_cost: Decimal
    recommendations: dict[Recommendation | None, int]


def projects_summary(session: Session) -> ProjectsSummary:
    costs = profile_costs().where(
        Component.profile_id.in_(select(ProjectProfile.id).where(live(ProjectProfile)))
    )
    total = sum((cost or Decimal(0) for _id, cost in session.execute(costs)), Decimal(0))
    recommendations = Counter(
        session.scalars(select(ProjectProfile.recommendation).where(live(ProjectProfile)))
    )
    return ProjectsSummary(
        profiles=sum(recommendations.values()),
        total_cost=total,
        recommendations=dict(recommendations),
    )


def level_counts(session: Session, plan_id: uuid.UUID) -> dict[int, int]:
    """How many live elements each level of the plan holds: depth → count, every level of
    the plan present (0 when empty), in depth order; an element at a depth the plan has no
    level for still counts under its depth."""
    counts = {depth: 0 for depth in level_names(session, plan_id)}
    for depth, n in session.execute(
        select(PlanElement.depth, func.count(PlanElement.id))
        .where(PlanElement.plan_id == plan_id, live(PlanElement))
        .group_by(PlanElement.depth)
    ):
        counts[int(depth)] = int(n)
    return dict(sorted(counts.items()))


@dataclass(frozen=True)
class Programming:
    """The five-year programming: amounts per year and funding source."""

    years: list[int]
    sources: list[str]
    """Codes of the funding sources, in order."""
    amounts: dict[tuple[int, str], Decimal]
    names: dict[str, str] = field(default_factory=dict)
    """The name of each source code."""

    def year_total(self, year: int) -> Decimal:
        return sum((amount for (y, _s), amount in self.amounts.items() if y == year), Decimal(0))

    def source_total(self, source: str) -> Decimal:
        return sum((amount for (_y, s), amount in self.amounts.items() if s == source), Decimal(0))

    @property
    def total(self) -> Decimal:
        return sum(self.amounts.values(), Decimal(0))


def programming_totals(session: Session) -> Programming:
    """The programming that counts (:func:`figures.counted_programming`) per year and
    source: the PDM page, the printed PDM and the spreadsheet show these figures."""
    rows = session.execute(
        select(
            MultiYearProgramming.year,
            FundingSource.code,
            FundingSource.name,
            func.sum(MultiYearProgramming.amount),
        )
        .join(FundingSource, MultiYearProgramming.source_id == FundingSource.id)
        .where(figures.counted_programming())
        .group_by(MultiYearProgramming.year, FundingSource.code, FundingSource.name)
        .order_by(MultiYearProgramming.year, FundingSource.code)
    ).all()
    amounts = {(int(year), str(code)): amount or Decimal(0) for year, code, _n, amount in rows}
    return Programming(
        years=sorted({year for year, _code in amounts}),
        sources=sorted({code for _year, code in amounts}),
        amounts=amounts,
        names={str(code): str(name) for _year, code, name, _amount in rows},
    )


@dataclass(frozen=True)
class AnnualSummary:
    plans: int
    fiscal_year: int | None
    operations: int
    budget: Decimal
    cancelled: int


def annual_summary(session: Session, plan_id: uuid.UUID | None = None) -> AnnualSummary:
    """The POAs held, and the operations and budget of one (default: the latest year)."""
    plans = session.execute(
        select(AnnualPlan.id, AnnualPlan.fiscal_year)
        .where(live(AnnualPlan))
        .order_by(AnnualPlan.fiscal_year.desc())
    ).all()
    chosen = next((p for p in plans if p.id == plan_id), plans[0] if plans else None)
    if chosen is None:
        return AnnualSummary(0, None, 0, Decimal(0), 0)
    budget = figures.poa_budget(session, chosen.id)
    return AnnualSummary(
        len(plans), chosen.fiscal_year, budget.operations, budget.total, budget.cancelled
    )


@dataclass(frozen=True)
class FollowUpSummary:
    records: int
    projects: int
    operations: int
    average_physical: float | None
    financial_executed: Decimal


def follow_up_summary(session: Session) -> FollowUpSummary:
    records, average, executed = session.execute(
        select(
            func.count(Progress.id),
            func.avg(Progress.physical_percent),
            func.sum(Progress.financial_executed),
        ).where(live(Progress))
    ).one()
    targets = session.execute(
        select(
            func.count(func.distinct(Progress.profile_id)),
            func.count(func.distinct(Progress.operation_id)),
        ).where(live(Progress))
    ).one()
    return FollowUpSummary(
        records=int(records),
        projects=int(targets[0]),
        operations=int(targets[1]),
        average_physical=float(average) if average is not None else None,
        financial_executed=executed or Decimal(0),
    )
