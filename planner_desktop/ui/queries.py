"""The queries behind the window's tables and trees (no Qt here).

A :class:`TableQuery` is what a lazy table model needs: an ordered query of row keys and,
for a block of keys, a query of the values shown. The column titles are English messages
marked with ``N_`` and translated when shown. Tombstoned rows never appear.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from sqlalchemy import Select, String, case, cast, func, literal, select
from sqlalchemy.orm import Session, aliased

from planner_desktop.domain.actors import Organization
from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import ActorPhase
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.domain.figures import counted_operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.plan import ActorRole, PlanElement
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.domain.summaries import (
    AGREED,
    community_scope,
    counted_attendance,
    current_municipality,
    live,
    profile_costs,
)
from planner_desktop.domain.territory import Community, Dimension, District, Sector
from planner_desktop.i18n import N_
from planner_desktop.plan.ordering import bytewise
from planner_desktop.prioritization.marks import class_text, stored_limit_ties
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.scope import MUNICIPALITY, Scope

__all__ = ["MUNICIPALITY", "Column", "Kind", "Scope", "TableQuery"]


Rows: TypeAlias = "Select[*tuple[Any, ...]]"
"""A select of any number of columns."""


@dataclass(frozen=True)
class TableQuery:
    """The rows of one table: ``ids`` selects the ordered keys; ``rows(keys)`` selects the
    key followed by one value per column, for a block of keys."""

    columns: tuple[Column, ...]
    ids: Select[Any]
    rows: Callable[[Sequence[Any]], Rows]

    def fetch_ids(self, session: Session) -> list[Any]:
        return list(session.scalars(self.ids))

    def fetch_rows(self, session: Session, keys: Sequence[Any]) -> dict[Any, tuple[Any, ...]]:
        return {row[0]: tuple(row[1:]) for row in session.execute(self.rows(keys))}


def _in_scope(query: Select[Any], column: Any, scope: Scope) -> Select[Any]:
    condition = community_scope(
        column, district_id=scope.district_id, community_id=scope.community_id
    )
    return query if condition is None else query.where(condition)


def organizations() -> TableQuery:
    return TableQuery(
        columns=(
            Column(N_("Organization"), stretch=True),
            Column(N_("Type"), Kind.label),
            Column(N_("Community")),
            Column(N_("Role in planning")),
        ),
        ids=select(Organization.id)
        .where(live(Organization))
        .order_by(bytewise(Organization.kind), bytewise(Organization.name), Organization.id),
        rows=lambda keys: (
            select(
                Organization.id,
                Organization.name,
                Organization.kind,
                Community.name,
                ActorRole.role,
            )
            .outerjoin(Community, Organization.community_id == Community.id)
            .outerjoin(
                ActorRole,
                (ActorRole.organization_id == Organization.id)
                & (ActorRole.phase == ActorPhase.planning)
                & live(ActorRole),
            )
            .where(Organization.id.in_(keys))
        ),
    )


def events() -> TableQuery:
    attendance = (
        select(func.count(Attendance.id))
        .where(Attendance.event_id == Event.id, counted_attendance())
        .correlate(Event)
        .scalar_subquery()
    )
    return TableQuery(
        columns=(
            Column(N_("Date"), Kind.date),
            Column(N_("Type"), Kind.label),
            Column(N_("Title"), stretch=True),
            Column(N_("Place")),
            Column(N_("Attendance"), Kind.number),
        ),
        ids=select(Event.id).where(live(Event)).order_by(
            Event.date, bytewise(Event.title), Event.id
        ),
        rows=lambda keys: select(
            Event.id, Event.date, Event.kind, Event.title, Event.place, attendance
        ).where(Event.id.in_(keys)),
    )


def findings(scope: Scope = MUNICIPALITY) -> TableQuery:
    base = (
        select(Finding.id)
        .join(SelfDiagnosis, Finding.self_diagnosis_id == SelfDiagnosis.id)
        .join(Community, SelfDiagnosis.community_id == Community.id)
        .join(Dimension, Finding.dimension_id == Dimension.id)
        .where(live(Finding), live(SelfDiagnosis))
    )
    return TableQuery(
        columns=(
            Column(N_("Community")),
            Column(N_("Dimension")),
            Column(N_("Type"), Kind.label),
            Column(N_("Finding"), stretch=True),
            Column(N_("Raised by"), Kind.label),
            Column(N_("Rank"), Kind.number),
        ),
        ids=_in_scope(base, SelfDiagnosis.community_id, scope).order_by(
            bytewise(Community.name),
            Dimension.position,
            bytewise(Finding.kind),
            Finding.rank,
            Finding.id,
        ),
        rows=lambda keys: (
            select(
                Finding.id,
                Community.name,
                Dimension.name,
                Finding.kind,
                Finding.description,
                Finding.raising_group,
                Finding.rank,
            )
            .join(SelfDiagnosis, Finding.self_diagnosis_id == SelfDiagnosis.id)
            .join(Community, SelfDiagnosis.community_id == Community.id)
            .join(Dimension, Finding.dimension_id == Dimension.id)
            .where(Finding.id.in_(keys))
        ),
    )


def _round_place() -> Any:
    return func.coalesce(Community.name, District.name, literal(""))


def rounds(scope: Scope = MUNICIPALITY) -> TableQuery:
    base = (
        select(PrioritizationRound.id)
        .outerjoin(Community, PrioritizationRound.community_id == Community.id)
        .outerjoin(District, PrioritizationRound.district_id == District.id)
        .where(live(PrioritizationRound))
    )
    if scope.community_id is not None:
        base = base.where(PrioritizationRound.community_id == scope.community_id)
    elif scope.district_id is not None:
        base = base.where(
            (PrioritizationRound.district_id == scope.district_id)
            | (Community.district_id == scope.district_id)
        )
    return TableQuery(
        columns=(
            Column(N_("Community or district")),
            Column(N_("Round"), stretch=True),
            Column(N_("Level"), Kind.label),
            Column(N_("Method"), Kind.label),
            Column(N_("Ballots counted"), Kind.number),
            Column(N_("Participants"), Kind.number),
            Column(N_("Closed"), Kind.flag),
        ),
        ids=base.order_by(
            PrioritizationRound.level,
            _round_place(),
            bytewise(PrioritizationRound.title),
            PrioritizationRound.id,
        ),
        rows=lambda keys: (
            select(
                PrioritizationRound.id,
                _round_place(),
                PrioritizationRound.title,
                PrioritizationRound.level,
                PrioritizationRound.method,
                PrioritizationRound.ballots_counted,
                PrioritizationRound.participants_present,
                PrioritizationRound.closed,
            )
            .outerjoin(Community, PrioritizationRound.community_id == Community.id)
            .outerjoin(District, PrioritizationRound.district_id == District.id)
            .where(PrioritizationRound.id.in_(keys))
        ),
    )


def _shared_rank_text() -> Any:
    """A result's rank as shown: shared by equal scores and marked, ``=2`` (issue 12)."""
    shown = cast(func.coalesce(RoundResult.shared_rank, RoundResult.rank), String)
    return case((RoundResult.tied, literal("=") + shown), else_=shown)


