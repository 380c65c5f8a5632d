"""Issue 16, point 1: every capture function that writes applies the one set of rules.

Each case gives a capture function a value outside its rule (a birth year of 99999 or
1800, a negative number of families, a population of 10^20, a NUL byte in a name, a date
in the year 9999, money above the maximum) and expects the refusal type the window already
catches (:class:`~planner_desktop.capture.validation.Invalid`), naming the field with the
reason the rules give (the words ``session verify`` uses), and not one row changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from planner_desktop.capture import (
    actor_roles,
    assessment,
    attendance,
    demands,
    dimensions,
    org_units,
    persons,
    plan_records,
    records,
    territory,
)
from planner_desktop.capture.rule_checks import FieldRefused, checking_writes
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain import rules
from planner_desktop.domain.actors import Organization, Person
from planner_desktop.domain.base import Base
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import AssessmentArea
from planner_desktop.domain.enums import EventKind, OrganizationKind, ScoreState
from planner_desktop.domain.events import Event
from planner_desktop.domain.territory import Community
from tests.helpers import new_store

NUL_NAME = "Jua\x00na"
FAR_DAY = date(9999, 12, 31)
TOO_MUCH = rules.MAX_MONEY + 1


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One database for the module: every case leaves it as it was (that is the test),
    and each ``place`` is a municipality of its own."""
    store = new_store(tmp_path_factory.mktemp("rules") / "capture.sqlite")
    yield store
    store.close()


