"""Plan coherence and viability checks (``planner-desktop check``, the window's panel and
the approval of a POA).

Each check is a function ``(session) -> list[Finding]`` that reads with a few aggregate
queries, never one query per row. The severity scale is stated in
:mod:`planner_desktop.plan.findings`: an **error** blocks approval (and ``check`` exits 1),
a **warning** asks a person to look, a **note** informs. Rule titles, in the interface
language, are in :mod:`planner_desktop.plan.rules`; repeated findings are grouped into one
line with a count by :mod:`planner_desktop.plan.grouping`.

errors (the plan is not coherent or not viable as it stands)
    ``element-detached``, ``ceiling-exceeded``, ``programming-outside-period``,
    ``operation-not-traceable``, ``operation-outside-fiscal-year``, ``target-not-number``,
    ``progress-in-future``; and for a profile in the plan (with money in the five-year
    programming) ``profile-without-element``, ``profile-without-indicator``,
    ``profile-without-cost``, ``profile-without-funding``, ``funding-split-mismatch``,
    ``indicator-without-target``.

warnings (a gap to look at), by what the viability checklist asks
    coherence problem → objective → programme → project: ``element-without-problem``,
    ``profile-without-problem``;
    strategy and investment plan: ``element-without-projects``,
    ``element-without-programming``, ``element-without-budget``;
    sector policies: ``element-without-sector``; structure: ``element-without-unit``;
    precise and viable targets: ``indicator-missing-years``, ``target-off-trend``,
    ``target-not-funded``, ``indicator-without-target`` (of an element of the plan);
    priorities in the resources: ``priority-a-without-profile``, ``top-class-after-c``,
    ``low-priority-funded``, ``team-class-without-reason``;
    budget and ceilings: ``no-ceiling``, ``programming-differs-from-funding``;
    the POA: ``poa-outside-period``, ``operation-target-not-number``,
    ``operation-not-programmed-that-year``, ``programmed-without-operation`` (for an
    approved POA);
    monitoring: ``no-progress-recorded``, ``progress-on-unapproved-poa``,
    ``progress-without-recorder``.

notes (information: work in progress)
    the profile and target gaps above for a profile that is not in the plan yet (a draft
    or a postponed one); ``programmed-without-operation`` for a POA not approved yet.

Every finding names the record where it is fixed (``plan_element``, ``project_profile``,
``indicator``, ``indicator_target``, ``multi_year_programming``…), so the window can jump
there.

Profiles recommended to be dropped, cancelled operations and tombstoned records are never
checked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from planner_desktop.plan import (
    check_annual,
    check_articulation,
    check_execution,
    check_money,
    check_priorities,
    check_profiles,
    check_strategy,
    check_targets,
)
from planner_desktop.plan.findings import Finding, Severity

Check = Callable[[Session], list[Finding]]

CHECKS: tuple[Check, ...] = (
    check_strategy.element_detached,
    check_strategy.element_without_problem,
    check_articulation.programme_without_projects,
    check_articulation.top_without_budget,
    check_articulation.programme_without_sector,
    check_articulation.programme_without_unit,
    check_profiles.priority_a_without_profile,
    check_profiles.profile_gaps,
    check_profiles.indicator_without_target,
    check_targets.target_gaps,
    check_priorities.top_class_after_c,
    check_priorities.low_priority_funded,
    check_priorities.team_class_without_reason,
    check_money.ceiling_exceeded,
    check_money.programming_outside_period,
    check_execution.programmed_without_operation,
    check_annual.operation_not_traceable,
    check_annual.operation_outside_fiscal_year,
    check_annual.poa_outside_period,
    check_annual.target_not_number,
    check_execution.progress_gaps,
    check_execution.no_progress_recorded,
)


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding]

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def errors(self) -> int:
        return self.count(Severity.error)

    @property
    def warnings(self) -> int:
        return self.count(Severity.warning)

    @property
    def notes(self) -> int:
        return self.count(Severity.note)

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and notes allowed)."""
        return self.errors == 0


def run_checks(session: Session, checks: Iterable[Check] = CHECKS) -> CheckReport:
    """Every check over the database: errors, then warnings, then notes, each in the order
    of the checks."""
    findings = [finding for check in checks for finding in check(session)]
    findings.sort(key=lambda finding: finding.severity.rank)
    return CheckReport(findings)
