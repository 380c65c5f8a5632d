"""Writing imported geometries: one transaction through the store's provenance, so each
changed district or community gets a new version that travels in session files, and the
values they replace come back for undo."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING

from planner_desktop.capture.records import RecordMissing
from planner_desktop.capture.rule_checks import refuse_row
from planner_desktop.domain.territory import Community, District
from planner_desktop.geo.matching import MODELS, Preview

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

Geometries = dict[uuid.UUID, str | None]


def planned(preview: Preview) -> Geometries:
    """What confirming ``preview`` writes: record id → its new geometry."""
    return {match.place.id: match.shape.text for match in preview.changes}


def write_geometries(
    store: Store, level: str, geometries: Mapping[uuid.UUID, str | None]
) -> Geometries:
    """Set the geometry of each record of ``level`` in ``geometries`` (one transaction:
    all or nothing); return the geometries they had. A record deleted meanwhile refuses
    the whole write."""
    model = MODELS[level]
    table = str(model.__tablename__)
    for geometry in geometries.values():
        refuse_row(table, {"geometry": geometry})
    previous: Geometries = {}
    with store.session() as session:
        for record_id, geometry in geometries.items():
            record: District | Community | None = session.get(model, record_id)  # type: ignore[assignment]
            if record is None or record.deleted_at is not None:
                raise RecordMissing(f"{model.__name__} {record_id} does not exist")
            previous[record_id] = record.geometry
            if record.geometry != geometry:
                record.geometry = geometry
    return previous
