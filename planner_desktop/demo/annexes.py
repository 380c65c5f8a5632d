"""The plan's annexes: the work plan of its preparation, the convenio under which it was
prepared, the technical team, and the pacts of the management model."""

from __future__ import annotations

from datetime import date, timedelta

from planner_desktop.demo.context import SETUP_DAY, Context, OrgInfo, at
from planner_desktop.demo.plan_texts import PACT_COMMITMENTS, TEAM_ROLES, WORK_PLAN
from planner_desktop.domain.enums import OrganizationKind, Sex
from planner_desktop.domain.models import Agreement, Pact, TeamMember, WorkActivity

AGREEMENT_DAY = SETUP_DAY - timedelta(days=12)
PACT_KINDS = (
    OrganizationKind.ngo,
    OrganizationKind.union,
    OrganizationKind.producers_association,
    OrganizationKind.institution,
)


def make_annexes(ctx: Context) -> None:
    partner = _partner(ctx)
    _work_plan(ctx)
    _agreement(ctx, partner)
    _team(ctx, partner)
    _pacts(ctx)


def _partner(ctx: Context) -> OrgInfo | None:
    """The organisation that accompanies the preparation (the first NGO)."""
    return next((o for o in ctx.organizations if o.kind is OrganizationKind.ngo), None)


def _work_plan(ctx: Context) -> None:
    for position, (activity, first, last, responsible) in enumerate(WORK_PLAN, start=1):
        ctx.writer.synced(
            WorkActivity,
            at(AGREEMENT_DAY, position),
            ctx.facilitators[0],
            plan_id=ctx.plan_id,
            activity=activity,
            start_date=SETUP_DAY + timedelta(days=first),
            end_date=SETUP_DAY + timedelta(days=last),
            responsible=responsible,
            position=position,
        )


def _person(ctx: Context, sex: Sex) -> str:
    names = ctx.person_names
    assert names is not None
    return f"{names.first(ctx.rng, sex)} {names.last(ctx.rng, names.surnames)}"


def _agreement(ctx: Context, partner: OrgInfo | None) -> None:
    government = ctx.official_name
    parties = government if partner is None else f"{government} y {partner.name}"
    mayor = _person(ctx, Sex.female if ctx.rng.random() < 0.4 else Sex.male)
    signatories = f"{mayor}, Alcaldía Municipal"
    if partner is not None:
        signatories += f"; {_person(ctx, Sex.female)}, {partner.name}"
    ctx.writer.synced(
        Agreement,
        at(AGREEMENT_DAY),
        ctx.facilitators[0],
        plan_id=ctx.plan_id,
        title=f"Convenio interinstitucional para la elaboración del PDM {ctx.plan_start}–"
        f"{ctx.plan_end}",
        parties=parties,
        signed_on=AGREEMENT_DAY,
        signatories=signatories,
    )


def _team(ctx: Context, partner: OrgInfo | None) -> None:
    for position, (role, institution) in enumerate(TEAM_ROLES, start=1):
        sex = Sex.female if ctx.rng.random() < 0.5 else Sex.male
        ctx.writer.synced(
            TeamMember,
            at(AGREEMENT_DAY, 30 + position),
            ctx.facilitators[0],
            plan_id=ctx.plan_id,
            name=_person(ctx, sex),
            role=role,
            institution=(ctx.official_name if institution else partner.name if partner else ""),
            position=position,
        )


def _pacts(ctx: Context) -> None:
    """A pact per organisation of a few kinds, with a programme of a matching sector."""
    programmes = [(sector, p) for sector in ctx.sectors for p in sector.programmes]
    if not programmes:
        return
    chosen = [o for o in ctx.organizations if o.kind in PACT_KINDS][: len(PACT_COMMITMENTS)]
    for number, org in enumerate(chosen):
        _sector, (element_id, _name) = ctx.rng.choice(programmes)
        commitment, contribution = PACT_COMMITMENTS[number % len(PACT_COMMITMENTS)]
        ctx.writer.synced(
            Pact,
            at(date(ctx.plan_start, 7, 1), number),
            ctx.facilitators[0],
            plan_id=ctx.plan_id,
            organization_id=org.id,
            element_id=element_id,
            commitment=commitment,
            contribution=contribution,
            start_date=date(ctx.plan_start, 7, 1),
            end_date=date(ctx.plan_end, 12, 31),
        )
