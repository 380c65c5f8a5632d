"""Organizations and persons as editable tables; persons found by name as you type."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from planner_desktop.capture.validation import (
    clean_text,
    parse_birth_year,
    parse_optional_text,
    parse_required_text,
)
from planner_desktop.domain import labels
from planner_desktop.domain.actors import Organization, Person
from planner_desktop.domain.enums import AgeGroup, OrganizationKind, Sex
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import N_
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editing import FieldSpec, choose
from planner_desktop.ui.queries import TableQuery

FIRST, LAST, ID_NUMBER, SEX, BIRTH_YEAR, AGE, COMMUNITY, ORGANIZATION, ROLE = range(9)


def _choices(enum: Any) -> Any:
    def choices() -> list[tuple[Any, str]]:
        return [(member, labels.label(member)) for member in enum]

    return choices


def _parse_choice(enum: Any, optional: bool = False) -> Any:
    def parse(value: Any) -> Any:
        if optional and (value is None or (isinstance(value, str) and not clean_text(value))):
            return None
        return choose(_choices(enum)(), value)

    return parse


def persons(text: str = "") -> TableQuery:
    """Persons whose names or ID number contain every typed word."""
    name = Person.first_names + " " + Person.last_names
    ids = select(Person.id).where(live(Person))
    for word in clean_text(text).split():
        ids = ids.where(
            func.lower(name).contains(word.lower(), autoescape=True)
            | func.coalesce(Person.id_number, "").contains(word, autoescape=True)
        )
    return TableQuery(
        columns=(
            Column(N_("First names")),
            Column(N_("Last names"), stretch=True),
            Column(N_("ID number")),
            Column(N_("Sex"), Kind.label),
            Column(N_("Birth year")),
            Column(N_("Age group"), Kind.label),
            Column(N_("Community")),
            Column(N_("Organization")),
            Column(N_("Role")),
        ),
        ids=ids.order_by(Person.last_names, Person.first_names),
        rows=lambda keys: (
            select(
                Person.id,
                Person.first_names,
                Person.last_names,
                Person.id_number,
                Person.sex,
                Person.birth_year,
                Person.age_group,
                Community.name,
                Organization.name,
                Person.role,
            )
            .outerjoin(Community, Person.community_id == Community.id)
            .outerjoin(Organization, Person.organization_id == Organization.id)
            .where(Person.id.in_(keys))
        ),
    )


def _optional_id(value: Any) -> str | None:
    return parse_optional_text(str(value or "")) or None


def person_fields() -> dict[int, FieldSpec]:
    return {
        FIRST: FieldSpec("first_names", parse_required_text, N_("First names")),
        LAST: FieldSpec("last_names", parse_optional_text, N_("Last names")),
        ID_NUMBER: FieldSpec("id_number", _optional_id, N_("ID number")),
        SEX: FieldSpec("sex", _parse_choice(Sex), N_("Sex"), _choices(Sex)),
        BIRTH_YEAR: FieldSpec(
            "birth_year", lambda value: parse_birth_year(str(value or "")), N_("Birth year")
        ),
        AGE: FieldSpec("age_group", _parse_choice(AgeGroup), N_("Age group"), _choices(AgeGroup)),
        ROLE: FieldSpec("role", parse_optional_text, N_("Role")),
    }


def organization_fields() -> dict[int, FieldSpec]:
    """For :func:`planner_desktop.ui.queries.organizations`: name, type, community, role."""
    return {
        0: FieldSpec("name", parse_required_text, N_("Organization")),
        1: FieldSpec(
            "kind", _parse_choice(OrganizationKind), N_("Type"), _choices(OrganizationKind)
        ),
        3: FieldSpec("role_in_planning", parse_optional_text, N_("Role in planning")),
    }
