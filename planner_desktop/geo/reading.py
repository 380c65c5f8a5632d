"""A geometry file read into shapes ready to store: in longitude and latitude (WGS 84),
repaired, rounded to 6 decimals (about 11 cm) and as compact GeoJSON text.

The reference system: WGS 84 longitude/latitude passes as it is; any other system pyproj
knows (UTM 19S/20S, PSAD56, MAGNA-SIRGAS, POSGAR…) is reprojected with pyproj, x being
the easting or longitude (``always_xy``); a file that names none is taken as WGS 84 only
when every coordinate lies within longitude -180..180 and latitude -90..90, otherwise it
is refused. A position outside that range after reprojection refuses the file.

Each feature's shape: 3D coordinates lose their height; a single point of a MultiPoint is
a Point; an invalid polygon is repaired with shapely's ``make_valid`` (only its polygons
kept); a shape with more than :data:`~planner_desktop.geo.geojson_check.MAX_POINTS`
positions is simplified (tolerances from about 1 m to 100 m) until it fits. A feature
left with no usable shape (none, empty, a line, several points, too detailed) keeps its
reason, which the preview shows; it is never written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner_desktop.geo.features import Layer, refused
from planner_desktop.geo.geojson_check import MAX_POINTS, geometry_problem
from planner_desktop.i18n import _

EXTENSIONS = {".gpkg": "gpkg", ".shp": "shp", ".geojson": "geojson", ".json": "geojson"}
SIMPLIFY_STEPS = (0.00001, 0.00003, 0.0001, 0.0003, 0.001)
"""Tolerances in degrees tried in turn on a too detailed shape (about 1 m to 100 m)."""
ALL_SHAPES = ("Point", "Polygon", "MultiPolygon")


@dataclass(frozen=True)
class Shape:
    number: int
    attributes: dict[str, str]
    text: str | None
    """The stored form (compact GeoJSON); None when unusable."""
    kind: str
    """``Point``, ``Polygon`` or ``MultiPolygon``; empty when unusable."""
    problem: str = ""
    """Why the feature has no usable shape."""
    simplified: bool = False


@dataclass(frozen=True)
class ShapeFile:
    path: Path
    layer: str
    fields: tuple[str, ...]
    reference: str
    """The reference system as read, and whether it was reprojected (one line)."""
    shapes: list[Shape]


def layer_names(path: Path) -> list[str]:
    """The layers a person may choose among (one for a Shapefile or a GeoJSON file)."""
    if _format(path) == "gpkg":
        from planner_desktop.geo import gpkg

        return gpkg.layer_names(path)
    return [path.stem]


def read_shapes(path: Path | str, layer: str | None = None) -> ShapeFile:
    """Every feature of ``path`` (the ``layer`` of a GeoPackage), ready to store; raises
    :class:`~planner_desktop.geo.features.GeoRefused` with one line naming the file."""
    path = Path(path)
    read = _read(path, layer)
    transform, reference = _transform(read)
    shapes = [_shape(path, feature, transform) for feature in read.features]
    return ShapeFile(path, read.name, read.fields, reference, shapes)


def _format(path: Path) -> str:
    found = EXTENSIONS.get(path.suffix.casefold())
    if found is None:
        raise refused(path, _(
            "not a geometry file this program reads (GeoPackage .gpkg, Shapefile .shp, "
            "GeoJSON .geojson)"))
    return found


def _read(path: Path, layer: str | None) -> Layer:
    kind = _format(path)
    if kind == "gpkg":
        from planner_desktop.geo import gpkg

        return gpkg.read_layer(path, layer)
    if kind == "shp":
        from planner_desktop.geo import shp

        return shp.read_layer(path)
    from planner_desktop.geo import geojson

    return geojson.read_layer(path)


def _transform(layer: Layer) -> tuple[Any, str]:
    """The function that puts the layer's coordinates in WGS 84 (None: they are), and
    the line the preview shows about it."""
    from pyproj import CRS, Transformer

    wgs84 = CRS.from_epsg(4326)
    if layer.crs is None:
        if not _within_degrees(layer):
            raise refused(layer.path, _(
                "the file does not say its reference system and its coordinates are not "
                "longitude and latitude: add its .prj or save it in WGS 84 (EPSG:4326)"))
        return None, _("not stated; taken as WGS 84 longitude and latitude")
    name = layer.crs.name
    if (layer.crs.is_geographic and layer.crs.equals(wgs84, ignore_axis_order=True)) or (
        name in ("WGS 84", "WGS 84 (CRS84)")
    ):
        return None, _("WGS 84 longitude and latitude")
    try:
        transformer = Transformer.from_crs(layer.crs, wgs84, always_xy=True)
    except Exception:
        raise refused(layer.path, _(
            "its reference system {name} cannot be converted to WGS 84: save it in WGS 84 "
            "(EPSG:4326) first").format(name=name)) from None
    code = layer.crs.to_epsg()
    shown = f"{name} (EPSG:{code})" if code else name
    return transformer, _("{name}, converted to WGS 84").format(name=shown)


def _within_degrees(layer: Layer) -> bool:
    import shapely

    for feature in layer.features:
        if feature.geometry is None:
            continue
        west, south, east, north = shapely.bounds(feature.geometry)
        if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
            return False
    return True


def _shape(path: Path, feature: Any, transform: Any) -> Shape:
    import numpy
    import shapely

    geometry = feature.geometry
    if geometry is None:
        return _unusable(feature, _("no shape"))
    geometry = shapely.force_2d(geometry)
    if transform is not None:
        geometry = shapely.transform(geometry, lambda xy: _projected(transform, xy))
    coordinates = shapely.get_coordinates(geometry)
    if not numpy.isfinite(coordinates).all() or (
        len(coordinates)
        and (numpy.abs(coordinates[:, 0]).max() > 180 or numpy.abs(coordinates[:, 1]).max() > 90)
    ):
        raise refused(path, _(
            "feature {number} lies outside longitude -180 to 180 and latitude -90 to 90: is "
            "its reference system right?").format(number=feature.number))
    kind = geometry.geom_type
    if kind == "MultiPoint" and len(geometry.geoms) == 1:
        geometry, kind = geometry.geoms[0], "Point"
    if kind == "Point":
        return _stored(feature, geometry)
    if kind not in ("Polygon", "MultiPolygon"):
        return _unusable(feature, _("a {kind}, not a point or an area").format(kind=kind))
    geometry = _areas(shapely.set_precision(_areas(geometry), 0.000001))
    if geometry is None:
        return _unusable(feature, _("its area is empty or cannot be repaired"))
    simplified = False
    for tolerance in SIMPLIFY_STEPS:
        if shapely.get_num_coordinates(geometry) <= MAX_POINTS:
            break
        geometry = _areas(shapely.simplify(geometry, tolerance, preserve_topology=True))
        simplified = True
        if geometry is None:
            return _unusable(feature, _("its area is empty or cannot be repaired"))
    return _stored(feature, geometry, simplified)


def _projected(transform: Any, xy: Any) -> Any:
    """``xy`` (an n×2 array) converted; given as lists, which pyproj takes as arrays
    whatever their length (a one-element array would be read as a number)."""
    import numpy

    x, y = transform.transform(xy[:, 0].tolist(), xy[:, 1].tolist())
    return numpy.column_stack([x, y])


def _areas(geometry: Any) -> Any:
    """The valid polygons of ``geometry`` (repaired when needed), or None."""
    import shapely
    from shapely.geometry import MultiPolygon

    if not geometry.is_valid:
        geometry = shapely.make_valid(geometry)
    if geometry.geom_type in ("GeometryCollection", "MultiPolygon"):
        parts = [
            polygon
            for part in getattr(geometry, "geoms", [geometry])
            for polygon in (part.geoms if part.geom_type == "MultiPolygon" else [part])
            if polygon.geom_type == "Polygon" and not polygon.is_empty
        ]
        if not parts:
            return None
        geometry = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    if geometry.geom_type != "Polygon" and geometry.geom_type != "MultiPolygon":
        return None
    return None if geometry.is_empty or geometry.area == 0 else geometry


def _stored(feature: Any, geometry: Any, simplified: bool = False) -> Shape:
    text = geometry_text(geometry)
    problem = geometry_problem(text, ALL_SHAPES)
    if problem is not None:
        return _unusable(feature, problem)
    return Shape(feature.number, feature.attributes, text, geometry.geom_type, "", simplified)


def _unusable(feature: Any, reason: str) -> Shape:
    return Shape(feature.number, feature.attributes, None, "", reason)


def geometry_text(geometry: Any) -> str:
    """A shapely geometry as stored: compact GeoJSON, coordinates rounded to 6 decimals."""
    from shapely.geometry import mapping

    shaped = mapping(geometry)
    return json.dumps(
        {"type": shaped["type"], "coordinates": _rounded(shaped["coordinates"])},
        separators=(",", ":"),
    )


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6) + 0.0  # no negative zero
    return [_rounded(item) for item in value]
