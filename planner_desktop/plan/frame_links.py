"""What is attached to the plan or to its elements: SDG links, cross-cutting tags,
indicators with yearly targets, and the technical team's class of a project.

As in :mod:`planner_desktop.plan.frame_elements`, each function checks its input with
:mod:`planner_desktop.plan.frame`, raises :class:`~planner_desktop.plan.frame.FrameRefused`
naming the field before writing, and works in the caller's transaction. Rows with a
uniqueness rule (a tag per element and dimension, a target per indicator and year) are
reused when a tombstoned one exists, so removing and adding again never clashes.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import IndicatorLevel, PriorityClass
from planner_desktop.domain.plan import (
    CrossCutting,
    ElementCrossCutting,
    Plan,
    PlanElement,
    SdgLink,
)
from planner_desktop.domain.projects import Indicator, IndicatorTarget, ProjectProfile
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.i18n import _
from planner_desktop.plan import frame
from planner_desktop.plan.frame import refuse
from planner_desktop.plan.frame_plan import _get, live
from planner_desktop.plan.ordering import bytewise


def sdg_links(
    session: Session, *, plan_id: uuid.UUID | None = None, element_id: uuid.UUID | None = None
) -> list[SdgLink]:
    """The live SDG links of the plan or of one element, by goal and target."""
    owner = SdgLink.plan_id == plan_id if plan_id is not None else SdgLink.element_id == element_id
    return list(
        session.scalars(
            select(SdgLink)
            .where(owner, live(SdgLink))
            .order_by(SdgLink.sdg, bytewise(SdgLink.target), SdgLink.id)
        )
    )


def add_sdg(
    session: Session,
    goal: int | str,
    target: str = "",
    *,
    plan_id: uuid.UUID | None = None,
    element_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Link the plan (``plan_id``) or one element (``element_id``) to an SDG goal/target."""
    number, clean = frame.sdg(goal, target)
    if (plan_id is None) == (element_id is None):
        raise refuse("sdg", _("link it to the plan or to one element."))
    if plan_id is not None:
        _get(session, Plan, plan_id, "sdg")
    else:
        _get(session, PlanElement, element_id, "sdg")  # type: ignore[arg-type]
    for link in sdg_links(session, plan_id=plan_id, element_id=element_id):
        if (link.sdg, link.target) == (number, clean):
            raise refuse("sdg", _("{sdg} is already linked.").format(sdg=clean or number))
    link = SdgLink(
        id=uuid.uuid4(), plan_id=plan_id, element_id=element_id, sdg=number, target=clean
    )
    session.add(link)
    return link.id


def remove_sdg(session: Session, link_id: uuid.UUID) -> None:
    mark_deleted(_get(session, SdgLink, link_id, "sdg"))


def tags(session: Session, element_id: uuid.UUID) -> list[uuid.UUID]:
    """The cross-cutting dimensions tagged on an element (live tags of live dimensions)."""
    return list(
        session.scalars(
            select(ElementCrossCutting.cross_cutting_id)
            .join(CrossCutting, CrossCutting.id == ElementCrossCutting.cross_cutting_id)
            .where(
                ElementCrossCutting.element_id == element_id,
                live(ElementCrossCutting),
                live(CrossCutting),
            )
            .order_by(CrossCutting.position, CrossCutting.id)
        )
    )


def set_tag(session: Session, element_id: uuid.UUID, dimension_id: uuid.UUID, on: bool) -> None:
    """Tag (``on``) or untag an element with one of its plan's cross-cutting dimensions."""
    record: PlanElement = _get(session, PlanElement, element_id, "element_id")
    dimension: CrossCutting = _get(session, CrossCutting, dimension_id, "cross_cutting")
    if dimension.plan_id != record.plan_id:
        raise refuse("cross_cutting", _("it belongs to another plan."))
    tag = session.scalar(
        select(ElementCrossCutting).where(
            ElementCrossCutting.element_id == element_id,
            ElementCrossCutting.cross_cutting_id == dimension_id,
        )
    )
    if on and tag is None:
        session.add(ElementCrossCutting(element_id=element_id, cross_cutting_id=dimension_id))
    elif on and tag is not None and tag.deleted_at is not None:
        tag.deleted_at = None
    elif not on and tag is not None and tag.deleted_at is None:
        mark_deleted(tag)


