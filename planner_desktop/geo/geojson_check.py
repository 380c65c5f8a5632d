"""The check of a stored geometry (GeoJSON text), with the standard library alone.

The value rule of ``district.geometry`` and ``community.geometry``
(:mod:`planner_desktop.domain.rules`) asks this module, so the window, the imports and
``session verify``/``merge`` apply the same check, and a command that verifies a session
file loads no geometry library. A stored geometry is a JSON object with exactly the
members ``type`` and ``coordinates``; its type one of those the field allows; every
position two finite numbers, longitude from -180 to 180 and latitude from -90 to 90; every
ring of a polygon at least four positions, first and last the same; at most
:data:`MAX_POINTS` positions and :data:`MAX_CHARACTERS` characters. Whether a polygon's
rings cross is not asked here (that needs a geometry library): the import repairs or
refuses such shapes before writing them.
"""

from __future__ import annotations

import json
import math
from typing import Any

from planner_desktop.i18n import _

MAX_CHARACTERS = 1_000_000  # rules.MAX_GEOMETRY
"""Longest stored geometry (characters): a detailed district's outline takes a few
hundred thousand."""
MAX_POINTS = 40_000
"""Most positions in one stored geometry."""

POINT, POLYGON, MULTIPOLYGON = "Point", "Polygon", "MultiPolygon"
DEPTH = {POINT: 0, POLYGON: 2, MULTIPOLYGON: 3}
"""How deep a type's positions sit in its coordinates (0: the coordinates are a position)."""


class _Bad(ValueError):
    pass


def geometry_problem(text: Any, shapes: tuple[str, ...]) -> str | None:
    """Why ``text`` is not a stored geometry of one of ``shapes`` (one translated line),
    or None when it is one."""
    if not isinstance(text, str):
        return _("must be text")
    if len(text) > MAX_CHARACTERS:
        return _("is too long: at most {n} characters").format(n=MAX_CHARACTERS)
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return _("is not a GeoJSON geometry")
    if not isinstance(value, dict) or set(value) != {"type", "coordinates"}:
        return _("is not a GeoJSON geometry (an object of type and coordinates)")
    kind = value["type"]
    if kind not in shapes:
        return _("must be a geometry of type {types}, not {kind}").format(
            types=", ".join(shapes), kind=str(kind)[:40]
        )
    counter = [0]
    try:
        _positions(value["coordinates"], DEPTH[kind], counter, kind)
    except _Bad as bad:
        return str(bad)
    return None


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _positions(value: Any, depth: int, counter: list[int], kind: str) -> None:
    if depth == 0:
        _position(value, counter)
        return
    if not isinstance(value, list) or not value:
        raise _Bad(_("is not a GeoJSON geometry: empty or misshapen coordinates"))
    for item in value:
        _positions(item, depth - 1, counter, kind)
    ring = depth == 1 and kind != POINT
    if ring and (len(value) < 4 or value[0] != value[-1]):
        raise _Bad(_("has a ring that is not closed (at least 4 positions, last = first)"))


def _position(value: Any, counter: list[int]) -> None:
    if not isinstance(value, list) or len(value) != 2:
        raise _Bad(_("is not a GeoJSON geometry: a position is not two numbers"))
    longitude, latitude = value
    for number in value:
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise _Bad(_("is not a GeoJSON geometry: a position is not two numbers"))
        if not math.isfinite(number):
            raise _Bad(_("is not a GeoJSON geometry: a position is not two numbers"))
    if not -180 <= longitude <= 180 or not -90 <= latitude <= 90:
        raise _Bad(
            _("has a position outside longitude -180 to 180, latitude -90 to 90 (WGS 84)")
        )
    counter[0] += 1
    if counter[0] > MAX_POINTS:
        raise _Bad(_("has more than {n} positions").format(n=MAX_POINTS))
