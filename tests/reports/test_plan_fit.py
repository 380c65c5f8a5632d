"""Issue 14, point 7: the plan draft and the POA fit the plan they print. A plan that is
not Bolivia's (four levels, four years, no values) prints its own level names, title and
official name, never *quinquenal*, and no heading without anything under it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from planner_desktop.domain import models as m
from planner_desktop.domain.enums import OperationType
from planner_desktop.i18n import _, set_language
from planner_desktop.reports.pdm import programming_title
from planner_desktop.reports.plan_tree import current_plan, load_tree
from planner_desktop.store.database import Store
from tests.reports.conftest import print_report
from tests.reports.plan_setup import LEVELS, add_annex, argentine_plan, empty_store

ABSENT_HEADINGS = (
    "Values",
    "Mission",
    "Introduction and legal basis",
    "Diagnosis",
    "Indicators and targets",
    "Community priorities",
    "Annex",
)


@pytest.fixture(scope="module")
def rafaela(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store = empty_store(tmp_path_factory.mktemp("rafaela") / "rafaela.sqlite")
    argentine_plan(store)
    yield store
    store.close()


def test_the_plan_draft_prints_the_plans_own_levels_title_and_name(rafaela, tmp_path):
    printed = print_report(rafaela, "pdm", tmp_path)
    assert printed.has("Draft: Plan Estratégico Rafaela 2024–2027")
    assert printed.has("Municipalidad de Rafaela")
    assert "Gobierno" not in printed.text and "Autonomous" not in printed.text
    for level in LEVELS:
        assert printed.has(level), level
    assert printed.has("Eje de gestión E1. Ciudad sostenible")
    assert printed.has("Objetivo O1 Reducir los residuos enterrados")
    assert printed.has("Rafaela Recicla") and printed.has("Secretaría de Ambiente")


def test_a_four_year_plan_has_no_five_year_programming(rafaela, tmp_path):
    printed = print_report(rafaela, "pdm", tmp_path)
    assert printed.has("Multi-year programming 2024–2027")
    assert "Five-year" not in printed.text and "five-year" not in printed.text
    for year in ("2024", "2025", "2026", "2027"):
        assert printed.has(year)
    assert not printed.has("2028")
    set_language("es")
    spanish = print_report(rafaela, "pdm", tmp_path)
    assert "quinquenal" not in spanish.text.casefold()
    assert spanish.has(_("Multi-year programming {start}–{end}").format(start=2024, end=2027))


def test_empty_sections_are_left_out_and_the_others_numbered_without_gaps(rafaela, tmp_path):
    printed = print_report(rafaela, "pdm", tmp_path)
    for words in ABSENT_HEADINGS:
        assert not printed.has(words), words
    for number, words in enumerate(
        ("Strategic frame", "Projects", "Multi-year programming 2024–2027"), start=1
    ):
        assert printed.has(f"{number}. {words}"), words
    assert printed.has("3.1 Projects by year") and printed.has("3.2 Funding sources by year")
    assert printed.has("Vision") and printed.has("Una ciudad que separa")


def test_the_frame_shows_the_plans_sdgs_cross_cutting_dimensions_and_skipped_levels(
    rafaela, tmp_path
):
    printed = print_report(rafaela, "pdm", tmp_path)
    assert printed.has("Sustainable Development Goals of the plan")
    assert printed.has("11 Sustainable cities and communities — target 11.6")
    assert printed.has("13 Climate action")
    assert printed.has("Cross-cutting dimensions") and printed.has("Ambiental")
    assert printed.has("Cuida el agua, el aire y el suelo.")
    assert printed.has("Política pública PP1 Rafaela Recicla")
    frame = load_frame_rows(rafaela)
    assert ["—", "PP2 Puntos verdes barriales"] in frame, "a skipped level is a dash"


def load_frame_rows(store: Store) -> list[list[str]]:
    """The rows of the frame's table under the objective, as laid out (not printed)."""
    from planner_desktop.reports.pdm_frame import _elements_table

    with store.raw_session() as session:
        tree = load_tree(session, current_plan(session))
        objective = tree.roots[0].children[0]
        grid = _elements_table(tree, objective.children, 3, 700)
    assert grid.header[:2] == ["Lineamiento", "Política pública"]
    return [list(row[:2]) for row in grid._cellvalues[1:]]


