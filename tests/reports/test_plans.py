"""Planning documents: project profile, consolidated diagnosis, PDM draft, POA, progress."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text

from planner_desktop.reports.layout import money
from tests.reports.conftest import print_report


def _scalar(store, sql, **params):
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def _column(store, sql, **params):
    with store.engine.connect() as conn:
        return conn.execute(text(sql), params).scalars().all()


def test_profile_sheet_shows_the_project_its_cost_and_its_demands(demo, tmp_path):
    code, name, cost_cents = _store_row(demo)
    printed = print_report(demo, "profile", tmp_path, project=code)
    assert printed.has("Project profile") and printed.has(name)
    assert printed.has(f"Total {money(Decimal(cost_cents) / 100)}")
    for demand in _column(
        demo,
        "SELECT d.description FROM profile_demand pd JOIN demand d "
        "ON d.id = pd.demand_id JOIN project_profile p "
        "ON p.id = pd.profile_id WHERE p.code = :c",
        c=code,
    ):
        assert printed.has(demand)


def _store_row(store):
    with store.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT p.code, p.name, sum(c.cost) FROM project_profile p "
                "JOIN component c ON c.profile_id = p.id GROUP BY p.id ORDER BY p.code LIMIT 1"
            )
        ).one()


def test_consolidated_diagnosis_totals_match_the_database(demo, tmp_path):
    printed = print_report(demo, "diagnosis", tmp_path)
    assert printed.has("Consolidated municipal diagnosis")
    for words in (
        "Findings by dimension",
        "Demands by sector",
        "Demands by district",
        "Demands by group that raised them",
        "Attendance by sex and age group",
    ):
        assert printed.has(words), words
    demands = _scalar(demo, "SELECT count(*) FROM demand")
    findings = _scalar(demo, "SELECT count(*) FROM finding")
    attendances = _scalar(
        demo,
        "SELECT count(*) FROM attendance WHERE retracts_id IS NULL "
        "AND id NOT IN (SELECT retracts_id FROM attendance "
        "WHERE retracts_id IS NOT NULL)",
    )
    assert printed.has(f"Demands {demands:,}") and printed.has(f"Findings {findings:,}")
    assert printed.has(f"{attendances:,}")
    for district in _column(demo, "SELECT name FROM district"):
        assert printed.has(district), district


def test_pdm_draft_has_contents_frame_and_five_year_programming(demo, tmp_path):
    printed = print_report(demo, "pdm", tmp_path)
    title = _scalar(demo, "SELECT title FROM plan")
    assert printed.has(f"Draft: {title} 2026–2030")
    for words in (
        "Contents",
        "2. Diagnosis",
        "3. Strategic frame",
        "Vision",
        "Mission",
        "Values",
        "4. Projects",
        "5. Five-year programming",
        "5.2 Funding sources by year",
        "6. Indicators and targets",
        "7. Community priorities",
        "Annex: actors, preparation and management model",
    ):
        assert printed.has(words), words
    assert printed.has(_scalar(demo, "SELECT official_name FROM municipality"))
    for level in _column(demo, "SELECT name FROM plan_level ORDER BY depth"):
        assert printed.has(level), level
    for axis in _column(demo, "SELECT name FROM plan_element WHERE depth = 1"):
        assert printed.has(axis), axis
    total = _scalar(demo, "SELECT sum(amount) FROM multi_year_programming")
    assert printed.has(money(Decimal(total) / 100))
    contents = printed.pages[0]
    assert "Strategic frame" in contents and any(ch.isdigit() for ch in contents)
    assert printed.has("Ñ") or printed.has("ñ")


def test_poa_summary_has_the_ten_sections_and_the_budget(demo, tmp_path):
    year = _scalar(demo, "SELECT fiscal_year FROM annual_plan")
    printed = print_report(demo, "poa", tmp_path, year=year)
    sections = (
        "1. Executive summary",
        "2. Legal basis",
        "3. Situation analysis",
        "4. Production of goods and services",
        "5. Management objectives and indicators",
        "6. Short-term targets",
        "7. Budget",
        "8. Operations",
        "9. Expected results",
        "10. Executing units",
    )
    for section in sections:
        assert printed.has(section), section
    budget = _scalar(demo, "SELECT sum(budget) FROM operation WHERE NOT cancelled")
    assert printed.has(f"Total {money(Decimal(budget) / 100)}")


def test_progress_report_follows_every_operation_with_progress(demo, tmp_path):
    printed = print_report(demo, "progress", tmp_path)
    assert printed.has("Progress report") and printed.has("Physical progress")
    records = _scalar(demo, "SELECT count(*) FROM progress")
    assert printed.has(f"Progress records {records}")
    for code in _column(
        demo, "SELECT DISTINCT o.code FROM progress p JOIN operation o ON o.id = p.operation_id"
    ):
        assert printed.has(code), code
