"""The project profile sheet (perfil de proyecto): problem, objectives, beneficiaries, cost."""

from __future__ import annotations

import uuid
from decimal import Decimal

from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.labels import label
from planner_desktop.domain.plan import OrgUnit
from planner_desktop.domain.projects import (
    FundingSource,
    Indicator,
    IndicatorTarget,
    ProfileCommunity,
    ProfileDemand,
    ProfileFunding,
    ProjectProfile,
)
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.plan.answers import community_priorities
from planner_desktop.plan.ordering import bytewise, text_key
from planner_desktop.plan.scope import level_name
from planner_desktop.reports.common import (
    ReportOptions,
    ReportRefused,
    find_by_id_or_code,
    live_items,
)
from planner_desktop.reports.layout import Document, frame_size, heading, money, para, printed_date
from planner_desktop.reports.numbers import number, typed
from planner_desktop.reports.pdm_projects import communities_classes
from planner_desktop.reports.tables import fields_table, scaled, table


def require_profile(session: Session, options: ReportOptions) -> ProjectProfile:
    """The profile named by ``--project``: its id or its code."""
    if not options.project:
        raise ReportRefused(_("this document needs --project ID"))
    profile = find_by_id_or_code(session, ProjectProfile, options.project)
    if profile is None:
        raise ReportRefused(_("there is no project {id}").format(id=options.project))
    return profile


def _text_section(title: str, text: str) -> list[Flowable]:
    return [heading(title, 2), para(text.strip() or "—")]


def _element(session: Session, profile: ProjectProfile) -> tuple[str, str]:
    """The label and text of the element of the plan the project hangs from: its level's
    name and ``code name``."""
    element = profile.element
    if element is None or element.deleted_at is not None:
        return _("Element of the plan"), "—"
    return level_name(session, element), f"{element.code} {element.name}".strip()


def profile_flowables(session: Session, profile: ProjectProfile, width: float) -> list[Flowable]:
    """The whole sheet of one profile (also used by the PDM annex)."""
    communities = session.scalars(
        select(Community.name)
        .join(ProfileCommunity, ProfileCommunity.community_id == Community.id)
        .where(ProfileCommunity.profile_id == profile.id, live(ProfileCommunity))
    ).all()
    communities = sorted(communities, key=text_key)
    demands = session.execute(
        select(Demand.code, Demand.description)
        .join(ProfileDemand, ProfileDemand.demand_id == Demand.id)
        .where(ProfileDemand.profile_id == profile.id, live(ProfileDemand), live(Demand))
        .order_by(bytewise(Demand.code), Demand.id)
    ).all()
    components = live_items(profile.components)
    cost = sum((c.cost for c in components), Decimal(0))
    level, element = _element(session, profile)
    unit = (
        session.scalar(select(OrgUnit.name).where(OrgUnit.id == profile.unit_id, live(OrgUnit)))
        if profile.unit_id
        else None
    )
    classes = communities_classes(community_priorities(session)).get(profile.id, "—")
    flow: list[Flowable] = [
        fields_table(
            [
                (_("Code"), profile.code),
                (_("Kind"), label(profile.type)),
                (level, element),
                (_("Executing unit"), unit or profile.executing_unit or "—"),
                (_("Communities' classes"), classes),
                (_("Team's class"), profile.team_class.value if profile.team_class else "—"),
                (_("Duration (months)"), number(profile.duration_months)),
                (_("Start"), printed_date(profile.start_date)),
                (_("Location"), ", ".join(communities) or "—"),
                (_("Total cost"), money(cost)),
                (
                    _("Recommendation"),
                    label(profile.recommendation) if profile.recommendation else "—",
                ),
            ],
            width,
        ),
        *(
            _text_section(_("Why the team classes it so"), profile.team_class_reason)
            if profile.team_class_reason.strip()
            else []
        ),
        *_text_section(_("Central problem"), profile.central_problem),
        *_text_section(_("Causes"), profile.causes),
        *_text_section(_("Effects"), profile.effects),
        *_text_section(_("General objective"), profile.general_objective),
        *_text_section(_("Specific objectives"), profile.specific_objectives),
        heading(_("Demands it answers"), 2),
        table(
            [_("Code"), _("Demand")],
            [list(row) for row in demands] or [["—", ""]],
            scaled((1.5, 8), width),
        ),
        heading(_("Beneficiaries"), 2),
        table(
            [
                _("Women"),
                _("Men"),
                _("Children"),
                _("Youth"),
                _("Adults"),
                _("Elders"),
                _("Indirect women"),
                _("Indirect men"),
            ],
            [
                [
                    profile.direct_women,
                    profile.direct_men,
                    profile.direct_children,
                    profile.direct_youth,
                    profile.direct_adults,
                    profile.direct_elders,
                    profile.indirect_women,
                    profile.indirect_men,
                ]
            ],
            scaled([1] * 8, width),
            numeric=range(8),
        ),
        heading(_("Components and cost"), 2),
        table(
            [_("Component"), _("Activities"), _("Cost")],
            [[c.name, c.activities, money(c.cost)] for c in components]
            + [[_("Total"), "", money(cost)]],
            scaled((4, 6, 2), width),
            numeric=(2,),
            bold_last=True,
        ),
    ]
    funding = session.execute(
        select(
            FundingSource.name,
            FundingSource.funder,
            ProfileFunding.amount,
            ProfileFunding.counterpart_kind,
        )
        .join(FundingSource, ProfileFunding.source_id == FundingSource.id)
        .where(ProfileFunding.profile_id == profile.id, live(ProfileFunding))
        .order_by(bytewise(FundingSource.code), FundingSource.id, ProfileFunding.id)
    ).all()
    flow += [
        heading(_("Funding"), 2),
        table(
            [_("Source"), _("Funder"), _("Counterpart in"), _("Amount")],
            [[n, f, label(k) if k else "", money(a)] for n, f, a, k in funding]
            + [[_("Total"), "", "", money(sum((a for _n, _f, a, _k in funding), Decimal(0)))]],
            scaled((4, 4, 2, 2), width),
            numeric=(3,),
            bold_last=True,
        ),
    ]
    indicators = session.scalars(
        select(Indicator).where(Indicator.profile_id == profile.id, live(Indicator))
    ).all()
    if indicators:
        targets = session.execute(
            select(IndicatorTarget.indicator_id, IndicatorTarget.year, IndicatorTarget.target)
            .where(
                IndicatorTarget.indicator_id.in_([i.id for i in indicators]), live(IndicatorTarget)
            )
            .order_by(IndicatorTarget.year, IndicatorTarget.id)
        ).all()
        by_indicator: dict[uuid.UUID, list[str]] = {}
        for indicator_id, year, target in targets:
            by_indicator.setdefault(indicator_id, []).append(f"{year}: {typed(target)}")
        flow += [
            heading(_("Indicators"), 2),
            table(
                [_("Indicator"), _("Unit"), _("Baseline"), _("Targets")],
                [
                    [i.name, i.unit, typed(i.baseline), "; ".join(by_indicator.get(i.id, []))]
                    for i in indicators
                ],
                scaled((5, 2, 2, 5), width),
            ),
        ]
    flow += _text_section(_("Sustainability"), profile.sustainability)
    flow += _text_section(_("Risks"), profile.risks)
    return flow


def build(session: Session, options: ReportOptions) -> Document:
    profile = require_profile(session, options)
    width, _height = frame_size(options.paper)
    return Document(
        title=_("Project profile"),
        subtitle=f"{profile.code} – {profile.name}",
        flowables=profile_flowables(session, profile, width),
    )
