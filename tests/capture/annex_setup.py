"""A store, a municipality and a plan made in the core for the tests of the plan's
annexes (self-assessment, actors by phase, preparation, pacts, structure)."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import create_engine

from planner_desktop.capture import records
from planner_desktop.domain.base import Base
from planner_desktop.domain.plan import Plan
from planner_desktop.domain.provenance import Provenance
from planner_desktop.domain.territory import Municipality
from planner_desktop.store import dialect
from planner_desktop.store.database import Store, to_url
from tests.helpers import TEST_DEVICE, new_store

MIGRATIONS = Path(__file__).parents[2] / "planner_desktop" / "store" / "migrations" / "versions"


def annex_store(path: Path) -> Store:
    """A new database; built straight from the model while the plan tree's migration is
    not ready yet (it is being written)."""
    if any(MIGRATIONS.glob("0007_*.py")):
        try:
            return new_store(path)
        except Exception:  # the migration in progress: the model's tables
            path.unlink(missing_ok=True)
            path = path.with_name(f"model-{path.name}")
    engine = create_engine(to_url(path))
    dialect.configure(engine)
    Base.metadata.create_all(engine)
    return Store(engine, Provenance(TEST_DEVICE, "Facilitadora de prueba"))


def municipality_only(store: Store) -> uuid.UUID:
    return records.create(store, Municipality, {"name": "Villa Ñandú"})


def municipality_and_plan(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    municipality = municipality_only(store)
    plan = records.create(
        store,
        Plan,
        {"municipality_id": municipality, "title": "PTDI", "start_year": 2026, "end_year": 2030},
    )
    return municipality, plan
