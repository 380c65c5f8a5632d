"""What each organisation does in planning, execution and follow-up (one row per
organisation and phase, :class:`~planner_desktop.domain.plan.ActorRole`).

A role is free text. Setting one writes the single row of its organisation and phase (a
tombstoned row is brought back: the pair is unique); an empty text is an empty role, so
undoing is writing back what it held before.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import (
    FieldRefused,
    one_line,
    refuse_row,
    refuse_value,
)
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.enums import ActorPhase, OrganizationKind
from planner_desktop.domain.plan import ActorRole
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

NAME_MAX = 200
PHASES = (ActorPhase.planning, ActorPhase.execution, ActorPhase.follow_up)
PHASE_LABELS: dict[ActorPhase, str] = {
    ActorPhase.planning: N_("Planning"),
    ActorPhase.execution: N_("Execution"),
    ActorPhase.follow_up: N_("Follow-up and evaluation"),
}


def phase_label(phase: ActorPhase) -> str:
    return _(PHASE_LABELS[phase])


def role_text(text: Any) -> str:
    """A role as stored: pasted tabs and line breaks become spaces; any other control
    character is refused (:class:`FieldRefused`) by the rule of ``actor_role.role``."""
    return str(refuse_value("actor_role", "role", one_line(str(text or ""))))


def stored_role(session: Session, organization_id: uuid.UUID, phase: ActorPhase) -> str:
    role = session.scalar(
        select(ActorRole.role).where(
            ActorRole.organization_id == organization_id,
            ActorRole.phase == phase,
            ActorRole.deleted_at.is_(None),
        )
    )
    return role or ""


def set_role(store: Store, organization_id: uuid.UUID, phase: ActorPhase, text: str) -> str:
    """Write one organisation's role in one phase (one transaction); return the old one."""
    role = role_text(text)
    with store.session() as session:
        if session.get(Organization, organization_id) is None:
            raise LookupError(f"organization {organization_id} does not exist")
        row = session.scalar(
            select(ActorRole).where(
                ActorRole.organization_id == organization_id, ActorRole.phase == phase
            )
        )
        previous = "" if row is None or row.deleted_at is not None else row.role
        if row is None:
            if role:
                session.add(ActorRole(organization_id=organization_id, phase=phase, role=role))
        elif row.role != role or row.deleted_at is not None:
            row.role, row.deleted_at = role, None
    return previous


@dataclass
class ActorRow:
    organization_id: uuid.UUID
    name: str
    roles: dict[ActorPhase, str] = field(default_factory=dict)


def roles_matrix(session: Session, municipality_id: uuid.UUID) -> list[ActorRow]:
    """Live organisations of the municipality (by name) with their role in each phase."""
    organizations = session.execute(
        select(Organization.id, Organization.name)
        .where(Organization.municipality_id == municipality_id, Organization.deleted_at.is_(None))
        .order_by(bytewise(Organization.name), Organization.created_at, Organization.id)
    )
    rows = [ActorRow(key, name) for key, name in organizations]
    by_id = {row.organization_id: row for row in rows}
    if by_id:
        roles = session.execute(
            select(ActorRole.organization_id, ActorRole.phase, ActorRole.role).where(
                ActorRole.organization_id.in_(list(by_id)), ActorRole.deleted_at.is_(None)
            )
        )
        for key, phase, role in roles:
            by_id[key].roles[phase] = role
    return rows


def organization_values(
    municipality_id: uuid.UUID, name: Any, kind: OrganizationKind = OrganizationKind.other
) -> dict[str, Any]:
    """A new organisation typed in the matrix: its name (required) and kind."""
    clean = one_line(str(name or ""))
    title = _("Organization")
    if not clean:
        raise FieldRefused("name", _("{field}: write a name.").format(field=title))
    if len(clean) > NAME_MAX:
        raise FieldRefused(
            "name", _("{field}: at most {limit} characters.").format(field=title, limit=NAME_MAX)
        )
    values = {"municipality_id": municipality_id, "name": clean, "kind": OrganizationKind(kind)}
    refuse_row("organization", values)
    return values
