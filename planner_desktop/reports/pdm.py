"""The plan draft (the PDM in Bolivia): contents, diagnosis, strategic frame, projects,
the programming over the plan's years, indicators, community priorities and the annex.

The document fits the plan it prints: the municipality's own official name, the plan's
title and its level names; *five-year programming* only for a five-year period (else
*multi-year programming* with the years); and a section with nothing to print is left
out, the numbering of the others closing up.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, PageBreak
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import FindingKind, PriorityClass
from planner_desktop.domain.figures import counted_programming, population, population_by_district
from planner_desktop.domain.labels import label
from planner_desktop.domain.projects import MultiYearProgramming, ProjectProfile
from planner_desktop.domain.summaries import diagnosis_summary, live, programming_totals
from planner_desktop.domain.territory import Community, Dimension, District, Municipality
from planner_desktop.exchange.conflict_marks import (
    any_conflict,
    conflicted_ids,
    in_conflict,
    marked,
    printed_note,
)
from planner_desktop.i18n import _
from planner_desktop.plan.answers import community_priorities
from planner_desktop.plan.ordering import bytewise
from planner_desktop.reports import self_assessment
from planner_desktop.reports.common import (
    ReportOptions,
    ReportRefused,
    government,
    lines,
    municipality,
)
from planner_desktop.reports.contents import Contents, Sections
from planner_desktop.reports.diagnosis import agreed_classes, demands_by_sector
from planner_desktop.reports.layout import Document, frame_size, heading, money, para
from planner_desktop.reports.maps import map_section
from planner_desktop.reports.numbers import number
from planner_desktop.reports.pdm_annex import annex_section
from planner_desktop.reports.pdm_frame import frame_section
from planner_desktop.reports.pdm_priorities import left_out_of_programming, priorities_section
from planner_desktop.reports.pdm_projects import indicators_section, projects_section
from planner_desktop.reports.plan_tree import PlanTree, current_plan, load_tree
from planner_desktop.reports.tables import scaled, table

PDM_TABLES = (
    "district",
    "community",
    "plan",
    "plan_level",
    "plan_value",
    "plan_element",
    "sdg_link",
    "cross_cutting",
    "element_cross_cutting",
    "org_unit",
    "project_profile",
    "multi_year_programming",
    "funding_source",
    "indicator",
    "indicator_target",
    "assessment_area",
    "assessment_score",
    "actor_role",
    "work_activity",
    "agreement",
    "team_member",
    "pact",
)
"""The tables whose records the plan draft prints: a conflict in any of them is noted."""


def programming_title(tree: PlanTree) -> str:
    """*Five-year programming* for a five-year plan, else the years it spans."""
    if len(tree.years) == 5:
        return _("Five-year programming")
    return _("Multi-year programming {start}–{end}").format(
        start=tree.plan.start_year, end=tree.plan.end_year
    )


def _territory(session: Session, width: float) -> Flowable:
    """Communities and population of each live district (live communities only)."""
    people = population_by_district(session)
    districts = session.execute(
        select(District.id, District.name)
        .where(live(District))
        .order_by(bytewise(District.code), District.id)
    ).all()
    disputed = conflicted_ids(session, "district") | set(
        session.scalars(select(Community.district_id).where(in_conflict(Community.id, "community")))
    )
    rows: list[list[Any]] = [
        [marked(name) if key in disputed else name, p.communities, p.women, p.men, p.families]
        for key, name in districts
        for p in [people[key]]
    ]
    whole = population(session)
    rows.append([_("Total"), whole.communities, whole.women, whole.men, whole.families])
    return table(
        [_("District"), _("Communities"), _("Women"), _("Men"), _("Families")],
        rows,
        scaled((5, 1.5, 1.5, 1.5, 1.5), width),
        numeric=(1, 2, 3, 4),
        bold_last=True,
    )


def _diagnosis(
    session: Session, sections: Sections, town: Municipality, width: float, height: float
) -> list[Flowable]:
    """The parts of the diagnosis that hold something; nothing when none does."""
    parts: list[tuple[str, list[Flowable]]] = []
    if session.scalar(select(District.id).where(live(District)).limit(1)) is not None:
        parts.append((_("Territory and population"), [_territory(session, width)]))
        parts.append((_("Maps"), map_section(session, town.id, width, height)))
    summary = diagnosis_summary(session)
    if summary.findings:
        dimensions = session.execute(
            select(Dimension.id, Dimension.name)
            .where(live(Dimension))
            .order_by(Dimension.position, bytewise(Dimension.name), Dimension.id)
        ).all()
        kinds = list(FindingKind)
        matrix = [[d.name, *(summary.matrix.get((d.id, k), 0) for k in kinds)] for d in dimensions]
        parts.append(
            (
                _("Findings of the community self-diagnoses"),
                [
                    para(
                        _("{n} self-diagnoses in {c} communities, {f} findings.").format(
                            n=number(summary.self_diagnoses),
                            c=number(summary.communities),
                            f=number(summary.findings),
                        )
                    ),
                    table(
                        [_("Dimension"), *(label(k) for k in kinds)],
                        matrix,
                        scaled([4] + [1.5] * len(kinds), width),
                        numeric=range(1, len(kinds) + 1),
                    ),
                ],
            )
        )
    by_sector = demands_by_sector(session)
    classes = agreed_classes(session)
    demands: list[Flowable] = []
    if by_sector:
        demands.append(
            table(
                [_("Sector"), _("Demands"), _("Estimated cost")],
                [[name, n, money(cost)] for name, n, cost in by_sector],
                scaled((6, 1.5, 2.5), width),
                numeric=(1, 2),
            )
        )
    if classes:
        demands.append(
            para(
                _("Agreed priorities by class: {classes}.").format(
                    classes=", ".join(
                        f"{c.value} {number(classes.get(c, 0))}" for c in PriorityClass
                    )
                )
            )
        )
    if demands:
        parts.append((_("Demands and priorities"), demands))
    assessment = self_assessment.summary(session, town.id, width)
    if assessment:
        parts.append((_("Institutional self-assessment"), assessment))
    if not parts:
        return []
    flow: list[Flowable] = [sections.section(_("Diagnosis"))]
    for title, body in parts:
        flow += [sections.sub(title), *body]
    return flow


def _programming(
    session: Session, sections: Sections, tree: PlanTree, width: float
) -> list[Flowable]:
    """Money per project and per funding source over the plan's years; nothing when no
    project is programmed and none is left out."""
    years = tree.years
    disputed = in_conflict(ProjectProfile.id, "project_profile") | in_conflict(
        MultiYearProgramming.id, "multi_year_programming"
    )
    rows = session.execute(
        select(
            ProjectProfile.code,
            ProjectProfile.name,
            MultiYearProgramming.year,
            MultiYearProgramming.amount,
            disputed,
        )
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(counted_programming())
        .order_by(bytewise(ProjectProfile.code), ProjectProfile.id, MultiYearProgramming.year)
    ).all()
    left_out = left_out_of_programming(session, width)
    if not rows:
        return [sections.section(programming_title(tree)), *left_out] if left_out else []
    per_project: dict[tuple[str, str], dict[int, Decimal]] = {}
    marked_codes: set[str] = set()
    for code, name, year, amount, in_dispute in rows:
        per_project.setdefault((code, name), defaultdict(Decimal))[year] += amount
        if in_dispute:
            marked_codes.add(code)
    body = [
        [
            code,
            marked(name) if code in marked_codes else name,
            *(money(amounts.get(y, 0)) for y in years),
            money(sum(amounts.values(), Decimal(0))),
        ]
        for (code, name), amounts in per_project.items()
    ]
    totals = programming_totals(session)
    body.append(
        [_("Total"), "", *(money(totals.year_total(y)) for y in years), money(totals.total)]
    )
    by_source = [
        [
            code,
            totals.names.get(code, ""),
            *(money(totals.amounts.get((y, code), 0)) for y in years),
            money(totals.source_total(code)),
        ]
        for code in totals.sources
    ]
    by_source.append(
        [_("Total"), "", *(money(totals.year_total(y)) for y in years), money(totals.total)]
    )
    ratios = [1.6, 5.5] + [1.8] * len(years) + [2]
    header = [_("Code"), _("Project"), *(str(y) for y in years), _("Total")]
    return [
        sections.section(programming_title(tree)),
        sections.sub(_("Projects by year")),
        table(
            header, body, scaled(ratios, width), numeric=range(2, len(years) + 3), bold_last=True
        ),
        *left_out,
        sections.sub(_("Funding sources by year")),
        table(
            [_("Code"), _("Source"), *header[2:]],
            by_source,
            scaled(ratios, width),
            numeric=range(2, len(years) + 3),
            bold_last=True,
        ),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    plan = current_plan(session)
    if plan is None:
        raise ReportRefused(_("there is no plan yet: its draft cannot be printed"))
    tree = load_tree(session, plan)
    width, height = frame_size(options.paper, wide=True)
    toc = Contents()
    sections = Sections(toc)
    priorities = community_priorities(session)
    body: list[Flowable] = []
    legal_basis = lines(town.legal_basis)
    if legal_basis:
        body += [
            sections.section(_("Introduction and legal basis")),
            *[para(p) for p in legal_basis],
        ]
    # (part, whether it starts on a new page): programming and indicators follow projects
    for part, new_page in (
        (_diagnosis(session, sections, town, width, height), True),
        (frame_section(session, sections, toc, tree, width), True),
        (projects_section(session, sections, tree, priorities, width), True),
        (_programming(session, sections, tree, width), False),
        (indicators_section(session, sections, tree, width), False),
        (priorities_section(priorities, sections, toc, width), True),
        (annex_section(session, toc, tree, width), True),
    ):
        if part:
            body += [*([PageBreak()] if body and new_page else []), *part]
    if any_conflict(session, PDM_TABLES):
        body.insert(0, para(printed_note()))
    flow = [heading(_("Contents")), toc.flowable(), PageBreak(), *body]
    return Document(
        title=_("Draft: {title} {start}–{end}").format(
            title=tree.title, start=plan.start_year, end=plan.end_year
        ),
        subtitle=government(town),
        flowables=flow,
        landscape=True,
    )
