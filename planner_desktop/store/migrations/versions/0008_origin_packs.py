"""record_origin packed by import batch

``record_origin`` held one row per (record, version) an import carried: a merge wrote as
many ledger rows as records, about doubling what it wrote. ``origin_pack`` holds the same
facts packed: one row per batch, change and device (and part, of at most 4,096 pairs), its
(record id, version id) pairs 32 bytes each (see :mod:`planner_desktop.store.ledger`).
Every row of ``record_origin`` becomes one pair, exactly; the downgrade unpacks them back
into rows. Local bookkeeping only: session files do not change.

Revision ID: 0008_origin_packs
Revises: 0007_plan_tree
Create Date: 2026-12-05
"""

import uuid
from collections.abc import Iterator
from itertools import groupby
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008_origin_packs"
down_revision = "0007_plan_tree"
branch_labels = None
depends_on = None

PACK = 4096
"""Most pairs in one row (the ledger's own figure when this revision was written)."""
PAIR = 32

_rows = sa.table(
    "record_origin",
    sa.column("record_id", sa.Uuid()),
    sa.column("version_id", sa.Uuid()),
    sa.column("batch_id", sa.Integer()),
    sa.column("device_id", sa.Uuid()),
    sa.column("change", sa.String()),
)
_packs = sa.table(
    "origin_pack",
    sa.column("batch_id", sa.Integer()),
    sa.column("part", sa.Integer()),
    sa.column("change", sa.String()),
    sa.column("device_id", sa.Uuid()),
    sa.column("pairs", sa.LargeBinary()),
)


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        "origin_pack",
        sa.Column("batch_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("part", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("change", sa.String(length=10), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("pairs", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("batch_id", "part", name=op.f("pk_origin_pack")),
        info={"local": True},
    )
    c = _rows.c
    rows = conn.execute(
        sa.select(c.batch_id, c.change, c.device_id, c.record_id, c.version_id).order_by(
            c.batch_id, c.change, c.device_id, c.record_id, c.version_id
        )
    )
    packs: list[dict[str, Any]] = []
    for batch_id, batch_rows in groupby(rows, key=lambda row: row.batch_id):
        part = 0
        for (change, device_id), group in groupby(batch_rows, key=lambda row: (row.change, row.device_id)):
            pairs = [row.record_id.bytes + row.version_id.bytes for row in group]
            for chunk in _chunks(pairs, PACK):
                packs.append(
                    {
                        "batch_id": batch_id,
                        "part": part,
                        "change": change,
                        "device_id": device_id,
                        "pairs": b"".join(chunk),
                    }
                )
                part += 1
    for chunk in _chunks(packs, 100):
        conn.execute(_packs.insert(), chunk)
    op.drop_table("record_origin")


def downgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        "record_origin",
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("change", sa.String(length=10), nullable=False),
        sa.UniqueConstraint(
            "batch_id", "record_id", "version_id", name=op.f("uq_record_origin_batch_id")
        ),
        info={"local": True},
    )
    p = _packs.c
    packs = conn.execute(
        sa.select(p.batch_id, p.change, p.device_id, p.pairs).order_by(p.batch_id, p.part)
    )
    rows: list[dict[str, Any]] = []
    for batch_id, change, device_id, pairs in packs:
        blob = bytes(pairs)
        for start in range(0, len(blob), PAIR):
            rows.append(
                {
                    "record_id": uuid.UUID(bytes=blob[start : start + 16]),
                    "version_id": uuid.UUID(bytes=blob[start + 16 : start + PAIR]),
                    "batch_id": batch_id,
                    "device_id": device_id,
                    "change": change,
                }
            )
        if len(rows) >= 10_000:
            conn.execute(_rows.insert(), rows)
            rows = []
    if rows:
        conn.execute(_rows.insert(), rows)
    op.drop_table("origin_pack")
