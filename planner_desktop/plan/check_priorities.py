"""Checks that the priorities show in the resources: the technical team's classes (A+, A,
B, C) and the communities' agreed classes of the demands against what gets money first.

A project's *first year* is the first year it has money in the five-year programming
(counted as every total counts it); a project with none is not funded. Profiles
recommended to be dropped are not checked.
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, RoundResult
from planner_desktop.domain.projects import MultiYearProgramming, ProfileDemand, ProjectProfile
from planner_desktop.domain.summaries import AGREED
from planner_desktop.i18n import _
from planner_desktop.plan.check_profiles import TOP_CLASSES, not_dropped
from planner_desktop.plan.findings import Finding, Severity, label
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live

CLASS_ORDER = {PriorityClass.a_plus: 0, PriorityClass.a: 1, PriorityClass.b: 2, PriorityClass.c: 3}
SHOWN = 3
"""How many class-C projects a finding names."""


def first_years(session: Session) -> dict[uuid.UUID, int]:
    """Each funded profile's first year with money in the five-year programming."""
    return {
        profile_id: int(year)
        for profile_id, year in session.execute(
            select(MultiYearProgramming.profile_id, func.min(MultiYearProgramming.year))
            .where(counted_programming(), MultiYearProgramming.amount > 0)
            .group_by(MultiYearProgramming.profile_id)
        )
    }


def profile_classes(session: Session) -> dict[uuid.UUID, PriorityClass]:
    """Each live profile's best class agreed by the communities (in any live round) for
    the demands it answers; a profile whose demands have no agreed class is left out."""
    answered = session.execute(
        select(ProfileDemand.profile_id, ProfileDemand.demand_id).where(live(ProfileDemand))
    ).all()
    demands: dict[uuid.UUID, PriorityClass] = {}
    for demand_id, cls in session.execute(
        select(RoundItem.demand_id, RoundResult.priority_class)
        .join(RoundResult, RoundResult.item_id == RoundItem.id)
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            RoundItem.demand_id.in_(select(ProfileDemand.demand_id).where(live(ProfileDemand))),
            RoundResult.group == AGREED,
            RoundResult.priority_class.is_not(None),
            live(RoundResult),
            live(RoundItem),
            live(PrioritizationRound),
        )
    ):
        if demand_id is not None and cls is not None:
            demands[demand_id] = _better(demands.get(demand_id), cls)
    best: dict[uuid.UUID, PriorityClass] = {}
    for profile_id, demand_id in answered:
        if demand_id in demands:
            best[profile_id] = _better(best.get(profile_id), demands[demand_id])
    return best


def _better(current: PriorityClass | None, other: PriorityClass) -> PriorityClass:
    if current is None or CLASS_ORDER[other] < CLASS_ORDER[current]:
        return other
    return current


def top_class_after_c(session: Session) -> list[Finding]:
    """Warning: a project the technical team classed A+ or A that gets money later than a
    class-C project (or none while a class-C project has some)."""
    funded = first_years(session)
    rows = session.execute(
        select(
            ProjectProfile.id, ProjectProfile.code, ProjectProfile.name, ProjectProfile.team_class
        )
        .where(not_dropped(), ProjectProfile.team_class.is_not(None))
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    low = sorted(
        (funded[pid], code)
        for pid, code, _name, cls in rows
        if cls is PriorityClass.c and pid in funded
    )
    if not low:
        return []
    earliest = low[0][0]
    findings = []
    for profile_id, code, name, cls in rows:
        if cls not in TOP_CLASSES:
            continue
        year = funded.get(profile_id)
        if year is not None and year <= earliest:
            continue
        before = [c for y, c in low if year is None or y < year]
        if year is None:
            message = _(
                "profile {profile} (class {cls}) has no money, while class-C projects "
                "are funded from {year}: {codes}"
            )
        else:
            message = _(
                "profile {profile} (class {cls}) is funded from {first}, after "
                "class-C projects funded from {year}: {codes}"
            )
        findings.append(
            Finding(
                Severity.warning,
                "top-class-after-c",
                message.format(
                    profile=label(code, name),
                    cls=cls.value,
                    first=year,
                    year=earliest,
                    codes=", ".join(before[:SHOWN]) + (" …" if len(before) > SHOWN else ""),
                ),
                "project_profile",
                profile_id,
            )
        )
    return findings


def low_priority_funded(session: Session) -> list[Finding]:
    """Warning: a project with money in the five-year programming whose demands the
    communities all classed C."""
    funded = first_years(session)
    classes = profile_classes(session)
    rows = session.execute(
        select(ProjectProfile.id, ProjectProfile.code, ProjectProfile.name)
        .where(not_dropped(), ProjectProfile.id.in_(list(funded)))
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    return [
        Finding(
            Severity.warning,
            "low-priority-funded",
            _(
                "profile {profile} is funded from {year}, but the communities classed its demands C"
            ).format(profile=label(code, name), year=funded[profile_id]),
            "project_profile",
            profile_id,
        )
        for profile_id, code, name in rows
        if classes.get(profile_id) is PriorityClass.c
    ]


def team_class_without_reason(session: Session) -> list[Finding]:
    """Warning: the technical team gave a project another class than the communities gave
    its demands, and did not say why."""
    classes = profile_classes(session)
    rows = session.execute(
        select(
            ProjectProfile.id, ProjectProfile.code, ProjectProfile.name, ProjectProfile.team_class
        )
        .where(
            not_dropped(),
            ProjectProfile.team_class.is_not(None),
            func.trim(ProjectProfile.team_class_reason) == "",
        )
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    findings = []
    for profile_id, code, name, cls in rows:
        community = classes.get(profile_id)
        if cls is None or community is None or community is cls:
            continue
        findings.append(
            Finding(
                Severity.warning,
                "team-class-without-reason",
                _(
                    "profile {profile} is class {cls} for the technical team and {community} for "
                    "the communities, with no reason given"
                ).format(profile=label(code, name), cls=cls.value, community=community.value),
                "project_profile",
                profile_id,
            )
        )
    return findings
