"""Checks that the indicators' targets are precise and viable: one for every year of the
plan, on a trend that can be reached from the baseline, and funded.

Checked: indicators of an element of the current plan, and of live project profiles not
recommended to be dropped. A finding is a warning, or a note for the indicator of a draft
profile (one with no money in the five-year programming yet). Targets that are not
numbers are :mod:`~planner_desktop.plan.check_annual`'s (``target-not-number``); an
indicator with no target at all is ``indicator-without-target``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import IndicatorLevel
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.projects import (
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProjectProfile,
)
from planner_desktop.i18n import _
from planner_desktop.plan.check_profiles import not_dropped
from planner_desktop.plan.findings import Finding, Severity, one_line
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import PlanTree, live, plan_tree, programmed_profiles
from planner_desktop.plan.totals import money_by_element, sums_under

JUMP_FACTOR = 3
"""A yearly step more than this many times the average step is off the trend."""

MIN_STEPS = 3
"""Fewer steps (baseline included) than this show no trend to be off."""


@dataclass
class _Line:
    """An indicator with what it belongs to and its targets: year → (row id, text)."""

    id: uuid.UUID
    name: str
    unit: str
    level: IndicatorLevel
    baseline: Decimal | None
    subject: str
    funded: set[int]
    severity: Severity
    targets: dict[int, tuple[uuid.UUID, str]] = field(default_factory=dict)

    def what(self) -> str:
        return _("indicator «{indicator}» of {subject}").format(
            indicator=one_line(self.name), subject=self.subject
        )

    def numbers(self) -> list[tuple[int, uuid.UUID, Decimal]]:
        found = []
        for year in sorted(self.targets):
            row_id, text = self.targets[year]
            value = parse_number(text)
            if value is not None:
                found.append((year, row_id, value))
        return found


def _profile_years(session: Session) -> dict[uuid.UUID, set[int]]:
    years: dict[uuid.UUID, set[int]] = {}
    for profile_id, year in session.execute(
        select(ProjectProfile.id, MultiYearProgramming.year)
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(counted_programming(), MultiYearProgramming.amount > 0)
        .distinct()
    ):
        years.setdefault(profile_id, set()).add(int(year))
    return years


def _lines(session: Session, tree: PlanTree) -> list[_Line]:
    in_plan = set(session.scalars(programmed_profiles()))
    profile_years = _profile_years(session)
    element_money = sums_under(tree, money_by_element(session))
    rows = session.execute(
        select(
            Indicator.id,
            Indicator.name,
            Indicator.unit,
            Indicator.level,
            Indicator.baseline,
            Indicator.profile_id,
            ProjectProfile.code,
            Indicator.element_id,
        )
        .outerjoin(ProjectProfile, (Indicator.profile_id == ProjectProfile.id) & not_dropped())
        .where(live(Indicator))
        .order_by(bytewise(ProjectProfile.code), bytewise(Indicator.name), Indicator.id)
    ).all()
    lines: dict[uuid.UUID, _Line] = {}
    for key, name, unit, level, baseline, profile_id, code, element_id in rows:
        node = tree.nodes.get(element_id) if element_id is not None else None
        if profile_id is not None and code is not None:
            subject = _("profile {profile}").format(profile=code)
            funded = profile_years.get(profile_id, set())
            severity = Severity.warning if profile_id in in_plan else Severity.note
        elif profile_id is None and node is not None:
            subject = tree.describe(node)
            funded = {year for year, amount in element_money[node.id].items() if amount}
            severity = Severity.warning
        else:
            continue
        lines[key] = _Line(
            key, name, unit, level, parse_number(baseline), subject, funded, severity
        )
    for row_id, indicator_id, year, text in session.execute(
        select(
            IndicatorTarget.id,
            IndicatorTarget.indicator_id,
            IndicatorTarget.year,
            IndicatorTarget.target,
        ).where(
            live(IndicatorTarget),
            func.trim(IndicatorTarget.target) != "",
            IndicatorTarget.indicator_id.in_(list(lines)),
        )
    ):
        lines[indicator_id].targets[int(year)] = (row_id, text)
    return list(lines.values())


def trend_problems(
    baseline: Decimal | None, targets: list[tuple[int, Decimal]], *, product: bool = False
) -> list[tuple[int, str, Decimal, Decimal]]:
    """The years whose target breaks the trend, as ``(year, kind, previous, value)``.

    The trend starts where progress starts: the years before the first target that moves
    away from the baseline (or from the first target) wait for the work to begin and are
    left out. Then:

    - ``backwards``: the target moves against the direction the targets take overall;
    - ``jump``: the step from the previous year is more than :data:`JUMP_FACTOR` times the
      average step, with at least :data:`MIN_STEPS` steps (not for a ``product``
      indicator, whose delivery often comes all at once).
    """
    values = ([baseline] if baseline is not None else []) + [value for _y, value in targets]
    years = ([None] if baseline is not None else []) + [year for year, _v in targets]
    start = next((i - 1 for i in range(1, len(values)) if values[i] != values[0]), 0)
    values, years = values[start:], years[start:]
    if len(values) < 2:
        return []
    overall = values[-1] - values[0]
    steps = len(values) - 1
    average = abs(overall) / steps
    found: list[tuple[int, str, Decimal, Decimal]] = []
    for index in range(1, len(values)):
        previous, value, year = values[index - 1], values[index], years[index]
        assert year is not None
        step = value - previous
        if step and overall and (step > 0) != (overall > 0):
            found.append((year, "backwards", previous, value))
        elif not product and steps >= MIN_STEPS and average and abs(step) > JUMP_FACTOR * average:
            found.append((year, "jump", previous, value))
    return found


def _missing_years(line: _Line, years: list[int]) -> list[Finding]:
    missing = [year for year in years if year not in line.targets]
    if not line.targets or not missing:
        return []
    return [
        Finding(
            line.severity,
            "indicator-missing-years",
            _("{indicator} has no target for {years}").format(
                indicator=line.what(), years=", ".join(map(str, missing))
            ),
            "indicator",
            line.id,
        )
    ]


def _off_trend(line: _Line) -> list[Finding]:
    numbers = line.numbers()
    rows = {year: row_id for year, row_id, _value in numbers}
    findings = []
    if line.unit.strip() == "%":
        findings += [
            Finding(
                line.severity,
                "target-off-trend",
                _("the {year} target of {indicator} is {value} %, outside 0–100").format(
                    year=year, indicator=line.what(), value=value
                ),
                "indicator_target",
                row_id,
            )
            for year, row_id, value in numbers
            if not Decimal(0) <= value <= Decimal(100)
        ]
    problems = trend_problems(
        line.baseline,
        [(year, value) for year, _row, value in numbers],
        product=line.level is IndicatorLevel.product,
    )
    for year, kind, previous, value in problems:
        if kind == "backwards":
            message = _(
                "the {year} target of {indicator} goes back from {previous} to {value}, "
                "against the direction of its targets"
            )
        else:
            message = _(
                "the {year} target of {indicator} jumps from {previous} to {value}, far "
                "beyond the trend of its targets"
            )
        findings.append(
            Finding(
                line.severity,
                "target-off-trend",
                message.format(year=year, indicator=line.what(), previous=previous, value=value),
                "indicator_target",
                rows[year],
            )
        )
    return findings


def _not_funded(line: _Line) -> list[Finding]:
    """The first year whose target expects progress (it moves away from the baseline or
    from the year before), when nothing is programmed for it in that year or before."""
    previous = line.baseline
    for year, row_id, value in line.numbers():
        moves = previous is not None and value != previous
        previous = value
        if not moves:
            continue
        if any(funded <= year for funded in line.funded):
            return []
        return [
            Finding(
                line.severity,
                "target-not-funded",
                _(
                    "the {year} target of {indicator} expects progress, but nothing is "
                    "programmed for it by {year}"
                ).format(year=year, indicator=line.what()),
                "indicator_target",
                row_id,
            )
        ]
    return []


def target_gaps(session: Session) -> list[Finding]:
    """Targets that are not precise or not viable, indicator by indicator:

    - ``indicator-missing-years``: targets for some years of the plan period, not all;
    - ``target-off-trend``: a target off its trend (:func:`trend_problems`), or a
      percentage outside 0–100;
    - ``target-not-funded``: progress expected in a year when neither the project, nor
      the element with every project below it, has money programmed by then.
    """
    tree = plan_tree(session)
    if tree is None:
        return []
    findings: list[Finding] = []
    for line in _lines(session, tree):
        findings += _missing_years(line, tree.years)
        findings += _off_trend(line)
        findings += _not_funded(line)
    order = ("indicator-missing-years", "target-off-trend", "target-not-funded")
    return sorted(findings, key=lambda finding: order.index(finding.code))