@dataclass(frozen=True)
class _AgreedResults(TableQuery):
    """The agreed list, with the class of equal scores a class limit falls among marked
    ``A+ (=?)`` until the room decides (as on the tally panel, the acta and the
    spreadsheet); the rows select the result's item last, to find those."""

    round_id: uuid.UUID | None = None

    def fetch_rows(self, session: Session, keys: Sequence[Any]) -> dict[Any, tuple[Any, ...]]:
        read = {row[0]: tuple(row[1:]) for row in session.execute(self.rows(keys))}
        tied = any(str(values[0]).startswith("=") for values in read.values())
        marked = stored_limit_ties(session, self.round_id) if tied and self.round_id else set()
        return {key: (*values[:4], class_text(values[4].value, True)
                      if values[4] is not None and values[5] in marked else values[4])
                for key, values in read.items()}


def agreed_results(round_id: uuid.UUID | None) -> TableQuery:
    """The agreed order of one round's demands, with their priority class."""
    return _AgreedResults(
        round_id=round_id,
        columns=(
            Column(N_("Rank")),
            Column(N_("Demand")),
            Column(N_("Description"), stretch=True),
            Column(N_("Score"), Kind.number),
            Column(N_("Priority"), Kind.label),
        ),
        ids=select(RoundResult.id)
        .where(RoundResult.round_id == round_id, RoundResult.group == AGREED, live(RoundResult))
        .order_by(RoundResult.rank, RoundResult.id),
        rows=lambda keys: (
            select(
                RoundResult.id,
                _shared_rank_text(),
                Demand.code,
                Demand.description,
                RoundResult.score,
                RoundResult.priority_class,
                RoundResult.item_id,
            )
            .join(RoundItem, RoundResult.item_id == RoundItem.id)
            .join(Demand, RoundItem.demand_id == Demand.id)
            .where(RoundResult.id.in_(keys))
        ),
    )


