"""The PDM draft: contents, diagnosis, strategic frame and the five-year programming."""

from __future__ import annotations

import uuid
from collections import defaultdict
from decimal import Decimal
from typing import Any

from reportlab.platypus import Flowable, PageBreak
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import FindingKind, PriorityClass
from planner_desktop.domain.figures import counted_programming, population, population_by_district
from planner_desktop.domain.labels import label
from planner_desktop.domain.projects import (
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProjectProfile,
)
from planner_desktop.domain.strategy import Axis, Objective, Policy, Program, SdgLink
from planner_desktop.domain.summaries import (
    current_frame,
    diagnosis_summary,
    live,
    programming_totals,
)
from planner_desktop.domain.territory import Community, Dimension, District, Sector
from planner_desktop.exchange.conflict_marks import (
    any_conflict,
    conflicted_ids,
    in_conflict,
    marked,
    printed_note,
)
from planner_desktop.i18n import _
from planner_desktop.reports.common import ReportOptions, ReportRefused, lines, municipality
from planner_desktop.reports.contents import Contents
from planner_desktop.reports.diagnosis import agreed_classes, demands_by_sector
from planner_desktop.reports.layout import Document, frame_size, heading, money, para
from planner_desktop.reports.numbers import number, typed
from planner_desktop.reports.pdm_priorities import left_out_of_programming, priorities_section
from planner_desktop.reports.tables import scaled, table

PDM_TABLES = ("district", "community", "strategic_frame", "axis", "objective", "policy",
              "program", "project_profile", "multi_year_programming", "funding_source")
"""The tables whose records the PDM draft prints: a conflict in any of them is noted."""


def _territory(session: Session, width: float) -> Flowable:
    """Communities and population of each live district (live communities only)."""
    people = population_by_district(session)
    districts = session.execute(select(District.id, District.name).where(live(District))
                                .order_by(District.code)).all()
    disputed = conflicted_ids(session, "district") | set(session.scalars(
        select(Community.district_id).where(in_conflict(Community.id, "community"))))
    rows: list[list[Any]] = [
        [marked(name) if key in disputed else name, p.communities, p.women, p.men, p.families]
        for key, name in districts for p in [people[key]]
    ]
    whole = population(session)
    rows.append([_("Total"), whole.communities, whole.women, whole.men, whole.families])
    return table([_("District"), _("Communities"), _("Women"), _("Men"), _("Families")], rows,
                 scaled((5, 1.5, 1.5, 1.5, 1.5), width), numeric=(1, 2, 3, 4), bold_last=True)


def _diagnosis(session: Session, toc: Contents, width: float) -> list[Flowable]:
    summary = diagnosis_summary(session)
    dimensions = session.execute(select(Dimension.id, Dimension.name).where(live(Dimension))
                                 .order_by(Dimension.position)).all()
    kinds = list(FindingKind)
    matrix = [[d.name, *(summary.matrix.get((d.id, k), 0) for k in kinds)] for d in dimensions]
    by_sector = demands_by_sector(session)
    classes = agreed_classes(session)
    return [
        toc.heading(_("2. Diagnosis"), 1),
        toc.heading(_("2.1 Territory and population"), 2),
        _territory(session, width),
        toc.heading(_("2.2 Findings of the community self-diagnoses"), 2),
        para(_("{n} self-diagnoses in {c} communities, {f} findings.").format(
            n=number(summary.self_diagnoses), c=number(summary.communities),
            f=number(summary.findings))),
        table([_("Dimension"), *(label(k) for k in kinds)], matrix,
              scaled([4] + [1.5] * len(kinds), width), numeric=range(1, len(kinds) + 1)),
        toc.heading(_("2.3 Demands and priorities"), 2),
        table([_("Sector"), _("Demands"), _("Estimated cost")],
              [[name, n, money(cost)] for name, n, cost in by_sector],
              scaled((6, 1.5, 2.5), width), numeric=(1, 2)),
        para(_("Agreed priorities by class: {classes}.").format(
            classes=", ".join(f"{c.value} {number(classes.get(c, 0))}" for c in PriorityClass))),
    ]


