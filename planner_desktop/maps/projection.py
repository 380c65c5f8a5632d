"""A plane for drawing a municipality: equirectangular around its centre latitude.

``x = (lon - lon0) · cos(lat0) · K`` and ``y = (lat - lat0) · K`` with ``K`` the length of
one degree of latitude on a sphere of the Earth's mean radius (111.195 km), so ``x`` and
``y`` are kilometres east and north of the centre ``(lon0, lat0)`` of the places' bounds,
``y`` growing northwards (up). Over a municipality (tens of kilometres) the scale error is
well under one per cent, so a scale bar drawn in these kilometres is true.

:meth:`Projection.fit` turns the plane into a drawing's own units: a page (points, ``y``
up, as reportlab draws) or a view (pixels, ``y`` down, as Qt draws).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # shapely (and numpy) only when a geometry is projected: print needs neither
    import numpy as np
    from shapely.geometry.base import BaseGeometry

    from planner_desktop.maps.shapes import Place

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180.0
MIN_EXTENT_KM = 1.0
"""The least width and height the plane's bounds take (a lone point still gets a frame)."""


@dataclass(frozen=True)
class Fit:
    """Drawing units from plane kilometres: ``u = x · scale + dx``, ``v = ±y · scale + dy``
    (``v = -y · scale + dy`` when ``y_down``)."""

    scale: float
    """Drawing units per kilometre."""
    dx: float
    dy: float
    y_down: bool = False

    def apply(self, x: float, y: float) -> tuple[float, float]:
        v = -y if self.y_down else y
        return x * self.scale + self.dx, v * self.scale + self.dy


@dataclass(frozen=True)
class Projection:
    lon0: float
    lat0: float
    bounds: tuple[float, float, float, float]
    """``(min_x, min_y, max_x, max_y)`` in plane kilometres of the places it was made for,
    at least :data:`MIN_EXTENT_KM` wide and high."""

    @classmethod
    def for_places(cls, places: Iterable[Place]) -> Projection:
        """The plane centred on the places' bounds (a plane at 0, 0 when there are none)."""
        import shapely

        geometries = [p.geometry for p in places]
        if not geometries:
            return cls.around(0.0, 0.0, (0.0, 0.0, 0.0, 0.0))
        west, south, east, north = shapely.total_bounds(geometries).tolist()
        lon0, lat0 = (west + east) / 2, (south + north) / 2
        return cls.around(lon0, lat0, (west, south, east, north))

    @classmethod
    def around(
        cls, lon0: float, lat0: float, lonlat_bounds: tuple[float, float, float, float]
    ) -> Projection:
        """The plane centred on ``(lon0, lat0)`` framing ``lonlat_bounds`` (west, south,
        east, north)."""
        west, south, east, north = lonlat_bounds
        k = math.cos(math.radians(lat0)) * KM_PER_DEGREE
        min_x, max_x = (west - lon0) * k, (east - lon0) * k
        min_y, max_y = (south - lat0) * KM_PER_DEGREE, (north - lat0) * KM_PER_DEGREE
        grow_x = max(0.0, MIN_EXTENT_KM - (max_x - min_x)) / 2
        grow_y = max(0.0, MIN_EXTENT_KM - (max_y - min_y)) / 2
        return cls(lon0, lat0, (min_x - grow_x, min_y - grow_y, max_x + grow_x, max_y + grow_y))

    @property
    def _kx(self) -> float:
        return math.cos(math.radians(self.lat0)) * KM_PER_DEGREE

    def forward(self, lon: float, lat: float) -> tuple[float, float]:
        """Kilometres east and north of the centre."""
        return (lon - self.lon0) * self._kx, (lat - self.lat0) * KM_PER_DEGREE

    def inverse(self, x: float, y: float) -> tuple[float, float]:
        """Longitude and latitude of a point of the plane."""
        return x / self._kx + self.lon0, y / KM_PER_DEGREE + self.lat0

    def project(self, geometry: BaseGeometry) -> BaseGeometry:
        """The geometry in plane kilometres (every coordinate at once)."""
        import shapely

        kx = self._kx
        lon0, lat0 = self.lon0, self.lat0

        def move(coords: np.ndarray) -> np.ndarray:
            out = coords.copy()
            out[:, 0] = (coords[:, 0] - lon0) * kx
            out[:, 1] = (coords[:, 1] - lat0) * KM_PER_DEGREE
            return out

        return shapely.transform(geometry, move)

    def fit(self, width: float, height: float, margin: float = 0.0, y_down: bool = False) -> Fit:
        """The scale and offset that put the bounds, centred and whole, inside a
        ``width`` × ``height`` drawing less ``margin`` on every side. ``y_down``: the
        drawing's ``v`` grows downwards (a view), else upwards (a page)."""
        min_x, min_y, max_x, max_y = self.bounds
        inner_w = max(width - 2 * margin, 1e-9)
        inner_h = max(height - 2 * margin, 1e-9)
        scale = min(inner_w / (max_x - min_x), inner_h / (max_y - min_y))
        centre_x, centre_y = (min_x + max_x) / 2, (min_y + max_y) / 2
        dx = width / 2 - centre_x * scale
        dy = height / 2 + centre_y * scale if y_down else height / 2 - centre_y * scale
        return Fit(scale, dx, dy, y_down)
