"""Follow-up figures: physical and financial progress (the latest record by date), degree of
compliance of targets, and results against resources, per operation and per project."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.figures import counted_operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import Indicator, IndicatorTarget, ProjectProfile
from planner_desktop.domain.summaries import profile_costs
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live

HUNDRED = Decimal(100)
ZERO = Decimal("0.00")


def _percent(part: Decimal, whole: Decimal) -> Decimal | None:
    if not whole:
        return None
    return (part / whole * HUNDRED).quantize(Decimal("0.1"))


def compliance(target: str | None, achieved: str | None) -> Decimal | None:
    """Degree of compliance, achieved as a percentage of the target, when both are numbers."""
    goal, done = parse_number(target), parse_number(achieved)
    if goal is None or done is None or goal == 0:
        return None
    return _percent(done, goal)


@dataclass(frozen=True)
class ProgressPoint:
    id: uuid.UUID
    date: date
    physical_percent: float
    financial_executed: Decimal
    target_achieved: str
    corrective_measures: str


def _points(
    session: Session,
    column: InstrumentedAttribute[uuid.UUID | None],
    ids: Iterable[uuid.UUID] | None,
) -> dict[uuid.UUID, list[ProgressPoint]]:
    query = select(column, Progress).where(live(Progress), column.is_not(None))
    if ids is not None:
        query = query.where(column.in_(list(ids)))
    history: dict[uuid.UUID, list[ProgressPoint]] = {}
    for key, row in session.execute(
        query.order_by(Progress.date, Progress.created_at, Progress.id)
    ):
        if key is None:
            continue
        history.setdefault(key, []).append(
            ProgressPoint(
                row.id,
                row.date,
                row.physical_percent,
                row.financial_executed,
                row.target_achieved,
                row.corrective_measures,
            )
        )
    return history


def progress_history(
    session: Session,
    *,
    profile_ids: Iterable[uuid.UUID] | None = None,
    operation_ids: Iterable[uuid.UUID] | None = None,
) -> dict[uuid.UUID, list[ProgressPoint]]:
    """Progress records by date of the given profiles and operations (all when both None),
    keyed by profile or operation id."""
    wanted: dict[uuid.UUID, list[ProgressPoint]] = {}
    if operation_ids is not None or profile_ids is None:
        wanted.update(_points(session, Progress.operation_id, operation_ids))
    if profile_ids is not None or operation_ids is None:
        wanted.update(_points(session, Progress.profile_id, profile_ids))
    return wanted


@dataclass(frozen=True)
class FollowUp:
    """Where a project or an operation stands: ``table`` is ``project_profile`` or
    ``operation``. ``budget`` is the operation's budget or the project's cost."""

    table: str
    id: uuid.UUID
    code: str
    name: str
    budget: Decimal
    target: str
    latest: ProgressPoint | None
    physical_percent: float
    executed: Decimal
    operations_compliance: Decimal | None = None
    """For a project followed through its operations: their compliance, weighted by budget."""

    @property
    def financial_percent(self) -> Decimal | None:
        """Executed as a percentage of the budget: the financial progress."""
        return _percent(self.executed, self.budget)

    @property
    def compliance(self) -> Decimal | None:
        if self.latest is None:
            return self.operations_compliance
        return compliance(self.target, self.latest.target_achieved)

    @property
    def results_vs_resources(self) -> Decimal | None:
        """Physical progress per unit of financial progress: 1 when work and money go at the
        same pace, below 1 when money is spent faster than the work advances."""
        financial = self.financial_percent
        if not financial:
            return None
        return (Decimal(str(self.physical_percent)) / financial).quantize(Decimal("0.01"))


def operation_follow_up(session: Session, plan_id: uuid.UUID | None = None) -> list[FollowUp]:
    """Every live, not cancelled operation (of one POA, or of all) with its latest progress."""
    query = (
        select(Operation.id, Operation.code, Operation.name, Operation.budget, Operation.target)
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .where(counted_operation(), live(AnnualPlan))
        .order_by(AnnualPlan.fiscal_year, bytewise(Operation.code), Operation.id)
    )
    if plan_id is not None:
        query = query.where(Operation.annual_plan_id == plan_id)
    rows = session.execute(query).all()
    history = progress_history(session, operation_ids=[row.id for row in rows])
    result = []
    for op_id, code, name, budget, target in rows:
        latest = history[op_id][-1] if op_id in history else None
        result.append(
            FollowUp(
                "operation",
                op_id,
                code,
                name,
                budget,
                target,
                latest,
                latest.physical_percent if latest else 0.0,
                latest.financial_executed if latest else ZERO,
            )
        )
    return result


def _weighted_compliance(parts: list[tuple[Decimal, FollowUp]]) -> Decimal | None:
    """The operations' compliance weighted by their budgets (those with a figure only)."""
    known = [(budget, item.compliance) for budget, item in parts if item.compliance is not None]
    weight = sum((budget for budget, _ in known), ZERO)
    if not weight:
        return None
    total = sum((budget * value for budget, value in known if value is not None), ZERO)
    return (total / weight).quantize(Decimal("0.1"))


