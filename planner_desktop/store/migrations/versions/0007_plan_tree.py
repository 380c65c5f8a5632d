"""the plan as a tree of elements with named levels

The fixed strategic frame (``strategic_frame``, ``axis``, ``objective``, ``policy``,
``program``) becomes a plan with named levels and one tree of ``plan_element`` rows; the
institutional self-assessment gets areas of its own and scores in hundredths; an
organisation's role in planning becomes an actor role by phase; profiles, operations,
indicators, management objectives and SDG links point at an element; the plan's other
annexes get their (empty) tables. Every row is carried over with its id, version and
provenance: :mod:`planner_desktop.store.migrations.plan_tree_up` says how. The local
exchange ledger (open conflicts, what an import replaced) is rewritten in the new shape
too (:mod:`~planner_desktop.store.migrations.plan_tree_ledger`).

The downgrade restores the old tables when the data fits them (five levels as above and
nothing the old tables cannot hold) and otherwise refuses, changing nothing, naming what
does not fit (:mod:`~planner_desktop.store.migrations.plan_tree_down`).

Revision ID: 0007_plan_tree
Revises: 0006_shared_ranks_reopening
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from planner_desktop.store.migrations import (
    plan_tree_down,
    plan_tree_ledger,
    plan_tree_rows,
    plan_tree_up,
)

revision = "0007_plan_tree"
down_revision = "0006_shared_ranks_reopening"
branch_labels = None
depends_on = None

NEW_TABLES = (
    "pact",
    "actor_role",
    "element_cross_cutting",
    "work_activity",
    "team_member",
    "plan_value",
    "plan_level",
    "plan_element",
    "cross_cutting",
    "assessment_score",
    "agreement",
    "plan",
    "org_unit",
    "assessment_area",
)
"""The new tables, children before parents."""

RETARGETED = (
    ("project_profile", "program_id", "program"),
    ("operation", "program_id", "program"),
    ("indicator", "objective_id", "objective"),
    ("management_objective", "objective_id", "objective"),
)
"""Tables whose reference to an old element becomes ``element_id``."""

LEVELS_NOW = "level IN ('impact', 'result', 'product')"
LEVELS_BEFORE = "level IN ('result', 'product')"


def upgrade() -> None:
    conn = op.get_bind()
    _create_tables()
    plan_tree_up.run(conn)
    plan_tree_ledger.upgrade(conn)
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("official_name", sa.String(length=200), nullable=False, server_default="")
        )
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.drop_column("role_in_planning")
    for table, column, target in RETARGETED:
        _retarget(table, column, target, "element_id", "plan_element")
    with op.batch_alter_table("project_profile", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_id", sa.Uuid(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "team_class",
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
            )
        )
        batch_op.add_column(
            sa.Column("team_class_reason", sa.Text(), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_project_profile_unit_id"), ["unit_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_project_profile_unit_id_org_unit"),
            "org_unit",
            ["unit_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    _indicator_levels(LEVELS_BEFORE, LEVELS_NOW)
    _sdg_links_up(conn)
    _drop_old_tables()


def downgrade() -> None:
    conn = op.get_bind()
    plan_tree_down.refuse_unless_it_fits(conn)
    _create_old_tables()
    plan_tree_down.run(conn)
    for table, column, target in RETARGETED:
        _retarget(table, "element_id", "plan_element", column, target)
    with op.batch_alter_table("project_profile", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_project_profile_unit_id_org_unit"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_project_profile_unit_id"))
        batch_op.drop_constraint(batch_op.f("ck_project_profile_priorityclass"), type_="check")
        batch_op.drop_column("team_class_reason")
        batch_op.drop_column("team_class")
        batch_op.drop_column("unit_id")
    with op.batch_alter_table("organization", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role_in_planning", sa.Text(), nullable=False, server_default="")
        )
    plan_tree_down.roles_back(conn)
    with op.batch_alter_table("municipality", schema=None) as batch_op:
        batch_op.drop_column("official_name")
    _indicator_levels(LEVELS_NOW, LEVELS_BEFORE)
    _sdg_links_down(conn)
    plan_tree_ledger.downgrade(conn)
    for table in NEW_TABLES:
        op.drop_table(table)


def _retarget(table: str, column: str, target: str, new_column: str, new_target: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(f"fk_{table}_{column}_{target}"), type_="foreignkey")
        batch_op.drop_index(batch_op.f(f"ix_{table}_{column}"))
        batch_op.alter_column(
            column, new_column_name=new_column, existing_type=sa.Uuid(), existing_nullable=True
        )
    with op.batch_alter_table(table, schema=None) as batch_op:  # batches miss renamed columns
        batch_op.create_foreign_key(
            batch_op.f(f"fk_{table}_{new_column}_{new_target}"),
            new_target,
            [new_column],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_index(batch_op.f(f"ix_{table}_{new_column}"), [new_column], unique=False)


def _indicator_levels(before: str, now: str) -> None:
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_indicator_indicatorlevel"), type_="check")
        batch_op.create_check_constraint(batch_op.f("ck_indicator_indicatorlevel"), now)


def _sdg_links_up(conn: sa.Connection) -> None:
    with op.batch_alter_table("sdg_link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("plan_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("element_id", sa.Uuid(), nullable=True))
    second_links = plan_tree_up.sdg_links(conn)
    with op.batch_alter_table("sdg_link", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_sdg_link_has_target"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_sdg_link_program_id_program"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_sdg_link_objective_id_objective"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_sdg_link_objective_id"))
        batch_op.drop_index(batch_op.f("ix_sdg_link_program_id"))
        batch_op.drop_column("program_id")
        batch_op.drop_column("objective_id")
        batch_op.create_index(batch_op.f("ix_sdg_link_element_id"), ["element_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_sdg_link_plan_id"), ["plan_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_sdg_link_element_id_plan_element"),
            "plan_element",
            ["element_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_sdg_link_plan_id_plan"), "plan", ["plan_id"], ["id"], ondelete="RESTRICT"
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_sdg_link_plan_or_element"), "(plan_id IS NULL) <> (element_id IS NULL)"
        )
    plan_tree_rows.write(conn, plan_tree_rows.sdg_link, second_links)


def _sdg_links_down(conn: sa.Connection) -> None:
    with op.batch_alter_table("sdg_link", schema=None) as batch_op:
        batch_op.add_column(sa.Column("objective_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("program_id", sa.Uuid(), nullable=True))
    plan_tree_down.sdg_links(conn)
    with op.batch_alter_table("sdg_link", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_sdg_link_plan_or_element"), type_="check")
        batch_op.drop_constraint(batch_op.f("fk_sdg_link_plan_id_plan"), type_="foreignkey")
        batch_op.drop_constraint(
            batch_op.f("fk_sdg_link_element_id_plan_element"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_sdg_link_plan_id"))
        batch_op.drop_index(batch_op.f("ix_sdg_link_element_id"))
        batch_op.drop_column("element_id")
        batch_op.drop_column("plan_id")
        batch_op.create_index(
            batch_op.f("ix_sdg_link_objective_id"), ["objective_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_sdg_link_program_id"), ["program_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_sdg_link_objective_id_objective"),
            "objective",
            ["objective_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_sdg_link_program_id_program"),
            "program",
            ["program_id"],
            ["id"],
            ondelete="RESTRICT",
        )
        batch_op.create_check_constraint(
            batch_op.f("ck_sdg_link_has_target"),
            "(objective_id IS NOT NULL) OR (program_id IS NOT NULL)",
        )


def _drop_old_tables() -> None:
    for table in ("program", "policy", "objective", "axis", "strategic_frame"):
        op.drop_table(table)
    op.drop_table("institutional_score")


def _create_tables() -> None:
    op.create_table(
        "assessment_area",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_assessment_area_municipality_id_municipality"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_area")),
    )
    with op.batch_alter_table("assessment_area", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessment_area_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "org_unit",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "secretariat",
                "directorate",
                "unit",
                name="unitkind",
                native_enum=False,
                create_constraint=True,
                length=19,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_org_unit_municipality_id_municipality"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["org_unit.id"],
            name=op.f("fk_org_unit_parent_id_org_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_unit")),
    )
    with op.batch_alter_table("org_unit", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_org_unit_municipality_id"), ["municipality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_org_unit_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "plan",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column(
            "template",
            sa.Enum(
                "bolivia_pdm",
                "bolivia_ptdi",
                "colombia_dnp",
                "argentina_pem",
                "custom",
                name="plantemplate",
                native_enum=False,
                create_constraint=True,
                length=21,
            ),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=False),
        sa.Column("end_year", sa.Integer(), nullable=False),
        sa.Column("vision", sa.Text(), nullable=False),
        sa.Column("mission", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("end_year >= start_year", name=op.f("ck_plan_period")),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_plan_municipality_id_municipality"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    with op.batch_alter_table("plan", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "agreement",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("parties", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("signatories", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_agreement_plan_id_plan"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agreement_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "assessment_score",
        sa.Column("area_id", sa.Uuid(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "scored",
                "not_evaluated",
                "not_applicable",
                name="scorestate",
                native_enum=False,
                create_constraint=True,
                length=22,
            ),
            nullable=False,
        ),
        sa.Column("percentage", sa.Integer(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "(state = 'scored') = (percentage IS NOT NULL)", name=op.f("ck_assessment_score_scored")
        ),
        sa.CheckConstraint(
            "percentage IS NULL OR percentage BETWEEN 0 AND 10000",
            name=op.f("ck_assessment_score_percentage_range"),
        ),
        sa.ForeignKeyConstraint(
            ["area_id"],
            ["assessment_area.id"],
            name=op.f("fk_assessment_score_area_id_assessment_area"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment_score")),
        sa.UniqueConstraint("area_id", "year", name=op.f("uq_assessment_score_area_id")),
    )
    with op.batch_alter_table("assessment_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_score_area_id"), ["area_id"], unique=False)

    op.create_table(
        "cross_cutting",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_cross_cutting_plan_id_plan"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cross_cutting")),
    )
    with op.batch_alter_table("cross_cutting", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cross_cutting_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_element",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sector_id", sa.Uuid(), nullable=True),
        sa.Column("unit_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("depth BETWEEN 1 AND 6", name=op.f("ck_plan_element_depth_range")),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["plan_element.id"],
            name=op.f("fk_plan_element_parent_id_plan_element"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_element_plan_id_plan"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sector.id"],
            name=op.f("fk_plan_element_sector_id_sector"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"],
            ["org_unit.id"],
            name=op.f("fk_plan_element_unit_id_org_unit"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_element")),
    )
    with op.batch_alter_table("plan_element", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_element_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_element_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_element_sector_id"), ["sector_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_element_unit_id"), ["unit_id"], unique=False)

    op.create_table(
        "plan_level",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("depth BETWEEN 1 AND 6", name=op.f("ck_plan_level_depth_range")),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_level_plan_id_plan"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_level")),
        sa.UniqueConstraint("plan_id", "depth", name=op.f("uq_plan_level_plan_id")),
    )
    with op.batch_alter_table("plan_level", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_level_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_value",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_value_plan_id_plan"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_value")),
    )
    with op.batch_alter_table("plan_value", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_value_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "team_member",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("institution", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_team_member_plan_id_plan"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_member")),
    )
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_member_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "work_activity",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("activity", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("responsible", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_work_activity_dates"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_work_activity_plan_id_plan"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_activity")),
    )
    with op.batch_alter_table("work_activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_activity_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "element_cross_cutting",
        sa.Column("element_id", sa.Uuid(), nullable=False),
        sa.Column("cross_cutting_id", sa.Uuid(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cross_cutting_id"],
            ["cross_cutting.id"],
            name=op.f("fk_element_cross_cutting_cross_cutting_id_cross_cutting"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["element_id"],
            ["plan_element.id"],
            name=op.f("fk_element_cross_cutting_element_id_plan_element"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_element_cross_cutting")),
        sa.UniqueConstraint(
            "element_id", "cross_cutting_id", name=op.f("uq_element_cross_cutting_element_id")
        ),
    )
    with op.batch_alter_table("element_cross_cutting", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_element_cross_cutting_cross_cutting_id"),
            ["cross_cutting_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_element_cross_cutting_element_id"), ["element_id"], unique=False
        )

    op.create_table(
        "actor_role",
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column(
            "phase",
            sa.Enum(
                "planning",
                "execution",
                "follow_up",
                name="actorphase",
                native_enum=False,
                create_constraint=True,
                length=17,
            ),
            nullable=False,
        ),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_actor_role_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actor_role")),
        sa.UniqueConstraint("organization_id", "phase", name=op.f("uq_actor_role_organization_id")),
    )
    with op.batch_alter_table("actor_role", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_actor_role_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "pact",
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("organization_id", sa.Uuid(), nullable=False),
        sa.Column("element_id", sa.Uuid(), nullable=True),
        sa.Column("commitment", sa.Text(), nullable=False),
        sa.Column("contribution", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "end_date IS NULL OR start_date IS NULL OR end_date >= start_date",
            name=op.f("ck_pact_dates"),
        ),
        sa.ForeignKeyConstraint(
            ["element_id"],
            ["plan_element.id"],
            name=op.f("fk_pact_element_id_plan_element"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_pact_organization_id_organization"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_pact_plan_id_plan"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pact")),
    )
    with op.batch_alter_table("pact", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pact_element_id"), ["element_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_pact_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_pact_plan_id"), ["plan_id"], unique=False)


def _create_old_tables() -> None:
    op.create_table(
        "institutional_score",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("area", sa.String(length=120), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("percentage", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "percentage BETWEEN 0 AND 100", name=op.f("ck_institutional_score_percentage_range")
        ),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_institutional_score_municipality_id_municipality"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_institutional_score")),
    )
    with op.batch_alter_table("institutional_score", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_institutional_score_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "strategic_frame",
        sa.Column("municipality_id", sa.Uuid(), nullable=False),
        sa.Column("start_year", sa.Integer(), nullable=False),
        sa.Column("end_year", sa.Integer(), nullable=False),
        sa.Column("vision", sa.Text(), nullable=False),
        sa.Column("mission", sa.Text(), nullable=False),
        sa.Column("values", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("end_year >= start_year", name=op.f("ck_strategic_frame_period")),
        sa.ForeignKeyConstraint(
            ["municipality_id"],
            ["municipality.id"],
            name=op.f("fk_strategic_frame_municipality_id_municipality"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strategic_frame")),
    )
    with op.batch_alter_table("strategic_frame", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_strategic_frame_municipality_id"), ["municipality_id"], unique=False
        )

    op.create_table(
        "axis",
        sa.Column("frame_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["frame_id"],
            ["strategic_frame.id"],
            name=op.f("fk_axis_frame_id_strategic_frame"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_axis")),
    )
    with op.batch_alter_table("axis", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_axis_frame_id"), ["frame_id"], unique=False)

    op.create_table(
        "objective",
        sa.Column("axis_id", sa.Uuid(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["axis_id"], ["axis.id"], name=op.f("fk_objective_axis_id_axis"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_objective")),
    )
    with op.batch_alter_table("objective", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_objective_axis_id"), ["axis_id"], unique=False)

    op.create_table(
        "policy",
        sa.Column("objective_id", sa.Uuid(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "policy",
                "guideline",
                name="policykind",
                native_enum=False,
                create_constraint=True,
                length=17,
            ),
            nullable=False,
        ),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["objective_id"],
            ["objective.id"],
            name=op.f("fk_policy_objective_id_objective"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["policy.id"],
            name=op.f("fk_policy_parent_id_policy"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy")),
    )
    with op.batch_alter_table("policy", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_policy_objective_id"), ["objective_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_policy_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "program",
        sa.Column("policy_id", sa.Uuid(), nullable=False),
        sa.Column("sector_id", sa.Uuid(), nullable=True),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("device_id", sa.Uuid(), nullable=False),
        sa.Column("facilitator", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version_id", sa.Uuid(), nullable=False),
        sa.Column("base_version_id", sa.Uuid(), nullable=True),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["policy_id"],
            ["policy.id"],
            name=op.f("fk_program_policy_id_policy"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sector.id"],
            name=op.f("fk_program_sector_id_sector"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_program")),
    )
    with op.batch_alter_table("program", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_program_policy_id"), ["policy_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_program_sector_id"), ["sector_id"], unique=False)
