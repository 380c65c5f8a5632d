"""A community's place typed as latitude and longitude (decimal degrees, WGS 84), and
read back from its stored geometry; no geometry library needed."""

from __future__ import annotations

import json

from planner_desktop.capture.rule_checks import FieldRefused
from planner_desktop.i18n import _

LATITUDE, LONGITUDE = "latitude", "longitude"


def _degrees(text: str, field: str, title: str, limit: int) -> float | None:
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise FieldRefused(field, _("{field}: write decimal degrees, such as -17.3935.").format(
            field=title)) from None
    if not -limit <= value <= limit:
        raise FieldRefused(field, _("{field}: must be from {low} to {high}.").format(
            field=title, low=-limit, high=limit))
    return value


def point_text(latitude: str, longitude: str) -> str | None:
    """The stored geometry of the point typed (None when both are empty), or
    :class:`FieldRefused` naming the field to correct."""
    lat = _degrees(latitude, LATITUDE, _("Latitude"), 90)
    lon = _degrees(longitude, LONGITUDE, _("Longitude"), 180)
    if lat is None and lon is None:
        return None
    if lat is None:
        raise FieldRefused(LATITUDE, _("Latitude: write it with the longitude."))
    if lon is None:
        raise FieldRefused(LONGITUDE, _("Longitude: write it with the latitude."))
    return stored_point(lon, lat)


def stored_point(longitude: float, latitude: float) -> str:
    """A point as stored: a compact GeoJSON Point, coordinates rounded to 6 decimals."""
    coordinates = [round(longitude, 6) + 0.0, round(latitude, 6) + 0.0]  # no negative zero
    return json.dumps({"type": "Point", "coordinates": coordinates}, separators=(",", ":"))


def point_of(geometry: str | None) -> tuple[float, float] | None:
    """(latitude, longitude) of a stored Point; None for no geometry or an area."""
    if not geometry:
        return None
    try:
        value = json.loads(geometry)
        if value.get("type") != "Point":
            return None
        lon, lat = value["coordinates"]
        return float(lat), float(lon)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
