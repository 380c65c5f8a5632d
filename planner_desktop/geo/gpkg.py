"""GeoPackage layers, read with the standard ``sqlite3`` module (OGC 12-128r18).

A GeoPackage is an SQLite database: ``gpkg_contents`` lists its layers (``features``
ones are read), ``gpkg_geometry_columns`` names each layer's geometry column and
reference system, ``gpkg_spatial_ref_sys`` defines that system. Each geometry is the
GeoPackage binary header (``GP``, version, flags, SRS id, an optional envelope) followed
by standard WKB, read with shapely. No GDAL: the file's own SQLite is enough.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from planner_desktop.geo.features import (
    MAX_FEATURE_BYTES,
    MAX_FEATURES,
    Feature,
    Layer,
    PointBudget,
    check_size,
    refused,
    text_value,
)
from planner_desktop.i18n import _

ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _open(path: Path) -> sqlite3.Connection:
    check_size(path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        raise refused(path, _("not a GeoPackage (not an SQLite database)")) from None
    return conn


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def layer_names(path: Path) -> list[str]:
    """The feature layers of the GeoPackage at ``path``."""
    conn = _open(path)
    try:
        return _layer_names(conn, path)
    finally:
        conn.close()


def _layer_names(conn: sqlite3.Connection, path: Path) -> list[str]:
    try:
        rows = conn.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' "
            "ORDER BY table_name"
        ).fetchall()
    except sqlite3.Error:
        raise refused(path, _("not a GeoPackage (it has no gpkg_contents table)")) from None
    if not rows:
        raise refused(path, _("the GeoPackage has no layer of features"))
    return [str(row[0]) for row in rows]


def read_layer(path: Path, name: str | None = None) -> Layer:
    conn = _open(path)
    try:
        names = _layer_names(conn, path)
        chosen = _chosen(path, names, name)
        try:
            column, srs_id = conn.execute(
                "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                (chosen,),
            ).fetchone() or (None, None)
        except sqlite3.Error:
            column, srs_id = None, None
        if column is None or srs_id is None:
            raise refused(path, _("layer {layer} has no geometry column").format(layer=chosen))
        layer = Layer(path, chosen, (), _reference(conn, path, int(srs_id)))
        _read_features(conn, path, layer, str(column))
        return layer
    except sqlite3.Error as exc:
        raise refused(path, _("the GeoPackage cannot be read ({reason})").format(
            reason=str(exc).splitlines()[0][:80])) from None
    finally:
        conn.close()


def _chosen(path: Path, names: list[str], name: str | None) -> str:
    if name is not None:
        if name not in names:
            raise refused(path, _("there is no layer {layer} (layers: {names})").format(
                layer=name, names=", ".join(names)))
        return name
    if len(names) > 1:
        raise refused(path, _("it has {n} layers ({names}): choose one").format(
            n=len(names), names=", ".join(names)))
    return names[0]


def _reference(conn: sqlite3.Connection, path: Path, srs_id: int) -> Any:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    if srs_id == 4326:
        return CRS.from_epsg(4326)
    if srs_id in (0, -1):
        return None  # undefined geographic / cartesian: judged by the coordinates
    row = conn.execute(
        "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys "
        "WHERE srs_id = ?",
        (srs_id,),
    ).fetchone()
    if row is None:
        raise refused(path, _("its reference system {srs} is not defined in the file").format(
            srs=srs_id))
    organization, code, definition = row
    for given in (definition, f"{organization}:{code}"):
        try:
            return CRS.from_user_input(str(given))
        except CRSError:
            continue
    raise refused(path, _(
        "its reference system ({srs}) is unknown: save the layer in WGS 84 (EPSG:4326) or "
        "a UTM zone first").format(srs=f"{organization}:{code}"))


def _read_features(conn: sqlite3.Connection, path: Path, layer: Layer, column: str) -> None:
    cursor = conn.execute(f"SELECT * FROM {_quoted(layer.name)}")
    fields = [d[0] for d in cursor.description]
    layer.fields = tuple(f for f in fields if f != column)
    where = fields.index(column)
    budget = PointBudget(path)
    for number, row in enumerate(cursor, start=1):
        if number > MAX_FEATURES:
            raise refused(path, _("more than {n} features").format(n=MAX_FEATURES))
        geometry = _geometry(path, row[where], number)
        budget.spend(geometry, number)
        attributes = {f: text_value(v) for f, v in zip(fields, row, strict=True) if f != column}
        layer.features.append(Feature(number, attributes, geometry))


def _geometry(path: Path, blob: Any, number: int) -> Any:
    """The shape of a GeoPackage geometry blob; None when it is null or empty."""
    if blob is None:
        return None
    data = bytes(blob)
    if len(data) > MAX_FEATURE_BYTES:
        raise refused(path, _("feature {number} is larger than {n} MB").format(
            number=number, n=MAX_FEATURE_BYTES // 1_000_000))
    if len(data) < 8 or data[:2] != b"GP":
        raise refused(path, _("feature {number}: not a GeoPackage geometry").format(
            number=number))
    flags = data[3]
    if flags & 0b100000:
        raise refused(path, _("feature {number}: extended GeoPackage geometries are not "
                              "read").format(number=number))
    envelope = (flags >> 1) & 0b111
    if envelope not in ENVELOPE_BYTES:
        raise refused(path, _("feature {number}: not a GeoPackage geometry").format(
            number=number))
    if flags & 0b10000:
        return None  # the header's empty flag
    start = 8 + ENVELOPE_BYTES[envelope]
    import shapely
    from shapely.errors import GEOSException

    try:
        geometry = shapely.from_wkb(data[start:])
    except (GEOSException, ValueError, TypeError):
        raise refused(path, _("feature {number}: its geometry cannot be read").format(
            number=number)) from None
    return None if geometry is None or geometry.is_empty else geometry
