"""Editing the plan itself: creating it from a template, its levels, statements and values.

Every function works in the caller's session (one transaction: the window wraps each in
:func:`planner_desktop.plan.frame_change.recording` to undo it), checks what it is given
with :mod:`planner_desktop.plan.frame` and raises
:class:`~planner_desktop.plan.frame.FrameRefused` naming the field, before writing
anything. A municipality has one live plan at a time. Levels are added and removed at
the bottom only, and a level some live element sits at is never removed; a level removed
and added again reuses its record (one per plan and depth).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain import summaries
from planner_desktop.domain.base import Synced
from planner_desktop.domain.enums import PlanTemplate
from planner_desktop.domain.plan import (
    MAX_LEVELS,
    MIN_LEVELS,
    CrossCutting,
    Plan,
    PlanElement,
    PlanLevel,
    PlanValue,
)
from planner_desktop.domain.plan_templates import shape
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan import frame
from planner_desktop.plan.frame import refuse


def live(model: type[Synced]) -> ColumnElement[bool]:
    return model.deleted_at.is_(None)


def _get(session: Session, model: type[Synced], record_id: uuid.UUID, what: str) -> Any:
    record = session.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise refuse(what, _("it no longer exists."))
    return record


def plan_of(session: Session, municipality_id: uuid.UUID) -> Plan | None:
    """The municipality's live plan, by the one rule every part of the program uses
    (:func:`planner_desktop.domain.summaries.current_plan`: the latest period, should two
    laptops each have made one)."""
    return summaries.current_plan(session, municipality_id)


def create_plan(
    session: Session,
    municipality_id: uuid.UUID,
    template: PlanTemplate,
    start_year: int | str,
    end_year: int | str,
    *,
    title: str | None = None,
    level_names: Sequence[str] | None = None,
) -> uuid.UUID:
    """A new plan with the template's levels (or ``level_names``, any template)."""
    chosen = shape(PlanTemplate(template))
    first, last = frame.period(start_year, end_year)
    names = frame.level_names(level_names if level_names is not None else chosen.levels)
    clean_title = frame.line(title if title is not None else chosen.title, "title", frame.TITLE_MAX)
    if plan_of(session, municipality_id) is not None:
        raise refuse("title", _("this municipality already has a plan."))
    plan = Plan(
        id=uuid.uuid4(),
        municipality_id=municipality_id,
        template=chosen.template,
        title=clean_title,
        start_year=first,
        end_year=last,
    )
    session.add(plan)
    for depth, name in enumerate(names, start=1):
        session.add(PlanLevel(plan_id=plan.id, depth=depth, name=name))
    session.flush()
    return plan.id


def levels(session: Session, plan_id: uuid.UUID) -> list[PlanLevel]:
    """The plan's live levels, top first."""
    return list(
        session.scalars(
            select(PlanLevel)
            .where(PlanLevel.plan_id == plan_id, live(PlanLevel))
            .order_by(PlanLevel.depth, PlanLevel.id)
        )
    )


def rename_level(session: Session, plan_id: uuid.UUID, depth: int, name: str) -> None:
    clean = frame.level_name(name)
    found = levels(session, plan_id)
    for other in found:
        if other.depth != depth and frame.folded(other.name) == frame.folded(clean):
            raise refuse("level", _("another level is called “{name}”.").format(name=clean))
    level = next((other for other in found if other.depth == depth), None)
    if level is None:
        raise refuse("level", _("the plan has no level {n}.").format(n=depth))
    level.name = clean


def add_level(session: Session, plan_id: uuid.UUID, name: str) -> int:
    """A new level below the deepest one; returns its depth."""
    found = levels(session, plan_id)
    if len(found) >= MAX_LEVELS:
        raise refuse("levels", _("a plan has at most {n} levels.").format(n=MAX_LEVELS))
    frame.level_names([level.name for level in found] + [name])
    depth = len(found) + 1
    clean = frame.level_name(name)
    old = session.scalar(
        select(PlanLevel).where(PlanLevel.plan_id == plan_id, PlanLevel.depth == depth)
    )
    if old is None:
        session.add(PlanLevel(plan_id=plan_id, depth=depth, name=clean))
    else:
        old.name, old.deleted_at = clean, None
    return depth


def remove_level(session: Session, plan_id: uuid.UUID) -> None:
    """Remove the deepest level, when no live element sits at it."""
    found = levels(session, plan_id)
    if len(found) <= MIN_LEVELS:
        raise refuse("levels", _("a plan has at least {n} levels.").format(n=MIN_LEVELS))
    deepest = found[-1]
    used = session.scalar(
        select(func.count())
        .select_from(PlanElement)
        .where(
            PlanElement.plan_id == plan_id, PlanElement.depth == deepest.depth, live(PlanElement)
        )
    )
    if used:
        raise refuse(
            "levels",
            ngettext(
                "{n} element is at the level “{name}”: delete or move it first.",
                "{n} elements are at the level “{name}”: delete or move them first.",
                used,
            ).format(n=used, name=deepest.name),
        )
    mark_deleted(deepest)


