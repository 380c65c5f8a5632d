"""Small hand-made planning databases and laptops for the session-file tests (no Qt)."""

from __future__ import annotations

import datetime
import json
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from planner_desktop.domain import models as m
from planner_desktop.domain.enums import (
    EventKind,
    FindingKind,
    Group,
    PrioritizationMethod,
    RoundLevel,
)
from planner_desktop.domain.provenance import Provenance, mark_deleted
from planner_desktop.exchange.export import export_session
from planner_desktop.exchange.manifest import Scope
from planner_desktop.exchange.merge import merge_files
from planner_desktop.exchange.trust import TrustPolicy
from planner_desktop.store.database import Store, open_store
from tests.helpers import dump_text, location

FIXED_TIME = datetime.datetime(2026, 3, 1, 12, 0, 0)


@dataclass
class Laptop:
    """A facilitator's laptop: its own database, device id and signing key."""

    store: Store
    key: Ed25519PrivateKey
    folder: Path
    exports: int = 0
    ids: dict[str, uuid.UUID] = field(default_factory=dict)

    @property
    def device_id(self) -> uuid.UUID:
        return self.store.provenance.device_id

    @property
    def target(self) -> str:
        """Where its database is, as ``--db`` takes it (a file or a URL)."""
        return location(self.store)

    def export(self, scope: Scope | None = None, name: str | None = None) -> Path:
        self.exports += 1
        out = self.folder / (name or f"{self.folder.name}-{self.exports}.cumbre")
        export_session(
            self.store,
            out,
            scope=scope or Scope(kind="everything"),
            key=self.key,
            facilitator="Facilitadora",
        )
        return out

    def close(self) -> None:
        self.store.close()


def export_all(laptop: Laptop, facilitator: str, name: str) -> Path:
    """Everything on ``laptop``, signed as ``facilitator``, in ``laptop.folder / name``."""
    from planner_desktop.exchange.session import Scope, export_session

    out = laptop.folder / name
    export_session(
        laptop.store, out, scope=Scope(kind="everything"), key=laptop.key, facilitator=facilitator
    )
    return out


def new_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def new_laptop(folder: Path, device: uuid.UUID | None = None) -> Laptop:
    folder.mkdir(parents=True, exist_ok=True)
    store = open_store(folder / "db.sqlite", Provenance(device or uuid.uuid4(), "Facilitadora"))
    return Laptop(store=store, key=new_key(), folder=folder)


def dump_tables(store: Store) -> dict[str, list[dict]]:
    """The canonical dump as data: table name → rows."""
    return json.loads(dump_text(store))["tables"]


def restricted(tables: dict[str, list[dict]], ids: dict[str, set[str]]) -> dict[str, list[dict]]:
    return {
        name: [r for r in rows if r["id"] in ids.get(name, set())] for name, rows in tables.items()
    }


def ids_of(tables: dict[str, list[dict]]) -> dict[str, set[str]]:
    return {name: {r["id"] for r in rows} for name, rows in tables.items()}


def edit(store: Store, model: type, record_id: uuid.UUID, **values: object) -> None:
    with store.session() as s:
        obj = s.get(model, record_id)
        for key, value in values.items():
            setattr(obj, key, value)


def delete(store: Store, model: type, record_id: uuid.UUID) -> None:
    with store.session() as s:
        record = s.get(model, record_id)
        assert record is not None, record_id
        mark_deleted(record)


def trust_all() -> TrustPolicy:
    return TrustPolicy(trust_new=True)


def merge(store: Store, *paths: Path) -> list:
    return merge_files(store, list(paths), trust=trust_all())


def populate(store: Store, communities: int = 2) -> dict[str, uuid.UUID]:
    """A municipality with districts, communities, a workshop, a diagnosis, demands and a
    dot-voting round with votes; returns the ids tests refer to."""
    ids: dict[str, uuid.UUID] = {}
    with store.session() as s:
        muni = m.Municipality(name="Villa Ñandú", department="La Paz")
        s.add(muni)
        s.flush()
        district = m.District(municipality_id=muni.id, code="D1", name="Distrito 1")
        sector = m.Sector(municipality_id=muni.id, code="salud", name="Salud")
        dimension = m.Dimension(municipality_id=muni.id, code="fisico", name="Físico-natural")
        s.add_all([district, sector, dimension])
        s.flush()
        ids.update(municipality=muni.id, district=district.id, sector=sector.id)
        for n in range(communities):
            community = m.Community(
                district_id=district.id,
                code=f"C{n}",
                name=f"Comunidad {n}",
                population_women=10 + n,
                population_men=12,
            )
            s.add(community)
            s.flush()
            event = m.Event(
                municipality_id=muni.id,
                kind=EventKind.community_workshop,
                title=f"Taller {n}",
                date=datetime.date(2026, 2, 1 + n),
            )
            s.add(event)
            s.flush()
            s.add(m.EventCommunity(event_id=event.id, community_id=community.id))
            person = m.Person(
                municipality_id=muni.id, first_names=f"Persona {n}", community_id=community.id
            )
            diag = m.SelfDiagnosis(
                community_id=community.id, event_id=event.id, date=datetime.date(2026, 2, 1 + n)
            )
            s.add_all([person, diag])
            s.flush()
            s.add(
                m.Attendance(
                    event_id=event.id, person_id=person.id, community_id=community.id, signed=True
                )
            )
            finding = m.Finding(
                self_diagnosis_id=diag.id,
                dimension_id=dimension.id,
                kind=FindingKind.problem,
                description="Falta agua",
            )
            s.add(finding)
            s.flush()
            demand = m.Demand(
                community_id=community.id,
                code=f"DEM-{n}",
                sector_id=sector.id,
                finding_id=finding.id,
                event_id=event.id,
                description="Sistema de agua",
                estimated_cost=Decimal("1500.50"),
            )
            s.add(demand)
            s.flush()
            rnd = m.PrioritizationRound(
                municipality_id=muni.id,
                event_id=event.id,
                community_id=community.id,
                level=RoundLevel.community,
                method=PrioritizationMethod.dots,
                title="Votación",
            )
            s.add(rnd)
            s.flush()
            item = m.RoundItem(round_id=rnd.id, demand_id=demand.id, code="A")
            s.add(item)
            s.flush()
            s.add(m.Vote(round_id=rnd.id, item_id=item.id, group=Group.women, count=3))
            ids[f"community{n}"] = community.id
            ids[f"event{n}"] = event.id
            ids[f"demand{n}"] = demand.id
    return ids