def _frame(session: Session, toc: Contents, frame_id: uuid.UUID, width: float) -> list[Flowable]:
    sdgs: dict[uuid.UUID | None, list[int]] = defaultdict(list)
    for objective_id, program_id, sdg in session.execute(
        select(SdgLink.objective_id, SdgLink.program_id, SdgLink.sdg).where(live(SdgLink))
    ):
        sdgs[objective_id or program_id].append(sdg)
    sector_names: dict[uuid.UUID | None, str] = {
        key: name for key, name in session.execute(select(Sector.id, Sector.name))
    }
    # the columns printed rather than whole records, which cost more to load
    axes = session.execute(select(Axis.id, Axis.code, Axis.name)
                           .where(Axis.frame_id == frame_id, live(Axis))
                           .order_by(Axis.position)).all()
    objectives: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for objective in session.execute(
            select(Objective.id, Objective.axis_id, Objective.code, Objective.name)
            .where(Objective.axis_id.in_([a.id for a in axes]), live(Objective))
            .order_by(Objective.code)):
        objectives[objective.axis_id].append(objective)
    policies: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for policy in session.execute(
            select(Policy.id, Policy.objective_id, Policy.code, Policy.name, Policy.kind)
            .where(live(Policy)).order_by(Policy.code)):
        policies[policy.objective_id].append(policy)
    programs: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for program in session.execute(
            select(Program.id, Program.policy_id, Program.code, Program.name, Program.sector_id)
            .where(live(Program)).order_by(Program.code)):
        programs[program.policy_id].append(program)
    flow: list[Flowable] = []
    for axis in axes:
        flow.append(toc.heading(f"{axis.code}. {axis.name}", 2))
        for objective in objectives[axis.id]:
            rows = [
                [
                    f"{policy.code} {policy.name} ({label(policy.kind)})",
                    f"{program.code} {program.name}" if program else "—",
                    sector_names.get(program.sector_id, "") if program else "",
                    ", ".join(str(n) for n in sorted(
                        sdgs.get(program.id if program else objective.id, []))),
                ]
                for policy in policies[objective.id]
                for program in programs[policy.id] or [None]
            ]
            objective_sdgs = ", ".join(str(n) for n in sorted(sdgs.get(objective.id, [])))
            flow.append(para(f"{objective.code} {objective.name}"
                             + (" (" + _("SDG") + f" {objective_sdgs})" if objective_sdgs else ""),
                             "h2"))
            if rows:
                flow.append(table(
                    [_("Policy / lineamiento"), _("Programme"), _("Sector"), _("SDG")],
                    rows, scaled((6, 5, 2.5, 1.2), width)))
    return flow


