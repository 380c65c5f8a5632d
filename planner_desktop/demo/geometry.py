"""Shapes for the demo territory: a municipality outline in a plausible Bolivian place,
districts as Voronoi cells of seeded centres clipped to it, and communities as points
inside their district (an urban district's barrios gathered around its centre).

A random source of its own, seeded from the municipality's id, so the rest of the demo
draws exactly the numbers it drew before geometry existed; same seed, same shapes.
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass

import shapely
from shapely.geometry import MultiPoint, Point, Polygon
from shapely.geometry.base import BaseGeometry

from planner_desktop.maps.shapes import geometry_text

WEST, EAST = -66.6, -64.6
SOUTH, NORTH = -18.6, -17.0
"""Where the municipality's centre is drawn: the Cochabamba valleys and their heights."""
RADIUS = (0.16, 0.26)
"""The outline's radius in degrees (about 17 to 28 km)."""
URBAN_SPREAD = 0.012
"""Spread (standard deviation, degrees) of an urban district's barrios around its centre."""


@dataclass(frozen=True)
class DemoShapes:
    districts: list[BaseGeometry]
    rng: random.Random

    def district_text(self, index: int) -> str:
        return geometry_text(self.districts[index])

    def community_points(self, index: int, count: int, urban: bool) -> list[str]:
        """``count`` points inside district ``index``, as stored text."""
        shape = self.districts[index]
        shapely.prepare(shape)
        west, south, east, north = shape.bounds
        centre = shape.representative_point() if urban else None
        found: list[str] = []
        tries = 0
        while len(found) < count:
            tries += 1
            if centre is not None and tries < 50 * count:
                x = self.rng.gauss(centre.x, URBAN_SPREAD)
                y = self.rng.gauss(centre.y, URBAN_SPREAD)
            else:
                x, y = self.rng.uniform(west, east), self.rng.uniform(south, north)
            if shape.contains_properly(Point(x, y)):
                found.append(geometry_text(Point(x, y)))
        return found


def demo_shapes(municipality_id: uuid.UUID, district_count: int, urban: list[bool]) -> DemoShapes:
    """The outline split into ``district_count`` districts; an urban one sits in the middle."""
    rng = random.Random(municipality_id.int)
    lon, lat = rng.uniform(WEST, EAST), rng.uniform(SOUTH, NORTH)
    corners = 28
    outline = Polygon(
        [
            (
                lon + r * math.cos(a) / math.cos(math.radians(lat)),
                lat + r * math.sin(a),
            )
            for i in range(corners)
            for a in [2 * math.pi * i / corners]
            for r in [rng.uniform(*RADIUS)]
        ]
    ).buffer(0)
    seeds: list[Point] = []
    apart = 0.03
    while len(seeds) < district_count:
        apart *= 0.999  # never stuck: the spacing asked for shrinks slowly
        index = len(seeds)
        if urban[index]:
            spot = Point(lon + rng.uniform(-0.01, 0.01), lat + rng.uniform(-0.01, 0.01))
        else:
            angle = 2 * math.pi * (index + rng.uniform(-0.3, 0.3)) / district_count
            reach = rng.uniform(0.45, 0.75) * RADIUS[0]
            spot = Point(
                lon + reach * math.cos(angle) / math.cos(math.radians(lat)),
                lat + reach * math.sin(angle),
            )
        if outline.contains(spot) and all(spot.distance(s) > apart for s in seeds):
            seeds.append(spot)
    cells = list(shapely.voronoi_polygons(MultiPoint(seeds), extend_to=outline).geoms)
    districts: list[BaseGeometry] = []
    for seed in seeds:
        cell = next(c for c in cells if c.contains(seed))
        districts.append(cell.intersection(outline))
    return DemoShapes(districts, rng)
