"""The plan's annexes typed by a person: work plan, agreement, technical team and pacts.

Every function here checks typed values and returns what to store, or refuses with
:class:`~planner_desktop.capture.territory.FieldRefused` (one translated line naming the
field; nothing is written), and check every value against the one set of rules
(:func:`~planner_desktop.capture.rule_checks.refuse_row`). The writes themselves go through
:mod:`planner_desktop.capture.records` and :mod:`planner_desktop.capture.deletion`, which
stamp provenance; :func:`move` reorders a list in one transaction.

All of these hang off the municipality's current plan (:func:`current_plan`).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop import locales
from planner_desktop.capture.rule_checks import FieldRefused, one_line, refuse_row
from planner_desktop.capture.validation import clean_text
from planner_desktop.domain import summaries
from planner_desktop.domain.base import Synced
from planner_desktop.domain.diagnosis import AssessmentArea
from planner_desktop.domain.plan import (
    Agreement,
    OrgUnit,
    Pact,
    Plan,
    PlanElement,
    TeamMember,
    WorkActivity,
)
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import default_level_name

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

TEXT_MAX = 200
SIBLINGS: dict[type[Synced], tuple[str, ...]] = {
    AssessmentArea: ("municipality_id",),
    WorkActivity: ("plan_id",),
    TeamMember: ("plan_id",),
    OrgUnit: ("municipality_id", "parent_id"),
}
"""The fields that make a list of each ordered record (its ``position`` counts inside)."""
TITLES = {
    "activity": N_("Activity"),
    "start_date": N_("Start"),
    "end_date": N_("End"),
    "responsible": N_("Responsible"),
    "title": N_("Title"),
    "parties": N_("Parties"),
    "signed_on": N_("Signed on"),
    "signatories": N_("Signatories"),
    "name": N_("Name"),
    "role": N_("Role"),
    "institution": N_("Institution"),
    "organization_id": N_("Organization"),
    "element_id": N_("Plan element"),
    "commitment": N_("Commitment"),
    "contribution": N_("Contribution"),
}
"""The title of each field, as its refusals name it."""


def current_municipality_id(session: Session) -> uuid.UUID | None:
    """The municipality this database plans for (the first one created)."""
    municipality = summaries.current_municipality(session)
    return None if municipality is None else municipality.id


def current_plan(session: Session) -> Plan | None:
    """The current municipality's plan (the latest period), or None when there is none."""
    municipality_id = current_municipality_id(session)
    if municipality_id is None:
        return None
    return summaries.current_plan(session, municipality_id)


def _title(field: str) -> str:
    return _(TITLES.get(field, field))


def required_text(field: str, text: Any, limit: int | None = TEXT_MAX) -> str:
    value = one_line(str(text or ""))
    if not value:
        raise FieldRefused(field, _("{field}: write it.").format(field=_title(field)))
    return optional_text(field, value, limit)


def optional_text(field: str, text: Any, limit: int | None = TEXT_MAX) -> str:
    value = one_line(str(text or ""))
    if limit is not None and len(value) > limit:
        raise FieldRefused(
            field,
            _("{field}: at most {limit} characters.").format(field=_title(field), limit=limit),
        )
    return value


def parse_date(field: str, text: Any) -> date | None:
    """A date typed as the window shows dates (or year first); empty is no date."""
    if isinstance(text, date) or text is None:
        return text
    typed = clean_text(str(text))
    if not typed:
        return None
    try:
        return locales.parse_short_date(typed)
    except ValueError:
        example = locales.short_date(date(2026, 3, 31))
        raise FieldRefused(
            field,
            _('{field}: "{value}" is not a date; type it as {example}.').format(
                field=_title(field), value=typed, example=example
            ),
        ) from None


def check_dates(start: date | None, end: date | None) -> None:
    """Refuse an end before the start, naming the end."""
    if start is not None and end is not None and end < start:
        raise FieldRefused(
            "end_date",
            _("{field}: {end} is before the start ({start}).").format(
                field=_title("end_date"),
                end=locales.short_date(end),
                start=locales.short_date(start),
            ),
        )


def next_position(session: Session, model: type[Synced], parents: dict[str, Any]) -> int:
    """The position after the last of a list (tombstoned ones included)."""
    query = select(func.max(model.position))  # type: ignore[attr-defined]
    for name, value in parents.items():
        query = query.where(getattr(model, name) == value)
    last = session.scalar(query)
    return 0 if last is None else int(last) + 1


