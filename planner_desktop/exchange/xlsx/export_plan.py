"""The five-year programming, the POA and attendance statistics, as spreadsheets."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.actors import Person
from planner_desktop.domain.annual import AnnualPlan, ManagementObjective, Operation
from planner_desktop.domain.enums import AgeGroup, EventKind, OperationType, Sex
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.domain.figures import counted_programming
from planner_desktop.domain.labels import label
from planner_desktop.domain.projects import FundingSource, MultiYearProgramming, ProjectProfile
from planner_desktop.domain.summaries import counted_attendance, live, programming_totals
from planner_desktop.exchange.xlsx.sheets import DATE, INTEGER, MONEY, Column, write_table
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise


def export_programming(session: Session, workbook: Workbook) -> int:
    """Project × source rows with one column per year, a total column and a total row."""
    rows = session.execute(
        select(
            ProjectProfile.code,
            ProjectProfile.name,
            FundingSource.code,
            FundingSource.name,
            MultiYearProgramming.year,
            MultiYearProgramming.amount,
        )
        .join(ProjectProfile, MultiYearProgramming.profile_id == ProjectProfile.id)
        .join(FundingSource, MultiYearProgramming.source_id == FundingSource.id)
        .where(counted_programming())
        .order_by(
            bytewise(ProjectProfile.code),
            bytewise(FundingSource.code),
            MultiYearProgramming.year,
            MultiYearProgramming.id,
        )
    ).all()
    years = sorted({int(row[4]) for row in rows})
    table: dict[tuple[str, str, str, str], dict[int, Decimal]] = defaultdict(dict)
    for code, name, source, source_name, year, amount in rows:
        cell = table[(code, name, source, source_name)]
        cell[int(year)] = cell.get(int(year), Decimal(0)) + amount
    columns = [
        Column(_("Project code"), 12),
        Column(_("Project"), 44),
        Column(_("Source"), 10),
        Column(_("Funding source"), 28),
        *(Column(str(year), 14, MONEY) for year in years),
        Column(_("Total"), 16, MONEY),
    ]

    def lines() -> Iterator[tuple[Any, ...]]:
        for (code, name, source, source_name), amounts in table.items():
            values = [amounts.get(year, Decimal(0)) for year in years]
            yield (code, name, source, source_name, *values, sum(values, Decimal(0)))
        totals = [sum((a.get(y, Decimal(0)) for a in table.values()), Decimal(0)) for y in years]
        yield (_("Total"), None, None, None, *totals, sum(totals, Decimal(0)))

    count = write_table(workbook, _("Five-year programming"), columns, lines())
    summary = programming_totals(session)
    by_source = [
        Column(_("Source"), 10),
        Column(_("Funding source"), 28),
        *(Column(str(year), 14, MONEY) for year in summary.years),
        Column(_("Total"), 16, MONEY),
    ]
    source_rows: list[tuple[Any, ...]] = [
        (
            source,
            summary.names.get(source, ""),
            *(summary.amounts.get((year, source), Decimal(0)) for year in summary.years),
            summary.source_total(source),
        )
        for source in summary.sources
    ]
    source_rows.append(
        (
            _("Total"),
            None,
            *(summary.year_total(year) for year in summary.years),
            summary.total,
        )
    )
    write_table(workbook, _("By source"), by_source, source_rows)
    return count


def export_poa(session: Session, workbook: Workbook) -> int:
    """Every live operation of every annual plan, with budget, source and executing unit."""
    types = {member: label(member) for member in OperationType}
    columns = [
        Column(_("Fiscal year"), 10),
        Column(_("Objective"), 10),
        Column(_("Code"), 12),
        Column(_("Operation"), 44),
        Column(_("Type"), 18),
        Column(_("Expected result"), 36),
        Column(_("Indicator"), 28),
        Column(_("Target"), 12),
        Column(_("Responsible"), 22),
        Column(_("Start"), 12, DATE),
        Column(_("End"), 12, DATE),
        Column(_("Budget"), 16, MONEY),
        Column(_("Source"), 10),
        Column(_("Funding source"), 28),
        Column(_("Funder"), 22),
        Column(_("Spending line"), 16),
        Column(_("Executing unit"), 24),
        Column(_("Cancelled"), 10),
    ]
    query = (
        select(
            AnnualPlan.fiscal_year,
            ManagementObjective.code,
            Operation,
            FundingSource.code,
            FundingSource.name,
        )
        .join(AnnualPlan, Operation.annual_plan_id == AnnualPlan.id)
        .outerjoin(ManagementObjective, Operation.management_objective_id == ManagementObjective.id)
        .outerjoin(FundingSource, Operation.source_id == FundingSource.id)
        .where(live(Operation), live(AnnualPlan))
        .order_by(AnnualPlan.fiscal_year, bytewise(Operation.code), Operation.id)
    )
    yes, no = _("Yes"), _("No")

    def lines() -> Iterator[tuple[Any, ...]]:
        for year, objective, op, source, source_name in session.execute(query):
            yield (
                year,
                objective,
                op.code,
                op.name,
                types.get(op.type, op.type),
                op.expected_result,
                op.indicator,
                op.target,
                op.responsible,
                op.start_date,
                op.end_date,
                op.budget,
                source,
                source_name,
                op.funder,
                op.spending_line,
                op.executing_unit,
                yes if op.cancelled else no,
            )

    return write_table(workbook, _("POA"), columns, lines())


def export_attendance(session: Session, workbook: Workbook) -> int:
    """Per event: distinct persons present by sex × age group, with totals."""
    cells = [(sex, age) for sex in Sex for age in AgeGroup]
    counts: dict[uuid.UUID, dict[tuple[Sex | None, AgeGroup | None], int]] = defaultdict(dict)
    grouped = session.execute(
        select(
            Attendance.event_id,
            Person.sex,
            Person.age_group,
            func.count(func.distinct(Attendance.person_id)),
        )
        .join(Person, Attendance.person_id == Person.id)
        .where(counted_attendance())
        .group_by(Attendance.event_id, Person.sex, Person.age_group)
    )
    for event_id, sex, age, n in grouped:
        counts[event_id][(sex, age)] = int(n)
    columns = [
        Column(_("Date"), 12, DATE),
        Column(_("Event"), 36),
        Column(_("Kind"), 20),
        Column(_("Place"), 20),
        *(Column(f"{label(sex)} · {label(age)}", 14, INTEGER) for sex, age in cells),
        Column(_("Women"), 10, INTEGER),
        Column(_("Men"), 10, INTEGER),
        Column(_("Not recorded"), 12, INTEGER),
        Column(_("Total"), 10, INTEGER),
    ]
    kinds = {member: label(member) for member in EventKind}
    events = session.execute(
        select(Event.id, Event.date, Event.title, Event.kind, Event.place)
        .where(live(Event))
        .order_by(Event.date, bytewise(Event.title), Event.id)
    )

    def lines() -> Iterator[tuple[Any, ...]]:
        for event_id, when, title, kind, place in events:
            by_cell = counts.get(event_id, {})
            women = sum(n for (sex, _age), n in by_cell.items() if sex == Sex.female)
            men = sum(n for (sex, _age), n in by_cell.items() if sex == Sex.male)
            total = sum(by_cell.values())
            yield (
                when,
                title,
                kinds.get(kind, kind),
                place,
                *(by_cell.get(cell, 0) for cell in cells),
                women,
                men,
                total - women - men,
                total,
            )

    return write_table(workbook, _("Attendance"), columns, lines())
