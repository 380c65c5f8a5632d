"""Migration 0007: the exchange ledger's copies of records, in the shape of their table.

Two local tables keep whole records as JSON: ``merge_conflict.payload`` (a competing
version of a record, until a person resolves it) and ``batch_change.previous["row"]`` (the
row an import replaced, to undo it). Both are rewritten with the tables:

- a renamed reference (``program_id``/``objective_id`` → ``element_id``) is renamed, new
  columns take their default, ``organization.role_in_planning`` is left out (the role
  itself is carried into ``actor_role``; a competing version's different role is not);
- a record of a table that became another (``axis``… → ``plan_element``,
  ``strategic_frame`` → ``plan``, ``institutional_score`` → ``assessment_score``) takes the
  place the record has now (plan, parent, depth, area) with the version's own values and
  provenance; copies of a record that no longer exists are dropped.

The downgrade does the reverse.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from planner_desktop.store.migrations import plan_tree_rows as t

Payload = dict[str, Any]
Convert = Callable[[str, Payload], tuple[str, Payload] | None]

SYNCED = (
    "id",
    "device_id",
    "facilitator",
    "created_at",
    "updated_at",
    "version_id",
    "base_version_id",
    "deleted_at",
)

RENAMED = {
    "project_profile": (
        "program_id",
        {"unit_id": None, "team_class": None, "team_class_reason": ""},
    ),
    "operation": ("program_id", {}),
    "indicator": ("objective_id", {}),
    "management_objective": ("objective_id", {}),
}
"""Tables whose old reference became ``element_id``, and their new columns' defaults."""

FRAME = ("strategic_frame", "axis", "objective", "policy", "program")
OLD_ONLY = (*FRAME, "institutional_score")
OWN_FIELDS = {
    "strategic_frame": ("municipality_id", "start_year", "end_year", "vision", "mission"),
    "axis": ("code", "name", "position"),
    "objective": ("code", "name", "problem"),
    "policy": ("code", "name"),
    "program": ("code", "name", "problem", "sector_id"),
    "institutional_score": ("year",),
}
"""The fields a version of an old record brings to its new row."""

ledger_conflict = sa.table(
    "merge_conflict",
    sa.column("id", sa.Integer()),
    sa.column("table_name", sa.String()),
    sa.column("record_id", sa.Uuid()),
    sa.column("payload", sa.Text()),
)
ledger_change = sa.table(
    "batch_change",
    sa.column("batch_id", sa.Integer()),
    sa.column("record_id", sa.Uuid()),
    sa.column("table_name", sa.String()),
    sa.column("previous", sa.Text()),
)


