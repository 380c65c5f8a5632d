"""Geometry files made in the tests: a GeoPackage written with sqlite3 and the
specification's binary header, a Shapefile written with pyshp in UTM 19S, GeoJSON."""

from __future__ import annotations

import json
import sqlite3
import struct
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shapefile
import shapely
from pyproj import CRS, Transformer

Record = tuple[dict[str, Any], Any]
"""Attributes and a shapely geometry (longitude/latitude) of one feature."""

UTM19S = 32719


def square(lon: float, lat: float, size: float = 0.05) -> Any:
    return shapely.box(lon, lat, lon + size, lat + size)


def write_geojson(path: Path, records: Sequence[Record], crs: str | None = None) -> Path:
    data: dict[str, Any] = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": props,
             "geometry": None if geom is None else shapely.geometry.mapping(geom)}
            for props, geom in records
        ],
    }  # fmt: skip
    if crs is not None:
        data["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def gpkg_blob(geometry: Any, srs_id: int, *, envelope: bool = True) -> bytes:
    """A GeoPackage geometry: magic, version 0, flags (little endian, an xy envelope when
    asked), the SRS id, the envelope, then WKB."""
    flags = 0b1 | (0b10 if envelope else 0)
    header = b"GP" + bytes([0, flags]) + struct.pack("<i", srs_id)
    if envelope:
        west, south, east, north = shapely.bounds(geometry)
        header += struct.pack("<4d", west, east, south, north)
    return header + shapely.to_wkb(geometry, byte_order=1)


def write_gpkg(
    path: Path,
    records: Sequence[Record],
    *,
    srs_id: int = 4326,
    definition: str | None = None,
    table: str = "distritos",
    data_type: str = "features",
) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        PRAGMA application_id = 1196444487;
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY,
            organization TEXT, organization_coordsys_id INTEGER, definition TEXT,
            description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT,
            identifier TEXT, description TEXT, last_change TEXT, min_x REAL, min_y REAL,
            max_x REAL, max_y REAL, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT,
            geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
        """
    )
    conn.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, ?, '')",
        (CRS.from_epsg(4326).to_wkt(),),
    )
    if srs_id not in (4326, 0, -1):
        conn.execute(
            "INSERT INTO gpkg_spatial_ref_sys VALUES ('other', ?, 'EPSG', ?, ?, '')",
            (srs_id, srs_id, definition or CRS.from_epsg(srs_id).to_wkt()),
        )
    conn.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, srs_id) VALUES (?,?,?,?)",
        (table, data_type, table, srs_id),
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', ?, 0, 0)",
        (table, srs_id),
    )
    names = sorted({key for props, _geom in records for key in props})
    columns = ", ".join(f'"{name}" TEXT' for name in names)
    conn.execute(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY, geom BLOB, {columns})')
    to_srs = _projector(srs_id)
    for props, geom in records:
        blob = None if geom is None else gpkg_blob(to_srs(geom), srs_id)
        conn.execute(
            f'INSERT INTO "{table}" (geom, {", ".join(names)}) VALUES (?{", ?" * len(names)})',
            (blob, *(props.get(name) for name in names)),
        )
    conn.commit()
    conn.close()
    return path


def _projector(epsg: int) -> Any:
    if epsg in (4326, 0, -1):
        return lambda geom: geom
    transformer = Transformer.from_crs(4326, epsg, always_xy=True)
    return lambda geom: shapely.transform(
        geom, lambda xy: __import__("numpy").column_stack(transformer.transform(xy[:, 0], xy[:, 1]))
    )


def write_shapefile(
    path: Path, records: Sequence[Record], *, epsg: int | None = UTM19S, kind: str = "polygon"
) -> Path:
    """A Shapefile (.shp, .shx, .dbf, and a .prj when ``epsg``); shapes projected to
    ``epsg`` first. Attributes are text fields."""
    names = sorted({key for props, _geom in records for key in props})
    to_srs = _projector(epsg or 4326)
    with shapefile.Writer(str(path.with_suffix("")), encoding="utf-8") as writer:
        for name in names:
            writer.field(name, "C", size=60)
        for props, geom in records:
            projected = to_srs(geom)
            if kind == "polygon":
                rings = [list(projected.exterior.coords)[::-1]]  # clockwise outer ring
                writer.poly(rings)
            else:
                writer.point(*projected.coords[0])
            writer.record(*(props.get(name, "") for name in names))
    if epsg is not None:
        path.with_suffix(".prj").write_text(CRS.from_epsg(epsg).to_wkt("WKT1_ESRI"))
    path.with_suffix(".cpg").write_text("UTF-8")
    return path
