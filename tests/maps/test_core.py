"""Places, the plane, classes and labels of the maps core (issue 18)."""

from __future__ import annotations

import math
import random

import pytest
from shapely.geometry import Point, box
from sqlalchemy import update

from planner_desktop.domain.territory import Community
from planner_desktop.i18n import set_language
from planner_desktop.maps.classes import classify
from planner_desktop.maps.labels import Candidate, place_labels
from planner_desktop.maps.projection import KM_PER_DEGREE, Projection
from planner_desktop.maps.shapes import COMMUNITY, DISTRICT, Place, geometry_text, load_places
from tests.helpers import new_store
from tests.maps.territory import make_territory


@pytest.fixture
def store(tmp_path):
    opened = new_store(tmp_path / "maps.sqlite")
    yield opened
    opened.close()


def test_places_with_geometry_are_loaded_and_unreadable_text_is_skipped(store):
    town = make_territory(store)
    with store.session() as session:  # text the rules refuse, as a damaged file could hold
        session.execute(
            update(Community)
            .where(Community.id == town.baja)
            .values(geometry='{"type": "Polygon", "coord')
        )
    skipped: list[str] = []
    with store.session() as session:
        places = load_places(session, town.municipality, skipped)
    assert [(p.kind, p.code) for p in places] == [(DISTRICT, "D1"), (COMMUNITY, "C1")]
    alta = places[1]
    assert alta.is_point and alta.district_id == town.north and alta.name == "Alta Ñeque"
    assert skipped == ["C2 Baja"]


def test_stored_geometry_is_compact_and_rounded_to_six_decimals():
    text = geometry_text(Point(-66.123456789, -17.5))
    assert text == '{"type":"Point","coordinates":[-66.123457,-17.5]}'


def _place(geometry) -> Place:  # type: ignore[no-untyped-def]
    import uuid

    return Place(uuid.uuid4(), COMMUNITY, "C", "c", None, geometry)


def test_the_plane_is_in_kilometres_around_the_centre_latitude():
    projection = Projection.for_places([_place(box(-66.0, -18.0, -65.0, -17.0))])
    assert (projection.lon0, projection.lat0) == (-65.5, -17.5)
    x, y = projection.forward(-65.0, -17.0)
    assert y == pytest.approx(0.5 * KM_PER_DEGREE)
    assert x == pytest.approx(0.5 * KM_PER_DEGREE * math.cos(math.radians(17.5)))
    assert projection.inverse(x, y) == pytest.approx((-65.0, -17.0))
    projected = projection.project(Point(-65.0, -17.0))
    assert (projected.x, projected.y) == pytest.approx((x, y))


def test_a_fit_puts_the_bounds_centred_in_a_page_or_a_view():
    projection = Projection.for_places([_place(box(-66.0, -18.0, -65.0, -17.0))])
    min_x, _min_y, max_x, max_y = projection.bounds
    page = projection.fit(500, 300, margin=10)
    assert page.apply(min_x, max_y)[1] == pytest.approx(290)  # y up: north at the top
    left, _ = page.apply(min_x, 0)
    right, _ = page.apply(max_x, 0)
    assert left + right == pytest.approx(500) and left >= 10
    view = projection.fit(500, 300, margin=10, y_down=True)
    assert view.apply(0, max_y)[1] == pytest.approx(10)  # y down: north at the top too


def test_a_lone_point_still_gets_a_frame():
    projection = Projection.for_places([_place(Point(-66, -17))])
    min_x, min_y, max_x, max_y = projection.bounds
    assert max_x - min_x >= 1 and max_y - min_y >= 1
    assert projection.fit(100, 100).scale > 0


def test_quantile_classes_hold_about_equal_numbers():
    classes = classify([None, *range(1, 11)], count=5)
    assert classes.limits == (2, 4, 6, 8, 10)
    assert [classes.index(v) for v in (1, 2, 3, 10, None)] == [0, 0, 1, 4, None]
    assert classes.labels == ["1 – 2", "3 – 4", "5 – 6", "7 – 8", "9 – 10"]


def test_few_distinct_values_give_fewer_classes():
    classes = classify([0, 0, 0, 5, 5], count=5)
    assert classes.limits == (0, 5) and classes.labels == ["0", "1 – 5"]
    assert classify([None, None]).limits == ()
    assert classify([None]).index(3) is None


def test_class_labels_use_the_interface_language_number_format():
    classes = classify([0.25, 1234.5, 2500.75], count=2, places=1)
    set_language("es")
    assert classes.labels == ["0,2 – 1.234,5", "1.234,5 – 2.500,8"]
    set_language("en")
    assert classes.labels == ["0.2 – 1,234.5", "1,234.5 – 2,500.8"]


def _overlap(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_labels_move_around_their_anchor_and_never_overlap():
    crowded = [Candidate(i, f"L{i}", 100 + i, 100, 30, 8, priority=i) for i in range(3)]
    placed = place_labels(crowded)
    # highest priority first; the third finds every position taken (its box would touch
    # the label of 2 on the right and above, of 1 on the left and below)
    assert [p.key for p in placed] == [2, 1]
    assert placed[0].box == (104, 96, 134, 104)  # to the right of its anchor
    assert placed[1].box[2] <= 101  # the next goes to the left
    for i, a in enumerate(placed):
        for b in placed[i + 1 :]:
            assert not _overlap(a.box, b.box)


def test_a_label_with_no_free_position_is_left_out_and_frames_are_kept():
    taken = (0, 0, 1000, 1000)
    assert place_labels([Candidate(1, "x", 50, 50, 10, 5)], obstacles=[taken]) == []
    inside = place_labels([Candidate(1, "x", 95, 50, 10, 5)], frame=(0, 0, 100, 100))
    assert inside and inside[0].box[2] <= 100  # no room on the right: placed on the left


def test_two_thousand_labels_are_placed_without_overlap():
    rng = random.Random(3)
    candidates = [
        Candidate(
            i,
            f"Comunidad {i}",
            rng.uniform(0, 2000),
            rng.uniform(0, 1400),
            60,
            9,
            priority=rng.random(),
        )
        for i in range(2000)
    ]
    placed = place_labels(candidates, frame=(0, 0, 2000, 1400))
    assert 200 < len(placed) < 2000
    boxes = sorted(p.box for p in placed)
    for i, a in enumerate(boxes):  # sweep on x: only neighbours can overlap
        for b in boxes[i + 1 :]:
            if b[0] >= a[2]:
                break
            assert not _overlap(a, b)
