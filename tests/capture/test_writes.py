"""Capture writes over the store, without Qt: records, demands, attendance, ranks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from planner_desktop.capture import attendance, demands, findings, persons, records
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.actors import Person
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding
from planner_desktop.domain.enums import AgeGroup, FindingKind, Group, Sex
from planner_desktop.domain.events import Attendance


def test_create_update_tombstone_restore_keep_versions(store, place):
    with store.session() as s:
        values = demands.new_demand(
            s,
            community_id=place.community,
            sector_id=place.sector,
            description="Riego\ttecnificado",
        )
    assert values["code"] == "D1-01-01" and values["description"] == "Riego tecnificado"
    demand_id = records.create(store, Demand, values)
    first = records.read(store, Demand, demand_id, ["version_id"])["version_id"]
    previous = records.update(store, Demand, demand_id, {"estimated_cost": Decimal("1500.50")})
    assert previous == {"estimated_cost": Decimal("0.00")}
    with store.session() as s:
        demand = s.get(Demand, demand_id)
        assert demand.estimated_cost == Decimal("1500.50")
        assert demand.base_version_id == first
    records.tombstone(store, Demand, demand_id)
    assert records.read(store, Demand, demand_id, ["deleted_at"])["deleted_at"] is not None
    records.create(store, Demand, values)  # a creation redone after an undo
    assert records.read(store, Demand, demand_id, ["deleted_at"])["deleted_at"] is None
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Demand)) == 1
        assert demands.next_code(s, place.community) == "D1-01-02"


def test_demand_from_a_finding_keeps_the_link(store, place):
    with store.session() as s:
        values = demands.from_finding(s, place.finding, place.sector)
    demand_id = records.create(store, Demand, values)
    with store.session() as s:
        demand = s.get(Demand, demand_id)
        assert demand.finding_id == place.finding
        assert demand.community_id == place.community
        assert demand.raising_group is Group.women
        assert demand.description == "Falta de agua potable"
        assert demands.demands_of_finding(s, place.finding) == [demand_id]


def test_attendance_refuses_a_second_registration_and_corrects_by_appending(store, place):
    values = persons.new_person(
        municipality_id=place.municipality,
        full_name="  Juana\tMamani Quispe ",
        sex=Sex.female,
        age_group=AgeGroup.adult,
    )
    assert values["first_names"] == "Juana" and values["last_names"] == "Mamani Quispe"
    person = records.create(store, Person, values)
    row = attendance.register(store, place.event, person)
    with pytest.raises(Invalid, match="already registered"):
        attendance.register(store, place.event, person)
    signed_row = attendance.set_signed(store, row, True)
    with store.session() as s:
        assert attendance.present(s, place.event) == [signed_row]
        totals = attendance.totals(s, place.event)
        assert totals.total == 1 and totals.signed == 1
        assert totals.by_sex[Sex.female] == 1 and totals.by_age[AgeGroup.adult] == 1
        assert s.scalar(select(func.count()).select_from(Attendance)) == 3
        assert persons.search(s, "mamani jua") == [(person, "Juana Mamani Quispe")]
    attendance.retract(store, signed_row)
    with store.session() as s:
        assert attendance.totals(s, place.event).total == 0
    attendance.register(store, place.event, person)  # after removal, registering again is fine


def test_new_person_refuses_an_empty_name_and_a_future_birth_year(place):
    with pytest.raises(Invalid):
        persons.new_person(
            municipality_id=place.municipality, full_name=" \t", sex=None, age_group=None
        )
    with pytest.raises(Invalid, match="1900 to 20"):
        persons.new_person(
            municipality_id=place.municipality,
            full_name="Ana",
            sex=Sex.female,
            age_group=None,
            birth_year=3000,
        )


def test_findings_move_within_their_dimension_and_kind(store, place):
    ids = [place.finding]
    with store.session() as s:
        for text in ("Suelos erosionados", "Heladas"):
            rank = findings.next_rank(s, place.diagnosis, place.dimension, FindingKind.problem)
            finding = Finding(
                self_diagnosis_id=place.diagnosis,
                dimension_id=place.dimension,
                kind=FindingKind.problem,
                description=text,
                rank=rank,
            )
            s.add(finding)
            s.flush()
            ids.append(finding.id)
    assert findings.move(store, ids[2], -2)
    assert not findings.move(store, ids[2], -1)
    with store.session() as s:
        order = s.scalars(select(Finding.id).order_by(Finding.rank)).all()
        assert order == [ids[2], ids[0], ids[1]]
        assert s.scalars(select(Finding.rank).order_by(Finding.rank)).all() == [1, 2, 3]
