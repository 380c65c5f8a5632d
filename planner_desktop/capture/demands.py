"""Demands captured in a workshop: new codes, and a demand made from a finding."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.rule_checks import one_line, refuse_row
from planner_desktop.capture.validation import Invalid, validate_required
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import DemandStatus, Group
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _


def next_code(session: Session, community_id: uuid.UUID, reserved: Collection[str] = ()) -> str:
    """The next free demand code of a community: ``<community code>-NN``.

    ``reserved`` holds codes given to demands not saved yet (typed one after another
    while the first is still being written), so two demands never share a code.
    """
    community = session.get(Community, community_id)
    if community is None:
        raise Invalid(_("Choose a community"))
    prefix = f"{community.code}-"
    used = session.scalars(
        select(Demand.code).where(
            Demand.community_id == community_id, Demand.code.startswith(prefix)
        )
    )
    codes = [*used, *(code for code in reserved if code.startswith(prefix))]
    numbers = [int(code[len(prefix) :]) for code in codes if code[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:02d}"


def new_demand(
    session: Session,
    *,
    community_id: uuid.UUID,
    sector_id: uuid.UUID,
    description: str,
    raising_group: Group = Group.mixed,
    finding_id: uuid.UUID | None = None,
    event_id: uuid.UUID | None = None,
    reserved: Collection[str] = (),
) -> dict[str, Any]:
    """The values of a new demand (with its id and code), checked against the rules of
    ``demand``; nothing is written."""
    reason = validate_required(description)
    if reason:
        raise Invalid(reason)
    values = {
        "id": uuid.uuid4(),
        "community_id": community_id,
        "code": next_code(session, community_id, reserved),
        "sector_id": sector_id,
        "finding_id": finding_id,
        "event_id": event_id,
        "description": one_line(description),
        "raising_group": raising_group,
        "beneficiaries_women": 0,
        "beneficiaries_men": 0,
        "estimated_cost": Decimal(0),
        "status": DemandStatus.demand,
    }
    refuse_row("demand", values)
    return values


def from_finding(session: Session, finding_id: uuid.UUID, sector_id: uuid.UUID) -> dict[str, Any]:
    """The values of a demand raised from a finding: its community, event, text and group.

    An aspiration or a problem becomes what the community asks for; the link to the
    finding keeps the diagnosis behind the demand visible along the chain.
    """
    row = session.execute(
        select(Finding, SelfDiagnosis.community_id, SelfDiagnosis.event_id)
        .join(SelfDiagnosis, Finding.self_diagnosis_id == SelfDiagnosis.id)
        .where(Finding.id == finding_id, Finding.deleted_at.is_(None))
    ).first()
    if row is None:
        raise Invalid(_("The finding no longer exists"))
    finding, community_id, event_id = row
    return new_demand(
        session,
        community_id=community_id,
        sector_id=sector_id,
        description=finding.description,
        raising_group=finding.raising_group,
        finding_id=finding.id,
        event_id=event_id,
    )


def demands_of_finding(session: Session, finding_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        session.scalars(
            select(Demand.id).where(Demand.finding_id == finding_id, Demand.deleted_at.is_(None))
        )
    )
