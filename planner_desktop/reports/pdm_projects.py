"""The plan draft's projects (where each hangs in the plan, who is responsible, how the
communities and the technical team class it) and the indicators of the plan's elements.

A project's communities' classes are those of the agreed community priorities it answers
(:mod:`planner_desktop.plan.answers`), each with the communities that gave it, A+ first.
The team's class is the technical team's own (``ProjectProfile.team_class``) with the
reason the team wrote for it; printed side by side, so a reader sees where they differ.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from reportlab.platypus import Flowable
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PriorityClass
from planner_desktop.domain.labels import label
from planner_desktop.domain.plan import OrgUnit
from planner_desktop.domain.projects import Indicator, IndicatorTarget, ProjectProfile
from planner_desktop.domain.summaries import live
from planner_desktop.i18n import _
from planner_desktop.plan.answers import CommunityPriorities
from planner_desktop.plan.ordering import bytewise, text_key
from planner_desktop.reports.contents import Sections
from planner_desktop.reports.numbers import typed
from planner_desktop.reports.plan_tree import PlanTree
from planner_desktop.reports.tables import scaled, table

CLASS_ORDER = {klass: n for n, klass in enumerate(PriorityClass)}


def communities_classes(priorities: list[CommunityPriorities]) -> dict[uuid.UUID, str]:
    """Per project, the classes the communities gave the priorities it answers:
    ``A+: Chillavi, Tacopaya; A: Villa Rosario``."""
    found: dict[uuid.UUID, dict[PriorityClass, list[str]]] = defaultdict(lambda: defaultdict(list))
    for community in priorities:
        for priority in community.priorities:
            if priority.priority_class is None:
                continue
            for answer in priority.answers:
                names = found[answer.profile_id][priority.priority_class]
                if community.community not in names:
                    names.append(community.community)
    return {
        profile_id: "; ".join(
            f"{klass.value}: {', '.join(names)}"
            for klass, names in sorted(by_class.items(), key=lambda kv: CLASS_ORDER[kv[0]])
        )
        for profile_id, by_class in found.items()
    }


def projects_section(
    session: Session,
    sections: Sections,
    tree: PlanTree,
    priorities: list[CommunityPriorities],
    width: float,
) -> list[Flowable]:
    """Every live project with its element, responsible unit and classes; nothing when
    there is no project."""
    profiles = session.execute(
        select(
            ProjectProfile.id,
            ProjectProfile.code,
            ProjectProfile.name,
            ProjectProfile.element_id,
            ProjectProfile.unit_id,
            ProjectProfile.executing_unit,
            ProjectProfile.team_class,
            ProjectProfile.team_class_reason,
        )
        .where(live(ProjectProfile))
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id)
    ).all()
    if not profiles:
        return []
    units = dict(session.execute(select(OrgUnit.id, OrgUnit.name).where(live(OrgUnit))).all())
    header, elements = tree.column([p.element_id for p in profiles])
    if not elements:
        header = _("Element of the plan")
    classes = communities_classes(priorities)
    rows = [
        [
            p.code,
            p.name,
            elements.get(p.element_id, "—") if p.element_id else "—",
            units.get(p.unit_id) or p.executing_unit or "—",
            classes.get(p.id, "—"),
            p.team_class.value if p.team_class else "—",
            p.team_class_reason,
        ]
        for p in profiles
    ]
    return [
        sections.section(_("Projects")),
        table(
            [
                _("Code"),
                _("Project"),
                header,
                _("Responsible unit"),
                _("Communities' classes"),
                _("Team's class"),
                _("Why the team classes it so"),
            ],
            rows,
            scaled((1.5, 5, 4.5, 3, 3.5, 1.4, 5), width),
        ),
    ]


def indicators_section(
    session: Session, sections: Sections, tree: PlanTree, width: float
) -> list[Flowable]:
    """The indicators of the plan's elements with their targets per year of the plan;
    nothing when no element has one."""
    indicators = session.execute(
        select(
            Indicator.id,
            Indicator.element_id,
            Indicator.name,
            Indicator.level,
            Indicator.unit,
            Indicator.baseline,
        ).where(live(Indicator), Indicator.element_id.in_(list(tree.by_id)))
    ).all()
    if not indicators:
        return []
    order = {node.id: n for n, node in enumerate(tree.walk())}
    indicators = sorted(indicators, key=lambda i: (order[i.element_id], text_key(i.name), i.id))
    years = tree.years
    targets = {
        (i, y): t
        for i, y, t in session.execute(
            select(
                IndicatorTarget.indicator_id, IndicatorTarget.year, IndicatorTarget.target
            ).where(
                live(IndicatorTarget), IndicatorTarget.indicator_id.in_([i.id for i in indicators])
            )
        )
    }
    header, elements = tree.column([i.element_id for i in indicators])
    rows = [
        [
            elements[i.element_id],
            i.name,
            label(i.level),
            i.unit,
            typed(i.baseline),
            *(typed(targets.get((i.id, y))) for y in years),
        ]
        for i in indicators
    ]
    return [
        sections.section(_("Indicators and targets")),
        table(
            [header, _("Indicator"), _("Level"), _("Unit"), _("Baseline"), *map(str, years)],
            rows,
            scaled([3.5, 5, 1.5, 1.6, 1.4] + [1.2] * len(years), width),
        ),
    ]
