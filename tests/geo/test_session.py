"""Geometry travels in session files: exported, verified and merged into another database;
a session record with a bad geometry is refused (issue 18, point 1)."""

from __future__ import annotations

import json
import uuid

import pytest
import shapely

from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.export import export_session
from planner_desktop.exchange.manifest import Scope
from planner_desktop.exchange.records import RecordError, encode, table_specs
from planner_desktop.exchange.verify import verify_file
from planner_desktop.geo.matching import match
from planner_desktop.geo.reading import geometry_text, read_shapes
from planner_desktop.geo.writing import planned, write_geometries
from planner_desktop.store.database import open_store
from tests.exchange.builders import dump_tables, merge, new_key
from tests.geo.files import square, write_gpkg


def _export(store, out):
    export_session(store, out, scope=Scope(kind="everything"), key=new_key(),
                   facilitator="Facilitadora")  # fmt: skip
    return out


def test_imported_geometry_round_trips_through_a_session_file(place, tmp_path):
    office = open_store(tmp_path / "office.sqlite", Provenance(uuid.uuid4(), "Oficina"))
    try:
        assert merge(office, _export(place.store, tmp_path / "first.cumbre"))[0].ok
        # a detailed outline: a few hundred kilobytes of text, more than other long text takes
        outline = shapely.Point(-66.2, -17.2).buffer(0.1, quad_segs=3_000)
        source = write_gpkg(tmp_path / "d.gpkg", [({"COD": "D2"}, outline)], srs_id=32719)
        with place.store.session() as session:
            preview = match(session, read_shapes(source), "district")
        write_geometries(place.store, "district", planned(preview))
        second = _export(place.store, tmp_path / "second.cumbre")
        assert verify_file(second).record_count > 0
        [report] = merge(office, second)
        assert report.ok and report.counts.updated == 1
        [district] = [d for d in dump_tables(office)["district"] if d["code"] == "D2"]
        assert 100_000 < len(district["geometry"]) < 1_000_000
        assert dump_tables(office)["district"] == dump_tables(place.store)["district"]
    finally:
        office.close()


def _community_row(place, geometry):
    spec = table_specs()["community"]
    from sqlalchemy import select

    from planner_desktop.domain.territory import Community

    with place.store.session() as session:
        record = session.scalars(select(Community).limit(1)).one()
        row = {column: getattr(record, column) for column in spec.columns}
    row["geometry"] = geometry
    return spec, encode(row)


@pytest.mark.parametrize(
    ("geometry", "reason"),
    [
        ('{"type":"Point","coordinates":[-266.1,-17.2]}', "outside longitude -180 to 180"),
        ('{"type":"Point","coordinates":[-66.1,-97.2]}', "latitude -90 to 90"),
        ('{"type":"LineString","coordinates":[[0,0],[1,1]]}', "must be a geometry of type"),
        ('{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}', "ring that is not closed"),
        ('{"type":"Point","coordinates":[1,2],"crs":"x"}', "not a GeoJSON geometry"),
        ("not json", "not a GeoJSON geometry"),
        (json.dumps({"type": "Point", "coordinates": [1, 2]}) + " " * 1_000_000, "too long"),
    ],
)
def test_a_session_record_with_a_bad_geometry_is_refused(place, geometry, reason):
    spec, line = _community_row(place, geometry)
    with pytest.raises(RecordError) as refused:
        spec.validate_line(line)
    assert "geometry" in str(refused.value) and reason in str(refused.value)


def test_a_session_record_with_a_real_outline_passes(place):
    outline = square(-66.3, -17.3).union(square(-66.2, -17.2))
    spec, line = _community_row(place, geometry_text(outline))
    assert spec.validate_line(line)["geometry"] == geometry_text(outline)