def encode(row: Payload) -> str:
    """As the exchange writes a record: sorted keys, no spaces, UTF-8 text."""
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def plain(value: Any) -> Any:
    """A stored value as the exchange writes it."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def current_rows(conn: Connection, target: sa.TableClause, ids: set[str]) -> dict[str, Payload]:
    """Rows of ``target`` by id (as text), as plain JSON values."""
    if not ids:
        return {}
    wanted = [uuid.UUID(i) for i in ids]
    found: dict[str, Payload] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for row in conn.execute(sa.select(target).where(target.c.id.in_(chunk))):
            mapping = {key: plain(value) for key, value in row._mapping.items()}
            found[mapping["id"]] = mapping
    return found


def rewrite(conn: Connection, tables: tuple[str, ...], convert: Convert) -> None:
    """Convert every ledger copy of a record of ``tables`` (drop it when ``convert`` says
    None)."""
    conflicts = conn.execute(
        sa.select(ledger_conflict).where(ledger_conflict.c.table_name.in_(tables))
    ).all()
    for row in conflicts:
        converted = convert(row.table_name, json.loads(row.payload))
        where = ledger_conflict.c.id == row.id
        if converted is None:
            conn.execute(sa.delete(ledger_conflict).where(where))
            continue
        name, payload = converted
        conn.execute(
            sa.update(ledger_conflict).where(where).values(table_name=name, payload=encode(payload))
        )
    changes = conn.execute(
        sa.select(ledger_change).where(ledger_change.c.table_name.in_(tables))
    ).all()
    for row in changes:
        previous = json.loads(row.previous)
        converted = convert(row.table_name, previous["row"])
        where = sa.and_(
            ledger_change.c.batch_id == row.batch_id, ledger_change.c.record_id == row.record_id
        )
        if converted is None:
            conn.execute(sa.delete(ledger_change).where(where))
            continue
        name, previous["row"] = converted
        text = json.dumps(previous, sort_keys=True, ensure_ascii=False)
        conn.execute(sa.update(ledger_change).where(where).values(table_name=name, previous=text))


def _ids(conn: Connection, tables: tuple[str, ...]) -> set[str]:
    ids: set[str] = set()
    for source in (ledger_conflict, ledger_change):
        query = sa.select(source.c.record_id).where(source.c.table_name.in_(tables))
        ids.update(str(value) for value in conn.scalars(query))
    return ids


def upgrade(conn: Connection) -> None:
    ids = _ids(conn, OLD_ONLY)
    elements = current_rows(conn, t.plan_element, ids)
    plans = current_rows(conn, t.plan, ids)
    scores = current_rows(conn, t.assessment_score, ids)

    def convert(table: str, payload: Payload) -> tuple[str, Payload] | None:
        if table in RENAMED:
            old, defaults = RENAMED[table]
            row = {k: v for k, v in payload.items() if k != old}
            row["element_id"] = payload.get(old)
            return table, {**defaults, **row}
        if table == "organization":
            return table, {k: v for k, v in payload.items() if k != "role_in_planning"}
        if table == "municipality":
            return table, {"official_name": "", **payload}
        if table == "sdg_link":
            row = {k: v for k, v in payload.items() if k not in ("objective_id", "program_id")}
            row["element_id"] = payload.get("objective_id") or payload.get("program_id")
            row["plan_id"] = None
            return table, row
        now, new_table = _now_of(table, payload["id"], elements, plans, scores)
        if now is None:
            return None
        row = dict(now)
        for key in (*SYNCED, *OWN_FIELDS[table]):
            row[key] = payload[key]
        if table == "institutional_score":
            row["percentage"] = f"{int(payload['percentage'])}.00"
            row["state"] = "scored"
        return new_table, row

    rewrite(conn, (*OLD_ONLY, *RENAMED, "organization", "municipality", "sdg_link"), convert)


def _now_of(
    table: str,
    record_id: str,
    elements: dict[str, Payload],
    plans: dict[str, Payload],
    scores: dict[str, Payload],
) -> tuple[Payload | None, str]:
    if table == "strategic_frame":
        return plans.get(record_id), "plan"
    if table == "institutional_score":
        return scores.get(record_id), "assessment_score"
    return elements.get(record_id), "plan_element"


def downgrade(conn: Connection) -> None:
    """The reverse of :func:`upgrade`, once the old tables hold the data again."""
    ids = _ids(conn, ("plan", "plan_element", "assessment_score"))
    olds = {
        name: current_rows(conn, table, ids)
        for name, table in (
            ("strategic_frame", t.strategic_frame),
            ("axis", t.axis),
            ("objective", t.objective),
            ("policy", t.policy),
            ("program", t.program),
            ("institutional_score", t.institutional_score),
        )
    }
    depth = {str(row["id"]): row["depth"] for row in t.read(conn, t.plan_element)}
    roles = {
        str(org_id): role
        for org_id, role in conn.execute(
            sa.select(t.old_organization.c.id, t.old_organization.c.role_in_planning)
        )
    }

    old_links = sa.table(
        "sdg_link", *(sa.column(name, sa.Uuid()) for name in ("id", "objective_id", "program_id"))
    )
    links = {
        str(link_id): (plain(objective), plain(program))
        for link_id, objective, program in conn.execute(sa.select(old_links))
    }

    def convert(table: str, payload: Payload) -> tuple[str, Payload] | None:
        if table in RENAMED:
            old, defaults = RENAMED[table]
            row = {k: v for k, v in payload.items() if k not in defaults and k != "element_id"}
            row[old] = payload.get("element_id")
            return table, row
        if table == "organization":
            return table, {**payload, "role_in_planning": roles.get(payload["id"], "")}
        if table == "municipality":
            return table, {k: v for k, v in payload.items() if k != "official_name"}
        if table == "sdg_link":
            row = {k: v for k, v in payload.items() if k not in ("element_id", "plan_id")}
            element = payload.get("element_id")
            is_objective = depth.get(str(element)) == 2
            row["objective_id"] = element if is_objective else None
            row["program_id"] = None if is_objective else element
            if element in links.get(payload["id"], ()):  # a link the upgrade split, joined
                row["objective_id"], row["program_id"] = links[payload["id"]]
            return table, row
        hit = next(
            (
                (name, found[payload["id"]])
                for name, found in olds.items()
                if payload["id"] in found
            ),
            None,
        )
        if hit is None:
            return None
        name, now = hit
        row = dict(now)
        for key in (*SYNCED, *OWN_FIELDS[name]):
            if key in payload:
                row[key] = payload[key]
        if name == "institutional_score":
            row["percentage"] = int(float(payload["percentage"])) if payload["percentage"] else 0
        return name, row

    rewrite(
        conn,
        (
            "plan",
            "plan_element",
            "assessment_score",
            *RENAMED,
            "organization",
            "municipality",
            "sdg_link",
        ),
        convert,
    )
