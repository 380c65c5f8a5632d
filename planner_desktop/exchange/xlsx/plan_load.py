"""The current plan as stored: every live record the plan workbook carries, in the order
the window shows them (trees top-down, lists by position). Read by the export, and by
the import to find the records its rows update."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from planner_desktop.capture.actor_roles import PHASES
from planner_desktop.capture.assessment import Score, grid_years
from planner_desktop.capture.plan_records import current_municipality_id, current_plan
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ActorPhase
from planner_desktop.domain.plan import (
    ActorRole,
    Agreement,
    CrossCutting,
    ElementCrossCutting,
    OrgUnit,
    Pact,
    Plan,
    PlanElement,
    PlanLevel,
    PlanValue,
    SdgLink,
    TeamMember,
    WorkActivity,
)
from planner_desktop.domain.projects import FundingSource, Indicator, IndicatorTarget, SourceCeiling
from planner_desktop.domain.territory import Municipality, Sector

T = TypeVar("T")


@dataclass
class Loaded:
    municipality: Municipality
    plan: Plan | None
    levels: list[PlanLevel] = field(default_factory=list)
    elements: list[PlanElement] = field(default_factory=list)
    sector_codes: dict[uuid.UUID, str] = field(default_factory=dict)
    units: list[OrgUnit] = field(default_factory=list)
    values: list[PlanValue] = field(default_factory=list)
    sdgs: list[SdgLink] = field(default_factory=list)
    dimensions: list[CrossCutting] = field(default_factory=list)
    tags: dict[uuid.UUID, list[str]] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    targets: dict[tuple[uuid.UUID, int], str] = field(default_factory=dict)
    sources: list[FundingSource] = field(default_factory=list)
    ceilings: dict[tuple[uuid.UUID, int], Decimal] = field(default_factory=dict)
    areas: list[AssessmentArea] = field(default_factory=list)
    scores: dict[tuple[uuid.UUID, int], Score] = field(default_factory=dict)
    score_years: list[int] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    all_organizations: list[Organization] = field(default_factory=list)
    roles: dict[tuple[uuid.UUID, ActorPhase], str] = field(default_factory=dict)
    phases: tuple[ActorPhase, ...] = PHASES
    activities: list[WorkActivity] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    team: list[TeamMember] = field(default_factory=list)
    pacts: list[Pact] = field(default_factory=list)


def _live(session: Session, model: type[T], *where: Any, order: Iterable[Any] = ()) -> list[T]:
    query = select(model).where(model.deleted_at.is_(None), *where)  # type: ignore[attr-defined]
    return list(session.scalars(query.order_by(*order, model.created_at, model.id)))  # type: ignore[attr-defined]


def tree_order(records: list[T], parent: Callable[[T], uuid.UUID | None]) -> list[T]:
    """Parents before their children, siblings in the given order; a record whose parent
    is not among ``records`` is taken as a top one."""
    ids = {record.id for record in records}  # type: ignore[attr-defined]
    children: dict[uuid.UUID | None, list[T]] = {}
    for record in records:
        above = parent(record)
        children.setdefault(above if above in ids else None, []).append(record)
    ordered: list[T] = []
    stack = list(reversed(children.get(None, [])))
    while stack:
        record = stack.pop()
        ordered.append(record)
        stack.extend(reversed(children.get(record.id, [])))  # type: ignore[attr-defined]
    return ordered


def load(session: Session) -> Loaded | None:
    """The current municipality with its plan (None when it has none yet) and all they
    carry; None when the database holds no municipality."""
    town_id = current_municipality_id(session)
    if town_id is None:
        return None
    town = session.get(Municipality, town_id)
    assert town is not None
    found = Loaded(town, current_plan(session))
    _load_town(session, found)
    if found.plan is not None:
        _load_plan(session, found, found.plan)
    _load_actors(session, found)
    return found


def _load_town(session: Session, found: Loaded) -> None:
    town_id = found.municipality.id
    found.sector_codes = dict(
        session.execute(
            select(Sector.id, Sector.code).where(Sector.municipality_id == town_id)
        ).all()
    )
    units = _live(session, OrgUnit, OrgUnit.municipality_id == town_id, order=[OrgUnit.position])
    found.units = tree_order(units, lambda u: u.parent_id)
    found.sources = _live(
        session, FundingSource, FundingSource.municipality_id == town_id, order=[FundingSource.code]
    )
    for ceiling in _live(
        session, SourceCeiling, SourceCeiling.source_id.in_([s.id for s in found.sources])
    ):
        found.ceilings[(ceiling.source_id, ceiling.year)] = ceiling.amount
    found.areas = _live(
        session,
        AssessmentArea,
        AssessmentArea.municipality_id == town_id,
        order=[AssessmentArea.position],
    )
    for score in _live(
        session, AssessmentScore, AssessmentScore.area_id.in_([a.id for a in found.areas])
    ):
        found.scores[(score.area_id, score.year)] = (score.state, score.percentage)
    found.score_years = grid_years(session, town_id)


def _load_plan(session: Session, found: Loaded, plan: Plan) -> None:
    found.levels = _live(session, PlanLevel, PlanLevel.plan_id == plan.id, order=[PlanLevel.depth])
    elements = _live(
        session, PlanElement, PlanElement.plan_id == plan.id, order=[PlanElement.position]
    )
    found.elements = tree_order(elements, lambda e: e.parent_id)
    element_ids = [e.id for e in found.elements]
    rank = {element_id: n for n, element_id in enumerate(element_ids)}
    found.values = _live(
        session, PlanValue, PlanValue.plan_id == plan.id, order=[PlanValue.position]
    )
    sdgs = _live(
        session,
        SdgLink,
        or_(SdgLink.plan_id == plan.id, SdgLink.element_id.in_(element_ids)),
        order=[SdgLink.sdg, SdgLink.target],
    )
    found.sdgs = sorted(sdgs, key=lambda s: -1 if s.element_id is None else rank[s.element_id])
    found.dimensions = _live(
        session, CrossCutting, CrossCutting.plan_id == plan.id, order=[CrossCutting.position]
    )
    names = {d.id: d.name for d in found.dimensions}
    position = {d.id: n for n, d in enumerate(found.dimensions)}
    tags = _live(session, ElementCrossCutting, ElementCrossCutting.element_id.in_(element_ids))
    for tag in sorted(tags, key=lambda t: position.get(t.cross_cutting_id, -1)):
        if tag.cross_cutting_id in names:
            found.tags.setdefault(tag.element_id, []).append(names[tag.cross_cutting_id])
    level_rank = {"impact": 0, "result": 1, "product": 2}
    indicators = _live(session, Indicator, Indicator.element_id.in_(element_ids))
    found.indicators = sorted(
        indicators,
        key=lambda i: (rank.get(i.element_id or i.id, 0), level_rank.get(str(i.level), 3)),
    )
    for target in _live(
        session,
        IndicatorTarget,
        IndicatorTarget.indicator_id.in_([i.id for i in found.indicators]),
    ):
        found.targets[(target.indicator_id, target.year)] = target.target
    found.activities = _live(
        session, WorkActivity, WorkActivity.plan_id == plan.id, order=[WorkActivity.position]
    )
    found.agreements = _live(session, Agreement, Agreement.plan_id == plan.id)
    found.team = _live(
        session, TeamMember, TeamMember.plan_id == plan.id, order=[TeamMember.position]
    )
    found.pacts = _live(session, Pact, Pact.plan_id == plan.id)


def _load_actors(session: Session, found: Loaded) -> None:
    """The organisations acting in the plan (a role in some phase, or a pact)."""
    organizations = _live(
        session,
        Organization,
        Organization.municipality_id == found.municipality.id,
        order=[Organization.name],
    )
    ids = [o.id for o in organizations]
    for role in _live(session, ActorRole, ActorRole.organization_id.in_(ids)):
        found.roles[(role.organization_id, role.phase)] = role.role
    acting = {organization for (organization, _phase), role in found.roles.items() if role}
    acting |= {pact.organization_id for pact in found.pacts}
    found.all_organizations = organizations
    found.organizations = [o for o in organizations if o.id in acting]
