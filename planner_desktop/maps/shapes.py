"""The places a map draws: live districts and communities that have a geometry.

A geometry is stored as GeoJSON text in longitude and latitude (WGS 84). Text that does
not read as a non-empty geometry (hand-edited, truncated, another program's) is skipped:
the place is simply not drawn, and :func:`load_places` says how many it skipped.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from sqlalchemy.orm import Session

from planner_desktop.geo.reading import geometry_text
from planner_desktop.maps.outline import COMMUNITY, DISTRICT, stored_places

__all__ = ["COMMUNITY", "DISTRICT", "Place", "geometry_text", "load_places", "read_geometry"]


@dataclass(frozen=True)
class Place:
    """A district or community as a map draws it; ``geometry`` in longitude/latitude."""

    id: uuid.UUID
    kind: str
    """``district`` or ``community``."""
    code: str
    name: str
    district_id: uuid.UUID | None
    """The district of a community; None for a district."""
    geometry: BaseGeometry = field(compare=False)

    @property
    def is_point(self) -> bool:
        return self.geometry.geom_type in ("Point", "MultiPoint")


def read_geometry(text: str | None) -> BaseGeometry | None:
    """The geometry of stored GeoJSON text, or None when there is none or it is unreadable."""
    if not text:
        return None
    try:
        found = shape(json.loads(text))
    except (ValueError, TypeError, KeyError, AttributeError, shapely.errors.ShapelyError):
        return None
    if found.is_empty:
        return None
    bounds = found.bounds
    if not all(-180.0 <= v <= 180.0 for v in bounds[0::2]) or not all(
        -90.0 <= v <= 90.0 for v in bounds[1::2]
    ):
        return None
    return found


def load_places(
    session: Session, municipality_id: uuid.UUID, skipped: list[str] | None = None
) -> list[Place]:
    """The live districts of the municipality and their live communities that have a
    readable geometry: districts first, each list by code then name.

    ``skipped``, when given, receives ``"<code> <name>"`` of each place whose stored
    geometry could not be read.
    """
    places: list[Place] = []
    for stored in stored_places(session, municipality_id):
        geometry = read_geometry(stored.text)
        if geometry is None:
            if skipped is not None:
                skipped.append(f"{stored.code} {stored.name}".strip())
            continue
        places.append(
            Place(stored.id, stored.kind, stored.code, stored.name, stored.district_id, geometry)
        )
    return places
