"""A store, a municipality and a plan made in the core for the tests of the plan's
annexes (self-assessment, actors by phase, preparation, pacts, structure)."""

from __future__ import annotations

import uuid
from pathlib import Path

from planner_desktop.capture import records
from planner_desktop.domain.plan import Plan
from planner_desktop.domain.territory import Municipality
from planner_desktop.store.database import Store
from tests.helpers import new_store


def annex_store(path: Path) -> Store:
    """A new, empty database (migrated as the program migrates one)."""
    return new_store(path)


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
