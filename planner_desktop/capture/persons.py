"""Persons typed at the attendance table: find by name as you type, or create one."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import one_line, refuse_row
from planner_desktop.capture.validation import Invalid, clean_text
from planner_desktop.domain.actors import Person
from planner_desktop.domain.enums import AgeGroup, Sex
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise


def search(session: Session, text: str, limit: int = 20) -> list[tuple[uuid.UUID, str]]:
    """Persons whose names contain every typed word, best known first (id, full name)."""
    words = clean_text(text).lower().split()
    if not words:
        return []
    name = func.lower(Person.first_names + " " + Person.last_names)
    query = select(Person.id, Person.first_names, Person.last_names).where(live(Person))
    for word in words:
        query = query.where(or_(name.contains(word, autoescape=True)))
    query = query.order_by(
        bytewise(Person.first_names), bytewise(Person.last_names), Person.id
    ).limit(limit)
    return [(id_, f"{first} {last}".strip()) for id_, first, last in session.execute(query)]


def suggestions(session: Session, text: str, limit: int = 20) -> list[tuple[uuid.UUID, str]]:
    """Persons whose name or ID number contains every typed word, each shown with the
    community and the ID number, so that two people of the same name can be told apart:
    ``(id, "Juana Mamani · Chaupi Loma · CI 4455667")``."""
    words = clean_text(text).lower().split()
    if not words:
        return []
    name = func.lower(Person.first_names + " " + Person.last_names)
    number = func.lower(func.coalesce(Person.id_number, ""))
    query = (
        select(Person.id, Person.first_names, Person.last_names, Community.name, Person.id_number)
        .outerjoin(Community, Person.community_id == Community.id)
        .where(live(Person))
    )
    for word in words:
        query = query.where(
            or_(name.contains(word, autoescape=True), number.contains(word, autoescape=True))
        )
    query = query.order_by(
        bytewise(Person.first_names), bytewise(Person.last_names), Person.id
    ).limit(limit)
    found: list[tuple[uuid.UUID, str]] = []
    for id_, first, last, community, id_number in session.execute(query):
        parts = [f"{first} {last}".strip()]
        if community:
            parts.append(community)
        if id_number:
            parts.append(_("ID {number}").format(number=id_number))
        found.append((id_, " · ".join(parts)))
    return found


def new_person(
    *,
    municipality_id: uuid.UUID,
    full_name: str,
    sex: Sex | None,
    age_group: AgeGroup | None,
    community_id: uuid.UUID | None = None,
    birth_year: int | None = None,
) -> dict[str, Any]:
    """The values of a new person, checked against the rules of ``person`` (refused with
    :class:`~planner_desktop.capture.rule_checks.FieldRefused`); the first word is the
    first name."""
    name = one_line(full_name)
    if not name:
        raise Invalid(_("Type the person's name"))
    first, _space, last = name.partition(" ")
    values = {
        "id": uuid.uuid4(),
        "municipality_id": municipality_id,
        "first_names": first,
        "last_names": last,
        "sex": sex,
        "age_group": age_group,
        "birth_year": birth_year,
        "community_id": community_id,
    }
    refuse_row("person", values)
    return values
