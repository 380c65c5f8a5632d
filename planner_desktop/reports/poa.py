"""The POA summary: the ten sections of the Bolivian annual operating plan summary.

The plan's elements are named with the plan's own level names (the plan whose period
holds the fiscal year), the municipality with its official name, and a section with
nothing to print is left out (the others numbered without a gap).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from decimal import Decimal

from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation, PlanAdjustment
from planner_desktop.domain.enums import OperationType
from planner_desktop.domain.figures import PoaBudget, counted_operation, poa_budget
from planner_desktop.domain.labels import label
from planner_desktop.domain.projects import FundingSource
from planner_desktop.domain.summaries import live
from planner_desktop.exchange import conflict_marks
from planner_desktop.exchange.conflict_marks import conflicted_ids
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise, text_key
from planner_desktop.reports.common import (
    ReportOptions,
    ReportRefused,
    government,
    lines,
    municipality,
)
from planner_desktop.reports.contents import Contents, Sections
from planner_desktop.reports.layout import Document, frame_size, heading, money, para, printed_date
from planner_desktop.reports.numbers import number, typed
from planner_desktop.reports.plan_tree import load_tree, plan_for_year
from planner_desktop.reports.tables import fields_table, scaled, table


def require_plan(session: Session, options: ReportOptions) -> AnnualPlan:
    """The POA of ``--year``, or the latest one when no year is given."""
    query = select(AnnualPlan).where(live(AnnualPlan))
    if options.year is not None:
        plan = session.scalars(query.where(AnnualPlan.fiscal_year == options.year)).first()
        if plan is None:
            raise ReportRefused(_("there is no POA for {year}").format(year=options.year))
        return plan
    plan = session.scalars(
        query.order_by(AnnualPlan.fiscal_year.desc(), AnnualPlan.created_at, AnnualPlan.id)
    ).first()
    if plan is None:
        raise ReportRefused(_("there is no POA yet"))
    return plan


def _budget_tables(session: Session, figures: PoaBudget, width: float) -> list[Flowable]:
    sources = {
        key: name for key, name in session.execute(select(FundingSource.id, FundingSource.name))
    }
    by_source: dict[str, Decimal] = defaultdict(Decimal)
    for source_id, amount in figures.by_source.items():
        by_source[sources.get(source_id, _("Not stated")) if source_id else _("Not stated")] += (
            amount
        )
    by_type = figures.by_type
    budget = figures.total
    return [
        table(
            [_("Funding source"), _("Amount")],
            [
                [n, money(a)]
                for n, a in sorted(by_source.items(), key=lambda item: text_key(item[0]))
            ]
            + [[_("Total"), money(budget)]],
            scaled((6, 2), width * 0.7),
            numeric=(1,),
            bold_last=True,
        ),
        para(""),
        table(
            [_("Kind of operation"), _("Amount")],
            [[label(t), money(by_type.get(t, 0))] for t in OperationType]
            + [[_("Total"), money(budget)]],
            scaled((6, 2), width * 0.7),
            numeric=(1,),
            bold_last=True,
        ),
    ]


def _columns(
    session: Session, fiscal_year: int, element_ids: list[uuid.UUID | None]
) -> tuple[str, dict[uuid.UUID, str]]:
    """The header and cells of a column of plan elements (see ``PlanTree.column``)."""
    plan = plan_for_year(session, fiscal_year)
    if plan is None:
        return _("Element of the plan"), {}
    header, cells = load_tree(session, plan).column(element_ids)
    return (header if cells else _("Element of the plan")), cells


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    plan = require_plan(session, options)
    width, _height = frame_size(options.paper, wide=True)
    operations = session.scalars(
        select(Operation)
        .where(Operation.annual_plan_id == plan.id, live(Operation))
        .order_by(bytewise(Operation.code), Operation.id)
    ).all()
    active = [
        o
        for o in session.scalars(
            select(Operation)
            .where(Operation.annual_plan_id == plan.id, counted_operation())
            .order_by(bytewise(Operation.code), Operation.id)
        )
    ]
    budget = poa_budget(session, plan.id)
    objectives = session.scalars(
        select(ManagementObjective)
        .where(ManagementObjective.annual_plan_id == plan.id, live(ManagementObjective))
        .order_by(bytewise(ManagementObjective.code), ManagementObjective.id)
    ).all()
    objective_codes: dict[uuid.UUID | None, str] = {mo.id: mo.code for mo in objectives}
    element_header, elements = _columns(
        session, plan.fiscal_year, [mo.element_id for mo in objectives]
    )
    structure_header, structure = _columns(
        session, plan.fiscal_year, [o.element_id for o in operations]
    )
    toc = Contents(max_level=1)
    sections = Sections(toc)
    cancelled = _("cancelled")
    disputed = conflicted_ids(session, "operation")

    def named(o: Operation) -> str:
        """An operation's code and name, marked when it is in an unresolved conflict."""
        text = f"{o.code} {o.name}"
        return conflict_marks.marked(text) if o.id in disputed else text

    plan_disputed = plan.id in conflicted_ids(session, "annual_plan") or any(
        o.id in disputed for o in operations
    )
    adjustments = session.scalars(
        select(PlanAdjustment)
        .where(PlanAdjustment.annual_plan_id == plan.id, live(PlanAdjustment))
        .order_by(PlanAdjustment.date, PlanAdjustment.created_at, PlanAdjustment.id)
    ).all()
    flow: list[Flowable] = [
        *([para(conflict_marks.printed_note())] if plan_disputed else []),
        sections.section(_("Executive summary")),
        *([para(plan.executive_summary)] if plan.executive_summary.strip() else []),
        fields_table(
            [
                (_("Fiscal year"), str(plan.fiscal_year)),
                (_("Approved"), _("Yes") if plan.approved else _("No")),
                (_("Operations"), number(budget.operations)),
                (_("Cancelled operations"), number(budget.cancelled)),
                (_("Budget"), f"{money(budget.total)} {town.currency}"),
                (_("Management objectives"), number(len(objectives))),
            ],
            width,
            columns=3,
        ),
    ]
    if lines(town.legal_basis):
        flow += [sections.section(_("Legal basis")), *[para(p) for p in lines(town.legal_basis)]]
    if plan.situation_analysis.strip():
        flow += [sections.section(_("Situation analysis")), para(plan.situation_analysis)]
    if active:
        flow += [
            sections.section(_("Production of goods and services")),
            table(
                [_("Kind"), _("Operation"), _("Goods or services produced")],
                [[label(o.type), named(o), o.expected_result] for o in active],
                scaled((2.2, 6, 6), width),
            ),
        ]
    if objectives:
        flow += [
            sections.section(_("Management objectives and indicators")),
            table(
                [_("Code"), _("Management objective"), element_header, _("Indicators")],
                [
                    [
                        mo.code,
                        mo.description,
                        elements.get(mo.element_id, "—") if mo.element_id else "—",
                        "; ".join(
                            sorted(
                                {
                                    o.indicator
                                    for o in active
                                    if o.management_objective_id == mo.id and o.indicator
                                },
                                key=text_key,
                            )
                        ),
                    ]
                    for mo in objectives
                ],
                scaled((1.2, 5, 4.5, 4.5), width),
            ),
        ]
    if active:
        flow += [
            sections.section(_("Short-term targets")),
            table(
                [_("Operation"), _("Indicator"), _("Target"), _("Start"), _("End")],
                [
                    [
                        named(o),
                        o.indicator,
                        typed(o.target),
                        printed_date(o.start_date),
                        printed_date(o.end_date),
                    ]
                    for o in active
                ],
                scaled((6, 4, 1.5, 1.6, 1.6), width),
            ),
        ]
    flow += [sections.section(_("Budget")), *_budget_tables(session, budget, width)]
    if operations:
        flow += _operations(
            operations,
            named,
            objective_codes,
            structure_header if structure else "",
            structure,
            cancelled,
            budget.total,
            width,
            sections,
        )
    if adjustments:
        flow += [
            heading(_("Adjustments"), 2),
            table(
                [_("Date"), _("Kind"), _("Description")],
                [[printed_date(a.date), label(a.kind), a.description] for a in adjustments],
                scaled((1.5, 2.5, 10), width),
            ),
        ]
    if active:
        flow += [
            sections.section(_("Expected results")),
            table(
                [_("Operation"), _("Expected result"), _("Resources")],
                [[named(o), o.expected_result, o.resources] for o in active],
                scaled((5, 6, 4), width),
            ),
        ]
    if operations:
        flow += [
            sections.section(_("Executing units")),
            table(
                [_("Executing unit"), _("Operations"), _("Budget")],
                [
                    [unit or _("Not stated"), part.operations, money(part.amount)]
                    for unit, part in sorted(
                        budget.by_unit.items(), key=lambda item: text_key(item[0])
                    )
                ]
                + [[_("Total"), budget.operations, money(budget.total)]],
                scaled((6, 1.5, 2.5), width * 0.8),
                numeric=(1, 2),
                bold_last=True,
            ),
        ]
    return Document(
        title=_("POA summary {year}").format(year=plan.fiscal_year),
        subtitle=_("Plan Operativo Anual — {government}").format(government=government(town)),
        flowables=[heading(_("Contents")), toc.flowable(), *flow],
        landscape=True,
    )


