"""The POA summary: the ten sections of the Bolivian annual operating plan summary."""

from __future__ import annotations

import uuid
from collections import defaultdict
from decimal import Decimal

from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation, PlanAdjustment
from planner_desktop.domain.enums import OperationType
from planner_desktop.domain.figures import PoaBudget, counted_operation, poa_budget
from planner_desktop.domain.labels import label
from planner_desktop.domain.projects import FundingSource
from planner_desktop.domain.strategy import Objective
from planner_desktop.domain.summaries import live
from planner_desktop.exchange import conflict_marks
from planner_desktop.exchange.conflict_marks import conflicted_ids
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, ReportRefused, lines, municipality
from planner_desktop.reports.contents import Contents
from planner_desktop.reports.layout import Document, frame_size, heading, money, para, printed_date
from planner_desktop.reports.numbers import number, typed
from planner_desktop.reports.tables import fields_table, scaled, table


def require_plan(session: Session, options: ReportOptions) -> AnnualPlan:
    """The POA of ``--year``, or the latest one when no year is given."""
    query = select(AnnualPlan).where(live(AnnualPlan))
    if options.year is not None:
        plan = session.scalars(query.where(AnnualPlan.fiscal_year == options.year)).first()
        if plan is None:
            raise ReportRefused(_("there is no POA for {year}").format(year=options.year))
        return plan
    plan = session.scalars(query.order_by(AnnualPlan.fiscal_year.desc())).first()
    if plan is None:
        raise ReportRefused(_("there is no POA yet"))
    return plan


