"""Geometry files that cannot be imported are refused in one line naming the file, and the
database dumps exactly as before (issue 18, point 1)."""

from __future__ import annotations

import json
import sqlite3

import pytest
import shapely

from tests.geo.files import UTM19S, square, write_geojson, write_gpkg, write_shapefile
from tests.hostile.support import assert_refused, dump, run_cli

RECORDS = [({"COD": "D1", "NOMBRE": "Distrito Norte"}, square(-66.3, -17.3))]


def _not_geometry(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    return path, "not a geometry file this program reads"


def _text_as_gpkg(tmp_path):
    path = tmp_path / "fake.gpkg"
    path.write_text("this is not a database at all, just some text" * 10)
    return path, "not a GeoPackage"


def _json_not_geojson(tmp_path):
    path = tmp_path / "list.geojson"
    path.write_text(json.dumps([1, 2, 3]))
    return path, "not a GeoJSON file"


def _truncated_shp(tmp_path):
    path = write_shapefile(tmp_path / "cut.shp", RECORDS * 3)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    return path, "damaged or cut short"


def _missing_dbf(tmp_path):
    path = write_shapefile(tmp_path / "nodbf.shp", RECORDS)
    path.with_suffix(".dbf").unlink()
    return path, "its .dbf file is missing"


def _shp_without_prj_in_metres(tmp_path):
    path = write_shapefile(tmp_path / "noprj.shp", RECORDS, epsg=UTM19S)
    path.with_suffix(".prj").unlink()
    return path, "does not say its reference system"


def _shp_unreadable_prj(tmp_path):
    path = write_shapefile(tmp_path / "badprj.shp", RECORDS)
    path.with_suffix(".prj").write_text('PROJCS["Nowhere",GEOGCS[garbage')
    return path, "badprj.prj: its reference system cannot be read"


def _gpkg_unknown_crs(tmp_path):
    path = write_gpkg(tmp_path / "unknown.gpkg", RECORDS)
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO gpkg_spatial_ref_sys VALUES "
                     "('local', 990001, 'NONE', 990001, 'undefined', '')")  # fmt: skip
        conn.execute("UPDATE gpkg_geometry_columns SET srs_id = 990001")
    return path, "reference system (NONE:990001) is unknown"


def _geojson_unknown_crs(tmp_path):
    path = write_geojson(tmp_path / "crs.geojson", RECORDS, crs="urn:ogc:def:crs:EPSG::999999")
    return path, "reference system urn:ogc:def:crs:EPSG::999999 is unknown"


def _gpkg_no_features(tmp_path):
    path = write_gpkg(tmp_path / "table.gpkg", RECORDS, data_type="attributes")
    return path, "the GeoPackage has no layer of features"


def _out_of_range(tmp_path):
    far = shapely.Point(500, -17)  # stated WGS 84 (RFC 7946), yet no longitude
    path = write_geojson(tmp_path / "far.geojson", [({"COD": "D1"}, far)],
                         crs="urn:ogc:def:crs:OGC:1.3:CRS84")  # fmt: skip
    return path, "feature 1 lies outside longitude -180 to 180"


def _bad_geometry(tmp_path):
    path = tmp_path / "broken.geojson"
    feature = {"type": "Feature", "properties": {"COD": "D1"},
               "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1]]]}}  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}))
    return path, "feature 1: its geometry cannot be read"


def _gpkg_bad_blob(tmp_path):
    path = write_gpkg(tmp_path / "blob.gpkg", RECORDS)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE distritos SET geom = X'4750000100000000DEADBEEF'")
    return path, "feature 1: its geometry cannot be read"


CASES = [
    _not_geometry, _text_as_gpkg, _json_not_geojson, _truncated_shp, _missing_dbf,
    _shp_without_prj_in_metres, _shp_unreadable_prj, _gpkg_unknown_crs, _geojson_unknown_crs,
    _gpkg_no_features, _out_of_range, _bad_geometry, _gpkg_bad_blob,
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__.strip("_"))
def test_refused_in_one_line_nothing_written(place, tmp_path, case):
    path, reason = case(tmp_path)
    before = dump(place.path)
    result = run_cli(
        "territory", "import-geometry", str(path), "--db", str(place.path), "--apply"
    )
    line = assert_refused(result, reason, before=before, db=place.path)
    assert path.stem in line


def test_a_missing_field_is_named_with_the_fields_there(place, tmp_path):
    path = write_geojson(tmp_path / "f.geojson", RECORDS)
    before = dump(place.path)
    result = run_cli("territory", "import-geometry", str(path), "--db", str(place.path),
                     "--code-field", "CODIGO", "--apply")  # fmt: skip
    assert_refused(result, "f.geojson: it has no field CODIGO (fields: COD, NOMBRE)",
                   before=before, db=place.path)  # fmt: skip


def test_a_shapefile_without_prj_in_degrees_is_taken_as_wgs84(place, tmp_path):
    path = write_shapefile(tmp_path / "deg.shp", RECORDS, epsg=None)
    result = run_cli("territory", "import-geometry", str(path), "--db", str(place.path))
    assert result.code == 0, result.err
    assert "not stated; taken as WGS 84" in result.out
    assert "matched: 1" in result.out
