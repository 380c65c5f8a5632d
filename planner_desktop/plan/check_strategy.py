"""Checks of the strategic frame: programmes, axes and the policy hierarchy."""

from __future__ import annotations

import uuid

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program
from planner_desktop.i18n import _
from planner_desktop.plan.findings import Finding, Severity, label
from planner_desktop.plan.scope import live, plan_period, program_chain


def program_without_objective(session: Session) -> list[Finding]:
    """Error: a live programme whose policy, objective or axis is missing (tombstoned)."""
    chain = program_chain().subquery()
    rows = session.execute(
        select(Program.id, Program.code, Program.name)
        .where(live(Program), Program.id.not_in(select(chain.c.program_id)))
        .order_by(Program.code)
    ).all()
    return [
        Finding(
            Severity.error,
            "program-without-objective",
            _("programme {program} has no strategic objective behind it").format(
                program=label(code, name)
            ),
            "program",
            program_id,
        )
        for program_id, code, name in rows
    ]


def program_without_problem(session: Session) -> list[Finding]:
    """Warning: no problem stated for a programme, its objective, or any of its profiles."""
    chain = program_chain().subquery()
    profile_problem = exists().where(
        ProjectProfile.program_id == Program.id,
        live(ProjectProfile),
        func.trim(ProjectProfile.central_problem) != "",
    )
    rows = session.execute(
        select(Program.id, Program.code, Program.name)
        .join(chain, chain.c.program_id == Program.id)
        .join(Objective, Objective.id == chain.c.objective_id)
        .where(
            func.trim(Program.problem) == "",
            func.trim(Objective.problem) == "",
            ~profile_problem,
        )
        .order_by(Program.code)
    ).all()
    return [
        Finding(
            Severity.warning,
            "program-without-problem",
            _("programme {program} has no problem behind it (state it in the programme, "
              "its objective or a project profile)").format(program=label(code, name)),
            "program",
            program_id,
        )
        for program_id, code, name in rows
    ]


def axis_without_budget(session: Session) -> list[Finding]:
    """Warning: an axis of the PDM with no money programmed through any of its programmes."""
    period = plan_period(session)
    if period is None:
        return []
    chain = program_chain().subquery()
    funded = (
        select(chain.c.axis_id)
        .join(ProjectProfile, ProjectProfile.program_id == chain.c.program_id)
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(live(ProjectProfile), live(MultiYearProgramming), MultiYearProgramming.amount > 0)
    )
    rows = session.execute(
        select(Axis.id, Axis.code, Axis.name)
        .where(Axis.frame_id == period.frame_id, live(Axis), Axis.id.not_in(funded))
        .order_by(Axis.position, Axis.code)
    ).all()
    return [
        Finding(
            Severity.warning,
            "axis-without-budget",
            _("axis {axis} has no budget in the five-year programming").format(
                axis=label(code, name)
            ),
            "axis",
            axis_id,
        )
        for axis_id, code, name in rows
    ]


def find_cycles(parents: dict[uuid.UUID, uuid.UUID | None]) -> list[list[uuid.UUID]]:
    """Each cycle in a child → parent map once, as the list of its members."""
    cycles: list[list[uuid.UUID]] = []
    done: set[uuid.UUID] = set()
    for start in parents:
        path: list[uuid.UUID] = []
        seen: dict[uuid.UUID, int] = {}
        node: uuid.UUID | None = start
        while node is not None and node not in done and node not in seen:
            seen[node] = len(path)
            path.append(node)
            node = parents.get(node)
        if node is not None and node in seen:
            cycles.append(path[seen[node]:])
        done.update(path)
    return cycles


def policy_cycle(session: Session) -> list[Finding]:
    """Error: policies whose parent chain goes round in a circle (one finding per cycle)."""
    rows = session.execute(
        select(Policy.id, Policy.parent_id, Policy.code).where(live(Policy))
    ).all()
    parents = {policy_id: parent_id for policy_id, parent_id, _code in rows}
    codes = {policy_id: code for policy_id, _parent, code in rows}
    findings = []
    for cycle in find_cycles(parents):
        first = min(cycle, key=lambda member: codes[member])
        findings.append(
            Finding(
                Severity.error,
                "policy-cycle",
                _("the policies {codes} are each other's parents (a cycle)").format(
                    codes=" → ".join(codes[member] for member in cycle)
                ),
                "policy",
                first,
            )
        )
    return findings
