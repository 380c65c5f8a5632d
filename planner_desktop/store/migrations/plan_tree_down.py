"""Migration 0007, downgrade: the plan tree back in the old fixed tables, when it fits.

It fits when every plan is a Bolivian PDM with its five levels as the upgrade made them,
every element sits where the old tables had a place for it (an eje at the top, an
objective under an eje, a policy under an objective, a lineamiento under a policy or
straight under an objective, a programme under a policy or lineamiento), projects and
operations point at programmes, indicators and management objectives at objectives, and
nothing the old tables cannot hold is there (values with a sentence, an official name,
units, team classes, impact indicators, scores not scored or with decimals, roles in other
phases, plan-wide SDGs, any record of the plan's annexes). Otherwise
:func:`refuse_unless_it_fits` raises :class:`DoesNotFit` before anything is changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from planner_desktop.store.migrations import plan_tree_rows as t
from planner_desktop.store.migrations import plan_tree_up
from planner_desktop.store.migrations.plan_tree_rows import Row

ANNEXES = (
    "org_unit",
    "cross_cutting",
    "element_cross_cutting",
    "work_activity",
    "agreement",
    "team_member",
    "pact",
)
NEW_ONLY = (*ANNEXES, "plan_level", "plan_value", "assessment_area", "actor_role")
"""Tables with no old counterpart (the ledger may not hold copies of their records)."""

POINTING = (
    ("project_profile", (5,)),
    ("operation", (5,)),
    ("indicator", (2,)),
    ("management_objective", (2,)),
)
PARENT_DEPTHS = {1: (None,), 2: (1,), 3: (2,), 4: (2, 3), 5: (3, 4)}


class DoesNotFit(Exception):
    """The data cannot go back to the tables before 0007 without losing something."""


def _count(conn: Connection, sql: str) -> int:
    return int(conn.execute(sa.text(sql)).scalar() or 0)


def problems(conn: Connection) -> list[str]:
    """What does not fit the old tables (empty: the downgrade can run)."""
    found: list[str] = []
    for table in ANNEXES:
        if _count(conn, f"SELECT COUNT(*) FROM {table}"):
            found.append(f"the table {table} has records")
    checks = {
        "a plan is not a Bolivian PDM": "SELECT COUNT(*) FROM plan WHERE template <> "
        f"'{t.TEMPLATE}' OR title <> '{t.PLAN_TITLE}'",
        "a municipality has an official name": "SELECT COUNT(*) FROM municipality "
        "WHERE official_name <> ''",
        "a project has a unit or a team class": "SELECT COUNT(*) FROM project_profile "
        "WHERE unit_id IS NOT NULL OR team_class IS NOT NULL OR team_class_reason <> ''",
        "an element has a unit": "SELECT COUNT(*) FROM plan_element WHERE unit_id IS NOT NULL",
        "an indicator is an impact indicator": "SELECT COUNT(*) FROM indicator "
        "WHERE level = 'impact'",
        "a self-assessment score is not a whole percentage": "SELECT COUNT(*) FROM "
        "assessment_score WHERE state <> 'scored' OR percentage IS NULL "
        "OR percentage % 100 <> 0",
        "a self-assessment area has no score": "SELECT COUNT(*) FROM assessment_area a "
        "WHERE NOT EXISTS (SELECT 1 FROM assessment_score s WHERE s.area_id = a.id)",
        "an actor has a role outside planning": "SELECT COUNT(*) FROM actor_role "
        "WHERE phase <> 'planning'",
        "an SDG is linked to a whole plan": "SELECT COUNT(*) FROM sdg_link "
        "WHERE plan_id IS NOT NULL",
    }
    found.extend(reason for reason, sql in checks.items() if _count(conn, sql))
    found.extend(_tree_problems(conn))
    found.extend(_ledger_problems(conn))
    return found


def _tree_problems(conn: Connection) -> list[str]:
    found: list[str] = []
    expected = sorted(enumerate(t.LEVEL_NAMES, start=1))
    levels: dict[Any, list[tuple[int, str]]] = defaultdict(list)
    for level in t.read(conn, t.plan_level):
        levels[level["plan_id"]].append((level["depth"], level["name"]))
    for plan in t.read(conn, t.plan):
        if sorted(levels.get(plan["id"], [])) != expected:
            found.append("a plan's levels are not Eje, Objetivo, Política, Lineamiento, Programa")
    for value in t.read(conn, t.plan_value):
        if "\n" in value["name"] or "\r" in value["name"] or value_line(value) is None:
            found.append("a value of the plan has a sentence")
    elements = {row["id"]: row for row in t.read(conn, t.plan_element)}
    for row in elements.values():
        parent = elements.get(row["parent_id"])
        parent_depth = parent["depth"] if parent is not None else None
        if parent is not None and parent["plan_id"] != row["plan_id"]:
            found.append(f"the element {row['code']} hangs from another plan")
        if row["depth"] not in PARENT_DEPTHS or parent_depth not in PARENT_DEPTHS[row["depth"]]:
            found.append(f"the element {row['code']} is where the old frame had no place")
        if row["sector_id"] is not None and row["depth"] != 5:
            found.append(f"the element {row['code']} has a sector but is not a programme")
        if row["problem"] and row["depth"] not in (2, 5):
            found.append(f"the element {row['code']} has a problem but no old table keeps it")
    depth = {key: row["depth"] for key, row in elements.items()}
    for table, allowed in POINTING:
        source = sa.table(table, sa.column("element_id", sa.Uuid()))
        for element_id in conn.scalars(sa.select(source.c.element_id).distinct()):
            if element_id is not None and depth.get(element_id) not in allowed:
                found.append(f"a record of {table} points at an element of another level")
                break
    links = sa.table("sdg_link", sa.column("element_id", sa.Uuid()))
    for element_id in conn.scalars(sa.select(links.c.element_id).distinct()):
        if element_id is not None and depth.get(element_id) not in (2, 5):
            found.append("an SDG is linked to an element that is no objective or programme")
            break
    return list(dict.fromkeys(found))


def _ledger_problems(conn: Connection) -> list[str]:
    from planner_desktop.store.migrations.plan_tree_ledger import ledger_change, ledger_conflict

    found = []
    for source in (ledger_conflict, ledger_change):
        query = sa.select(source.c.table_name).where(source.c.table_name.in_(NEW_ONLY))
        name = conn.scalars(query.limit(1)).first()
        if name is not None:
            found.append(f"the exchange ledger keeps versions of {name} records")
    return found


def refuse_unless_it_fits(conn: Connection) -> None:
    found = problems(conn)
    if found:
        raise DoesNotFit(
            "cannot go back below 0007_plan_tree without losing data: " + "; ".join(found)
        )


def value_line(value: Row) -> str | None:
    """The line of the old values text a value came from (None: it has a sentence)."""
    name, sentence = value["name"], value["sentence"]
    if not sentence:
        return name
    if plan_tree_up.value_name(sentence) == (name, sentence):
        return sentence
    return None


def run(conn: Connection) -> None:
    frames(conn)
    elements(conn)
    scores(conn)


def frames(conn: Connection) -> None:
    values: dict[Any, list[Row]] = defaultdict(list)
    for value in t.read(conn, t.plan_value):
        if value["deleted_at"] is None:
            values[value["plan_id"]].append(value)
    rows = []
    for plan in t.read(conn, t.plan):
        ordered = sorted(values[plan["id"]], key=lambda v: (v["position"], str(v["id"])))
        rows.append(
            t.carried(
                plan,
                municipality_id=plan["municipality_id"],
                start_year=plan["start_year"],
                end_year=plan["end_year"],
                vision=plan["vision"],
                mission=plan["mission"],
                values="\n".join(value_line(v) or v["name"] for v in ordered),
            )
        )
    t.write(conn, t.strategic_frame, rows)


def old_rows(element: Row, parent: Row | None) -> tuple[sa.TableClause, Row]:
    """The old table and row of one element."""
    depth, parent_id = element["depth"], element["parent_id"]
    common = {"code": element["code"], "name": element["name"]}
    if depth == 1:
        return t.axis, t.carried(
            element, frame_id=element["plan_id"], position=element["position"], **common
        )
    if depth == 2:
        return t.objective, t.carried(
            element, axis_id=parent_id, problem=element["problem"], **common
        )
    if depth == 5:
        return t.program, t.carried(
            element,
            policy_id=parent_id,
            sector_id=element["sector_id"],
            problem=element["problem"],
            **common,
        )
    under_objective = parent is None or parent["depth"] == 2
    return t.policy, t.carried(
        element,
        objective_id=parent_id if under_objective else parent["parent_id"],  # type: ignore[index]
        parent_id=None if under_objective else parent_id,
        kind="policy" if depth == 3 else "guideline",
        **common,
    )


def elements(conn: Connection) -> None:
    found = {row["id"]: row for row in t.read(conn, t.plan_element)}
    for depth in range(1, 6):
        by_table: dict[str, tuple[sa.TableClause, list[Row]]] = {}
        for element in found.values():
            if element["depth"] != depth:
                continue
            target, row = old_rows(element, found.get(element["parent_id"]))
            by_table.setdefault(target.name, (target, []))[1].append(row)
        for target, rows in by_table.values():
            t.write(conn, target, rows)


TWIN = re.compile(r"^(.*) \((\d+)\)$")


def old_area(area: Row) -> str:
    """The old area text of an area (a twin made by the upgrade goes back to its name)."""
    match = TWIN.match(area["name"])
    if match:
        base, slot = match.group(1), int(match.group(2)) - 1
        if area["id"] == t.derived_id(area["municipality_id"], "assessment_area", base, slot):
            return base
    return str(area["name"])


def scores(conn: Connection) -> None:
    areas = {area["id"]: area for area in t.read(conn, t.assessment_area)}
    rows = []
    for score in t.read(conn, t.assessment_score):
        area = areas[score["area_id"]]
        rows.append(
            t.carried(
                score,
                municipality_id=area["municipality_id"],
                area=old_area(area),
                year=score["year"],
                percentage=int(score["percentage"]) // 100,
            )
        )
    t.write(conn, t.institutional_score, rows)


def roles_back(conn: Connection) -> None:
    """Each live planning role back into its organisation (the column exists again)."""
    organization = sa.table(
        "organization", sa.column("id", sa.Uuid()), sa.column("role_in_planning", sa.Text())
    )
    for role in t.read(conn, t.actor_role):
        if role["deleted_at"] is None and role["phase"] == "planning":
            conn.execute(
                sa.update(organization)
                .where(organization.c.id == role["organization_id"])
                .values(role_in_planning=role["role"])
            )


def sdg_links(conn: Connection) -> None:
    """Fill ``objective_id``/``program_id`` (both shapes' columns exist now) and join the
    links the upgrade split in two."""
    link = sa.table(
        "sdg_link",
        *(sa.column(name, sa.Uuid()) for name in ("id", "element_id", "objective_id")),
        sa.column("program_id", sa.Uuid()),
        sa.column("sdg", sa.Integer()),
        sa.column("target", sa.Text()),
    )
    depth = {row["id"]: row["depth"] for row in t.read(conn, t.plan_element)}
    rows = {row.id: row for row in conn.execute(sa.select(link))}
    for row in rows.values():
        column = "objective_id" if depth.get(row.element_id) == 2 else "program_id"
        conn.execute(sa.update(link).where(link.c.id == row.id).values({column: row.element_id}))
    for first in list(rows.values()):
        second = rows.get(t.derived_id(first.id, "sdg_link", "program"))
        if second is None or (first.sdg, first.target) != (second.sdg, second.target):
            continue
        if depth.get(first.element_id) == 2 and depth.get(second.element_id) == 5:
            conn.execute(
                sa.update(link).where(link.c.id == first.id).values(program_id=second.element_id)
            )
            conn.execute(sa.delete(link).where(link.c.id == second.id))