def work_activity_values(
    session: Session,
    plan_id: uuid.UUID,
    activity: str,
    start: Any = None,
    end: Any = None,
    responsible: str = "",
) -> dict[str, Any]:
    start_date, end_date = parse_date("start_date", start), parse_date("end_date", end)
    check_dates(start_date, end_date)
    values = {
        "plan_id": plan_id,
        "activity": required_text("activity", activity, None),
        "start_date": start_date,
        "end_date": end_date,
        "responsible": optional_text("responsible", responsible),
        "position": next_position(session, WorkActivity, {"plan_id": plan_id}),
    }
    refuse_row("work_activity", values)
    return values


def agreement_values(
    plan_id: uuid.UUID, title: str, parties: str = "", signed_on: Any = None, signatories: str = ""
) -> dict[str, Any]:
    values = {
        "plan_id": plan_id,
        "title": required_text("title", title),
        "parties": optional_text("parties", parties, None),
        "signed_on": parse_date("signed_on", signed_on),
        "signatories": optional_text("signatories", signatories, None),
    }
    refuse_row("agreement", values)
    return values


def team_member_values(
    session: Session, plan_id: uuid.UUID, name: str, role: str = "", institution: str = ""
) -> dict[str, Any]:
    values = {
        "plan_id": plan_id,
        "name": required_text("name", name),
        "role": optional_text("role", role),
        "institution": optional_text("institution", institution),
        "position": next_position(session, TeamMember, {"plan_id": plan_id}),
    }
    refuse_row("team_member", values)
    return values


def pact_values(
    plan_id: uuid.UUID,
    organization_id: uuid.UUID | None,
    commitment: str = "",
    element_id: uuid.UUID | None = None,
    contribution: str = "",
    start: Any = None,
    end: Any = None,
) -> dict[str, Any]:
    """A pact: the organisation is required; the commitment may be written afterwards."""
    if organization_id is None:
        raise FieldRefused(
            "organization_id", _("{field}: choose one.").format(field=_title("organization_id"))
        )
    start_date, end_date = parse_date("start_date", start), parse_date("end_date", end)
    check_dates(start_date, end_date)
    values = {
        "plan_id": plan_id,
        "organization_id": organization_id,
        "element_id": element_id,
        "commitment": optional_text("commitment", commitment, None),
        "contribution": optional_text("contribution", contribution, None),
        "start_date": start_date,
        "end_date": end_date,
    }
    refuse_row("pact", values)
    return values


def element_choices(session: Session, plan_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
    """Every live element of the plan, in tree order, as "Level code name"."""
    levels = summaries.level_names(session, plan_id)
    elements = list(
        session.scalars(
            select(PlanElement)
            .where(PlanElement.plan_id == plan_id, PlanElement.deleted_at.is_(None))
            .order_by(PlanElement.position, bytewise(PlanElement.code), PlanElement.id)
        )
    )
    children: dict[uuid.UUID | None, list[PlanElement]] = {}
    known = {element.id for element in elements}
    for element in elements:
        parent = element.parent_id if element.parent_id in known else None
        children.setdefault(parent, []).append(element)
    shown: list[tuple[uuid.UUID, str]] = []

    def walk(parent: uuid.UUID | None) -> None:
        for element in children.get(parent, []):
            level = levels.get(element.depth) or default_level_name(element.depth)
            shown.append((element.id, " ".join(filter(None, (level, element.code, element.name)))))
            walk(element.id)

    walk(None)
    return shown


def move(store: Store, model: type[Synced], record_id: uuid.UUID, steps: int) -> bool:
    """Move a record ``steps`` places (negative: up) in its list; positions become 0..n-1.
    Returns False when it cannot move that way (already first or last)."""
    keys = SIBLINGS[model]
    with store.session() as session:
        record = session.get(model, record_id)
        if record is None:
            return False
        query = select(model).where(model.deleted_at.is_(None))
        for name in keys:
            query = query.where(getattr(model, name) == getattr(record, name))
        ordered = list(
            session.scalars(query.order_by(model.position, model.created_at))  # type: ignore[attr-defined]
        )
        if record not in ordered:
            return False
        where = ordered.index(record)
        target = min(max(where + steps, 0), len(ordered) - 1)
        if target == where:
            return False
        ordered.insert(target, ordered.pop(where))
        for position, item in enumerate(ordered):
            if item.position != position:  # type: ignore[attr-defined]
                item.position = position  # type: ignore[attr-defined]
        return True


__all__ = [
    "Agreement",
    "FieldRefused",
    "Pact",
    "TeamMember",
    "WorkActivity",
    "agreement_values",
    "check_dates",
    "current_plan",
    "element_choices",
    "move",
    "pact_values",
    "parse_date",
    "team_member_values",
    "work_activity_values",
]
