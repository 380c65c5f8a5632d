"""The plan draft's annex: the actors by phase, the records of the plan's preparation (work
plan, convenio, technical team) and the management model (pacts and alliances).

Each part is printed only when it holds something, and the annex only when one part
does. An organisation is in the actors' matrix when it has a role (a text that is not
empty) in at least one phase.
"""

from __future__ import annotations

import uuid

from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.actor_roles import PHASES, phase_label
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.enums import ActorPhase
from planner_desktop.domain.labels import label
from planner_desktop.domain.plan import ActorRole, Agreement, Pact, TeamMember, WorkActivity
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise, nulls_last_up, text_key
from planner_desktop.reports.contents import Contents
from planner_desktop.reports.layout import gap, printed_date
from planner_desktop.reports.plan_tree import PlanTree
from planner_desktop.reports.tables import fields_table, scaled, table


def actors_matrix(session: Session, width: float) -> Flowable | None:
    """Organisation × planning / execution / follow-up and evaluation, each cell the
    organisation's role in that phase; None when no organisation has a role."""
    roles: dict[uuid.UUID, dict[ActorPhase, str]] = {}
    for organization_id, phase, role in session.execute(
        select(ActorRole.organization_id, ActorRole.phase, ActorRole.role).where(
            live(ActorRole), ActorRole.role != ""
        )
    ):
        roles.setdefault(organization_id, {})[phase] = role
    if not roles:
        return None
    organizations = session.execute(
        select(Organization.id, Organization.name, Organization.kind)
        .where(live(Organization), Organization.id.in_(list(roles)))
        .order_by(Organization.id)
    ).all()
    organizations = sorted(organizations, key=lambda row: text_key(row.name))
    if not organizations:
        return None
    rows = [
        [name, label(kind), *(roles[key].get(phase, "") for phase in PHASES)]
        for key, name, kind in organizations
    ]
    return table(
        [_("Organization"), _("Kind"), *(phase_label(p) for p in PHASES)],
        rows,
        scaled((4, 2.2, 4, 4, 4), width),
    )


def _work_plan(session: Session, plan_id: uuid.UUID, width: float) -> Flowable | None:
    rows = session.execute(
        select(
            WorkActivity.activity,
            WorkActivity.start_date,
            WorkActivity.end_date,
            WorkActivity.responsible,
        )
        .where(WorkActivity.plan_id == plan_id, live(WorkActivity))
        .order_by(WorkActivity.position, nulls_last_up(WorkActivity.start_date), WorkActivity.id)
    ).all()
    if not rows:
        return None
    return table(
        [_("Activity"), _("Start"), _("End"), _("Responsible")],
        [[a, printed_date(s), printed_date(e), r] for a, s, e, r in rows],
        scaled((8, 1.8, 1.8, 4.5), width),
    )


def _agreements(session: Session, plan_id: uuid.UUID, width: float) -> list[Flowable]:
    found = session.scalars(
        select(Agreement)
        .where(Agreement.plan_id == plan_id, live(Agreement))
        .order_by(nulls_last_up(Agreement.signed_on), bytewise(Agreement.title), Agreement.id)
    ).all()
    out: list[Flowable] = []
    for agreement in found:
        out += [
            fields_table(
                [
                    (_("Agreement"), agreement.title),
                    (_("Signed on"), printed_date(agreement.signed_on) or "—"),
                    (_("Parties"), agreement.parties or "—"),
                    (_("Signatories"), agreement.signatories or "—"),
                ],
                width,
            ),
            gap(),
        ]
    return out


def _team(session: Session, plan_id: uuid.UUID, width: float) -> Flowable | None:
    rows = session.execute(
        select(TeamMember.name, TeamMember.role, TeamMember.institution)
        .where(TeamMember.plan_id == plan_id, live(TeamMember))
        .order_by(TeamMember.position, bytewise(TeamMember.name), TeamMember.id)
    ).all()
    if not rows:
        return None
    return table(
        [_("Name"), _("Role in the team"), _("Institution")],
        [list(row) for row in rows],
        scaled((5, 5, 5), width),
    )


def _pacts(session: Session, tree: PlanTree, width: float) -> Flowable | None:
    rows = session.execute(
        select(
            Organization.name,
            Pact.element_id,
            Pact.commitment,
            Pact.contribution,
            Pact.start_date,
            Pact.end_date,
        )
        .join(Organization, Pact.organization_id == Organization.id)
        .where(Pact.plan_id == tree.plan.id, live(Pact))
        .order_by(nulls_last_up(Pact.start_date), Pact.id)
    ).all()
    rows = sorted(rows, key=lambda row: text_key(row[0]))
    if not rows:
        return None
    return table(
        [
            _("Organization"),
            _("Element of the plan"),
            _("Commitment"),
            _("Contribution"),
            _("From"),
            _("To"),
        ],
        [
            [
                name,
                tree.named(element_id) or "—",
                commitment,
                contribution,
                printed_date(start),
                printed_date(end),
            ]
            for name, element_id, commitment, contribution, start, end in rows
        ],
        scaled((3.2, 4.5, 5, 4, 1.7, 1.7), width),
    )


def annex_section(session: Session, toc: Contents, tree: PlanTree, width: float) -> list[Flowable]:
    """The annex, or nothing when none of its parts holds anything."""
    plan_id = tree.plan.id
    agreements = _agreements(session, plan_id, width)
    parts: list[tuple[str, list[Flowable]]] = [
        (_("Actors by phase"), [f for f in [actors_matrix(session, width)] if f]),
        (_("Work plan"), [f for f in [_work_plan(session, plan_id, width)] if f]),
        (_("Agreement (convenio)"), agreements),
        (_("Technical team"), [f for f in [_team(session, plan_id, width)] if f]),
        (
            _("Management model: pacts and alliances"),
            [f for f in [_pacts(session, tree, width)] if f],
        ),
    ]
    shown = [(title, flow) for title, flow in parts if flow]
    if not shown:
        return []
    out: list[Flowable] = [toc.heading(_("Annex: actors, preparation and management model"), 1)]
    for number, (title, flow) in enumerate(shown, start=1):
        out += [toc.heading(f"A.{number} {title}", 2), *flow]
    return out
