"""The POA of a fiscal year derived from the PDM's programming for that year, and its
adjustments kept as a dated history (:class:`PlanAdjustment`).

The caller owns the transaction (``store.session()`` stamps provenance on every record);
a refusal raises :class:`PlanRefused` before anything is added to the session.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.projects import (
    FundingSource,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProjectProfile,
)
from planner_desktop.domain.summaries import current_municipality
from planner_desktop.i18n import _
from planner_desktop.plan.numbers import parse_number
from planner_desktop.plan.ordering import bytewise
from planner_desktop.plan.scope import PlanTree, live, plan_period, plan_tree


class PlanRefused(Exception):
    """The change was refused; the message is the one-line reason shown to the person."""


@dataclass(frozen=True)
class _Line:
    profile: ProjectProfile
    source: FundingSource
    amount: Decimal
    objective_id: uuid.UUID | None


def _programmed_lines(session: Session, year: int, tree: PlanTree | None) -> list[_Line]:
    """Each project × source programmed in ``year``, with the element its objetivo de
    gestión follows (:meth:`~planner_desktop.plan.scope.PlanTree.objective_of`)."""
    rows = session.execute(
        select(ProjectProfile, FundingSource, MultiYearProgramming.amount)
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .join(FundingSource, MultiYearProgramming.source_id == FundingSource.id)
        .where(
            MultiYearProgramming.year == year,
            MultiYearProgramming.amount > 0,
            counted_programming(),
        )
        .order_by(bytewise(ProjectProfile.code), bytewise(FundingSource.code), FundingSource.id)
    ).all()
    lines = []
    for profile, source, amount in rows:
        objective = tree.objective_of(profile.element_id) if tree is not None else None
        lines.append(_Line(profile, source, amount, objective.id if objective else None))
    return lines


def _targets(
    session: Session, profile_ids: list[uuid.UUID], year: int
) -> dict[uuid.UUID, tuple[str, str]]:
    """The first indicator of each profile (by level, then name) and its target for ``year``."""
    rows = session.execute(
        select(Indicator.profile_id, Indicator.name, IndicatorTarget.target)
        .outerjoin(
            IndicatorTarget,
            (IndicatorTarget.indicator_id == Indicator.id)
            & (IndicatorTarget.year == year)
            & live(IndicatorTarget),
        )
        .where(Indicator.profile_id.in_(profile_ids), live(Indicator))
        .order_by(
            Indicator.profile_id, Indicator.level.desc(), bytewise(Indicator.name), Indicator.id
        )
    ).all()
    first: dict[uuid.UUID, tuple[str, str]] = {}
    for profile_id, name, target in rows:
        if profile_id is not None:
            first.setdefault(profile_id, (name, target or ""))
    return first


def derive_refusal(session: Session, fiscal_year: int) -> str | None:
    """Why the POA of ``fiscal_year`` cannot be derived from the PDM, or None."""
    period = plan_period(session)
    municipality = current_municipality(session)
    if period is None or municipality is None:
        return _("there is no PDM yet: the plan and its period come first")
    if not period.contains(fiscal_year):
        return _("{year} is outside the plan period {start}–{end}").format(
            year=fiscal_year, start=period.start, end=period.end
        )
    existing = session.scalars(
        select(AnnualPlan).where(
            AnnualPlan.municipality_id == municipality.id, AnnualPlan.fiscal_year == fiscal_year
        )
    ).first()
    if existing is not None:
        if existing.deleted_at is None:
            return _("there is already a POA for {year}; adjust it instead").format(
                year=fiscal_year
            )
        return _("a deleted POA for {year} is still kept; restore it instead").format(
            year=fiscal_year
        )
    if not _programmed_lines(session, fiscal_year, plan_tree(session)):
        return _("nothing is programmed in {year} in the five-year programming").format(
            year=fiscal_year
        )
    return None


def derive_poa(session: Session, fiscal_year: int) -> AnnualPlan:
    """Create the POA of ``fiscal_year`` from the programming of that year of the PDM.

    One operation per project × funding source programmed that year (budget, funder,
    element of the plan, executing unit, the profile's first indicator and its target for
    the year); one objetivo de gestión per strategic objective those projects serve (the
    element of the second level above each project's element). Refused when the
    year is outside the plan period, a POA for it exists, or nothing is programmed in it.

    A project funded by several sources has one operation per source, and its target is
    split among them by share of funding (:func:`split_target`): three sources paying
    50 %, 30 % and 20 % of 227 km of road get 114, 68 and 45 km, which add up to the
    project's 227 km (counted once, never three times).
    """
    reason = derive_refusal(session, fiscal_year)
    municipality = current_municipality(session)
    if reason or municipality is None:
        raise PlanRefused(reason or "")
    tree = plan_tree(session)
    lines = _programmed_lines(session, fiscal_year, tree)
    plan = AnnualPlan(municipality_id=municipality.id, fiscal_year=fiscal_year)
    session.add(plan)
    session.flush()
    objectives = _management_objectives(session, plan, tree, {line.objective_id for line in lines})
    targets = _targets(session, sorted({line.profile.id for line in lines}), fiscal_year)
    shares = _shared_targets(lines, targets)
    for number, line in enumerate(lines, start=1):
        profile = line.profile
        indicator, target = targets.get(profile.id, ("", ""))
        target = shares.get((profile.id, line.source.id), target)
        session.add(
            Operation(
                annual_plan_id=plan.id,
                management_objective_id=objectives.get(line.objective_id),
                element_id=profile.element_id,
                profile_id=profile.id,
                source_id=line.source.id,
                code=f"OP-{fiscal_year}-{number:03d}",
                name=profile.name,
                type=profile.type,
                expected_result=profile.general_objective,
                indicator=indicator,
                target=target,
                responsible=profile.executing_unit,
                start_date=date(fiscal_year, 1, 1),
                end_date=date(fiscal_year, 12, 31),
                budget=line.amount,
                funder=line.source.funder,
                executing_unit=profile.executing_unit,
            )
        )
    session.flush()
    return plan


def _shared_targets(
    lines: list[_Line], targets: dict[uuid.UUID, tuple[str, str]]
) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
    """The target of each (profile, source) operation: the profile's target split by share."""
    by_profile: dict[uuid.UUID, list[_Line]] = {}
    for line in lines:
        by_profile.setdefault(line.profile.id, []).append(line)
    shared: dict[tuple[uuid.UUID, uuid.UUID], str] = {}
    for profile_id, own in by_profile.items():
        parts = split_target(targets.get(profile_id, ("", ""))[1], [x.amount for x in own])
        for line, part in zip(own, parts, strict=True):
            shared[(profile_id, line.source.id)] = part
    return shared


def split_target(target: str, amounts: list[Decimal]) -> list[str]:
    """A project's target split among its funding sources in proportion to ``amounts``.

    The rule: a quantity (``227``, ``12,5``) is divided by share of funding and rounded to
    the decimals it was typed with by the largest-remainder method, so the parts always
    add up to the whole: each part first gets its share rounded down, then the units left
    go one each to the parts with the largest remainders (ties: the earlier source, in
    code order). A rate (``85 %``) is not a quantity: every operation carries it whole. A
    target that is empty or not a number, a single source, or no money is left as typed
    (the checks flag a target that is not a number).
    """
    value = parse_number(target)
    total = sum(amounts, Decimal(0))
    if value is None or len(amounts) < 2 or total <= 0 or target.strip().endswith("%"):
        return [target] * len(amounts)
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    quantum = Decimal(1).scaleb(-places)
    units = int(value / quantum)
    exact = [Decimal(units) * amount / total for amount in amounts]
    parts = [int(share) for share in exact]
    left = units - sum(parts)
    order = sorted(range(len(amounts)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    mark = "," if "," in target and places else "."
    return [f"{Decimal(part) * quantum:.{places}f}".replace(".", mark) for part in parts]


def _management_objectives(
    session: Session,
    plan: AnnualPlan,
    tree: PlanTree | None,
    objective_ids: set[uuid.UUID | None],
) -> dict[uuid.UUID | None, uuid.UUID]:
    """An objetivo de gestión for each element given, in the order of the plan's tree."""
    if tree is None:
        return {}
    made: dict[uuid.UUID | None, uuid.UUID] = {}
    wanted = [node for node in tree.in_order() if node.id in objective_ids]
    for number, node in enumerate(wanted, start=1):
        objective = ManagementObjective(
            annual_plan_id=plan.id,
            element_id=node.id,
            code=f"OG-{number}",
            description=node.name,
        )
        session.add(objective)
        session.flush()
        made[node.id] = objective.id
    return made
