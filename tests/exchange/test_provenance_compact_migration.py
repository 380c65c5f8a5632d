"""Migration 0008 (issue 17, point 1): every ``record_origin`` row of a database at 0007
becomes one packed pair of ``origin_pack``, exactly, and the downgrade gives the rows back."""

from __future__ import annotations

import uuid
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from sqlalchemy import create_engine, select

from planner_desktop.store import ledger, migrate

BEFORE = "0007_plan_tree"

record_origin = sa.table(  # its shape at 0007
    "record_origin",
    sa.column("record_id", sa.Uuid()),
    sa.column("version_id", sa.Uuid()),
    sa.column("batch_id", sa.Integer()),
    sa.column("device_id", sa.Uuid()),
    sa.column("change", sa.String()),
)

DEVICES = (uuid.UUID(int=0xD1), uuid.UUID(int=0xD2))
CHANGES = ("added", "unchanged", "updated", "conflict", "resolved")


def _rows() -> list[dict]:
    """Rows of three batches (0: this computer, two devices), every change, one record in
    several batches and versions, and one batch and change of more than a pack."""
    rows = []
    for n in range(300):
        rows.append(
            {
                "record_id": uuid.UUID(int=1 + n % 40),
                "version_id": uuid.UUID(int=10_000 + n),
                "batch_id": n % 3,
                "device_id": DEVICES[n % 2],
                "change": CHANGES[n % 5],
            }
        )
    for _ in range(ledger.PACK + 5):
        rows.append(
            {
                "record_id": uuid.uuid4(),
                "version_id": uuid.uuid4(),
                "batch_id": 9,
                "device_id": DEVICES[0],
                "change": "added",
            }
        )
    return rows


def _key(row) -> tuple:
    return (row["batch_id"], row["record_id"], row["version_id"], row["device_id"], row["change"])


def test_record_origin_rows_are_packed_exactly_and_unpacked_on_the_way_down(databases):
    target = databases.fresh("origins")
    url = target if isinstance(target, str) else f"sqlite:///{Path(target)}"
    engine = create_engine(url)
    migrate.upgrade(engine, BEFORE)
    rows = _rows()
    with engine.begin() as conn:
        conn.execute(record_origin.insert(), rows)
    expected = sorted(_key(row) for row in rows)

    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "0008_origin_packs")
    with engine.connect() as conn:
        assert not sa.inspect(conn).has_table("record_origin")
        batches = conn.scalars(select(ledger.origin_pack.c.batch_id).distinct()).all()
        packed = [o for batch in sorted(batches) for o in ledger.batch_origins(conn, batch)]
        parts = conn.execute(
            select(ledger.origin_pack.c.part).where(ledger.origin_pack.c.batch_id == 9)
        ).all()
        history = ledger.record_origins(conn, uuid.UUID(int=1))
    assert sorted(_key(o._asdict()) for o in packed) == expected
    assert len(parts) == 2  # 4,101 pairs of one batch and change: two rows
    first = uuid.UUID(int=1)
    assert sorted((o.batch_id, o.version_id) for o in history) == sorted(
        (r["batch_id"], r["version_id"]) for r in rows if r["record_id"] == first
    )
    assert [o.batch_id for o in history] == sorted(o.batch_id for o in history)

    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), BEFORE)
    with engine.connect() as conn:
        back = conn.execute(select(record_origin)).mappings().all()
        assert not sa.inspect(conn).has_table("origin_pack")
    assert sorted(_key(row) for row in back) == expected
    engine.dispose()
