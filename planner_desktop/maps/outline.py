"""Stored places read without shapely (no numpy): what a printed map needs.

The printed documents are made by commands that must stay light (DESIGN §3: ``report
pdm`` loads no numpy), so they read the stored GeoJSON here in plain Python: polygons as
rings of (longitude, latitude), points, bounds and a label anchor. :mod:`.shapes` reads
the same rows into shapely geometry for the window.
"""

from __future__ import annotations

import json
import math
import uuid
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District

DISTRICT = "district"
COMMUNITY = "community"

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class StoredPlace:
    id: uuid.UUID
    kind: str
    code: str
    name: str
    district_id: uuid.UUID | None
    text: str


def stored_places(session: Session, municipality_id: uuid.UUID) -> list[StoredPlace]:
    """Live districts of the municipality and their live communities that have geometry
    text: districts first, each list by code then name."""
    districts = session.execute(
        select(District.id, District.code, District.name, District.geometry)
        .where(
            District.municipality_id == municipality_id,
            live(District),
            District.geometry.is_not(None),
        )
        .order_by(District.code, District.name, District.id)
    ).all()
    communities = session.execute(
        select(
            Community.id, Community.code, Community.name, Community.district_id, Community.geometry
        )
        .join(District, Community.district_id == District.id)
        .where(
            District.municipality_id == municipality_id,
            live(District),
            live(Community),
            Community.geometry.is_not(None),
        )
        .order_by(Community.code, Community.name, Community.id)
    ).all()
    return [StoredPlace(k, DISTRICT, c, n, None, t or "") for k, c, n, t in districts] + [
        StoredPlace(k, COMMUNITY, c, n, d, t or "") for k, c, n, d, t in communities
    ]


@dataclass(frozen=True)
class Outline:
    """A place's geometry in plain Python: polygons (each a list of rings, the first the
    outer one) and points, in longitude and latitude."""

    place: StoredPlace
    polygons: list[list[Ring]]
    points: list[tuple[float, float]]

    @property
    def bounds(self) -> tuple[float, float, float, float]:
        xs = [x for p in self.polygons for r in p for x, _y in r] + [x for x, _y in self.points]
        ys = [y for p in self.polygons for r in p for _x, y in r] + [y for _x, y in self.points]
        return min(xs), min(ys), max(xs), max(ys)

    @property
    def anchor(self) -> tuple[float, float]:
        """Where its label belongs: a point, or the centroid of its largest outer ring."""
        if not self.polygons:
            return self.points[0]
        ring = max((p[0] for p in self.polygons), key=lambda r: abs(_area(r)))
        return _centroid(ring)


def read_outline(place: StoredPlace) -> Outline | None:
    """The outline of a stored place; None when its text is not a readable (Multi)Point or
    (Multi)Polygon in longitude and latitude."""
    try:
        found = json.loads(place.text)
        kind, coords = found["type"], found["coordinates"]
        polygons: list[list[Ring]] = []
        points: list[tuple[float, float]] = []
        if kind == "Point":
            points = [_pair(coords)]
        elif kind == "MultiPoint":
            points = [_pair(c) for c in coords]
        elif kind == "Polygon":
            polygons = [[[_pair(c) for c in ring] for ring in coords]]
        elif kind == "MultiPolygon":
            polygons = [[[_pair(c) for c in ring] for ring in poly] for poly in coords]
        else:
            return None
    except (ValueError, TypeError, KeyError, IndexError):
        return None
    polygons = [p for p in polygons if p and len(p[0]) >= 4]
    if not polygons and not points:
        return None
    return Outline(place, polygons, points)


def load_outlines(session: Session, municipality_id: uuid.UUID) -> list[Outline]:
    """The readable outlines of :func:`stored_places` (unreadable text skipped)."""
    found = (read_outline(p) for p in stored_places(session, municipality_id))
    return [o for o in found if o is not None]


def _pair(value: Any) -> tuple[float, float]:
    lon, lat = float(value[0]), float(value[1])
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError("not a longitude and latitude")
    return lon, lat


def _area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(ring)) / 2


def _centroid(ring: Ring) -> tuple[float, float]:
    area = _area(ring)
    if abs(area) < 1e-15:
        xs, ys = [x for x, _y in ring], [y for _x, y in ring]
        return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)
