"""Checks of the POA and of targets: traceability to the PDM, fiscal years, measurable targets.

An operation is traceable to the PDM when its project profile has money in the five-year
programming, or the element of the plan it points at (given on the operation or on its
profile) hangs from the plan's top level, or, for an operation with neither
(funcionamiento), when its objetivo de gestión is linked to such an element.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, extract, func, or_, select
from sqlalchemy.orm import Session, aliased

from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation
from planner_desktop.domain.figures import counted_operation
from planner_desktop.domain.projects import (
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProjectProfile,
)
from planner_desktop.i18n import _
from planner_desktop.plan.findings import Finding, Severity, label, one_line
from planner_desktop.plan.numbers import is_number
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import live, plan_period, plan_tree, programmed_profiles


def _live_operations() -> tuple[ColumnElement[bool], ...]:
    return (counted_operation(), live(AnnualPlan))


def operation_not_traceable(session: Session) -> list[Finding]:
    """Error: a POA operation that cannot be followed back to the PDM.
    Warning: an operation of a programmed project that the PDM programs in other years."""
    programmed = set(session.scalars(programmed_profiles()))
    tree = plan_tree(session)
    elements = (
        {node_id for node_id, node in tree.nodes.items() if tree.attached(node)} if tree else set()
    )
    linked = {
        objective_id
        for objective_id, element_id in session.execute(
            select(ManagementObjective.id, ManagementObjective.element_id).where(
                live(ManagementObjective)
            )
        )
        if element_id in elements
    }
    profile = aliased(ProjectProfile)
    rows = session.execute(
        select(
            Operation.id,
            Operation.code,
            Operation.name,
            AnnualPlan.fiscal_year,
            Operation.profile_id,
            Operation.element_id,
            profile.element_id,
            Operation.management_objective_id,
        )
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .outerjoin(profile, (Operation.profile_id == profile.id) & live(profile))
        .where(*_live_operations())
        .order_by(AnnualPlan.fiscal_year, bytewise(Operation.code), Operation.id)
    ).all()
    years = {
        (profile_id, int(year))
        for profile_id, year in session.execute(
            select(MultiYearProgramming.profile_id, MultiYearProgramming.year).where(
                live(MultiYearProgramming), MultiYearProgramming.amount > 0
            )
        )
    }
    findings = []
    for op_id, code, name, year, profile_id, element_id, profile_element, objective in rows:
        if profile_id is not None and profile_id in programmed:
            if (profile_id, year) not in years:
                findings.append(
                    Finding(
                        Severity.warning,
                        "operation-not-programmed-that-year",
                        _(
                            "operation {operation} is in the POA {year}, but its project is not "
                            "programmed in {year} in the PDM"
                        ).format(operation=label(code, name), year=year),
                        "operation",
                        op_id,
                    )
                )
            continue
        if element_id in elements or profile_element in elements:
            continue
        if profile_id is None and element_id is None and objective in linked:
            continue
        findings.append(
            Finding(
                Severity.error,
                "operation-not-traceable",
                _(
                    "operation {operation} of the POA {year} is not traceable to the PDM (no "
                    "programmed profile, no element of the plan)"
                ).format(operation=label(code, name), year=year),
                "operation",
                op_id,
            )
        )
    return findings


def operation_outside_fiscal_year(session: Session) -> list[Finding]:
    """Error: an operation scheduled (start or end) outside its POA's fiscal year."""
    year = AnnualPlan.fiscal_year
    start, end = extract("year", Operation.start_date), extract("year", Operation.end_date)
    rows = session.execute(
        select(Operation.id, Operation.code, Operation.name, year)
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .where(
            *_live_operations(),
            or_(
                Operation.start_date.is_not(None) & (start != year),
                Operation.end_date.is_not(None) & (end != year),
            ),
        )
        .order_by(year, bytewise(Operation.code), Operation.id)
    ).all()
    return [
        Finding(
            Severity.error,
            "operation-outside-fiscal-year",
            _(
                "operation {operation} is scheduled outside the fiscal year {year} of its POA"
            ).format(operation=label(code, name), year=fiscal_year),
            "operation",
            op_id,
        )
        for op_id, code, name, fiscal_year in rows
    ]


def poa_outside_period(session: Session) -> list[Finding]:
    """Warning: a POA for a fiscal year outside the PDM's period."""
    period = plan_period(session)
    if period is None:
        return []
    rows = session.execute(
        select(AnnualPlan.id, AnnualPlan.fiscal_year).where(
            live(AnnualPlan),
            (AnnualPlan.fiscal_year < period.start) | (AnnualPlan.fiscal_year > period.end),
        )
    ).all()
    return [
        Finding(
            Severity.warning,
            "poa-outside-period",
            _("the POA {year} is outside the plan period {start}–{end}").format(
                year=year, start=period.start, end=period.end
            ),
            "annual_plan",
            plan_id,
        )
        for plan_id, year in rows
    ]


def target_not_number(session: Session) -> list[Finding]:
    """Error: an indicator target that is not a number (it cannot be measured).
    Warning: the same for the target typed on a POA operation."""
    findings = []
    rows = session.execute(
        select(IndicatorTarget.id, IndicatorTarget.year, IndicatorTarget.target, Indicator.name)
        .join(Indicator, IndicatorTarget.indicator_id == Indicator.id)
        .where(live(IndicatorTarget), live(Indicator), func.trim(IndicatorTarget.target) != "")
        .order_by(bytewise(Indicator.name), IndicatorTarget.year, IndicatorTarget.id)
    ).all()
    for target_id, year, target, name in rows:
        if not is_number(target):
            findings.append(
                Finding(
                    Severity.error,
                    "target-not-number",
                    _(
                        "the {year} target of indicator «{indicator}» is not a number: «{target}»"
                    ).format(year=year, indicator=one_line(name), target=one_line(target, 30)),
                    "indicator_target",
                    target_id,
                )
            )
    operations = session.execute(
        select(Operation.id, Operation.code, Operation.name, Operation.target)
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .where(*_live_operations(), func.trim(Operation.target) != "")
        .order_by(bytewise(Operation.code), Operation.id)
    ).all()
    for op_id, code, name, target in operations:
        if not is_number(target):
            findings.append(
                Finding(
                    Severity.warning,
                    "operation-target-not-number",
                    _("the target of operation {operation} is not a number: «{target}»").format(
                        operation=label(code, name), target=one_line(target, 30)
                    ),
                    "operation",
                    op_id,
                )
            )
    return findings
