"""Districts and communities typed by a person: population that agrees, codes (issue 12)."""

from __future__ import annotations

import uuid

import pytest

from planner_desktop.capture import territory
from planner_desktop.capture.territory import FieldRefused
from planner_desktop.domain.enums import CommunityKind
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import current_language, set_language


@pytest.fixture(autouse=True)
def english():
    before = current_language()
    set_language("en")
    yield
    set_language(before)


COUNTS = {
    "population_women": 60,
    "population_men": 55,
    "population_children": 40,
    "population_youth": 30,
    "population_adults": 35,
    "population_elders": 10,
    "families": 28,
}


def test_a_community_whose_totals_agree_is_accepted(place):
    values = territory.community_values(
        name="  Alto   Sajama ", district_id=place.municipality, kind=CommunityKind.otb,
        counts=COUNTS,
    )
    assert values["name"] == "Alto Sajama" and values["kind"] is CommunityKind.otb
    assert values["population_women"] == 60 and values["families"] == 28


def test_totals_by_sex_and_by_age_that_differ_are_refused_naming_the_field():
    wrong = {**COUNTS, "population_elders": 9}
    with pytest.raises(FieldRefused) as refused:
        territory.community_values(name="Alto", district_id=uuid.uuid4(), counts=wrong)
    assert refused.value.field == "population_elders"
    assert str(refused.value) == (
        "Population by age group: adds up to 114, but women and men add up to 115."
    )
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(
    ("name", "district", "counts", "field"),
    [
        ("  ", True, {}, "name"),
        ("Alto", False, {}, "district_id"),
        ("Alto", True, {"population_men": -1}, "population_men"),
    ],
)
def test_each_refusal_names_its_field(name, district, counts, field):
    with pytest.raises(FieldRefused) as refused:
        territory.community_values(
            name=name, district_id=uuid.uuid4() if district else None, counts=counts
        )
    assert refused.value.field == field and str(refused.value)


def test_an_empty_population_is_zero_everywhere():
    values = territory.community_values(name="Nueva", district_id=uuid.uuid4())
    assert all(values[field] == 0 for field, _title in territory.COUNTS)


def test_codes_follow_the_highest_ever_used_tombstones_included(store, place):
    with store.session() as s:
        assert territory.next_district_code(s, place.municipality) == "D2"
        district_id = s.get(Community, place.community).district_id
        assert territory.next_community_code(s, district_id) == "D1-02"
        s.add(District(municipality_id=place.municipality, code="D7", name="Siete"))
        gone = Community(district_id=district_id, code="D1-05", name="Borrada")
        s.add(gone)
        s.flush()
        gone.deleted_at = gone.created_at
    with store.session() as s:
        assert territory.next_district_code(s, place.municipality) == "D8"
        assert territory.next_community_code(s, district_id) == "D1-06"