def _programming(session: Session, toc: Contents, years: list[int],
                 width: float) -> list[Flowable]:
    disputed = in_conflict(ProjectProfile.id, "project_profile") | in_conflict(
        MultiYearProgramming.id, "multi_year_programming")
    rows = session.execute(
        select(ProjectProfile.code, ProjectProfile.name, MultiYearProgramming.year,
               MultiYearProgramming.amount, disputed)
        .join(MultiYearProgramming, MultiYearProgramming.profile_id == ProjectProfile.id)
        .where(counted_programming())
        .order_by(ProjectProfile.code)
    ).all()
    per_project: dict[tuple[str, str], dict[int, Decimal]] = {}
    marked_codes: set[str] = set()
    for code, name, year, amount, in_dispute in rows:
        per_project.setdefault((code, name), defaultdict(Decimal))[year] += amount
        if in_dispute:
            marked_codes.add(code)
    body = [
        [code, marked(name) if code in marked_codes else name,
         *(money(amounts.get(y, 0)) for y in years),
         money(sum(amounts.values(), Decimal(0)))]
        for (code, name), amounts in per_project.items()
    ]
    totals = programming_totals(session)
    body.append([_("Total"), "", *(money(totals.year_total(y)) for y in years),
                 money(totals.total)])
    by_source = [
        [code, totals.names.get(code, ""),
         *(money(totals.amounts.get((y, code), 0)) for y in years),
         money(totals.source_total(code))]
        for code in totals.sources
    ]
    by_source.append([_("Total"), "", *(money(totals.year_total(y)) for y in years),
                      money(totals.total)])
    ratios = [1.6, 5.5] + [1.8] * len(years) + [2]
    header = [_("Code"), _("Project"), *(str(y) for y in years), _("Total")]
    return [
        toc.heading(_("4. Five-year programming"), 1),
        toc.heading(_("4.1 Projects by year"), 2),
        table(header, body, scaled(ratios, width), numeric=range(2, len(years) + 3),
              bold_last=True),
        *left_out_of_programming(session, width),
        toc.heading(_("4.2 Funding sources by year"), 2),
        table([_("Code"), _("Source"), *header[2:]], by_source, scaled(ratios, width),
              numeric=range(2, len(years) + 3), bold_last=True),
    ]


def _indicators(session: Session, toc: Contents, years: list[int],
                width: float) -> list[Flowable]:
    of_objectives = (
        select(Indicator.id, Objective.code, Indicator.name, Indicator.unit, Indicator.baseline)
        .join(Objective, Indicator.objective_id == Objective.id)
        .where(live(Indicator), live(Objective))
    )
    indicators = session.execute(of_objectives.order_by(Objective.code, Indicator.name)).all()
    shown = of_objectives.with_only_columns(Indicator.id)
    targets = {
        (i, y): t for i, y, t in session.execute(
            select(IndicatorTarget.indicator_id, IndicatorTarget.year, IndicatorTarget.target)
            .where(live(IndicatorTarget), IndicatorTarget.indicator_id.in_(shown)))
    }
    rows = [[code, name, unit, typed(baseline), *(typed(targets.get((key, y))) for y in years)]
            for key, code, name, unit, baseline in indicators]
    return [
        toc.heading(_("5. Indicators and targets"), 1),
        table([_("Objective"), _("Indicator"), _("Unit"), _("Baseline"), *map(str, years)],
              rows or [["—", "", "", "", *([""] * len(years))]],
              scaled([1.3, 5, 1.6, 1.4] + [1.2] * len(years), width)),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    frame = current_frame(session)
    if frame is None:
        raise ReportRefused(_("there is no strategic frame yet: the PDM cannot be drafted"))
    width, _height = frame_size(options.paper, wide=True)
    years = list(range(frame.start_year, frame.end_year + 1))
    toc = Contents()
    body: list[Flowable] = [
        toc.heading(_("1. Introduction and legal basis"), 1),
        *[para(p) for p in lines(town.legal_basis)],
        *_diagnosis(session, toc, width),
        PageBreak(),
        toc.heading(_("3. Strategic frame"), 1),
        heading(_("Vision"), 2), para(frame.vision),
        heading(_("Mission"), 2), para(frame.mission),
        heading(_("Values"), 2), para(", ".join(lines(frame.values))),
        *_frame(session, toc, frame.id, width),
        PageBreak(),
        *_programming(session, toc, years, width),
        *_indicators(session, toc, years, width),
        PageBreak(),
        *priorities_section(session, toc, width),
    ]
    if any_conflict(session, PDM_TABLES):
        body.insert(0, para(printed_note()))
    flow = [heading(_("Contents")), toc.flowable(), PageBreak(), *body]
    return Document(
        title=_("PDM draft {start}–{end}").format(start=frame.start_year, end=frame.end_year),
        subtitle=_("Plan de Desarrollo Municipal of {name}").format(name=town.name),
        flowables=flow,
        landscape=True,
    )
