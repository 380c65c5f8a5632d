"""Migration 0007, upgrade: today's strategic frame and self-assessment in the new shape.

- ``strategic_frame`` → ``plan`` (same id, template ``bolivia_pdm``), its ``values`` text
  → one ``plan_value`` per non-empty line (a line longer than a value's name keeps its
  first words as the name and the whole line as the sentence), and five ``plan_level``
  rows: Eje, Objetivo, Política, Lineamiento, Programa.
- ``axis`` → depth 1, ``objective`` → 2 under its axis, ``policy`` → 3 under its
  objective, a lineamiento (kind ``guideline``, or any policy under another) → 4 under its
  policy (a lineamiento under a lineamiento goes under the top policy of its chain, and one
  with no parent straight under its objective), ``program`` → 5 under its policy or
  lineamiento. Ids, codes, names, problems, sectors and provenance are kept; an axis
  keeps its position, the others are numbered 1, 2, … within their parent by code.
- ``institutional_score`` → ``assessment_score`` (same id, ``scored``, the percentage in
  hundredths) in one ``assessment_area`` per municipality and area text, numbered in
  alphabetical order. Two scores of one area in one year cannot share an area any more:
  the live one (else the last changed) keeps the area, the other goes to a twin area
  "<area> (2)" (deleted when all its scores are), so no score is lost.
- ``organization.role_in_planning`` (when not blank) → an ``actor_role`` of phase
  ``planning``.
- ``sdg_link`` → ``element_id`` is its objective or else its programme; a link that named
  both becomes two links (the programme's with a derived id).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from planner_desktop.store.migrations import plan_tree_rows as t
from planner_desktop.store.migrations.plan_tree_rows import Row

VALUE_NAME = 120
AREA_NAME = 120


def run(conn: Connection) -> None:
    frames(conn)
    elements(conn)
    assessment(conn)
    actor_roles(conn)


def frames(conn: Connection) -> None:
    plans, levels, values = [], [], []
    for frame in t.read(conn, t.strategic_frame):
        plans.append(
            t.carried(
                frame,
                municipality_id=frame["municipality_id"],
                template=t.TEMPLATE,
                title=t.PLAN_TITLE,
                start_year=frame["start_year"],
                end_year=frame["end_year"],
                vision=frame["vision"],
                mission=frame["mission"],
            )
        )
        for depth, name in enumerate(t.LEVEL_NAMES, start=1):
            new_id = t.derived_id(frame["id"], "plan_level", depth)
            levels.append(t.derived(frame, new_id, plan_id=frame["id"], depth=depth, name=name))
        for position, line in enumerate(value_lines(frame["values"]), start=1):
            name, sentence = value_name(line)
            new_id = t.derived_id(frame["id"], "plan_value", position)
            values.append(
                t.derived(
                    frame,
                    new_id,
                    plan_id=frame["id"],
                    name=name,
                    sentence=sentence,
                    position=position,
                )
            )
    t.write(conn, t.plan, plans)
    t.write(conn, t.plan_level, levels)
    t.write(conn, t.plan_value, values)


def value_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def value_name(line: str) -> tuple[str, str]:
    """A value's name and sentence from one line of the old text."""
    if len(line) <= VALUE_NAME:
        return line, ""
    return line[: VALUE_NAME - 1].rstrip() + "…", line


class Places:
    """Where each old element goes: depth, parent and plan, by old id."""

    def __init__(self, conn: Connection) -> None:
        self.axes = {row["id"]: row for row in t.read(conn, t.axis)}
        self.objectives = {row["id"]: row for row in t.read(conn, t.objective)}
        self.policies = {row["id"]: row for row in t.read(conn, t.policy)}
        self.programs = {row["id"]: row for row in t.read(conn, t.program)}

    def plan_of_axis(self, axis_id: Any) -> Any:
        axis = self.axes.get(axis_id)
        return axis["frame_id"] if axis else None

    def plan_of_objective(self, objective_id: Any) -> Any:
        found = self.objectives.get(objective_id)
        return self.plan_of_axis(found["axis_id"]) if found else None

    def policy_place(self, row: Row) -> tuple[int, Any]:
        """Depth and parent element of a policy or lineamiento row."""
        if row["parent_id"] is None:
            depth = 4 if row["kind"] == "guideline" else 3
            return depth, row["objective_id"]
        top, seen = self.policies.get(row["parent_id"]), {row["id"]}
        while top is not None and top["parent_id"] is not None and top["id"] not in seen:
            seen.add(top["id"])
            top = self.policies.get(top["parent_id"])
        if top is not None and top["parent_id"] is None and top["kind"] != "guideline":
            return 4, top["id"]
        return 4, row["objective_id"]

    def plan_of_policy(self, policy_id: Any) -> Any:
        found = self.policies.get(policy_id)
        return self.plan_of_objective(found["objective_id"]) if found else None

    def plan_of_program(self, program_id: Any) -> Any:
        found = self.programs.get(program_id)
        return self.plan_of_policy(found["policy_id"]) if found else None


