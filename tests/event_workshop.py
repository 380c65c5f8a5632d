"""A community workshop built from an empty database with the core functions a person's
actions end in (issue 12): the municipality from its template, a district and two
communities, the event, attendance, a self-diagnosis with findings in two dimensions,
demands raised by each group, a dots round with a tie the room decided and a reopening,
a pairwise round with reasons and a weighted-criteria round with scores.

The second community has a demand of its own outside the event, so a file of the event
can be checked for what it must leave out.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from planner_desktop.capture import attendance, records
from planner_desktop.capture.demands import from_finding, new_demand
from planner_desktop.capture.persons import new_person
from planner_desktop.capture.self_diagnoses import start
from planner_desktop.capture.territory import add_community, community_values
from planner_desktop.domain.actors import Person
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import (
    AgeGroup,
    EventKind,
    FindingKind,
    Group,
    PriorityClass,
    RoundLevel,
    Sex,
)
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.prioritization import Criterion, RoundItem, Score
from planner_desktop.domain.setup import create_municipality
from planner_desktop.domain.templates import template
from planner_desktop.prioritization.choices import record_choice
from planner_desktop.prioritization.closing import close_round
from planner_desktop.prioritization.criteria import CriterionSpec
from planner_desktop.prioritization.decisions import set_class
from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.opening import RoundSpec, open_round, reopen_round
from planner_desktop.prioritization.results import recompute
from planner_desktop.store.database import Store

DAY = datetime.date(2026, 3, 14)
FINDINGS = (
    ("fisico_natural", FindingKind.problem, "Sequía prolongada en las parcelas altas",
     "Falta de riego", "Pérdida de cosechas", Group.men),
    ("fisico_natural", FindingKind.potentiality, "Vertiente de agua en la cabecera",
     "", "", Group.elders),
    ("socio_cultural", FindingKind.limitation, "La escuela no tiene ítem de maestra",
     "Pocos alumnos", "Los niños caminan 8 km", Group.women),
    ("socio_cultural", FindingKind.aspiration, "Un centro para la juventud",
     "", "", Group.youth),
)
DEMANDS = (
    ("salud", "Posta de salud con enfermera permanente", Group.women),
    ("educacion", "Ítem de maestra para la escuela", Group.men),
    ("deporte_cultura", "Cancha polifuncional", Group.youth),
    ("riego", "Sistema de micro riego", Group.elders),
)


@dataclass
class Workshop:
    """The ids of what was built (demand codes map to demand ids)."""

    municipality: uuid.UUID
    community: uuid.UUID
    other_community: uuid.UUID
    event: uuid.UUID
    self_diagnosis: uuid.UUID
    findings: list[uuid.UUID] = field(default_factory=list)
    demands: dict[str, uuid.UUID] = field(default_factory=dict)
    other_demand: uuid.UUID | None = None
    persons: list[uuid.UUID] = field(default_factory=list)
    rounds: dict[str, uuid.UUID] = field(default_factory=dict)


def _territory(store: Store) -> tuple[uuid.UUID, uuid.UUID, dict[str, uuid.UUID],
                                       dict[str, uuid.UUID]]:
    with store.session() as session:
        municipality = create_municipality(
            session, name="Villa Ñandú", template=template("bo"), districts=["Distrito Norte"])
        dimensions = {d.code: d.id for d in municipality.dimensions}
        sectors = {s.code: s.id for s in municipality.sectors}
        return municipality.id, municipality.districts[0].id, dimensions, sectors


def _community(store: Store, district: uuid.UUID, name: str) -> uuid.UUID:
    counts = {"population_women": 60, "population_men": 55, "population_children": 40,
              "population_youth": 30, "population_adults": 35, "population_elders": 10,
              "families": 28}
    return add_community(store, community_values(name=name, district_id=district,
                                                 counts=counts))


def _attendance(store: Store, built: Workshop, community: uuid.UUID) -> None:
    people = (("Juana Mamani", Sex.female, AgeGroup.adult),
              ("Pedro Quispe", Sex.male, AgeGroup.elder),
              ("Rosa Condori", Sex.female, AgeGroup.youth),
              ("Mario Choque", Sex.male, AgeGroup.adult))
    for name, sex, age in people:
        person = records.create(store, Person, new_person(
            municipality_id=built.municipality, full_name=name, sex=sex, age_group=age,
            community_id=community))
        attendance.register(store, built.event, person)
        built.persons.append(person)


def _diagnosis(store: Store, built: Workshop, dimensions: dict[str, uuid.UUID]) -> None:
    with store.session() as session:
        _none, values = start(session, built.community, built.event)
    built.self_diagnosis = records.create(store, SelfDiagnosis, values)
    for rank, (dimension, kind, text, cause, effect, group) in enumerate(FINDINGS):
        built.findings.append(records.create(store, Finding, {
            "self_diagnosis_id": built.self_diagnosis, "dimension_id": dimensions[dimension],
            "kind": kind, "description": text, "cause": cause, "effect": effect,
            "raising_group": group, "rank": rank}))


def _demands(store: Store, built: Workshop, sectors: dict[str, uuid.UUID]) -> None:
    for sector, text, group in DEMANDS:
        with store.session() as session:
            values = new_demand(session, community_id=built.community,
                                sector_id=sectors[sector], description=text,
                                raising_group=group, event_id=built.event)
        values.update(beneficiaries_women=40, beneficiaries_men=38)
        built.demands[values["code"]] = records.create(store, Demand, values)
    with store.session() as session:
        values = from_finding(session, built.findings[3], sectors["deporte_cultura"])
    built.demands[values["code"]] = records.create(store, Demand, values)
    with store.session() as session:
        values = new_demand(session, community_id=built.other_community,
                            sector_id=sectors["salud"], description="Ambulancia")
    built.other_demand = records.create(store, Demand, values)


def _rounds(store: Store, built: Workshop) -> None:
    demand_ids = list(built.demands.values())[:4]
    with store.session() as session:
        dots = open_round(session, RoundSpec(
            "Priorización por puntos", RoundLevel.community, built.community, M.dots,
            demand_ids, ["women", "men"], event_id=built.event))
        for code, group, count in (("A", "women", 3), ("B", "women", 3), ("C", "women", 1),
                                   ("A", "men", 2), ("B", "men", 2), ("D", "men", 1)):
            record_vote(session, dots, code, group, count)
        recompute(session, dots)
        set_class(session, dots, "B", PriorityClass.a, "La asamblea votó a mano alzada")
        recompute(session, dots)
        close_round(session, dots, 4, 4, 8, "")
        reopen_round(session, dots, "Faltaba contar una boleta de jóvenes")
        close_round(session, dots, 4, 4, 8, "")
        pairwise = open_round(session, RoundSpec(
            "Comparación por pares", RoundLevel.community, built.community, M.pairwise,
            demand_ids[:3], ["youth"], event_id=built.event))
        for a, b, winner, reason in (("A", "B", "A", "La salud es primero"),
                                     ("A", "C", "A", "Hay más enfermos que canchas"),
                                     ("B", "C", "C", "Los jóvenes no tienen dónde ir")):
            record_choice(session, pairwise, "youth", a, b, winner, reason)
        recompute(session, pairwise)
        close_round(session, pairwise, 0, 0, 8, "")
        criteria = open_round(session, RoundSpec(
            "Criterios ponderados", RoundLevel.community, built.community, M.criteria,
            demand_ids[:2], ["elders"], event_id=built.event,
            criteria=[CriterionSpec("Urgencia", 60), CriterionSpec("Beneficiarios", 40)]))
        items = {row.code: row.id for row in session.execute(
            select(RoundItem.code, RoundItem.id).where(RoundItem.round_id == criteria)).all()}
        weights = session.scalars(select(Criterion.id).where(Criterion.round_id == criteria))
        for criterion_id in weights.all():
            for code, value in (("A", 5.0), ("B", 3.0)):
                session.add(Score(round_id=criteria, item_id=items[code],
                                  criterion_id=criterion_id, group=Group.elders, value=value))
        session.flush()
        recompute(session, criteria)
    built.rounds.update(dots=dots, pairwise=pairwise, criteria=criteria)


def build_workshop(store: Store) -> Workshop:
    """Everything a facilitator captures at one community workshop, from nothing."""
    municipality, district, dimensions, sectors = _territory(store)
    community = _community(store, district, "Chuquiña")
    other = _community(store, district, "Totorani")
    event = records.create(store, Event, {
        "municipality_id": municipality, "kind": EventKind.community_workshop,
        "title": "Taller comunal de Chuquiña", "date": DAY, "place": "Sede sindical",
        "facilitator_name": "Lucía Apaza", "agenda": "Autodiagnóstico\nDemandas\nPriorización"})
    records.create(store, EventCommunity, {"event_id": event, "community_id": community})
    built = Workshop(municipality, community, other, event, uuid.uuid4())
    _attendance(store, built, community)
    _diagnosis(store, built, dimensions)
    _demands(store, built, sectors)
    _rounds(store, built)
    return built