def project_targets(
    session: Session, profile_ids: Iterable[uuid.UUID], years: dict[uuid.UUID, int]
) -> dict[uuid.UUID, str]:
    """The target a project's progress is measured against: of its first result indicator
    (else its first product indicator), the target of the year in ``years`` (the year of its
    latest progress), or the last year's target when that year has none."""
    rows = session.execute(
        select(
            Indicator.profile_id,
            Indicator.level,
            Indicator.name,
            Indicator.id,
            IndicatorTarget.year,
            IndicatorTarget.target,
        )
        .join(IndicatorTarget, IndicatorTarget.indicator_id == Indicator.id)
        .where(live(Indicator), live(IndicatorTarget), Indicator.profile_id.in_(list(profile_ids)))
        .order_by(
            Indicator.profile_id,
            bytewise(Indicator.name),
            Indicator.id,
            IndicatorTarget.year,
            IndicatorTarget.id,
        )
    ).all()
    chosen: dict[uuid.UUID, tuple[bool, str, uuid.UUID]] = {}
    targets: dict[uuid.UUID, dict[int, str]] = {}
    for profile_id, level, name, indicator_id, year, target in rows:
        if profile_id is None:
            continue
        rank = (level != IndicatorLevel.result, name, indicator_id)
        if profile_id not in chosen or rank < chosen[profile_id]:
            chosen[profile_id] = rank
            targets[profile_id] = {}
        if chosen[profile_id][2] == indicator_id:
            targets[profile_id][year] = target
    result = {}
    for profile_id, by_year in targets.items():
        latest = years.get(profile_id)
        result[profile_id] = (
            by_year[latest] if latest is not None and latest in by_year else by_year[max(by_year)]
        )
    return result


def project_follow_up(session: Session) -> list[FollowUp]:
    """Every live project: its own latest progress when it has one, otherwise the sum of its
    operations' (executed money added, physical progress weighted by budget)."""
    costs = profile_costs().subquery()
    rows = session.execute(
        select(ProjectProfile.id, ProjectProfile.code, ProjectProfile.name, costs.c.cost)
        .outerjoin(costs, costs.c.profile_id == ProjectProfile.id)
        .where(live(ProjectProfile))
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    own = progress_history(session, profile_ids=[row.id for row in rows])
    by_profile: dict[uuid.UUID, list[tuple[Decimal, FollowUp]]] = {}
    links = dict(
        session.execute(
            select(Operation.id, Operation.profile_id).where(Operation.profile_id.is_not(None))
        ).all()
    )
    for item in operation_follow_up(session):
        profile_id = links.get(item.id)
        if profile_id is not None:
            by_profile.setdefault(profile_id, []).append((item.budget, item))
    targets = project_targets(
        session,
        [row.id for row in rows],
        {profile_id: points[-1].date.year for profile_id, points in own.items()},
    )
    result = []
    for profile_id, code, name, cost in rows:
        cost = cost or ZERO
        parts = by_profile.get(profile_id, [])
        if profile_id in own:
            latest = own[profile_id][-1]
            physical, executed = latest.physical_percent, latest.financial_executed
        else:
            latest = None
            weight = sum((budget for budget, _ in parts), ZERO)
            executed = sum((item.executed for _, item in parts), ZERO)
            physical = (
                float(
                    sum(Decimal(str(item.physical_percent)) * budget for budget, item in parts)
                    / weight
                )
                if weight
                else 0.0
            )
            physical = round(physical, 1)
        result.append(
            FollowUp(
                "project_profile",
                profile_id,
                code,
                name,
                cost,
                targets.get(profile_id, ""),
                latest,
                physical,
                executed,
                _weighted_compliance(parts),
            )
        )
    return result
