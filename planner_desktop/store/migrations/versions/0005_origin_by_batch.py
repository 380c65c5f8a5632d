"""record_origin keyed by import batch

``record_origin`` had its primary key on (record, version, batch). Record ids are random,
so every merged record went to a random place of that key: a file of a few hundred
records dirtied a few hundred pages of it, and writing those pages was most of a merge's
time. The rows are now unique on (batch, record, version): a merge appends at the end of
the key. Undo and a record's sources read the table through instead, once per undo or
per conflict shown. Local bookkeeping only: session files do not change.

Revision ID: 0005_origin_by_batch
Revises: 0004_round_decisions
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_origin_by_batch"
down_revision = "0004_round_decisions"
branch_labels = None
depends_on = None

_COLUMNS = "record_id, version_id, batch_id, device_id, change"


def _columns() -> list[sa.Column]:
    return [
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("change", sa.String(length=10), nullable=False),
    ]


def _copy_into(table: str, order: str) -> None:
    op.execute(
        f"INSERT INTO {table} ({_COLUMNS}) SELECT {_COLUMNS} FROM record_origin ORDER BY {order}"
    )


def upgrade() -> None:
    op.create_table(
        "record_origin_by_batch",
        *_columns(),
        sa.UniqueConstraint(
            "batch_id", "record_id", "version_id", name=op.f("uq_record_origin_batch_id")
        ),
        info={"local": True},
    )
    _copy_into("record_origin_by_batch", "batch_id, record_id, version_id")
    op.drop_table("record_origin")  # and its index on batch_id
    op.rename_table("record_origin_by_batch", "record_origin")


def downgrade() -> None:
    op.create_table(
        "record_origin_by_record",
        *_columns(),
        sa.PrimaryKeyConstraint(
            "record_id", "version_id", "batch_id", name=op.f("pk_record_origin")
        ),
        info={"local": True},
    )
    _copy_into("record_origin_by_record", "record_id, version_id, batch_id")
    op.drop_table("record_origin")
    op.rename_table("record_origin_by_record", "record_origin")
    with op.batch_alter_table("record_origin", schema=None) as batch_op:
        batch_op.create_index("ix_record_origin_batch_id", ["batch_id"], unique=False)
