"""A tiny municipality for the capture tests: one community, one event, one finding."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

import pytest

from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import EventKind, FindingKind, Group
from planner_desktop.domain.events import Event
from planner_desktop.domain.territory import Community, Dimension, District, Municipality, Sector
from tests.helpers import new_store


@dataclass(frozen=True)
class Place:
    municipality: uuid.UUID
    community: uuid.UUID
    sector: uuid.UUID
    dimension: uuid.UUID
    event: uuid.UUID
    diagnosis: uuid.UUID
    finding: uuid.UUID


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "capture.sqlite")
    yield store
    store.close()


@pytest.fixture
def place(store) -> Place:
    with store.session() as s:
        municipality = Municipality(name="Villa Ñandú")
        s.add(municipality)
        s.flush()
        district = District(municipality_id=municipality.id, code="D1", name="Distrito 1")
        s.add(district)
        s.flush()
        community = Community(district_id=district.id, code="D1-01", name="Pampa Grande")
        sector = Sector(municipality_id=municipality.id, code="water", name="Agua")
        dimension = Dimension(municipality_id=municipality.id, code="eco", name="Económica")
        event = Event(
            municipality_id=municipality.id,
            kind=EventKind.community_workshop,
            title="Taller",
            date=date(2026, 3, 2),
        )
        s.add_all([community, sector, dimension, event])
        s.flush()
        diagnosis = SelfDiagnosis(community_id=community.id, event_id=event.id, date=event.date)
        s.add(diagnosis)
        s.flush()
        finding = Finding(
            self_diagnosis_id=diagnosis.id,
            dimension_id=dimension.id,
            kind=FindingKind.problem,
            description="Falta de agua potable",
            raising_group=Group.women,
            rank=1,
        )
        s.add(finding)
        s.flush()
        return Place(
            municipality.id,
            community.id,
            sector.id,
            dimension.id,
            event.id,
            diagnosis.id,
            finding.id,
        )
