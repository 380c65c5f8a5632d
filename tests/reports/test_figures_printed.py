"""Issue 13: the printed POA and PDM carry the figures the window shows, computed by the
same functions (a cancelled operation counts on neither)."""

from __future__ import annotations

import re

from sqlalchemy import select

from planner_desktop.domain import figures, summaries
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.reports.layout import money
from tests.reports.conftest import print_report


def test_printed_poa_budget_is_the_screen_budget(demo, tmp_path):
    with demo.session() as session:
        plan = session.scalars(select(AnnualPlan).order_by(AnnualPlan.fiscal_year)).first()
        screen = summaries.annual_summary(session, plan.id)
        every = sum(
            session.scalars(select(Operation.budget).where(Operation.annual_plan_id == plan.id))
        )
        year = plan.fiscal_year
    assert screen.cancelled and every > screen.budget
    printed = print_report(demo, "poa", tmp_path, year=year)
    assert printed.has(money(screen.budget))
    assert not printed.has(money(every)), "a cancelled operation adds to no printed total"


def test_printed_pdm_programming_and_population_are_the_screen_figures(demo, tmp_path):
    with demo.session() as session:
        programming = summaries.programming_totals(session)
        people = figures.population(session)
    printed = print_report(demo, "pdm", tmp_path)
    assert printed.has(money(programming.total))
    for year in programming.years:
        assert printed.has(money(programming.year_total(year)))
    digits = re.sub(r"(?<=\d)[.,\u00a0\u202f](?=\d{3})", "", printed.flat)
    assert people.women and str(people.women) in digits and str(people.men) in digits