def _budget_tables(session: Session, figures: PoaBudget, width: float) -> list[Flowable]:
    sources = {key: name for key, name in session.execute(
        select(FundingSource.id, FundingSource.name))}
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    for source_id, amount in figures.by_source.items():
        by_source[sources.get(source_id, _("Not stated")) if source_id else _(
            "Not stated")] += amount
    by_type = figures.by_type
    budget = figures.total
    return [
        table([_("Funding source"), _("Amount")],
              [[n, money(a)] for n, a in sorted(by_source.items())] + [[_("Total"), money(budget)]],
              scaled((6, 2), width * 0.7), numeric=(1,), bold_last=True),
        para(""),
        table([_("Kind of operation"), _("Amount")],
              [[label(t), money(by_type.get(t, 0))] for t in OperationType]
              + [[_("Total"), money(budget)]],
              scaled((6, 2), width * 0.7), numeric=(1,), bold_last=True),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    plan = require_plan(session, options)
    width, _height = frame_size(options.paper, wide=True)
    operations = session.scalars(
        select(Operation).where(Operation.annual_plan_id == plan.id, live(Operation))
        .order_by(Operation.code)
    ).all()
    active = session.scalars(
        select(Operation).where(Operation.annual_plan_id == plan.id, counted_operation())
        .order_by(Operation.code)
    ).all()
    budget = poa_budget(session, plan.id)
    objectives = session.execute(
        select(ManagementObjective, Objective.code, Objective.name)
        .outerjoin(Objective, ManagementObjective.objective_id == Objective.id)
        .where(ManagementObjective.annual_plan_id == plan.id, live(ManagementObjective))
        .order_by(ManagementObjective.code)
    ).all()
    objective_codes: dict[uuid.UUID | None, str] = {mo.id: mo.code for mo, _c, _n in objectives}
    toc = Contents(max_level=1)
    cancelled = _("cancelled")
    disputed = conflicted_ids(session, "operation")

    def named(o: Operation) -> str:
        """An operation's code and name, marked when it is in an unresolved conflict."""
        text = f"{o.code} {o.name}"
        return conflict_marks.marked(text) if o.id in disputed else text

    plan_disputed = plan.id in conflicted_ids(session, "annual_plan") or any(
        o.id in disputed for o in operations)
    adjustments = session.scalars(
        select(PlanAdjustment).where(PlanAdjustment.annual_plan_id == plan.id,
                                     live(PlanAdjustment)).order_by(PlanAdjustment.date)
    ).all()
    flow: list[Flowable] = [
        *([para(conflict_marks.printed_note())] if plan_disputed else []),
        toc.heading(_("1. Executive summary"), 1),
        para(plan.executive_summary or "—"),
        fields_table([
            (_("Fiscal year"), str(plan.fiscal_year)),
            (_("Approved"), _("Yes") if plan.approved else _("No")),
            (_("Operations"), number(budget.operations)),
            (_("Cancelled operations"), number(budget.cancelled)),
            (_("Budget"), f"{money(budget.total)} {town.currency}"),
            (_("Management objectives"), number(len(objectives))),
        ], width, columns=3),
        toc.heading(_("2. Legal basis"), 1),
        *[para(p) for p in lines(town.legal_basis) or ["—"]],
        toc.heading(_("3. Situation analysis"), 1),
        para(plan.situation_analysis or "—"),
        toc.heading(_("4. Production of goods and services"), 1),
        table([_("Kind"), _("Operation"), _("Goods or services produced")],
              [[label(o.type), named(o), o.expected_result] for o in active],
              scaled((2.2, 6, 6), width)),
        toc.heading(_("5. Management objectives and indicators"), 1),
        table([_("Code"), _("Management objective"), _("PDM objective"), _("Indicators")],
              [[mo.code, mo.description, f"{code} {name}" if code else "—",
                "; ".join(sorted({o.indicator for o in active
                                  if o.management_objective_id == mo.id and o.indicator}))]
               for mo, code, name in objectives],
              scaled((1.2, 5, 4.5, 4.5), width)),
        toc.heading(_("6. Short-term targets"), 1),
        table([_("Operation"), _("Indicator"), _("Target"), _("Start"), _("End")],
              [[named(o), o.indicator, typed(o.target), printed_date(o.start_date),
                printed_date(o.end_date)] for o in active],
              scaled((6, 4, 1.5, 1.6, 1.6), width)),
        toc.heading(_("7. Budget"), 1),
        *_budget_tables(session, budget, width),
        toc.heading(_("8. Operations"), 1),
        table([_("Code"), _("Operation"), _("Objective"), _("Kind"), _("Funder"),
               _("Spending line"), _("Budget")],
              [[o.code, named(o).removeprefix(f"{o.code} ")
                + (f" ({cancelled})" if o.cancelled else ""),
                objective_codes.get(o.management_objective_id, ""), label(o.type), o.funder,
                o.spending_line, money(o.budget)] for o in operations]
              + [[_("Total"), "", "", "", "", "", money(budget.total)]],
              scaled((1.8, 5.5, 1.2, 2.2, 3, 1.4, 2), width), numeric=(6,), bold_last=True),
    ]
    if adjustments:
        flow += [heading(_("Adjustments"), 2),
                 table([_("Date"), _("Kind"), _("Description")],
                       [[printed_date(a.date), label(a.kind), a.description] for a in adjustments],
                       scaled((1.5, 2.5, 10), width))]
    flow += [
        toc.heading(_("9. Expected results"), 1),
        table([_("Operation"), _("Expected result"), _("Resources")],
              [[named(o), o.expected_result, o.resources] for o in active],
              scaled((5, 6, 4), width)),
        toc.heading(_("10. Executing units"), 1),
        table([_("Executing unit"), _("Operations"), _("Budget")],
              [[unit or _("Not stated"), part.operations, money(part.amount)]
               for unit, part in sorted(budget.by_unit.items())]
              + [[_("Total"), budget.operations, money(budget.total)]],
              scaled((6, 1.5, 2.5), width * 0.8), numeric=(1, 2), bold_last=True),
    ]
    return Document(
        title=_("POA summary {year}").format(year=plan.fiscal_year),
        subtitle=_("Plan Operativo Anual of {name}").format(name=town.name),
        flowables=[heading(_("Contents")), toc.flowable(), *flow],
        landscape=True,
    )
