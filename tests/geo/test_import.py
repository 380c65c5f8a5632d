"""Importing district and community shapes from GeoPackage, Shapefile and GeoJSON files
made in the test (issue 18, point 1): matched by code and name, previewed, written only
when asked, reprojected from UTM 19S."""

from __future__ import annotations

import json

import pytest
import shapely
from shapely.geometry import shape

from planner_desktop.capture import records
from planner_desktop.domain.territory import Community, District
from planner_desktop.geo.matching import match
from planner_desktop.geo.reading import read_shapes
from planner_desktop.geo.writing import planned, write_geometries
from tests.geo.files import square, write_geojson, write_gpkg, write_shapefile
from tests.hostile.support import dump, run_cli

DISTRICT_SHAPES = [
    ({"COD": "D1", "NOMBRE": "DISTRITO NORTE"}, square(-66.30, -17.30)),
    ({"COD": "", "NOMBRE": "distrito  sur"}, square(-66.20, -17.30)),
    ({"COD": "X9", "NOMBRE": "Otro distrito"}, square(-66.10, -17.30)),
]


def _geometry(store, model, record_id):
    text = records.read(store, model, record_id, ["geometry"])["geometry"]
    return None if text is None else shape(json.loads(text))


@pytest.mark.parametrize("writer", [write_gpkg, write_shapefile], ids=["gpkg", "shapefile"])
def test_utm_19s_districts_are_matched_reprojected_and_written(place, tmp_path, writer):
    source = writer(
        tmp_path / ("d.gpkg" if writer is write_gpkg else "d.shp"),
        DISTRICT_SHAPES,
        **({"srs_id": 32719} if writer is write_gpkg else {}),
    )
    before = dump(place.path)
    preview = run_cli("territory", "import-geometry", str(source), "--db", str(place.path))
    assert preview.code == 0, preview.err
    assert "EPSG:32719" in preview.out
    assert "matched: 2 (2 to write, 0 unchanged)" in preview.out
    assert "D1 Distrito Norte ← feature 1 “D1” “DISTRITO NORTE” (by code)" in preview.out
    assert "D2 Distrito Sur ← feature 2 “distrito sur” (by name)" in preview.out
    assert "feature 3 “X9” “Otro distrito”" in preview.out
    assert "  D3 Distrito Este" in preview.out
    assert dump(place.path) == before  # a preview writes nothing

    applied = run_cli(
        "territory", "import-geometry", str(source), "--db", str(place.path), "--apply"
    )
    assert applied.code == 0, applied.err
    assert "2 geometries written" in applied.out
    north = _geometry(place.store, District, place.districts["D1"])
    assert north.geom_type == "Polygon"
    assert north.symmetric_difference(square(-66.30, -17.30)).area < 1e-9  # back in lon/lat
    assert _geometry(place.store, District, place.districts["D3"]) is None

    again = run_cli("territory", "import-geometry", str(source), "--db", str(place.path))
    assert "matched: 2 (0 to write, 2 unchanged)" in again.out


def test_stored_text_is_compact_rounded_geojson(place, tmp_path):
    lon, lat = -66.123456789, -17.987654321
    source = write_geojson(
        tmp_path / "c.geojson", [({"name": "San José"}, shapely.Point(lon, lat))]
    )
    file = read_shapes(source)
    assert file.shapes[0].text == '{"type":"Point","coordinates":[-66.123457,-17.987654]}'


