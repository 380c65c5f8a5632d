"""Identity and provenance stamping (DESIGN §4)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from planner_desktop.domain.actors import Person
from planner_desktop.domain.enums import EventKind
from planner_desktop.domain.events import Attendance, Event
from planner_desktop.domain.provenance import AppendOnlyError, mark_deleted
from planner_desktop.domain.territory import Municipality
from tests.helpers import TEST_DEVICE, new_store


@pytest.fixture
def store(empty_target):
    """An empty database on each backend: the constraints are the database's own."""
    store = new_store(empty_target)
    yield store
    store.close()


def test_new_record_gets_device_facilitator_and_a_version(store):
    with store.session() as s:
        s.add(Municipality(name="Villa Ñandú"))
    with store.session() as s:
        m = s.scalars(select(Municipality)).one()
        assert m.device_id == TEST_DEVICE
        assert m.facilitator == "Facilitadora de prueba"
        assert isinstance(m.id, uuid.UUID) and isinstance(m.version_id, uuid.UUID)
        assert m.base_version_id is None
        assert m.created_at == m.updated_at


def test_edit_makes_a_new_version_remembering_its_base(store):
    with store.session() as s:
        s.add(Municipality(name="Villa Ñandú"))
    with store.session() as s:
        m = s.scalars(select(Municipality)).one()
        first_id, first_version = m.id, m.version_id
        m.name = "Villa Ñandú de Arriba"
    with store.session() as s:
        m = s.scalars(select(Municipality)).one()
        assert m.id == first_id, "the uuid is made once and never recomputed"
        assert m.version_id != first_version
        assert m.base_version_id == first_version


def test_untouched_record_keeps_its_version(store):
    with store.session() as s:
        s.add(Municipality(name="Tiquipaya"))
    with store.session() as s:
        m = s.scalars(select(Municipality)).one()
        version = m.version_id
        m.name = m.name  # no real change
    with store.session() as s:
        assert s.scalars(select(Municipality)).one().version_id == version


def test_delete_leaves_a_tombstone_and_outright_delete_is_refused(store):
    with store.session() as s:
        s.add(Municipality(name="Sacaba"))
    with store.session() as s:
        m = s.scalars(select(Municipality)).one()
        mark_deleted(m)
    with store.session() as s:
        assert s.scalars(select(Municipality)).one().is_deleted
    with pytest.raises(AppendOnlyError), store.session() as s:
        s.delete(s.scalars(select(Municipality)).one())
    with store.session() as s:
        assert s.scalars(select(Municipality)).one().is_deleted, "still there as a tombstone"


def test_attendance_is_append_only(store):
    import datetime

    with store.session() as s:
        m = Municipality(name="Arani")
        s.add(m)
        s.flush()
        e = Event(
            municipality_id=m.id,
            kind=EventKind.community_workshop,
            title="Taller",
            date=datetime.date(2026, 4, 1),
        )
        p = Person(municipality_id=m.id, first_names="Justina", last_names="Quispe")
        s.add_all([e, p])
        s.flush()
        s.add(Attendance(event_id=e.id, person_id=p.id))
    with pytest.raises(AppendOnlyError), store.session() as s:
        s.scalars(select(Attendance)).one().signed = True
    with store.session() as s:
        assert s.scalars(select(Attendance)).one().signed is False
