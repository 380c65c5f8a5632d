"""A small municipality made from empty through the normal writes, with geometry, for the
map tests: two districts (one drawn), three communities, demands, a round with classes
set by the room, programmed projects and attendance."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shapely.geometry import Point, box

from planner_desktop.capture import attendance, persons, records
from planner_desktop.domain.actors import Person
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import (
    EventKind,
    FundingKind,
    PrioritizationMethod,
    PriorityClass,
    Recommendation,
    RoundLevel,
    Sex,
)
from planner_desktop.domain.events import Event
from planner_desktop.domain.projects import (
    FundingSource,
    MultiYearProgramming,
    ProfileCommunity,
    ProjectProfile,
)
from planner_desktop.domain.territory import Community, District, Municipality, Sector
from planner_desktop.maps.shapes import geometry_text
from planner_desktop.prioritization.decisions import set_class
from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.opening import RoundSpec, open_round
from planner_desktop.prioritization.results import recompute
from planner_desktop.store.database import Store

LON, LAT = -66.2, -17.3


@dataclass(frozen=True)
class Town:
    municipality: uuid.UUID
    north: uuid.UUID
    south: uuid.UUID
    alta: uuid.UUID
    baja: uuid.UUID
    lejana: uuid.UUID
    demands: list[uuid.UUID]
    round_id: uuid.UUID | None = None


def make_territory(store: Store, *, geometry: bool = True) -> Town:
    town = records.create(store, Municipality, {"name": "Villa Ñandú"})
    north_shape = box(LON - 0.1, LAT - 0.05, LON + 0.1, LAT + 0.05)
    north = records.create(
        store,
        District,
        {
            "municipality_id": town,
            "code": "D1",
            "name": "Distrito Norte",
            "geometry": geometry_text(north_shape) if geometry else None,
        },
    )
    south = records.create(
        store, District, {"municipality_id": town, "code": "D2", "name": "Distrito Sur"}
    )

    def community(district: uuid.UUID, code: str, name: str, women: int, men: int, shape):  # type: ignore[no-untyped-def]
        return records.create(
            store,
            Community,
            {
                "district_id": district,
                "code": code,
                "name": name,
                "population_women": women,
                "population_men": men,
                "geometry": geometry_text(shape) if geometry and shape is not None else None,
            },
        )

    alta = community(north, "C1", "Alta Ñeque", 600, 400, Point(LON - 0.05, LAT + 0.01))
    baja = community(
        north, "C2", "Baja", 500, 500, box(LON + 0.02, LAT - 0.04, LON + 0.08, LAT + 0.02)
    )
    lejana = community(south, "C3", "Lejana", 0, 0, None)
    sector = records.create(
        store, Sector, {"municipality_id": town, "code": "agua", "name": "Agua"}
    )
    demands = []
    for i, where in enumerate([alta, alta, alta, baja, baja]):
        demands.append(
            records.create(
                store,
                Demand,
                {
                    "community_id": where,
                    "code": f"DEM-{i + 1}",
                    "sector_id": sector,
                    "description": f"Demanda {i + 1}",
                },
            )
        )
    records.tombstone(store, Demand, demands[4])  # removed: counts nowhere
    return Town(town, north, south, alta, baja, lejana, demands)


def classify_in_a_round(store: Store, town: Town, classes: dict[int, PriorityClass]) -> uuid.UUID:
    """A dots round over Alta's three demands; the room sets each class by hand."""
    with store.session() as session:
        round_id = open_round(
            session,
            RoundSpec(
                title="Priorización Alta",
                level=RoundLevel.community,
                place_id=town.alta,
                method=PrioritizationMethod.dots,
                demand_ids=town.demands[:3],
                groups=("women",),
            ),
        )
        record_vote(session, round_id, "A", "women", 5)
        record_vote(session, round_id, "B", "women", 3)
        record_vote(session, round_id, "C", "women", 1)
        for position, klass in classes.items():
            set_class(session, round_id, "ABC"[position], klass, "acuerdo de la asamblea")
        recompute(session, round_id)
    return round_id


def program_projects(store: Store, town: Town) -> None:
    """P1 (1,500 over two years) names Alta and Baja; P2 (300) Alta only; P3 (9,999)
    names Baja but is recommended to be dropped."""
    source = records.create(
        store,
        FundingSource,
        {
            "municipality_id": town.municipality,
            "code": "IDH",
            "name": "IDH",
            "kind": FundingKind.national_transfer,
        },
    )

    def profile(
        code: str, where: list[uuid.UUID], money: dict[int, int], drop: bool = False
    ) -> None:
        values = {"municipality_id": town.municipality, "code": code, "name": f"Proyecto {code}"}
        if drop:
            values["recommendation"] = Recommendation.drop
        profile_id = records.create(store, ProjectProfile, values)
        for community in where:
            records.create(
                store, ProfileCommunity, {"profile_id": profile_id, "community_id": community}
            )
        for year, amount in money.items():
            records.create(
                store,
                MultiYearProgramming,
                {
                    "profile_id": profile_id,
                    "year": year,
                    "source_id": source,
                    "amount": Decimal(amount),
                },
            )

    profile("P1", [town.alta, town.baja], {2026: 1000, 2027: 500})
    profile("P2", [town.alta], {2026: 300})
    profile("P3", [town.baja], {2026: 9999}, drop=True)


def register_attendance(store: Store, town: Town) -> None:
    """Alta: three women and a man; Baja: a man, and a woman whose row was retracted."""
    event = records.create(
        store,
        Event,
        {
            "municipality_id": town.municipality,
            "kind": EventKind.community_workshop,
            "title": "Taller",
            "date": date(2026, 3, 1),
        },
    )
    people = [
        ("Ana Mamani", Sex.female, town.alta),
        ("Rosa Quispe", Sex.female, town.alta),
        ("Eva Choque", Sex.female, town.alta),
        ("Juan Flores", Sex.male, town.alta),
        ("Luis Condori", Sex.male, town.baja),
        ("Marta Poma", Sex.female, town.baja),
    ]
    rows = []
    for name, sex, where in people:
        values = persons.new_person(
            municipality_id=town.municipality,
            full_name=name,
            sex=sex,
            age_group=None,
            community_id=where,
        )
        person = records.create(store, Person, values)
        rows.append(attendance.register(store, event, person))
    attendance.retract(store, rows[-1])
