"""Organizations and persons as editable tables; persons found by name as you type.

An organisation's role in planning is its :class:`~planner_desktop.domain.plan.ActorRole`
of the planning phase (its roles in execution and follow-up are edited with it in the
PDM page's actors by phase): :class:`OrganizationsModel` shows it in the organisations'
table and saves what is typed there as an undoable
:class:`~planner_desktop.ui.plan.annex_base.SetActorRole`.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QObject, Qt
from sqlalchemy import func, select

from planner_desktop.capture import actor_roles
from planner_desktop.capture.validation import (
    clean_text,
    parse_birth_year,
    parse_optional_text,
    parse_required_text,
)
from planner_desktop.domain import labels
from planner_desktop.domain.actors import Organization, Person
from planner_desktop.domain.enums import ActorPhase, AgeGroup, OrganizationKind, Sex
from planner_desktop.domain.plan import ActorRole
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui import queries
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.models.editing import FieldSpec, Index, choose
from planner_desktop.ui.plan.annex_base import SetActorRole
from planner_desktop.ui.queries import TableQuery

FIRST, LAST, ID_NUMBER, SEX, BIRTH_YEAR, AGE, COMMUNITY, ORGANIZATION, ROLE = range(9)
ROLE_IN_PLANNING = 3
"""The organisations' column of their role in planning."""


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
        ids=ids.order_by(bytewise(Person.last_names), bytewise(Person.first_names), Person.id),
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
    """For :func:`planner_desktop.ui.queries.organizations`: name and type (the role in
    planning is saved by :class:`OrganizationsModel` itself)."""
    return {
        0: FieldSpec("name", parse_required_text, N_("Organization")),
        1: FieldSpec(
            "kind", _parse_choice(OrganizationKind), N_("Type"), _choices(OrganizationKind)
        ),
    }


class OrganizationsModel(EditableQueryModel):
    """The organisations' table: name and type edited as fields of theirs, the role in
    planning as their :class:`ActorRole` of that phase (shown at once, saved as one step)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(
            store, queries.organizations(), Organization, organization_fields(), parent
        )
        self.also_reload_on.add(ActorRole.__tablename__)
        self._roles: dict[uuid.UUID, tuple[int, str]] = {}
        """Roles typed and not yet announced as saved: key → (serial, text)."""

    def _changed(self, table: str, serial: int) -> None:
        if table == ActorRole.__tablename__:
            self._roles = {k: v for k, v in self._roles.items() if v[0] > serial}
        super()._changed(table, serial)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self.editing.editable and index.column() == ROLE_IN_PLANNING:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == ROLE_IN_PLANNING:
            pending = self._roles.get(self.key(index.row()))
            if pending is not None and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.EditRole,
            ):
                return pending[1]
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != ROLE_IN_PLANNING or role != Qt.ItemDataRole.EditRole:
            return super().setData(index, value, role)
        key = self.key(index.row())
        hub, undo_stack = self.editing.hub, self.editing.undo_stack
        if key is None or hub is None or undo_stack is None:
            return False
        text = actor_roles.role_text(value)
        with hub.store.session() as session:
            previous = actor_roles.stored_role(session, key, ActorPhase.planning)
        if text == previous:
            return True
        command = SetActorRole(
            hub,
            _("Edit {field}").format(field=_("Role in planning")),
            key,
            ActorPhase.planning,
            text,
            previous,
        )
        undo_stack.push(command)
        self._roles[key] = (command.serial, text)
        self.dataChanged.emit(index, index)
        return True
