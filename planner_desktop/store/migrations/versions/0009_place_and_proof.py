"""territory geometry and photos as evidence

``district.geometry`` and ``community.geometry`` hold a GeoJSON geometry in longitude and
latitude (WGS 84), or nothing. ``photo`` is a synced record naming a picture attached to an
acta, a self-diagnosis (mapa parlante) or a prioritisation round (tally sheet) by the
SHA-256 of its stored bytes; ``photo_content`` holds those bytes once per picture.

Revision ID: 0009_place_and_proof
Revises: 0008_origin_packs
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_place_and_proof"
down_revision = "0008_origin_packs"
branch_labels = None
depends_on = None

ONE_OWNER = (
    "(kind = 'acta' AND minutes_id IS NOT NULL AND self_diagnosis_id IS NULL"
    " AND round_id IS NULL)"
    " OR (kind = 'talking_map' AND self_diagnosis_id IS NOT NULL AND minutes_id IS NULL"
    " AND round_id IS NULL)"
    " OR (kind = 'tally_sheet' AND round_id IS NOT NULL AND minutes_id IS NULL"
    " AND self_diagnosis_id IS NULL)"
)


def upgrade() -> None:
    for table in ("district", "community"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("geometry", sa.Text(), nullable=True))
    op.create_table(
        "photo_content",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_photo_content")),
    )
    op.create_table(
        "photo",
        sa.Column(
            "kind",
            sa.Enum(
                "acta",
                "talking_map",
                "tally_sheet",
                name="photokind",
                native_enum=False,
                create_constraint=True,
                length=19,
            ),
            nullable=False,
        ),
        sa.Column("minutes_id", sa.Uuid(), nullable=True),
        sa.Column("self_diagnosis_id", sa.Uuid(), nullable=True),
        sa.Column("round_id", sa.Uuid(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("media_type", sa.String(length=20), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("caption", sa.String(length=200), nullable=False),
        sa.Column("qr_text", sa.String(length=1000), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(ONE_OWNER, name=op.f("ck_photo_one_owner")),
        sa.CheckConstraint(
            "(latitude IS NULL) = (longitude IS NULL)",
            name=op.f("ck_photo_place_whole_or_absent"),
        ),
        sa.CheckConstraint(
            "width > 0 AND height > 0 AND size > 0", name=op.f("ck_photo_has_size")
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"],
            ["minutes.id"],
            name=op.f("fk_photo_minutes_id_minutes"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["round_id"],
            ["prioritization_round.id"],
            name=op.f("fk_photo_round_id_prioritization_round"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["self_diagnosis_id"],
            ["self_diagnosis.id"],
            name=op.f("fk_photo_self_diagnosis_id_self_diagnosis"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photo")),
    )
    with op.batch_alter_table("photo", schema=None) as batch_op:
        for column in ("minutes_id", "round_id", "self_diagnosis_id", "sha256"):
            batch_op.create_index(batch_op.f(f"ix_photo_{column}"), [column], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("photo", schema=None) as batch_op:
        for column in ("sha256", "self_diagnosis_id", "round_id", "minutes_id"):
            batch_op.drop_index(batch_op.f(f"ix_photo_{column}"))
    op.drop_table("photo")
    op.drop_table("photo_content")
    for table in ("community", "district"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("geometry")
