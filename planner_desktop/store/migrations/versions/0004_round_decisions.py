"""decisions by hand in prioritisation rounds

A priority class set by hand (with its reason) and an agreed order reached by discussion
(with the round's note saying how) are inputs of a round's results, like the votes: they
are stored in ``round_decision`` and ``prioritization_round.agreed_note`` so that
recomputing a round gives the same agreed list and classes.

Revision ID: 0004_round_decisions
Revises: 0003_summary_indexes
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_round_decisions"
down_revision = "0003_summary_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "round_decision",
        sa.Column("round_id", sa.Uuid(), nullable=False),
        sa.Column("item_id", sa.Uuid(), nullable=False),
        sa.Column(
            "priority_class",
            sa.Enum(
                "A+",
                "A",
                "B",
                "C",
                name="priorityclass",
                native_enum=False,
                create_constraint=True,
                length=10,
            ),
            nullable=True,
        ),
        sa.Column("class_reason", sa.Text(), nullable=False),
        sa.Column("agreed_position", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "agreed_position IS NULL OR agreed_position >= 1",
            name=op.f("ck_round_decision_agreed_position_positive"),
        ),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["round_item.id"],
            name=op.f("fk_round_decision_item_id_round_item"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["prioritization_round.id"],
            name=op.f("fk_round_decision_round_id_prioritization_round"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_round_decision")),
    )
    with op.batch_alter_table("round_decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_decision_item_id"), ["item_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_round_decision_round_id"), ["round_id"], unique=False)
    with op.batch_alter_table("prioritization_round", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("agreed_note", sa.Text(), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("prioritization_round", schema=None) as batch_op:
        batch_op.drop_column("agreed_note")
    with op.batch_alter_table("round_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_decision_round_id"))
        batch_op.drop_index(batch_op.f("ix_round_decision_item_id"))
    op.drop_table("round_decision")