def demands(scope: Scope = MUNICIPALITY) -> TableQuery:
    base = select(Demand.id).where(live(Demand))
    return TableQuery(
        columns=(
            Column(N_("Code")),
            Column(N_("Community")),
            Column(N_("Sector")),
            Column(N_("Demand"), stretch=True),
            Column(N_("Raised by"), Kind.label),
            Column(N_("Beneficiaries"), Kind.number),
            Column(N_("Estimated cost"), Kind.money),
            Column(N_("Status"), Kind.label),
        ),
        ids=_in_scope(base, Demand.community_id, scope).order_by(bytewise(Demand.code), Demand.id),
        rows=lambda keys: (
            select(
                Demand.id,
                Demand.code,
                Community.name,
                Sector.name,
                Demand.description,
                Demand.raising_group,
                Demand.beneficiaries_women + Demand.beneficiaries_men,
                Demand.estimated_cost,
                Demand.status,
            )
            .join(Community, Demand.community_id == Community.id)
            .join(Sector, Demand.sector_id == Sector.id)
            .where(Demand.id.in_(keys))
        ),
    )


def profiles() -> TableQuery:
    costs = profile_costs().subquery()
    return TableQuery(
        columns=(
            Column(N_("Code")),
            Column(N_("Project"), stretch=True),
            Column(N_("Type"), Kind.label),
            Column(N_("Element of the plan")),
            Column(N_("Cost"), Kind.money),
            Column(N_("Months"), Kind.number),
            Column(N_("Recommendation"), Kind.label),
        ),
        ids=select(ProjectProfile.id).where(live(ProjectProfile)).order_by(
            bytewise(ProjectProfile.code), ProjectProfile.id
        ),
        rows=lambda keys: (
            select(
                ProjectProfile.id,
                ProjectProfile.code,
                ProjectProfile.name,
                ProjectProfile.type,
                PlanElement.code,
                costs.c.cost,
                ProjectProfile.duration_months,
                ProjectProfile.recommendation,
            )
            .outerjoin(PlanElement, ProjectProfile.element_id == PlanElement.id)
            .outerjoin(costs, costs.c.profile_id == ProjectProfile.id)
            .where(ProjectProfile.id.in_(keys))
        ),
    )


