"""Checks of execution: what the POAs carry of the five-year programming, and the progress
recorded against them.

"Today" is read from :func:`today` (one place, so a test can set the day). Cancelled
operations and tombstoned records are never counted.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.plan.findings import Finding, Severity, label
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live


def today() -> date:
    """The day progress is compared with."""
    return date.today()


def programmed_without_operation(session: Session) -> list[Finding]:
    """Money programmed for a project in a year whose POA has no (live, not cancelled)
    operation of that project: a warning when that POA is approved, a note while it is a
    draft. Years with no POA yet are not checked. The finding names the programming cell
    (the largest amount of that project and year), where the money can be moved."""
    carried = set(
        session.execute(
            select(Operation.profile_id, AnnualPlan.fiscal_year)
            .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
            .where(
                live(Operation),
                live(AnnualPlan),
                Operation.cancelled.is_(False),
                Operation.profile_id.is_not(None),
            )
        )
    )
    rows = session.execute(
        select(
            MultiYearProgramming.id,
            MultiYearProgramming.profile_id,
            MultiYearProgramming.year,
            MultiYearProgramming.amount,
            ProjectProfile.code,
            ProjectProfile.name,
            AnnualPlan.approved,
        )
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .join(AnnualPlan, AnnualPlan.fiscal_year == MultiYearProgramming.year)
        .where(
            live(MultiYearProgramming),
            live(ProjectProfile),
            live(AnnualPlan),
            MultiYearProgramming.amount > 0,
        )
        .order_by(
            MultiYearProgramming.year,
            bytewise(ProjectProfile.code),
            MultiYearProgramming.amount.desc(),
            MultiYearProgramming.id,
        )
    ).all()
    findings: list[Finding] = []
    seen: set[tuple[object, int]] = set()
    for row_id, profile_id, year, _amount, code, name, approved in rows:
        key = (profile_id, year)
        if key in carried or key in seen:
            continue
        seen.add(key)
        if approved:
            severity = Severity.warning
            message = _(
                "profile {profile} is programmed in {year}, but the approved POA "
                "{year} has no operation of it"
            )
        else:
            severity = Severity.note
            message = _(
                "profile {profile} is programmed in {year}, but the POA {year} "
                "(not approved yet) has no operation of it"
            )
        findings.append(
            Finding(
                severity,
                "programmed-without-operation",
                message.format(profile=label(code, name), year=year),
                "multi_year_programming",
                row_id,
            )
        )
    return findings


def _progress_rows(session: Session) -> list[Any]:
    """Live progress records with what they are progress of (code, name) and, for an
    operation, whether its POA is approved (None for a project)."""
    return list(
        session.execute(
            select(
                Progress.id,
                Progress.date,
                Progress.facilitator,
                func.coalesce(Operation.code, ProjectProfile.code),
                func.coalesce(Operation.name, ProjectProfile.name),
                AnnualPlan.fiscal_year,
                AnnualPlan.approved,
            )
            .outerjoin(Operation, (Progress.operation_id == Operation.id) & live(Operation))
            .outerjoin(AnnualPlan, (Operation.annual_plan_id == AnnualPlan.id) & live(AnnualPlan))
            .outerjoin(
                ProjectProfile, (Progress.profile_id == ProjectProfile.id) & live(ProjectProfile)
            )
            .where(live(Progress), (Operation.id.is_not(None)) | (ProjectProfile.id.is_not(None)))
            .order_by(
                Progress.date,
                bytewise(func.coalesce(Operation.code, ProjectProfile.code)),
                Progress.id,
            )
        )
    )


def progress_gaps(session: Session) -> list[Finding]:
    """Error: progress dated after today (execution that has not happened yet).
    Warning: progress of an operation whose POA is not approved; progress with no one
    recorded (no facilitator on the record)."""
    day = today()
    findings: list[Finding] = []
    for progress_id, when, who, code, name, year, approved in _progress_rows(session):
        subject = label(code, name)
        if when > day:
            findings.append(
                Finding(
                    Severity.error,
                    "progress-in-future",
                    _("progress of {subject} is dated {date}, after today").format(
                        subject=subject, date=short_date(when)
                    ),
                    "progress",
                    progress_id,
                )
            )
        if approved is False:
            findings.append(
                Finding(
                    Severity.warning,
                    "progress-on-unapproved-poa",
                    _(
                        "progress of {subject} ({date}) is recorded on the POA {year}, which is "
                        "not approved"
                    ).format(subject=subject, date=short_date(when), year=year),
                    "progress",
                    progress_id,
                )
            )
        if not (who or "").strip():
            findings.append(
                Finding(
                    Severity.warning,
                    "progress-without-recorder",
                    _(
                        "progress of {subject} ({date}) has no one recorded as having reported it"
                    ).format(subject=subject, date=short_date(when)),
                    "progress",
                    progress_id,
                )
            )
    return findings


def no_progress_recorded(session: Session) -> list[Finding]:
    """Warning: a project with money programmed in a year that is over, and no progress
    recorded, neither on it nor on any of its POA operations: it is not being followed
    up. A project recommended to be dropped is not checked."""
    from planner_desktop.plan.check_profiles import not_dropped

    year = today().year
    followed = set(session.scalars(select(Progress.profile_id).where(live(Progress)))) | set(
        session.scalars(
            select(Operation.profile_id)
            .join(Progress, Progress.operation_id == Operation.id)
            .where(live(Progress), live(Operation))
        )
    )
    rows = session.execute(
        select(
            ProjectProfile.id,
            ProjectProfile.code,
            ProjectProfile.name,
            func.min(MultiYearProgramming.year),
        )
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(
            not_dropped(),
            live(MultiYearProgramming),
            MultiYearProgramming.amount > 0,
            MultiYearProgramming.year < year,
        )
        .group_by(ProjectProfile.id, ProjectProfile.code, ProjectProfile.name)
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    return [
        Finding(
            Severity.warning,
            "no-progress-recorded",
            _(
                "profile {profile} has money programmed from {year}, but no progress is "
                "recorded on it or on its operations"
            ).format(profile=label(code, name), year=first),
            "project_profile",
            profile_id,
        )
        for profile_id, code, name, first in rows
        if profile_id not in followed
    ]