def snapshot(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "nothing written" is compared with."""
    with store.session() as session:
        return {
            table.name: sorted(map(tuple, session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def reason(table: str, column: str, value: Any) -> str:
    found = rules.rule_for(table, column).problem(value)
    assert found is not None, (table, column, value)
    return found


def _person(place: Any, **values: Any) -> dict[str, Any]:
    return {"municipality_id": place.municipality, "first_names": "Ana", **values}


Case = Callable[[Any, Any, dict[str, uuid.UUID]], object]
CASES: dict[str, tuple[Case, str, str, Any]] = {
    # name: (call, table, column, refused value)
    "new person, birth year 99999": (
        lambda store, place, ids: persons.new_person(
            municipality_id=place.municipality, full_name="Ana Mamani", sex=None,
            age_group=None, birth_year=99999),
        "person", "birth_year", 99999),
    "new person, birth year 1800": (
        lambda store, place, ids: persons.new_person(
            municipality_id=place.municipality, full_name="Ana Mamani", sex=None,
            age_group=None, birth_year=1800),
        "person", "birth_year", 1800),
    "new person, NUL in the name": (
        lambda store, place, ids: persons.new_person(
            municipality_id=place.municipality, full_name=f"{NUL_NAME} Mamani", sex=None,
            age_group=None),
        "person", "first_names", NUL_NAME),
    "create person, birth year 99999": (
        lambda store, place, ids: records.create(store, Person, _person(place, birth_year=99999)),
        "person", "birth_year", 99999),
    "create person, NUL in the name": (
        lambda store, place, ids: records.create(
            store, Person, _person(place, last_names=NUL_NAME)),
        "person", "last_names", NUL_NAME),
    "edit community, negative families": (
        lambda store, place, ids: records.update(
            store, Community, place.community, {"families": -3}),
        "community", "families", -3),
    "edit community, population 10^20": (
        lambda store, place, ids: records.update(
            store, Community, place.community, {"population_women": 10**20}),
        "community", "population_women", 10**20),
    "community form, negative families": (
        lambda store, place, ids: territory.community_values(
            name="Nueva", district_id=uuid.uuid4(), counts={"families": -1}),
        "community", "families", -1),
    "community form, population 10^20": (
        lambda store, place, ids: territory.community_values(
            name="Nueva", district_id=uuid.uuid4(),
            counts={"population_men": 10**20, "population_adults": 10**20}),
        "community", "population_men", 10**20),
    "community form, NUL in the name": (
        lambda store, place, ids: territory.community_values(
            name=NUL_NAME, district_id=uuid.uuid4()),
        "community", "name", NUL_NAME),
    "add community, negative families": (
        lambda store, place, ids: territory.add_community(
            store, {"name": "Nueva", "district_id": ids["district"], "families": -1}),
        "community", "families", -1),
    "add district, NUL in the name": (
        lambda store, place, ids: territory.add_district(store, place.municipality,
                                                    {"name": NUL_NAME}),
        "district", "name", NUL_NAME),
    "district form, NUL in the name": (
        lambda store, place, ids: territory.district_values(NUL_NAME),
        "district", "name", NUL_NAME),
    "new demand, NUL in the description": (
        lambda store, place, ids: _new_demand(store, place, f"Agua {NUL_NAME}"),
        "demand", "description", f"Agua {NUL_NAME}"),
    "edit demand, cost above the maximum": (
        lambda store, place, ids: records.update(
            store, Demand, ids["demand"], {"estimated_cost": TOO_MUCH}),
        "demand", "estimated_cost", TOO_MUCH),
    "edit demand, negative beneficiaries": (
        lambda store, place, ids: records.update(
            store, Demand, ids["demand"], {"beneficiaries_women": -1}),
        "demand", "beneficiaries_women", -1),
    "new event, a date in the year 9999": (
        lambda store, place, ids: records.create(store, Event, {
            "municipality_id": place.municipality, "kind": EventKind.community_workshop,
            "title": "Taller", "date": FAR_DAY}),
        "event", "date", FAR_DAY),
    "agreement, signed in the year 9999": (
        lambda store, place, ids: plan_records.agreement_values(uuid.uuid4(), "Acuerdo",
                                                           signed_on=FAR_DAY),
        "agreement", "signed_on", FAR_DAY),
    "work activity, ends in the year 9999": (
        lambda store, place, ids: _in_session(store, lambda s: plan_records.work_activity_values(
            s, uuid.uuid4(), "Taller", date(2026, 1, 5), FAR_DAY)),
        "work_activity", "end_date", FAR_DAY),
    "team member, NUL in the name": (
        lambda store, place, ids: _in_session(store, lambda s: plan_records.team_member_values(
            s, uuid.uuid4(), NUL_NAME)),
        "team_member", "name", NUL_NAME),
    "organisation, NUL in the name": (
        lambda store, place, ids: actor_roles.organization_values(place.municipality, NUL_NAME),
        "organization", "name", NUL_NAME),
    "create organisation, NUL in the name": (
        lambda store, place, ids: records.create(store, Organization, {
            "municipality_id": place.municipality, "name": NUL_NAME,
            "kind": OrganizationKind.other}),
        "organization", "name", NUL_NAME),
    "actor role, NUL in the role": (
        lambda store, place, ids: actor_roles.set_role(
            store, ids["organization"], actor_roles.PHASES[0], NUL_NAME),
        "actor_role", "role", NUL_NAME),
    "unit, NUL in the name": (
        lambda store, place, ids: _in_session(store, lambda s: org_units.unit_values(
            s, place.municipality, NUL_NAME)),
        "org_unit", "name", NUL_NAME),
    "dimension, NUL in the name": (
        lambda store, place, ids: _in_session(store, lambda s: dimensions.new_dimension(
            s, place.municipality, NUL_NAME)),
        "dimension", "name", NUL_NAME),
    "assessment score, the year 9999": (
        lambda store, place, ids: assessment.set_score(
            store, ids["area"], 9999, (ScoreState.scored, Decimal(50))),
        "assessment_score", "year", 9999),
}


def _in_session(store: Any, work: Callable[[Any], object]) -> object:
    with store.session() as session:
        return work(session)


def _new_demand(store: Any, place: Any, description: str) -> object:
    with store.session() as session:
        return demands.new_demand(session, community_id=place.community,
                                  sector_id=place.sector, description=description)


@pytest.fixture
def ids(store: Any, place: Any) -> dict[str, uuid.UUID]:
    """Records some cases edit, written without the capture functions."""
    with store.session() as session:
        demand = Demand(community_id=place.community, code="D1-01-01", sector_id=place.sector,
                        description="Agua potable")
        organization = Organization(municipality_id=place.municipality, name="OTB",
                                    kind=OrganizationKind.other)
        area = AssessmentArea(municipality_id=place.municipality, name="Planificación")
        session.add_all([demand, organization, area])
        session.flush()
        return {
            "district": session.get(Community, place.community).district_id,
            "demand": demand.id,
            "organization": organization.id,
            "area": area.id,
        }


@pytest.mark.parametrize("case", list(CASES))
def test_capture_refuses_a_value_outside_its_rule(store, place, ids, case):
    call, table, column, value = CASES[case]
    before = snapshot(store)
    with pytest.raises(Invalid) as refused:
        call(store, place, ids)
    assert snapshot(store) == before
    assert isinstance(refused.value, FieldRefused), refused.value
    assert refused.value.field == column
    line = refused.value.reason
    assert line == f"{rules.field_title(table, column)}: {reason(table, column, value)}"
    assert "\n" not in line


def test_every_write_of_the_window_is_checked_whoever_wrote_it(store, place):
    """The net under the forms: a record written by a function with no check of its own
    is refused before the flush, and its transaction writes nothing."""
    before = snapshot(store)
    with (pytest.raises(FieldRefused, match="Families") as refused, checking_writes(),
          store.session() as session):
        session.get(Community, place.community).families = -1
    assert refused.value.field == "families"
    with pytest.raises(FieldRefused), checking_writes(), store.session() as session:
        session.add(Person(municipality_id=place.municipality, first_names="Ana",
                           birth_year=99999))
    assert snapshot(store) == before
    with store.session() as session:  # outside the net, the database's own checks only
        session.get(Community, place.community).families = 7
    assert snapshot(store) != before


def test_a_moment_from_the_future_is_refused_by_the_net(store, place):
    """An attendance row stamped beyond the clock tolerance never reaches the database."""
    later = datetime.now() + rules.CLOCK_TOLERANCE + timedelta(days=2)
    with store.session() as session:
        person = Person(municipality_id=place.municipality, first_names="Ana")
        session.add(person)
        session.flush()
        person_id = person.id
    before = snapshot(store)
    with (pytest.raises(FieldRefused, match="clock"), checking_writes(),
          store.session() as session):
        session.add(attendance.Attendance(event_id=place.event, person_id=person_id,
                                          created_at=later))
    assert snapshot(store) == before


def test_values_inside_the_rules_are_written(store, place):
    values = persons.new_person(municipality_id=place.municipality, full_name="Ana  Mamani\t",
                                sex=None, age_group=None, birth_year=1900)
    person_id = records.create(store, Person, values)
    assert records.read(store, Person, person_id, ["first_names", "last_names"]) == {
        "first_names": "Ana", "last_names": "Mamani"}
    records.update(store, Community, place.community,
                   {"families": rules.MAX_COUNT, "population_women": 0})
    counts = territory.community_values(
        name="Nueva", district_id=uuid.uuid4(),
        counts={"population_women": rules.MAX_COUNT, "population_adults": rules.MAX_COUNT})
    assert counts["population_women"] == rules.MAX_COUNT
