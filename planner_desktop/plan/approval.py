"""Approving a POA: refused while the plan checks find an error.

An error finding means the plan is not coherent or not viable as it stands (see the scale
in :mod:`planner_desktop.plan.findings`), so a POA is not approved over one: the refusal
names how many errors there are and the first of them, in one line. Warnings and notes do
not block. Withdrawing an approval is never refused (an adjustment may need it).

No Qt here; the window pushes the change as one undoable edit.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan
from planner_desktop.i18n import _, ngettext
from planner_desktop.plan.checks import CheckReport, run_checks
from planner_desktop.plan.rules import title


class ApprovalRefused(Exception):
    """The one line that says why the POA is not approved."""


def approval_refusal(
    session: Session, plan_id: uuid.UUID, report: CheckReport | None = None
) -> str:
    """Why the POA ``plan_id`` cannot be approved now ("" when it can)."""
    plan = session.get(AnnualPlan, plan_id)
    if plan is None or plan.deleted_at is not None:
        return _("This POA no longer exists.")
    report = report if report is not None else run_checks(session)
    errors = [finding for finding in report.findings if finding.is_error]
    if not errors:
        return ""
    first = errors[0]
    return ngettext(
        "The POA {year} cannot be approved: the plan checks find {n} error. First: "
        "{rule}: {message}.",
        "The POA {year} cannot be approved: the plan checks find {n} errors. First: "
        "{rule}: {message}.",
        len(errors),
    ).format(year=plan.fiscal_year, n=len(errors), rule=title(first.code), message=first.message)


def set_approved(session: Session, plan_id: uuid.UUID, approved: bool) -> None:
    """Approve the POA (refused with :class:`ApprovalRefused` while the checks find an
    error) or withdraw its approval."""
    if approved:
        reason = approval_refusal(session, plan_id)
        if reason:
            raise ApprovalRefused(reason)
    plan = session.get(AnnualPlan, plan_id)
    if plan is None or plan.deleted_at is not None:
        raise ApprovalRefused(_("This POA no longer exists."))
    plan.approved = approved
