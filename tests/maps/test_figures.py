"""The map figures per community and district (issue 18), from rows written as the window
writes them."""

from __future__ import annotations

from datetime import datetime

import pytest

from planner_desktop.capture import records
from planner_desktop.domain import provenance
from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.domain.territory import Community
from planner_desktop.maps.figures import Figure, title, values
from tests.helpers import new_store
from tests.maps.territory import (
    classify_in_a_round,
    make_territory,
    program_projects,
    register_attendance,
)


@pytest.fixture
def store(tmp_path):
    opened = new_store(tmp_path / "maps.sqlite")
    yield opened
    opened.close()


def _values(store, town, figure):
    with store.session() as session:
        return values(session, town.municipality, figure)


def test_demands_per_thousand_people_and_per_district_as_a_ratio_of_sums(store):
    town = make_territory(store)
    found = _values(store, town, Figure.demands_per_thousand)
    assert found[town.alta] == pytest.approx(3.0)  # 3 demands, 1,000 people
    assert found[town.baja] == pytest.approx(1.0)  # the removed demand is not counted
    assert found[town.north] == pytest.approx(2.0)  # 4 demands, 2,000 people
    assert found[town.lejana] is None and found[town.south] is None  # nobody counted


def test_a_tombstoned_community_leaves_the_map_figures(store):
    town = make_territory(store)
    records.tombstone(store, Community, town.baja)
    found = _values(store, town, Figure.demands_per_thousand)
    assert town.baja not in found
    assert found[town.north] == pytest.approx(3.0)


def test_top_priority_counts_a_plus_and_a_and_the_latest_round_wins(store, monkeypatch):
    town = make_territory(store)
    monkeypatch.setattr(provenance, "utcnow", lambda: datetime(2026, 3, 1, 10))
    classify_in_a_round(store, town, {0: P.a_plus, 1: P.a, 2: P.c})
    found = _values(store, town, Figure.top_priority)
    assert (found[town.alta], found[town.baja], found[town.north]) == (2, 0, 2)
    monkeypatch.setattr(provenance, "utcnow", lambda: datetime(2026, 5, 1, 10))
    classify_in_a_round(store, town, {0: P.c, 1: P.b, 2: P.a})  # re-prioritised later
    found = _values(store, town, Figure.top_priority)
    assert (found[town.alta], found[town.north], found[town.south]) == (1, 1, 0)


def test_investment_is_shared_equally_among_the_communities_a_profile_names(store):
    town = make_territory(store)
    program_projects(store, town)
    found = _values(store, town, Figure.investment)
    assert found[town.alta] == pytest.approx(750 + 300)
    assert found[town.baja] == pytest.approx(750)  # the dropped profile adds nothing
    assert found[town.north] == pytest.approx(1800)
    assert found[town.lejana] == 0 and found[town.south] == 0


def test_women_attendance_is_a_percentage_of_counted_attendances(store):
    town = make_territory(store)
    register_attendance(store, town)
    found = _values(store, town, Figure.women_attendance)
    assert found[town.alta] == pytest.approx(75.0)
    assert found[town.baja] == pytest.approx(0.0)  # the retracted woman does not count
    assert found[town.north] == pytest.approx(60.0)
    assert found[town.lejana] is None


def test_every_figure_has_its_own_title():
    titles = {title(f) for f in Figure}
    assert len(titles) == len(Figure)
    assert title(Figure.investment) == "Investment programmed"