def edit_plan(session: Session, plan_id: uuid.UUID, **fields: Any) -> None:
    """Change the title, vision, mission or period (``start_year`` and ``end_year``)."""
    plan: Plan = _get(session, Plan, plan_id, "title")
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "title":
            values[name] = frame.line(value, "title", frame.TITLE_MAX)
        elif name in ("vision", "mission"):
            values[name] = frame.long_text(value, name)
        elif name not in ("start_year", "end_year"):
            raise refuse(name, _("it cannot be changed here."))
    if "start_year" in fields or "end_year" in fields:
        start = fields.get("start_year", plan.start_year)
        end = fields.get("end_year", plan.end_year)
        values["start_year"], values["end_year"] = frame.period(start, end)
    for name, value in values.items():
        setattr(plan, name, value)


def values_of(session: Session, plan_id: uuid.UUID) -> list[PlanValue]:
    return list(
        session.scalars(
            select(PlanValue)
            .where(PlanValue.plan_id == plan_id, live(PlanValue))
            .order_by(PlanValue.position, PlanValue.created_at, PlanValue.id)
        )
    )


def _value_fields(name: str, sentence: str) -> dict[str, str]:
    return {
        "name": frame.line(name, "value", frame.VALUE_MAX),
        "sentence": frame.long_text(sentence, "sentence"),
    }


def add_value(session: Session, plan_id: uuid.UUID, name: str, sentence: str = "") -> uuid.UUID:
    """A value at the end of the plan's list."""
    fields = _value_fields(name, sentence)
    _get(session, Plan, plan_id, "value")
    found = values_of(session, plan_id)
    record = PlanValue(id=uuid.uuid4(), plan_id=plan_id, position=len(found), **fields)
    session.add(record)
    return record.id


def edit_value(session: Session, value_id: uuid.UUID, name: str, sentence: str) -> None:
    fields = _value_fields(name, sentence)
    record = _get(session, PlanValue, value_id, "value")
    for key, item in fields.items():
        setattr(record, key, item)


def renumber(records: Sequence[Any]) -> None:
    """Positions 0, 1, 2… in the given order (only those that differ are written)."""
    for position, record in enumerate(records):
        if record.position != position:
            record.position = position


def move_in_list(records: list[Any], record_id: uuid.UUID, steps: int, field: str) -> None:
    """Move one record ``steps`` places (negative: up) and renumber the list."""
    index = next((i for i, record in enumerate(records) if record.id == record_id), None)
    if index is None:
        raise refuse(field, _("it no longer exists."))
    target = max(0, min(len(records) - 1, index + steps))
    records.insert(target, records.pop(index))
    renumber(records)


def move_value(session: Session, value_id: uuid.UUID, steps: int) -> None:
    record = _get(session, PlanValue, value_id, "value")
    move_in_list(values_of(session, record.plan_id), value_id, steps, "value")


def delete_value(session: Session, value_id: uuid.UUID) -> None:
    record = _get(session, PlanValue, value_id, "value")
    mark_deleted(record)
    renumber([v for v in values_of(session, record.plan_id) if v.id != value_id])


def dimensions(session: Session, plan_id: uuid.UUID) -> list[CrossCutting]:
    """The plan's live cross-cutting dimensions, in their order."""
    return list(
        session.scalars(
            select(CrossCutting)
            .where(CrossCutting.plan_id == plan_id, live(CrossCutting))
            .order_by(CrossCutting.position, CrossCutting.created_at, CrossCutting.id)
        )
    )


def _dimension_name(
    session: Session, plan_id: uuid.UUID, name: str, own: uuid.UUID | None = None
) -> str:
    clean = frame.line(name, "cross_cutting", frame.VALUE_MAX)
    for other in dimensions(session, plan_id):
        if other.id != own and frame.folded(other.name) == frame.folded(clean):
            raise refuse("cross_cutting", _("“{name}” is already there.").format(name=clean))
    return clean


def add_dimension(
    session: Session, plan_id: uuid.UUID, name: str, description: str = ""
) -> uuid.UUID:
    _get(session, Plan, plan_id, "cross_cutting")
    clean = _dimension_name(session, plan_id, name)
    record = CrossCutting(
        id=uuid.uuid4(),
        plan_id=plan_id,
        name=clean,
        description=frame.long_text(description, "cross_cutting"),
        position=len(dimensions(session, plan_id)),
    )
    session.add(record)
    return record.id


def rename_dimension(session: Session, dimension_id: uuid.UUID, name: str) -> None:
    record = _get(session, CrossCutting, dimension_id, "cross_cutting")
    record.name = _dimension_name(session, record.plan_id, name, own=dimension_id)


def delete_dimension(session: Session, dimension_id: uuid.UUID) -> None:
    """Delete a dimension and its tags on elements."""
    from planner_desktop.domain.plan import ElementCrossCutting

    record = _get(session, CrossCutting, dimension_id, "cross_cutting")
    mark_deleted(record)
    for tag in session.scalars(
        select(ElementCrossCutting).where(
            ElementCrossCutting.cross_cutting_id == dimension_id, live(ElementCrossCutting)
        )
    ):
        mark_deleted(tag)
    renumber([d for d in dimensions(session, record.plan_id) if d.id != dimension_id])
