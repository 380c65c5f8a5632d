"""Checks of demands and project profiles: what answers the priorities, and is it complete.

A profile *in the plan* (with money in the five-year programming) must be complete and hang
from an element of the plan (usually one of its deepest level, a programme), so a gap there
is an error; for a draft or
postponed profile the same gaps are notes (work still to do); a profile recommended to be
dropped is not checked.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Subquery, func, or_, select
from sqlalchemy.orm import Session

from planner_desktop.domain.base import Synced
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, PriorityClass, Recommendation
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import (
    Component,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProfileDemand,
    ProfileFunding,
    ProjectProfile,
)
from planner_desktop.domain.summaries import AGREED
from planner_desktop.i18n import _
from planner_desktop.plan.findings import Finding, Severity, label, one_line
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live, plan_tree, programmed_profiles
from planner_desktop.reports.numbers import money

TOP_CLASSES = (PriorityClass.a_plus, PriorityClass.a)


def not_dropped() -> ColumnElement[bool]:
    """Live profiles that are not recommended to be dropped."""
    return live(ProjectProfile) & or_(
        ProjectProfile.recommendation.is_(None),
        ProjectProfile.recommendation != Recommendation.drop,
    )


def priority_a_without_profile(session: Session) -> list[Finding]:
    """Warning: a demand agreed as A+ or A that no live project profile answers yet."""
    answered = (
        select(ProfileDemand.demand_id)
        .join(ProjectProfile, ProfileDemand.profile_id == ProjectProfile.id)
        .where(live(ProfileDemand), live(ProjectProfile))
    )
    rows = session.execute(
        select(Demand.id, Demand.code, Demand.description, RoundResult.priority_class)
        .join(RoundItem, RoundItem.demand_id == Demand.id)
        .join(RoundResult, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            RoundResult.group == AGREED,
            RoundResult.priority_class.in_(TOP_CLASSES),
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
            live(Demand),
            Demand.status != DemandStatus.dropped,
            Demand.id.not_in(answered),
        )
        .order_by(bytewise(Demand.code), Demand.id)
    ).all()
    best: dict[uuid.UUID, tuple[str, str, PriorityClass]] = {}
    for demand_id, code, description, cls in rows:
        if cls is None:
            continue
        if demand_id not in best or cls is PriorityClass.a_plus:
            best[demand_id] = (code, description, cls)
    return [
        Finding(
            Severity.warning,
            "priority-a-without-profile",
            _("demand {demand} has priority {cls} and no project profile").format(
                demand=label(code, description), cls=cls.value
            ),
            "demand",
            demand_id,
        )
        for demand_id, (code, description, cls) in best.items()
    ]


def _sum_by_profile(column: Any, key: Any, model: type[Synced], name: str) -> Subquery:
    return (
        select(key.label("profile_id"), func.sum(column).label(name))
        .where(live(model))
        .group_by(key)
        .subquery()
    )


def profile_gaps(session: Session) -> list[Finding]:
    """Profiles with no element of the plan (none, a deleted one, or one that does not hang
    from the plan's top), no indicator, no cost, no funding, or a funding split that does
    not add up to the cost (components); programmed profiles whose programming differs
    from it, and profiles with no central problem (warnings; notes for drafts)."""
    tree = plan_tree(session)
    attached = (
        {node_id for node_id, node in tree.nodes.items() if tree.attached(node)} if tree else set()
    )
    cost = _sum_by_profile(Component.cost, Component.profile_id, Component, "cost")
    funding = _sum_by_profile(
        ProfileFunding.amount, ProfileFunding.profile_id, ProfileFunding, "amount"
    )
    programmed = _sum_by_profile(
        MultiYearProgramming.amount,
        MultiYearProgramming.profile_id,
        MultiYearProgramming,
        "amount",
    )
    indicators = (
        select(Indicator.profile_id, func.count(Indicator.id).label("n"))
        .where(live(Indicator), Indicator.profile_id.is_not(None))
        .group_by(Indicator.profile_id)
        .subquery()
    )
    rows = session.execute(
        select(
            ProjectProfile.id,
            ProjectProfile.code,
            ProjectProfile.name,
            cost.c.cost,
            funding.c.amount,
            programmed.c.amount,
            indicators.c.n,
            ProjectProfile.element_id,
            ProjectProfile.central_problem,
        )
        .outerjoin(cost, cost.c.profile_id == ProjectProfile.id)
        .outerjoin(funding, funding.c.profile_id == ProjectProfile.id)
        .outerjoin(programmed, programmed.c.profile_id == ProjectProfile.id)
        .outerjoin(indicators, indicators.c.profile_id == ProjectProfile.id)
        .where(not_dropped())
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    findings: list[Finding] = []
    for profile_id, code, name, total, funded, planned, n_indicators, element_id, problem in rows:
        in_plan = bool(planned)
        severity = Severity.error if in_plan else Severity.note
        who = label(code, name)

        def add(
            code_: str,
            message: str,
            severity_: Severity = severity,
            profile: uuid.UUID = profile_id,
        ) -> None:
            findings.append(Finding(severity_, code_, message, "project_profile", profile))

        if element_id not in attached:
            add(
                "profile-without-element",
                _("profile {profile} does not hang from an element of the plan").format(
                    profile=who
                ),
            )
        if not (problem or "").strip():
            add(
                "profile-without-problem",
                _("profile {profile} states no central problem").format(profile=who),
                Severity.warning if in_plan else Severity.note,
            )
        if not n_indicators:
            add(
                "profile-without-indicator",
                _("profile {profile} has no indicator").format(profile=who),
            )
        if not total:
            add(
                "profile-without-cost",
                _("profile {profile} has no cost (no component with a cost)").format(profile=who),
            )
        if not funded:
            add(
                "profile-without-funding", _("profile {profile} has no funding").format(profile=who)
            )
        if total and funded and total != funded:
            add(
                "funding-split-mismatch",
                _(
                    "the funding of profile {profile} adds up to {funded}, its cost is {cost}"
                ).format(profile=who, funded=money(funded), cost=money(total)),
            )
        if in_plan and funded and planned != funded:
            add(
                "programming-differs-from-funding",
                _(
                    "profile {profile} is programmed for {planned} over the years, its "
                    "funding is {funded}"
                ).format(profile=who, planned=planned, funded=funded),
                Severity.warning,
            )
    return findings


def indicator_without_target(session: Session) -> list[Finding]:
    """An indicator with no target typed for any year: an error when its profile is in the
    plan, a note for a draft profile, a warning for the indicator of an element of the
    plan."""
    targeted = select(IndicatorTarget.indicator_id).where(
        live(IndicatorTarget), func.trim(IndicatorTarget.target) != ""
    )
    in_plan = set(session.scalars(programmed_profiles()))
    rows = session.execute(
        select(Indicator.id, Indicator.name, Indicator.profile_id, ProjectProfile.code)
        .outerjoin(ProjectProfile, Indicator.profile_id == ProjectProfile.id)
        .where(
            live(Indicator),
            Indicator.id.not_in(targeted),
            or_(Indicator.profile_id.is_(None), not_dropped()),
        )
        .order_by(bytewise(ProjectProfile.code), bytewise(Indicator.name), Indicator.id)
    ).all()
    findings = []
    for indicator_id, name, profile_id, profile_code in rows:
        if profile_id is None:
            severity = Severity.warning
        else:
            severity = Severity.error if profile_id in in_plan else Severity.note
        if profile_code:
            message = _("indicator «{indicator}» of profile {profile} has no target").format(
                indicator=one_line(name), profile=profile_code
            )
        else:
            message = _("indicator «{indicator}» has no target").format(indicator=one_line(name))
        findings.append(
            Finding(severity, "indicator-without-target", message, "indicator", indicator_id)
        )
    return findings
