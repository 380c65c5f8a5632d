"""GeoJSON layers, read with the standard ``json`` module and shapely.

RFC 7946 says a GeoJSON file is in longitude and latitude (WGS 84); an older file may say
otherwise in a ``crs`` member (``{"type": "name", "properties": {"name":
"urn:ogc:def:crs:EPSG::32719"}}``), which is honoured. A FeatureCollection or a single
Feature is read; a feature's missing or empty geometry is kept as None (the preview lists
it), a malformed one refuses the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner_desktop.geo.features import (
    MAX_FEATURES,
    MAX_JSON_BYTES,
    Feature,
    Layer,
    PointBudget,
    check_size,
    refused,
    text_value,
)
from planner_desktop.i18n import _

WGS84_NAMES = ("urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "CRS84")


def read_layer(path: Path) -> Layer:
    check_size(path, MAX_JSON_BYTES)
    try:
        data = json.loads(path.read_bytes(), parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise refused(path, _("not a GeoJSON file (its JSON cannot be read)")) from None
    if not isinstance(data, dict):
        raise refused(path, _("not a GeoJSON file (no FeatureCollection or Feature)"))
    kind = data.get("type")
    if kind == "FeatureCollection":
        items = data.get("features")
        if not isinstance(items, list):
            raise refused(path, _("not a GeoJSON file (its features are not a list)"))
    elif kind == "Feature":
        items = [data]
    else:
        raise refused(path, _("not a GeoJSON file (no FeatureCollection or Feature)"))
    if len(items) > MAX_FEATURES:
        raise refused(path, _("more than {n} features").format(n=MAX_FEATURES))
    layer = Layer(path, path.stem, (), _reference(path, data.get("crs")))
    budget = PointBudget(path)
    fields: dict[str, None] = {}
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or item.get("type") != "Feature":
            raise refused(path, _("feature {number} is not a GeoJSON Feature").format(
                number=number))
        properties = item.get("properties") or {}
        if not isinstance(properties, dict):
            properties = {}
        attributes = {
            str(name): text_value(json.dumps(value) if isinstance(value, dict | list) else value)
            for name, value in properties.items()
        }
        fields.update(dict.fromkeys(attributes))
        geometry = _geometry(path, item.get("geometry"), number)
        budget.spend(geometry, number)
        layer.features.append(Feature(number, attributes, geometry))
    layer.fields = tuple(fields)
    if not layer.features:
        raise refused(path, _("the GeoJSON file has no features"))
    return layer


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _geometry(path: Path, value: Any, number: int) -> Any:
    if value is None:
        return None
    from shapely.errors import GEOSException
    from shapely.geometry import shape

    try:
        geometry = shape(value)
    except (GEOSException, ValueError, TypeError, KeyError, IndexError, AttributeError):
        raise refused(path, _("feature {number}: its geometry cannot be read").format(
            number=number)) from None
    return None if geometry.is_empty else geometry


def _reference(path: Path, member: Any) -> Any:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    if member is None:
        return CRS.from_epsg(4326)
    name = member.get("properties", {}).get("name") if isinstance(member, dict) else None
    if not isinstance(name, str):
        raise refused(path, _("its crs member names no reference system"))
    if name in WGS84_NAMES:
        return CRS.from_epsg(4326)
    try:
        return CRS.from_user_input(name)
    except CRSError:
        raise refused(path, _(
            "its reference system {name} is unknown: save it in WGS 84 (EPSG:4326) "
            "first").format(name=name[:60])) from None
