"""Rows of migration 0007 (the plan as a tree): the tables as that migration knows them.

The migration reads and writes through these frozen descriptions, never through the
application's models, so later changes to the models do not change what it does.

Rows the migration makes that had no row before (a plan's levels and values, the
self-assessment areas, the actors' roles in planning, an SDG link split in two) get ids
derived from the row they come from (:func:`derived_id`), and so does their version: two
laptops that migrate copies of the same database make the same rows, and exchanging
session files afterwards finds them equal instead of adding them twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

NAMESPACE = uuid.UUID("5b0f3c1e-7d1a-4c55-9e0b-2f7a0e6c0007")

LEVEL_NAMES = ("Eje", "Objetivo", "Política", "Lineamiento", "Programa")
"""The levels of the Bolivian PDM the old tables held: axis, objective, policy,
guideline (lineamiento), programme."""

PLAN_TITLE = "Plan de Desarrollo Municipal"
TEMPLATE = "bolivia_pdm"

PROVENANCE = ("device_id", "facilitator", "created_at", "updated_at", "deleted_at")
"""What a derived row copies from the row it comes from."""

_SYNCED: dict[str, Any] = {
    "id": sa.Uuid(),
    "device_id": sa.Uuid(),
    "facilitator": sa.String(200),
    "created_at": sa.DateTime(),
    "updated_at": sa.DateTime(),
    "version_id": sa.Uuid(),
    "base_version_id": sa.Uuid(),
    "deleted_at": sa.DateTime(),
}

Row = dict[str, Any]


def table(table_name: str, /, **columns: Any) -> sa.TableClause:
    """A synced table with its identity and provenance columns and ``columns``."""
    every = {**_SYNCED, **columns}
    return sa.table(table_name, *(sa.column(key, kind) for key, kind in every.items()))


U = sa.Uuid()
TEXT = sa.Text()
INT = sa.Integer()

strategic_frame = table(
    "strategic_frame",
    municipality_id=U,
    start_year=INT,
    end_year=INT,
    vision=TEXT,
    mission=TEXT,
    values=TEXT,
)
axis = table("axis", frame_id=U, code=TEXT, name=TEXT, position=INT)
objective = table("objective", axis_id=U, code=TEXT, name=TEXT, problem=TEXT)
policy = table("policy", objective_id=U, parent_id=U, kind=TEXT, code=TEXT, name=TEXT)
program = table("program", policy_id=U, sector_id=U, code=TEXT, name=TEXT, problem=TEXT)
institutional_score = table(
    "institutional_score", municipality_id=U, area=TEXT, year=INT, percentage=INT
)
old_sdg_link = table("sdg_link", objective_id=U, program_id=U, sdg=INT, target=TEXT)
old_organization = table("organization", role_in_planning=TEXT)

plan = table(
    "plan",
    municipality_id=U,
    template=TEXT,
    title=TEXT,
    start_year=INT,
    end_year=INT,
    vision=TEXT,
    mission=TEXT,
)
plan_level = table("plan_level", plan_id=U, depth=INT, name=TEXT)
plan_value = table("plan_value", plan_id=U, name=TEXT, sentence=TEXT, position=INT)
plan_element = table(
    "plan_element",
    plan_id=U,
    parent_id=U,
    depth=INT,
    code=TEXT,
    name=TEXT,
    problem=TEXT,
    position=INT,
    sector_id=U,
    unit_id=U,
)
assessment_area = table("assessment_area", municipality_id=U, name=TEXT, position=INT)
assessment_score = table("assessment_score", area_id=U, year=INT, state=TEXT, percentage=INT)
actor_role = table("actor_role", organization_id=U, phase=TEXT, role=TEXT)
sdg_link = table("sdg_link", plan_id=U, element_id=U, sdg=INT, target=TEXT)


def derived_id(*parts: object) -> uuid.UUID:
    """The id of a row made by the migration from ``parts`` (the id it comes from first)."""
    return uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts))


def derived(source: Row, new_id: uuid.UUID, **values: Any) -> Row:
    """A new row ``new_id`` with the provenance of ``source`` and a derived version."""
    row = {key: source[key] for key in PROVENANCE}
    row.update(id=new_id, version_id=derived_id(new_id, "version"), base_version_id=None)
    row.update(values)
    return row


def carried(source: Row, **values: Any) -> Row:
    """``source``'s identity, version and provenance with ``values``: a row carried over."""
    row = {key: source[key] for key in _SYNCED}
    row.update(values)
    return row


def read(conn: Connection, source: sa.TableClause) -> list[Row]:
    return [dict(row._mapping) for row in conn.execute(sa.select(source))]


def write(conn: Connection, target: sa.TableClause, rows: Iterable[Row]) -> None:
    batch = list(rows)
    if batch:
        conn.execute(sa.insert(target), batch)


def code_order(rows: Iterable[Row]) -> list[Row]:
    """Rows in the order the window listed them: by code, then id."""
    return sorted(rows, key=lambda row: (row["code"], str(row["id"])))
