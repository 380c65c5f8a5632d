"""Checks of the plan's tree: every element hangs from the top, and the chain problem →
objective → programme starts from a problem.

The findings name the element (table ``plan_element``) by its level's name and label
(``Programa PR01 «Agua segura»``).
"""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.i18n import _
from planner_desktop.plan.findings import Finding, Severity
from planner_desktop.plan.scope import PlanTree, live, plan_tree


def element_detached(session: Session) -> list[Finding]:
    """Error: a live element that does not hang from the top of the plan: its parent is
    missing or deleted, is not above it, or it sits at a level the plan does not have."""
    tree = plan_tree(session)
    if tree is None:
        return []
    findings = []
    for node in tree.nodes.values():
        if node.depth > tree.deepest:
            message = _("{element} is at level {depth}, below the plan's last level").format(
                element=tree.describe(node), depth=node.depth
            )
        elif not tree.attached(node):
            message = _(
                "{element} does not hang from the plan's top level (the element "
                "above it is missing or deleted)"
            ).format(element=tree.describe(node))
        else:
            continue
        findings.append(
            Finding(Severity.error, "element-detached", message, "plan_element", node.id)
        )
    return findings


def _profile_problems(session: Session) -> set[uuid.UUID]:
    """Elements with a live profile that states its central problem."""
    return {
        element_id
        for element_id in session.scalars(
            select(ProjectProfile.element_id).where(
                live(ProjectProfile),
                ProjectProfile.element_id.is_not(None),
                func.trim(ProjectProfile.central_problem) != "",
            )
        )
        if element_id is not None
    }


def _problem_stated(tree: PlanTree, element_id: uuid.UUID) -> bool:
    return any(node.problem.strip() for node in tree.chain(element_id))


def element_without_problem(session: Session) -> list[Finding]:
    """Warning: an element of the programme level with no problem behind it: none stated
    in it, in any element above it (its objective…), nor in a project that hangs from it."""
    tree = plan_tree(session)
    if tree is None:
        return []
    from_profiles = _profile_problems(session)
    return [
        Finding(
            Severity.warning,
            "element-without-problem",
            _(
                "{element} has no problem behind it (state it in it, in an element above it "
                "or in a project profile)"
            ).format(element=tree.describe(node)),
            "plan_element",
            node.id,
        )
        for node in tree.programmes
        if not _problem_stated(tree, node.id) and node.id not in from_profiles
    ]
