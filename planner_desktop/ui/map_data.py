"""What the map page reads, in a worker thread: the places, their paths and the figure.

No widget here (painter paths and points are plain values). shapely, and through it
numpy, is imported by these functions only, when the map is first shown.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.territory import Community, District
from planner_desktop.ui.map_scene import Shape, build_shapes, ramp

if TYPE_CHECKING:
    from planner_desktop.maps.classes import Classes
    from planner_desktop.maps.figures import Figure
    from planner_desktop.maps.projection import Projection
    from planner_desktop.store.database import Store

Values = dict[uuid.UUID, float | None]
CLASS_COUNT = 5


@dataclass
class MapData:
    municipality_id: uuid.UUID | None
    projection: Projection | None
    shapes: list[Shape]
    skipped: list[str] = field(default_factory=list)
    """``code name`` of the places whose stored geometry could not be read."""
    unplaced: int = 0
    """Live communities with no geometry at all."""


@dataclass(frozen=True)
class Colouring:
    """The colour of each coloured place, and the legend's classes."""

    kind: str
    """The places coloured: ``community``, or ``district`` when no community is drawn."""
    colours: dict[uuid.UUID, str]
    classes: Classes
    ramp: tuple[str, ...]
    missing: int
    """Coloured places with no value."""


def read_map(store: Store, centre: tuple[float, float] | None = None) -> MapData:
    """The drawable places of the current municipality; ``centre`` (longitude, latitude)
    keeps the plane of an earlier read, so a place added does not move the others."""
    import shapely

    from planner_desktop.maps.projection import Projection
    from planner_desktop.maps.shapes import load_places

    with store.session() as session:
        municipality = current_municipality(session)
        if municipality is None:
            return MapData(None, None, [])
        skipped: list[str] = []
        places = load_places(session, municipality.id, skipped)
        unplaced = session.scalar(
            select(func.count(Community.id))
            .join(District, Community.district_id == District.id)
            .where(
                District.municipality_id == municipality.id,
                live(District),
                live(Community),
                Community.geometry.is_(None),
            )
        ) or 0
        municipality_id = municipality.id
    if not places:
        return MapData(municipality_id, None, [], skipped, unplaced)
    if centre is None:
        projection = Projection.for_places(places)
    else:
        bounds = tuple(shapely.total_bounds([p.geometry for p in places]).tolist())
        projection = Projection.around(centre[0], centre[1], bounds)  # type: ignore[arg-type]
    return MapData(municipality_id, projection, build_shapes(places, projection), skipped, unplaced)


def read_values(store: Store, municipality_id: uuid.UUID, figure: Figure) -> Values:
    from planner_desktop.maps.figures import values

    with store.session() as session:
        return values(session, municipality_id, figure)


def colouring(shapes: list[Shape], values: Values, figure: Figure) -> Colouring:
    """Quantile classes of the drawn communities' values (of the districts' when no
    community is drawn) and the colour of each."""
    from planner_desktop.maps.classes import classify
    from planner_desktop.maps.figures import decimals

    kind = "community" if any(s.kind == "community" for s in shapes) else "district"
    keys = [s.id for s in shapes if s.kind == kind]
    found = [values.get(key) for key in keys]
    classes = classify(found, CLASS_COUNT, decimals(figure))
    colours_of = ramp(len(classes))
    colours: dict[uuid.UUID, str] = {}
    for key, value in zip(keys, found, strict=True):
        index = classes.index(value)
        if index is not None:
            colours[key] = colours_of[index]
    return Colouring(kind, colours, classes, colours_of, len(keys) - len(colours))


def stored_geometry(store: Store, community_id: uuid.UUID) -> str | None:
    with store.session() as session:
        return session.scalar(select(Community.geometry).where(Community.id == community_id))
