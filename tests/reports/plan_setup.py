"""Plans built by hand for the documents' tests (not the demo): an Argentine strategic
plan of four levels over four years, with or without its annexes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import create_engine

from planner_desktop.domain import models as m
from planner_desktop.domain.base import Base
from planner_desktop.domain.enums import (
    ActorPhase,
    FundingKind,
    OrganizationKind,
    PlanTemplate,
    PriorityClass,
    ScoreState,
)
from planner_desktop.domain.provenance import Provenance
from planner_desktop.store import dialect
from planner_desktop.store.database import Store, to_url
from tests.helpers import TEST_DEVICE, new_store

MIGRATIONS = Path(__file__).parents[2] / "planner_desktop" / "store" / "migrations" / "versions"
LEVELS = ("Eje de gestión", "Objetivo", "Lineamiento", "Política pública")


def empty_store(path: Path) -> Store:
    """A new database (from the model itself while the plan tree's migration is not in
    the tree yet)."""
    if any(MIGRATIONS.glob("0007_*.py")):
        return new_store(path)
    engine = create_engine(to_url(path))
    dialect.configure(engine)
    Base.metadata.create_all(engine)
    return Store(engine, Provenance(TEST_DEVICE, "Facilitadora de prueba"))


@dataclass
class Built:
    municipality: uuid.UUID
    plan: uuid.UUID
    elements: dict[str, uuid.UUID]


def argentine_plan(store: Store, *, values: bool = False) -> Built:
    """Municipalidad de Rafaela, «Plan Estratégico Rafaela 2024–2027»: four levels, a
    vision but no mission, SDGs of the plan, a cross-cutting dimension, a responsible
    unit, one project with the team's class, programmed over two years."""
    with store.session() as s:
        town = m.Municipality(
            name="Rafaela",
            official_name="Municipalidad de Rafaela",
            country="Argentina",
            department="Santa Fe",
            currency="ARS",
        )
        s.add(town)
        s.flush()
        plan = m.Plan(
            municipality_id=town.id,
            template=PlanTemplate.argentina_pem,
            title="Plan Estratégico Rafaela",
            start_year=2024,
            end_year=2027,
            vision="Una ciudad que separa, recicla y cuida su agua.",
        )
        s.add(plan)
        s.flush()
        for depth, name in enumerate(LEVELS, start=1):
            s.add(m.PlanLevel(plan_id=plan.id, depth=depth, name=name))
        unit = m.OrgUnit(municipality_id=town.id, name="Secretaría de Ambiente")
        s.add(unit)
        s.flush()
        elements: dict[str, uuid.UUID] = {}
        for code, name, depth, parent, unit_id in (
            ("E1", "Ciudad sostenible", 1, None, None),
            ("O1", "Reducir los residuos enterrados", 2, "E1", None),
            ("L1", "Separación en origen", 3, "O1", None),
            ("PP1", "Rafaela Recicla", 4, "L1", unit.id),
            ("PP2", "Puntos verdes barriales", 4, "O1", None),
        ):
            element = m.PlanElement(
                plan_id=plan.id,
                depth=depth,
                code=code,
                name=name,
                parent_id=elements.get(parent or ""),
                unit_id=unit_id,
                position=len(elements),
            )
            s.add(element)
            s.flush()
            elements[code] = element.id
        s.add_all(
            [m.SdgLink(plan_id=plan.id, sdg=11, target="11.6"), m.SdgLink(plan_id=plan.id, sdg=13)]
        )
        dimension = m.CrossCutting(
            plan_id=plan.id, name="Ambiental", description="Cuida el agua, el aire y el suelo."
        )
        s.add(dimension)
        s.flush()
        s.add(m.ElementCrossCutting(element_id=elements["PP1"], cross_cutting_id=dimension.id))
        if values:
            s.add_all(
                [
                    m.PlanValue(
                        plan_id=plan.id,
                        name="Transparencia",
                        position=0,
                        sentence="Rendimos cuentas de cada peso.",
                    ),
                    m.PlanValue(
                        plan_id=plan.id,
                        name="Participación",
                        position=1,
                        sentence="Los vecinos deciden con nosotros.",
                    ),
                ]
            )
        source = m.FundingSource(
            municipality_id=town.id,
            code="REC",
            name="Recursos propios",
            kind=FundingKind.own_revenue,
        )
        profile = m.ProjectProfile(
            municipality_id=town.id,
            element_id=elements["PP1"],
            code="P-01",
            name="Planta de separación de residuos",
            unit_id=unit.id,
            team_class=PriorityClass.a,
            team_class_reason="Reduce a la mitad lo que se entierra.",
        )
        s.add_all([source, profile])
        s.flush()
        s.add_all(
            [
                m.MultiYearProgramming(
                    profile_id=profile.id, year=2024, source_id=source.id, amount=Decimal("1500000")
                ),
                m.MultiYearProgramming(
                    profile_id=profile.id, year=2025, source_id=source.id, amount=Decimal("2500000")
                ),
            ]
        )
        return Built(town.id, plan.id, elements)