def indicators(session: Session, element_id: uuid.UUID) -> list[Indicator]:
    """An element's live indicators, impact first, then result and product."""
    order = {IndicatorLevel.impact: 0, IndicatorLevel.result: 1, IndicatorLevel.product: 2}
    found = session.scalars(
        select(Indicator)
        .where(Indicator.element_id == element_id, live(Indicator))
        .order_by(Indicator.created_at, bytewise(Indicator.name), Indicator.id)
    )
    return sorted(found, key=lambda i: order[IndicatorLevel(i.level)])


def indicator_fields(
    name: str, unit: str = "", baseline: str = "", level: IndicatorLevel | str = "result"
) -> dict[str, Any]:
    """The checked fields of an indicator."""
    return {
        "name": frame.line(name, "name", 2000),
        "unit": frame.line(unit, "unit", frame.UNIT_MAX, required=False),
        "baseline": frame.line(baseline, "baseline", frame.BASELINE_MAX, required=False),
        "level": frame.indicator_level(level),
    }


def add_indicator(
    session: Session,
    element_id: uuid.UUID,
    name: str,
    unit: str = "",
    baseline: str = "",
    level: IndicatorLevel | str = IndicatorLevel.result,
) -> uuid.UUID:
    fields = indicator_fields(name, unit, baseline, level)
    _get(session, PlanElement, element_id, "element_id")
    record = Indicator(id=uuid.uuid4(), element_id=element_id, **fields)
    session.add(record)
    return record.id


def edit_indicator(session: Session, indicator_id: uuid.UUID, **fields: Any) -> None:
    """Change the name, unit, baseline or level of an indicator."""
    record: Indicator = _get(session, Indicator, indicator_id, "name")
    current = {
        "name": record.name,
        "unit": record.unit,
        "baseline": record.baseline,
        "level": record.level,
    }
    unknown = set(fields) - set(current)
    if unknown:
        raise refuse(sorted(unknown)[0], _("it cannot be changed here."))
    for key, value in indicator_fields(**{**current, **fields}).items():
        if key in fields:
            setattr(record, key, value)


def delete_indicator(session: Session, indicator_id: uuid.UUID) -> None:
    """Tombstone an indicator and its targets."""
    record: Indicator = _get(session, Indicator, indicator_id, "name")
    mark_deleted(record)
    for target in session.scalars(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, live(IndicatorTarget)
        )
    ):
        mark_deleted(target)


def targets(session: Session, indicator_id: uuid.UUID) -> dict[int, str]:
    return {
        int(year): text
        for year, text in session.execute(
            select(IndicatorTarget.year, IndicatorTarget.target).where(
                IndicatorTarget.indicator_id == indicator_id, live(IndicatorTarget)
            )
        )
    }


def _plan_of_indicator(session: Session, record: Indicator) -> Plan | None:
    if record.element_id is not None:
        found = session.get(PlanElement, record.element_id)
        return session.get(Plan, found.plan_id) if found is not None else None
    from planner_desktop.domain.projects import ProjectProfile as Profile

    profile = session.get(Profile, record.profile_id) if record.profile_id else None
    if profile is None:
        return None
    return session.scalars(
        select(Plan).where(Plan.municipality_id == profile.municipality_id, live(Plan))
    ).first()


def set_target(session: Session, indicator_id: uuid.UUID, year: int, text: str) -> None:
    """The target of an indicator for one year of the plan; empty text clears it."""
    record: Indicator = _get(session, Indicator, indicator_id, "name")
    plan = _plan_of_indicator(session, record)
    if plan is None:
        raise refuse("year", _("there is no plan, so no period."))
    value = frame.yearly_target(text, year, plan.start_year, plan.end_year)
    row = session.scalar(
        select(IndicatorTarget).where(
            IndicatorTarget.indicator_id == indicator_id, IndicatorTarget.year == year
        )
    )
    if not value:
        if row is not None and row.deleted_at is None:
            mark_deleted(row)
        return
    if row is None:
        session.add(IndicatorTarget(indicator_id=indicator_id, year=year, target=value))
    else:
        row.target, row.deleted_at = value, None


def set_team_class(
    session: Session,
    profile_id: uuid.UUID,
    value: PriorityClass | str | None,
    reason: str = "",
) -> None:
    """The technical team's class of a project (A+, A, B, C, or none) and its reason."""
    chosen, why = frame.team_class(value, reason)
    record: ProjectProfile = _get(session, ProjectProfile, profile_id, "team_class")
    record.team_class, record.team_class_reason = chosen, why
