"""covering indexes for the demand and findings summaries

The PDM, the consolidated diagnosis and the window count and cost every live demand by
sector, district and group, and the findings by dimension and kind. Each of these indexes
holds every column such a query reads, so the database scans the narrow index instead of
the wide table (descriptions, causes, effects).

Revision ID: 0003_summary_indexes
Revises: 0002_exchange_ledger
Create Date: 2026-11-22
"""

from alembic import op

revision = "0003_summary_indexes"
down_revision = "0002_exchange_ledger"
branch_labels = None
depends_on = None

INDEXES: dict[str, tuple[str, list[str]]] = {
    "ix_demand_totals": (
        "demand",
        ["sector_id", "community_id", "raising_group", "deleted_at", "estimated_cost"],
    ),
    "ix_finding_matrix": ("finding", ["dimension_id", "kind", "self_diagnosis_id", "deleted_at"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