def test_communities_preview_names_ambiguous_and_unmatched(place, tmp_path):
    points = [
        ({"nombre": "SAN JOSE"}, shapely.Point(-66.1, -17.1)),  # accents and case ignored
        ({"nombre": "Challapata"}, shapely.Point(-66.2, -17.2)),  # two communities so named
        ({"nombre": "Villa Ñandú"}, shapely.Point(-66.3, -17.3)),
        ({"nombre": "villa ñandu"}, shapely.Point(-66.31, -17.31)),  # two features, one place
        ({"nombre": "Pampa Grande"}, None),  # no shape
        ({"nombre": "Nowhere"}, shapely.Point(-66.4, -17.4)),
        ({"nombre": "Achocalla Alta"}, shapely.LineString([(-66, -17), (-66.1, -17.1)])),
    ]
    source = write_geojson(tmp_path / "c.geojson", points)
    with place.store.session() as session:
        preview = match(session, read_shapes(source))
    assert preview.level == "community"  # chosen because more features match it
    assert [(m.place.name, m.by) for m in preview.matched] == [("San José", "name")]
    ambiguous = dict(preview.ambiguous)
    assert ambiguous["feature 2 “Challapata”"] == "2 records are named so"
    assert ambiguous["feature 3 “Villa Ñandú”"] == "2 features for Villa Ñandú"
    assert ambiguous["feature 4 “villa ñandu”"] == "2 features for Villa Ñandú"
    assert [label for label, _why in preview.not_in_database] == ["feature 6 “Nowhere”"]
    assert dict(preview.unusable) == {
        "feature 5 “Pampa Grande”": "no shape",
        "feature 7 “Achocalla Alta”": "a LineString, not a point or an area",
    }
    assert {p.name for p in preview.not_in_file} == {
        "Achocalla Alta", "Challapata", "Pampa Grande"
    }
    written = planned(preview)
    assert list(written) == [place.communities["D1:San José"]]
    write_geometries(place.store, preview.level, written)
    assert _geometry(place.store, Community, place.communities["D1:San José"]).equals(
        shapely.Point(-66.1, -17.1)
    )
    for key in ("D2:Villa Ñandú", "D2:Challapata", "D3:Challapata"):
        assert _geometry(place.store, Community, place.communities[key]) is None


def test_a_district_needs_an_area(place, tmp_path):
    source = write_geojson(
        tmp_path / "d.geojson", [({"code": "D1", "name": "x"}, shapely.Point(-66, -17))]
    )
    with place.store.session() as session:
        preview = match(session, read_shapes(source), "district")
    assert preview.matched == []
    assert dict(preview.unusable) == {"feature 1 “D1” “x”": "a district needs an area"}


def test_a_self_crossing_polygon_is_repaired(place, tmp_path):
    bow_tie = shapely.Polygon([(-66, -17), (-65.9, -16.9), (-65.9, -17), (-66, -16.9)])
    assert not bow_tie.is_valid
    source = write_geojson(tmp_path / "d.geojson", [({"code": "D1"}, bow_tie)])
    [repaired] = read_shapes(source).shapes
    geometry = shape(json.loads(repaired.text))
    assert geometry.is_valid and geometry.geom_type == "MultiPolygon"
    assert geometry.area == pytest.approx(shapely.make_valid(bow_tie).area, rel=1e-3)


def test_a_too_detailed_outline_is_simplified_to_the_cap(tmp_path):
    from planner_desktop.geo.geojson_check import MAX_POINTS

    circle = shapely.Point(-66, -17).buffer(0.2, quad_segs=15_000)  # 60,000 points
    assert shapely.get_num_coordinates(circle) > MAX_POINTS
    [simplified] = read_shapes(write_geojson(tmp_path / "c.geojson", [({}, circle)])).shapes
    assert simplified.simplified
    geometry = shape(json.loads(simplified.text))
    assert shapely.get_num_coordinates(geometry) <= MAX_POINTS
    assert geometry.area == pytest.approx(circle.area, rel=1e-3)


def test_old_style_crs_member_is_honoured(tmp_path):
    from pyproj import Transformer

    to_utm = Transformer.from_crs(4326, 32720, always_xy=True)
    x, y = to_utm.transform(-63.2, -17.8)
    source = write_geojson(
        tmp_path / "u.geojson",
        [({"name": "a"}, shapely.Point(x, y))],
        crs="urn:ogc:def:crs:EPSG::32720",
    )
    file = read_shapes(source)
    assert "EPSG:32720" in file.reference
    point = shape(json.loads(file.shapes[0].text))
    assert point.x == pytest.approx(-63.2, abs=1e-6) and point.y == pytest.approx(-17.8, abs=1e-6)


def test_a_layer_is_chosen_by_name(place, tmp_path):
    source = write_gpkg(tmp_path / "a.gpkg", DISTRICT_SHAPES, table="limites")
    wrong = run_cli("territory", "import-geometry", str(source), "--db", str(place.path),
                    "--layer", "otra")  # fmt: skip
    assert wrong.code == 1 and "there is no layer otra (layers: limites)" in wrong.err
    right = run_cli("territory", "import-geometry", str(source), "--db", str(place.path),
                    "--layer", "limites", "--level", "district", "--code-field", "cod")  # fmt: skip
    assert right.code == 0, right.err
    assert "by code field COD and name field NOMBRE" in right.out