def _operations(
    operations: Sequence[Operation],
    named: Callable[[Operation], str],
    objective_codes: dict[uuid.UUID | None, str],
    structure_header: str,
    structure: dict[uuid.UUID, str],
    cancelled: str,
    total: Decimal,
    width: float,
    sections: Sections,
) -> list[Flowable]:
    """Every operation (cancelled ones said so) with its objective, the element of the
    plan it belongs to (when any operation has one), kind, funder and budget."""
    with_structure = bool(structure_header)
    header = [
        _("Code"),
        _("Operation"),
        _("Objective"),
        *([structure_header] if with_structure else []),
        _("Kind"),
        _("Funder"),
        _("Spending line"),
        _("Budget"),
    ]
    rows = [
        [
            o.code,
            named(o).removeprefix(f"{o.code} ") + (f" ({cancelled})" if o.cancelled else ""),
            objective_codes.get(o.management_objective_id, ""),
            *([structure.get(o.element_id, "") if o.element_id else ""] if with_structure else []),
            label(o.type),
            o.funder,
            o.spending_line,
            money(o.budget),
        ]
        for o in operations
    ]
    rows.append([_("Total"), *[""] * (len(header) - 2), money(total)])
    ratios = [1.8, 5.5, 1.2, *([3.5] if with_structure else []), 2.2, 3, 1.4, 2]
    return [
        sections.section(_("Operations")),
        table(header, rows, scaled(ratios, width), numeric=(len(header) - 1,), bold_last=True),
    ]