def annual_plans() -> TableQuery:
    """The POAs with their operations and budget as the POA's figures count them (a
    cancelled operation adds nothing)."""
    operations = (
        select(func.count(Operation.id))
        .where(Operation.annual_plan_id == AnnualPlan.id, counted_operation())
        .correlate(AnnualPlan)
        .scalar_subquery()
    )
    budget = (
        select(func.sum(Operation.budget))
        .where(Operation.annual_plan_id == AnnualPlan.id, counted_operation())
        .correlate(AnnualPlan)
        .scalar_subquery()
    )
    objectives = (
        select(func.count(ManagementObjective.id))
        .where(ManagementObjective.annual_plan_id == AnnualPlan.id, live(ManagementObjective))
        .correlate(AnnualPlan)
        .scalar_subquery()
    )
    return TableQuery(
        columns=(
            Column(N_("Fiscal year")),
            Column(N_("Approved"), Kind.flag),
            Column(N_("Management objectives"), Kind.number),
            Column(N_("Operations"), Kind.number),
            Column(N_("Budget"), Kind.money),
        ),
        ids=select(AnnualPlan.id).where(live(AnnualPlan)).order_by(
            AnnualPlan.fiscal_year.desc(), AnnualPlan.id
        ),
        rows=lambda keys: select(
            AnnualPlan.id,
            AnnualPlan.fiscal_year,
            AnnualPlan.approved,
            objectives,
            operations,
            budget,
        ).where(AnnualPlan.id.in_(keys)),
    )


def operations(plan_id: uuid.UUID | None) -> TableQuery:
    return TableQuery(
        columns=(
            Column(N_("Code")),
            Column(N_("Operation"), stretch=True),
            Column(N_("Type"), Kind.label),
            Column(N_("Element of the plan")),
            Column(N_("Budget"), Kind.money),
            Column(N_("Executing unit")),
            Column(N_("Start"), Kind.date),
            Column(N_("End"), Kind.date),
            Column(N_("Cancelled"), Kind.flag),
        ),
        ids=select(Operation.id)
        .where(Operation.annual_plan_id == plan_id, live(Operation))
        .order_by(bytewise(Operation.code), Operation.id),
        rows=lambda keys: (
            select(
                Operation.id,
                Operation.code,
                Operation.name,
                Operation.type,
                PlanElement.code,
                Operation.budget,
                Operation.executing_unit,
                Operation.start_date,
                Operation.end_date,
                Operation.cancelled,
            )
            .outerjoin(PlanElement, Operation.element_id == PlanElement.id)
            .where(Operation.id.in_(keys))
        ),
    )


def progress() -> TableQuery:
    profile = aliased(ProjectProfile)
    operation = aliased(Operation)
    subject = func.coalesce(operation.code, profile.code)
    title = func.coalesce(operation.name, profile.name)
    return TableQuery(
        columns=(
            Column(N_("Date"), Kind.date),
            Column(N_("Code")),
            Column(N_("Project or operation")),
            Column(N_("Physical progress"), Kind.percent),
            Column(N_("Executed"), Kind.money),
            Column(N_("Target achieved")),
            Column(N_("Results")),
            Column(N_("Corrective measures")),
        ),
        ids=select(Progress.id)
        .outerjoin(operation, Progress.operation_id == operation.id)
        .outerjoin(profile, Progress.profile_id == profile.id)
        .where(live(Progress))
        .order_by(Progress.date.desc(), bytewise(subject), Progress.id),
        rows=lambda keys: (
            select(
                Progress.id,
                Progress.date,
                subject,
                title,
                Progress.physical_percent,
                Progress.financial_executed,
                Progress.target_achieved,
                Progress.results,
                Progress.corrective_measures,
            )
            .outerjoin(operation, Progress.operation_id == operation.id)
            .outerjoin(profile, Progress.profile_id == profile.id)
            .where(Progress.id.in_(keys))
        ),
    )


def dimensions(session: Session) -> list[tuple[uuid.UUID, str]]:
    """The diagnosis dimensions of the municipality, in their configured order."""
    municipality = current_municipality(session)
    if municipality is None:
        return []
    rows = session.execute(
        select(Dimension.id, Dimension.name)
        .where(Dimension.municipality_id == municipality.id, live(Dimension))
        .order_by(Dimension.position, bytewise(Dimension.code), Dimension.id)
    )
    return [(id_, name) for id_, name in rows]
