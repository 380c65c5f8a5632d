"""A municipality made through the program's own writes, for the geometry tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from planner_desktop.capture import records, territory
from planner_desktop.domain.territory import Municipality
from planner_desktop.store.database import Store
from tests.helpers import new_store

DISTRICTS = ("Distrito Norte", "Distrito Sur", "Distrito Este")
COMMUNITIES = {
    "D1": ("San José", "Achocalla Alta"),
    "D2": ("Villa Ñandú", "Challapata"),
    "D3": ("Challapata", "Pampa Grande"),
}
"""Two communities named Challapata, in two districts: a name that matches two places."""


@dataclass
class Territory:
    store: Store
    path: Path
    districts: dict[str, uuid.UUID] = field(default_factory=dict)
    communities: dict[str, uuid.UUID] = field(default_factory=dict)
    """By code (D1-01…)."""


def build_territory(path: Path) -> Territory:
    """A municipality, three districts and six communities, written as the window does."""
    store = new_store(path)
    made = Territory(store, path)
    municipality = records.create(store, Municipality, {"name": "Tiquipaya"})
    for name in DISTRICTS:
        district = territory.add_district(store, municipality, territory.district_values(name))
        code = records.read(store, _district(), district, ["code"])["code"]
        made.districts[code] = district
        for community in COMMUNITIES[code]:
            values = territory.community_values(name=community, district_id=district)
            made.communities[f"{code}:{community}"] = territory.add_community(store, values)
    return made


def _district() -> type:
    from planner_desktop.domain.territory import District

    return District


@pytest.fixture
def place(tmp_path: Path):
    made = build_territory(tmp_path / "territory.sqlite")
    yield made
    made.store.close()