def elements(conn: Connection) -> None:
    places = Places(conn)
    rows: list[Row] = []
    for axis in places.axes.values():
        rows.append(element(axis, axis["frame_id"], None, 1, axis["position"], problem=""))
    by_axis: dict[Any, list[Row]] = defaultdict(list)
    for objective in places.objectives.values():
        by_axis[objective["axis_id"]].append(objective)
    for axis_id, children in by_axis.items():
        plan_id = places.plan_of_axis(axis_id)
        for position, row in enumerate(t.code_order(children), start=1):
            rows.append(element(row, plan_id, axis_id, 2, position, problem=row["problem"]))
    by_parent: dict[Any, list[tuple[int, Row]]] = defaultdict(list)
    for row in places.policies.values():
        depth, parent_id = places.policy_place(row)
        by_parent[parent_id].append((depth, row))
    for parent_id, placed in by_parent.items():
        ordered = t.code_order(row for _depth, row in placed)
        depths = {row["id"]: depth for depth, row in placed}
        for position, row in enumerate(ordered, start=1):
            plan_id = places.plan_of_objective(row["objective_id"])
            rows.append(element(row, plan_id, parent_id, depths[row["id"]], position, problem=""))
    by_policy: dict[Any, list[Row]] = defaultdict(list)
    for program in places.programs.values():
        by_policy[program["policy_id"]].append(program)
    for policy_id, children in by_policy.items():
        plan_id = places.plan_of_policy(policy_id)
        for position, row in enumerate(t.code_order(children), start=1):
            rows.append(
                element(
                    row,
                    plan_id,
                    policy_id,
                    5,
                    position,
                    problem=row["problem"],
                    sector_id=row["sector_id"],
                )
            )
    for depth in range(1, 6):  # parents before children (the key is checked at once)
        t.write(conn, t.plan_element, (row for row in rows if row["depth"] == depth))


def element(
    row: Row, plan_id: Any, parent_id: Any, depth: int, position: int, **values: Any
) -> Row:
    values.setdefault("sector_id", None)
    return t.carried(
        row,
        plan_id=plan_id,
        parent_id=parent_id,
        depth=depth,
        code=row["code"],
        name=row["name"],
        position=position,
        unit_id=None,
        **values,
    )


def _newest_live_first(score: Row) -> tuple[Any, ...]:
    deleted = score["deleted_at"]
    return (deleted is not None, -_stamp(score["updated_at"]), str(score["id"]))


def _stamp(when: datetime | None) -> float:
    return when.timestamp() if when is not None else 0.0


def area_slots(scores: list[Row]) -> list[list[Row]]:
    """The scores of one area text split so no slot has a year twice (slot 0 first)."""
    by_year: dict[int, list[Row]] = defaultdict(list)
    for score in scores:
        by_year[score["year"]].append(score)
    slots: list[list[Row]] = []
    for year in sorted(by_year):
        for index, score in enumerate(sorted(by_year[year], key=_newest_live_first)):
            while len(slots) <= index:
                slots.append([])
            slots[index].append(score)
    return slots


def area_name(name: str, slot: int) -> str:
    if slot == 0:
        return name
    suffix = f" ({slot + 1})"
    return name[: AREA_NAME - len(suffix)] + suffix


def assessment(conn: Connection) -> None:
    by_area: dict[tuple[Any, str], list[Row]] = defaultdict(list)
    for score in t.read(conn, t.institutional_score):
        by_area[(score["municipality_id"], score["area"])].append(score)
    areas: list[Row] = []
    scores: list[Row] = []
    for (municipality_id, name), found in by_area.items():
        for slot, members in enumerate(area_slots(found)):
            first = min(members, key=lambda s: (_stamp(s["created_at"]), str(s["id"])))
            area_id = t.derived_id(municipality_id, "assessment_area", name, slot)
            area = t.derived(
                first, area_id, municipality_id=municipality_id, name=area_name(name, slot)
            )
            if any(s["deleted_at"] is None for s in members):
                area["deleted_at"] = None
            else:
                area["deleted_at"] = max(s["deleted_at"] for s in members)
            areas.append(area)
            for score in members:
                scores.append(
                    t.carried(
                        score,
                        area_id=area_id,
                        year=score["year"],
                        state="scored",
                        percentage=int(score["percentage"]) * 100,
                    )
                )
    by_municipality: dict[Any, list[Row]] = defaultdict(list)
    for area in areas:
        by_municipality[area["municipality_id"]].append(area)
    for members in by_municipality.values():
        ordered = sorted(members, key=lambda a: (a["name"].casefold(), a["name"]))
        for position, area in enumerate(ordered, start=1):
            area["position"] = position
    t.write(conn, t.assessment_area, areas)
    t.write(conn, t.assessment_score, scores)


def actor_roles(conn: Connection) -> None:
    roles = []
    for organization in t.read(conn, t.old_organization):
        text = organization["role_in_planning"] or ""
        if not text.strip():
            continue
        new_id = t.derived_id(organization["id"], "actor_role", "planning")
        roles.append(
            t.derived(
                organization,
                new_id,
                organization_id=organization["id"],
                phase="planning",
                role=text,
            )
        )
    t.write(conn, t.actor_role, roles)


def sdg_links(conn: Connection) -> list[Row]:
    """Fill ``element_id`` (both shapes' columns exist now); the second links of those that
    named both, to be written once the old columns and their check are gone."""
    both = [
        row
        for row in t.read(conn, t.old_sdg_link)
        if row["objective_id"] is not None and row["program_id"] is not None
    ]
    link = sa.table(
        "sdg_link",
        sa.column("element_id", sa.Uuid()),
        sa.column("objective_id", sa.Uuid()),
        sa.column("program_id", sa.Uuid()),
    )
    conn.execute(
        sa.update(link)
        .where(link.c.objective_id.is_not(None))
        .values(element_id=link.c.objective_id)
    )
    conn.execute(
        sa.update(link).where(link.c.objective_id.is_(None)).values(element_id=link.c.program_id)
    )
    return [
        t.derived(
            row,
            t.derived_id(row["id"], "sdg_link", "program"),
            plan_id=None,
            element_id=row["program_id"],
            sdg=row["sdg"],
            target=row["target"],
        )
        for row in both
    ]