def add_annex(store: Store, built: Built) -> None:
    """Actors by phase, work plan, convenio, technical team and one pact."""
    with store.session() as s:
        water = m.Organization(
            municipality_id=built.municipality,
            name="Cooperativa de Agua",
            kind=OrganizationKind.ngo,
        )
        club = m.Organization(
            municipality_id=built.municipality,
            name="Club Atlético Sur",
            kind=OrganizationKind.other,
        )
        s.add_all([water, club])
        s.flush()
        s.add_all(
            [
                m.ActorRole(
                    organization_id=water.id,
                    phase=ActorPhase.planning,
                    role="Aporta los datos de la red",
                ),
                m.ActorRole(
                    organization_id=water.id,
                    phase=ActorPhase.follow_up,
                    role="Controla la calidad del agua",
                ),
                m.ActorRole(organization_id=club.id, phase=ActorPhase.execution, role=""),
                m.WorkActivity(
                    plan_id=built.plan,
                    activity="Talleres barriales",
                    start_date=date(2024, 3, 4),
                    end_date=date(2024, 4, 26),
                    responsible="Equipo técnico",
                ),
                m.Agreement(
                    plan_id=built.plan,
                    title="Convenio con la Universidad del Litoral",
                    parties="Municipalidad y UNL",
                    signed_on=date(2024, 2, 15),
                ),
                m.TeamMember(
                    plan_id=built.plan,
                    name="Lucía Ferreyra",
                    role="Coordinadora",
                    institution="Municipalidad",
                ),
                m.Pact(
                    plan_id=built.plan,
                    organization_id=water.id,
                    element_id=built.elements["PP1"],
                    commitment="Mide el agua de los barrios",
                    contribution="Laboratorio propio",
                    start_date=date(2024, 5, 1),
                ),
            ]
        )


def add_self_assessment(store: Store, built: Built) -> None:
    """Two areas over three years: 86.50, not evaluated and not applicable among them."""
    with store.session() as s:
        money = m.AssessmentArea(
            municipality_id=built.municipality, name="Gestión financiera", position=0
        )
        open_data = m.AssessmentArea(
            municipality_id=built.municipality, name="Transparencia", position=1
        )
        s.add_all([money, open_data])
        s.flush()
        scored = ScoreState.scored
        for area, year, state, value in (
            (money, 2023, scored, "80.00"),
            (money, 2024, scored, "86.50"),
            (money, 2025, ScoreState.not_evaluated, None),
            (open_data, 2023, scored, "70.00"),
            (open_data, 2024, ScoreState.not_applicable, None),
            (open_data, 2025, scored, "65.25"),
        ):
            s.add(
                m.AssessmentScore(
                    area_id=area.id,
                    year=year,
                    state=state,
                    percentage=Decimal(value) if value else None,
                )
            )
