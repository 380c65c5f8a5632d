"""shared ranks in round results, and the log of reopened rounds

Equal scores share one rank (=2, =2, 4): ``round_result`` keeps the place in the list
(``rank``) and gains the rank shared by equal scores (``shared_rank``, empty on results
stored before; read ``rank`` then) and whether the item shares it (``tied``). A closed
round reopened with a reason keeps each reopening in ``prioritization_round.reopen_log``
(one line per reopening: time and reason), printed in the acta.

Revision ID: 0006_shared_ranks_reopening
Revises: 0005_origin_by_batch
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_shared_ranks_reopening"
down_revision = "0005_origin_by_batch"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("round_result", schema=None) as batch_op:
        batch_op.add_column(sa.Column("shared_rank", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("tied", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("prioritization_round", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reopen_log", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("prioritization_round", schema=None) as batch_op:
        batch_op.drop_column("reopen_log")
    with op.batch_alter_table("round_result", schema=None) as batch_op:
        batch_op.drop_column("tied")
        batch_op.drop_column("shared_rank")