def test_projects_show_their_element_unit_and_the_teams_class_with_its_reason(rafaela, tmp_path):
    printed = print_report(rafaela, "pdm", tmp_path)
    assert printed.has("Team's class") and printed.has("Communities' classes")
    assert printed.has("P-01") and printed.has("PP1 Rafaela Recicla")
    assert printed.has("Reduce a la mitad lo que se entierra.")
    profile = print_report(rafaela, "profile", tmp_path, project="P-01")
    assert profile.has("Política pública PP1 Rafaela Recicla")
    assert profile.has("Secretaría de Ambiente") and profile.has("Reduce a la mitad")


def test_values_are_a_list_of_names_and_sentences(tmp_path):
    store = empty_store(tmp_path / "values.sqlite")
    argentine_plan(store, values=True)
    printed = print_report(store, "pdm", tmp_path)
    store.close()
    assert printed.has("Values")
    assert printed.has("Transparencia — Rendimos cuentas de cada peso.")
    assert printed.has("Participación — Los vecinos deciden con nosotros.")
    assert printed.has("• Transparencia")


def test_the_annex_holds_actors_preparation_and_pacts_only_when_recorded(tmp_path):
    store = empty_store(tmp_path / "annex.sqlite")
    built = argentine_plan(store)
    add_annex(store, built)
    printed = print_report(store, "pdm", tmp_path)
    actors = print_report(store, "actors", tmp_path)
    store.close()
    assert printed.has("Annex: actors, preparation and management model")
    for number, words in enumerate(
        (
            "Actors by phase",
            "Work plan",
            "Agreement (convenio)",
            "Technical team",
            "Management model: pacts and alliances",
        ),
        start=1,
    ):
        assert printed.has(f"A.{number} {words}"), words
    assert printed.has("Aporta los datos de la red") and printed.has("Talleres barriales")
    assert printed.has("Convenio con la Universidad del Litoral") and printed.has("Lucía Ferreyra")
    assert printed.has("Política pública PP1 Rafaela Recicla")
    assert printed.has("Mide el agua de los barrios") and printed.has("Laboratorio propio")
    for words in (
        "Planning",
        "Execution",
        "Follow-up and evaluation",
        "Cooperativa de Agua",
        "Controla la calidad del agua",
    ):
        assert actors.has(words), words
    assert not actors.has("Club Atlético Sur"), "an empty role is no role"


def test_the_actors_report_is_refused_when_no_organisation_has_a_role(rafaela, tmp_path):
    from planner_desktop.reports.common import ReportRefused

    with pytest.raises(ReportRefused, match="no organization has a role"):
        print_report(rafaela, "actors", tmp_path)
    assert not (tmp_path / "actors.pdf").exists()


def test_the_poa_names_the_element_by_its_level_and_the_official_name(tmp_path):
    rafaela = empty_store(tmp_path / "poa.sqlite")
    argentine_plan(rafaela)
    with rafaela.session() as s:
        town = s.query(m.Municipality).one()
        plan = m.AnnualPlan(municipality_id=town.id, fiscal_year=2025)
        s.add(plan)
        s.flush()
        element = s.query(m.PlanElement).filter_by(code="O1").one()
        objective = m.ManagementObjective(
            annual_plan_id=plan.id,
            element_id=element.id,
            code="OG1",
            description="Separar en origen",
        )
        s.add(objective)
        s.flush()
        s.add(
            m.Operation(
                annual_plan_id=plan.id,
                management_objective_id=objective.id,
                element_id=s.query(m.PlanElement).filter_by(code="PP1").one().id,
                code="OP1",
                name="Compra de contenedores",
                budget=Decimal("1000"),
                type=OperationType.investment,
                start_date=date(2025, 3, 1),
                end_date=date(2025, 6, 30),
            )
        )
    printed = print_report(rafaela, "poa", tmp_path, year=2025)
    rafaela.close()
    assert printed.has("Plan Operativo Anual — Municipalidad de Rafaela")
    assert printed.has("Objetivo") and printed.has("O1 Reducir los residuos enterrados")
    assert printed.has("Política pública") and printed.has("PP1 Rafaela Recicla")
    assert not printed.has("PDM objective")
    assert not printed.has("Legal basis") and not printed.has("Situation analysis")
    assert printed.has("2. Production of goods and services")


@pytest.mark.parametrize(
    ("start", "end", "title"),
    [
        (2026, 2030, "Five-year programming"),
        (2024, 2027, "Multi-year programming 2024–2027"),
        (2026, 2031, "Multi-year programming 2026–2031"),
    ],
)
def test_only_a_five_year_period_is_quinquenal(start, end, title):
    plan = SimpleNamespace(start_year=start, end_year=end)
    years = list(range(start, end + 1))
    assert programming_title(SimpleNamespace(plan=plan, years=years)) == title
