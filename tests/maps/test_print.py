"""Maps in print (issue 18, point 3): the consolidated diagnosis and the PDM draft carry a
location map and thematic maps, or one line on how to import shapes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from reportlab.graphics.shapes import Circle, Group, Path

from planner_desktop.maps import figures
from planner_desktop.maps.classes import classify
from planner_desktop.maps.figures import Figure
from planner_desktop.maps.outline import load_outlines
from planner_desktop.reports.maps import location_map, no_geometry_note, thematic_map
from planner_desktop.store.database import Store
from tests.helpers import new_store
from tests.maps.territory import make_territory
from tests.postgres_server import Databases, Target
from tests.reports.conftest import print_report


@pytest.fixture
def store(tmp_path):
    opened = new_store(tmp_path / "maps.sqlite")
    yield opened
    opened.close()


def test_the_diagnosis_prints_its_maps_with_legend_limits(store, tmp_path):
    town = make_territory(store)
    with store.session() as session:
        found = figures.values(session, town.municipality, Figure.demands_per_thousand)
    labels = classify([found[town.alta], found[town.baja]], 5, 1).labels
    printed = print_report(store, "diagnosis", tmp_path)
    assert printed.has("5. Maps") and printed.has("Location map")
    assert printed.has("Demands per 1,000 people") and printed.has("Investment programmed")
    assert labels and all(printed.has(label) for label in labels)
    assert printed.has("Distrito Norte") and printed.has("Alta Ñeque")
    assert printed.has("10 km") or printed.has("5 km") or printed.has("2 km")
    assert not printed.has(no_geometry_note())


def test_without_geometry_the_section_says_how_to_import_shapes(store, tmp_path):
    make_territory(store, geometry=False)
    printed = print_report(store, "diagnosis", tmp_path)
    assert printed.has(no_geometry_note())
    assert not printed.has("Location map")


def _parts(group: Group, kind: type) -> list[object]:
    return [shape for shape in group.contents if isinstance(shape, kind)]


def test_each_place_is_one_path_or_one_dot_of_the_drawing(store):
    town = make_territory(store)
    with store.session() as session:
        outlines = load_outlines(session, town.municipality)
        found = figures.values(session, town.municipality, Figure.demands_per_thousand)
    assert {o.place.id for o in outlines} == {town.north, town.alta, town.baja}
    for drawn in (
        location_map(outlines, 500, 350),
        thematic_map(outlines, found, Figure.demands_per_thousand, 500, 350),
    ):
        assert set(drawn.shapes) == {town.north, town.alta, town.baja}
        for key, group in drawn.shapes.items():
            assert group in drawn.drawing.contents
            if key == town.alta:  # a point
                assert len(_parts(group, Circle)) == 1 and not _parts(group, Path)
            else:  # a shape: one path, its rings inside it
                assert len(_parts(group, Path)) == 1 and not _parts(group, Circle)


def test_a_shape_community_is_hatched_by_its_class(store):
    town = make_territory(store)
    with store.session() as session:
        outlines = load_outlines(session, town.municipality)
        found = figures.values(session, town.municipality, Figure.demands_per_thousand)
    drawn = thematic_map(outlines, found, Figure.demands_per_thousand, 500, 350)
    (hatching,) = _parts(drawn.shapes[town.baja], Group)
    # Baja is the lower of two classes: the lightest shade, which has no hatching
    assert hatching.contents == []  # type: ignore[attr-defined]
    found[town.baja] = 99.0  # now the higher class: a hatched, darker shade
    drawn = thematic_map(outlines, found, Figure.demands_per_thousand, 500, 350)
    (hatching,) = _parts(drawn.shapes[town.baja], Group)
    assert len(hatching.contents) > 3  # type: ignore[attr-defined]


@pytest.fixture
def demo(demo_template: Target, databases: Databases) -> Iterator[Store]:
    opened = new_store(databases.copy(demo_template, "maps_demo"))
    yield opened
    opened.close()


def test_the_demo_pdm_carries_its_maps(demo, tmp_path):
    printed = print_report(demo, "pdm", tmp_path)
    assert printed.has("Location map") and printed.has("Investment programmed")
    assert printed.has("Demands per 1,000 people") and printed.has("No data")
