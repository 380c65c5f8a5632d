"""Where each version of a record came from: the imported files that carried it (no Qt)."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import LOCAL_BATCH, import_batch, record_origin


def version_sources(store: Store, record_id: uuid.UUID) -> dict[uuid.UUID, str]:
    """Version id → the names of the files that brought it ("this computer" for local edits)."""
    query = (
        select(record_origin.c.version_id, record_origin.c.batch_id, import_batch.c.file_name)
        .outerjoin(import_batch, import_batch.c.id == record_origin.c.batch_id)
        .where(record_origin.c.record_id == record_id)
        .order_by(record_origin.c.batch_id)
    )
    names: dict[uuid.UUID, list[str]] = {}
    with store.engine.connect() as conn:
        for version, batch, file_name in conn.execute(query):
            name = _("this computer") if batch == LOCAL_BATCH else file_name or str(batch)
            if name not in names.setdefault(version, []):
                names[version].append(name)
    return {version: ", ".join(found) for version, found in names.items()}
