"""Which laptop and facilitator stand behind an import, or a version of a record (no Qt).

A laptop is known here by its device id and by the facilitator recorded when this database
first trusted its key (session files carry no device name); versions edited on this
computer belong to "this computer" and the facilitator of this installation. A laptop is
named by its device name when one is known, else by its facilitator; only a laptop with
neither is named by the start of its device id.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, select

from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.store.ledger import LOCAL_BATCH, import_batch, record_origins, trusted_key


@dataclass(frozen=True)
class Laptop:
    device_id: uuid.UUID | None
    facilitator: str = ""
    device_name: str = ""
    local: bool = False

    @property
    def label(self) -> str:
        if self.local:
            return _("this computer")
        if self.device_name:
            return self.device_name
        if self.facilitator:
            return _("laptop of {facilitator}").format(facilitator=self.facilitator)
        short = str(self.device_id)[:8] if self.device_id else "?"
        return _("laptop {device} (no facilitator recorded)").format(device=short)


@dataclass
class VersionOrigin:
    """Where one version of a record came from: the laptops and files that carried it (the
    first one first: a file can carry versions it received from another laptop)."""

    laptops: list[Laptop] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @property
    def laptop(self) -> Laptop | None:
        return self.laptops[0] if self.laptops else None


def laptops_by_device(conn: Connection) -> dict[uuid.UUID, str]:
    """Device id → the facilitator recorded with its trusted key."""
    rows = conn.execute(
        select(trusted_key.c.device_id, trusted_key.c.facilitator).order_by(
            trusted_key.c.trusted_at, trusted_key.c.device_id, trusted_key.c.facilitator
        )
    )
    found: dict[uuid.UUID, str] = {}
    for device, facilitator in rows:
        if facilitator and device not in found:
            found[device] = facilitator
    return found


def batch_laptops(store: Store) -> dict[int, Laptop]:
    """Import batch id → the laptop that signed its file (and this computer for batch 0)."""
    with store.engine.connect() as conn:
        return _batch_laptops(conn, store)


def _batch_laptops(conn: Connection, store: Store) -> dict[int, Laptop]:
    facilitators = laptops_by_device(conn)
    key_facilitators = dict(
        conn.execute(select(trusted_key.c.fingerprint, trusted_key.c.facilitator)).all()
    )
    found = {LOCAL_BATCH: _this_computer(store)}
    rows = conn.execute(
        select(import_batch.c.id, import_batch.c.device_id, import_batch.c.key_fingerprint)
    )
    for batch, device, key in rows:
        facilitator = key_facilitators.get(key) or facilitators.get(device, "")
        found[batch] = Laptop(device, facilitator)
    return found


def _this_computer(store: Store) -> Laptop:
    provenance = store.provenance
    return Laptop(provenance.device_id, provenance.facilitator, local=True)


def version_origins(store: Store, record_id: uuid.UUID) -> dict[uuid.UUID, VersionOrigin]:
    """Version id → the laptops and files that brought it, in the order they were merged."""
    origins: dict[uuid.UUID, VersionOrigin] = {}
    with store.engine.connect() as conn:
        laptops = _batch_laptops(conn, store)
        files = dict(conn.execute(select(import_batch.c.id, import_batch.c.file_name)).all())
        for carried in record_origins(conn, record_id):
            version, batch = carried.version_id, carried.batch_id
            origin = origins.setdefault(version, VersionOrigin())
            laptop = laptops.get(batch)
            if laptop is not None and laptop not in origin.laptops:
                origin.laptops.append(laptop)
            name = _("this computer") if batch == LOCAL_BATCH else files.get(batch) or str(batch)
            if name not in origin.files:
                origin.files.append(name)
    return origins


def when(value: datetime) -> datetime:
    """Times are stored naive in UTC: the same moment with its zone, to show it locally."""
    from datetime import UTC

    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
