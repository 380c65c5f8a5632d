"""The progress report (seguimiento): physical and financial progress against the plan."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from reportlab.platypus import Flowable, KeepTogether
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.domain.summaries import live, profile_costs
from planner_desktop.i18n import _
from planner_desktop.reports.charts import bar_chart
from planner_desktop.reports.common import ReportOptions, ReportRefused
from planner_desktop.reports.layout import Document, frame_size, heading, money, para, printed_date
from planner_desktop.reports.numbers import number, percent, share
from planner_desktop.reports.tables import fields_table, scaled, table


def build(session: Session, options: ReportOptions) -> Document:
    query = (
        select(Progress)
        .where(live(Progress))
        .order_by(Progress.date, Progress.created_at, Progress.id)
    )
    if options.year is not None:
        plan_ids = select(AnnualPlan.id).where(
            AnnualPlan.fiscal_year == options.year, live(AnnualPlan)
        )
        operations_of_year = select(Operation.id).where(Operation.annual_plan_id.in_(plan_ids))
        query = query.where(
            Progress.operation_id.in_(operations_of_year)
            | (
                Progress.profile_id.is_not(None)
                & Progress.date.between(date(options.year, 1, 1), date(options.year, 12, 31))
            )
        )
    records = session.scalars(query).all()
    if not records:
        raise ReportRefused(_("there is no progress recorded yet"))
    operations = {o.id: o for o in session.scalars(select(Operation).where(live(Operation)))}
    profiles = {
        p.id: p for p in session.scalars(select(ProjectProfile).where(live(ProjectProfile)))
    }
    costs = {pid: cost or Decimal(0) for pid, cost in session.execute(profile_costs())}
    codes: dict[uuid.UUID | None, str] = {key: o.code for key, o in operations.items()}
    codes.update({key: p.code for key, p in profiles.items()})
    latest: dict[uuid.UUID, Progress] = {}
    for record in records:
        key = record.operation_id or record.profile_id
        if key is not None:
            latest[key] = record
    width, _height = frame_size(options.paper, wide=True)
    rows = []
    chart_labels, chart_values = [], []
    planned_total = executed_total = Decimal(0)
    for key, record in latest.items():
        if key in operations:
            code, name, planned = operations[key].code, operations[key].name, operations[key].budget
        elif key in profiles:
            code, name, planned = profiles[key].code, profiles[key].name, costs.get(key, Decimal(0))
        else:
            continue
        planned_total += planned
        executed_total += record.financial_executed
        rows.append(
            [
                code,
                name,
                printed_date(record.date),
                percent(record.physical_percent),
                money(planned),
                money(record.financial_executed),
                share(record.financial_executed, planned),
                record.target_achieved,
                record.results,
                record.corrective_measures,
            ]
        )
        chart_labels.append(code)
        chart_values.append(record.physical_percent)
    average = sum(chart_values) / len(chart_values) if chart_values else 0.0
    header = [
        _("Code"),
        _("Operation or project"),
        _("Date"),
        _("Physical"),
        _("Planned"),
        _("Executed"),
        _("Financial"),
        _("Target achieved"),
        _("Results"),
        _("Corrective measures"),
    ]
    flow: list[Flowable] = [
        heading(_("Summary")),
        fields_table(
            [
                (_("Operations and projects followed"), number(len(rows))),
                (_("Average physical progress"), percent(average)),
                (_("Planned budget"), money(planned_total)),
                (_("Executed"), money(executed_total)),
                (_("Financial compliance"), share(executed_total, planned_total)),
                (_("Progress records"), number(len(records))),
            ],
            width,
            columns=3,
        ),
        heading(_("Latest progress of each operation and project")),
        table(
            header,
            rows,
            scaled((2.3, 4.3, 1.7, 1.3, 1.9, 1.9, 1.7, 1.7, 2.5, 2.5), width),
            numeric=(3, 4, 5, 6),
        ),
        KeepTogether(
            [
                heading(_("Physical progress (%)"), 2),
                bar_chart("", chart_labels, [chart_values], width * 0.7),
            ]
        ),
        heading(_("History"), 2),
        para(_("Every progress record, oldest first."), "small"),
        table(
            [_("Code"), _("Date"), _("Physical"), _("Executed"), _("Results")],
            [
                [
                    codes.get(r.operation_id or r.profile_id, ""),
                    printed_date(r.date),
                    percent(r.physical_percent),
                    money(r.financial_executed),
                    r.results,
                ]
                for r in records
            ],
            scaled((2, 1.5, 1.2, 2, 8), width),
            numeric=(2, 3),
        ),
    ]
    title = _("Progress report")
    if options.year is not None:
        title = _("Progress report {year}").format(year=options.year)
    return Document(title=title, flowables=flow, landscape=True)
