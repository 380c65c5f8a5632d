"""Checks of the articulation of the strategy: with the investment plan (projects and their
programming), with sector policies (a sector), with the government's structure (a unit
responsible), and money under every branch of the plan.

A finding names the element (table ``plan_element``) by its level and label.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.plan import OrgUnit
from planner_desktop.domain.projects import ProjectProfile
from planner_desktop.i18n import _
from planner_desktop.plan.check_profiles import not_dropped
from planner_desktop.plan.findings import Finding, Severity
from planner_desktop.plan.scope import Node, PlanTree, live, plan_tree, programmed_profiles
from planner_desktop.plan.totals import money_by_element, sums_under


def _element_findings(
    tree: PlanTree, nodes: list[Node], code: str, message: str, wanted: Callable[[Node], bool]
) -> list[Finding]:
    return [
        Finding(
            Severity.warning,
            code,
            message.format(element=tree.describe(node)),
            "plan_element",
            node.id,
        )
        for node in nodes
        if wanted(node)
    ]


def programme_without_projects(session: Session) -> list[Finding]:
    """Warning: an element of the programme level that no project carries out
    (``element-without-projects``), or whose projects have no money in the five-year
    programming (``element-without-programming``): the strategy is not articulated with
    the investment plan."""
    tree = plan_tree(session)
    if tree is None:
        return []
    programmed = set(session.scalars(programmed_profiles()))
    projects: dict[uuid.UUID, list[uuid.UUID]] = {}
    for profile_id, element_id in session.execute(
        select(ProjectProfile.id, ProjectProfile.element_id).where(
            not_dropped(), ProjectProfile.element_id.is_not(None)
        )
    ):
        if element_id is not None:
            projects.setdefault(element_id, []).append(profile_id)
    findings = _element_findings(
        tree,
        tree.programmes,
        "element-without-projects",
        _("{element} has no project: nothing in the investment plan carries it out"),
        lambda node: node.id not in projects,
    )
    findings += _element_findings(
        tree,
        tree.programmes,
        "element-without-programming",
        _("{element} has projects, but none has money in the five-year programming"),
        lambda node: node.id in projects and not programmed.intersection(projects[node.id]),
    )
    return findings


def programme_without_sector(session: Session) -> list[Finding]:
    """Warning: an element of the programme level with no sector, so it is not articulated
    with a sector policy."""
    tree = plan_tree(session)
    if tree is None:
        return []
    return _element_findings(
        tree,
        tree.programmes,
        "element-without-sector",
        _("{element} has no sector: it is not articulated with a sector policy"),
        lambda node: node.sector_id is None,
    )


def programme_without_unit(session: Session) -> list[Finding]:
    """Warning: an element of the programme level with no organisational unit (secretaría,
    dirección…) responsible for it, or one that was deleted."""
    tree = plan_tree(session)
    if tree is None:
        return []
    units = set(session.scalars(select(OrgUnit.id).where(live(OrgUnit))))
    return _element_findings(
        tree,
        tree.programmes,
        "element-without-unit",
        _("{element} has no organisational unit responsible for it"),
        lambda node: node.unit_id not in units,
    )


def top_without_budget(session: Session) -> list[Finding]:
    """Warning: an element of the top level with no money programmed under it, through
    any project of any element below it."""
    tree = plan_tree(session)
    if tree is None:
        return []
    sums = sums_under(tree, money_by_element(session))
    return _element_findings(
        tree,
        tree.at_depth(1),
        "element-without-budget",
        _("{element} has no budget in the five-year programming"),
        lambda node: not any(sums[node.id].values()),
    )
