"""The consolidated municipal diagnosis: territory, findings, demands and attendance, charted."""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.platypus import Flowable, KeepTogether
from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.actors import Person
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import AgeGroup, FindingKind, Group, PriorityClass, Sex
from planner_desktop.domain.events import Attendance
from planner_desktop.domain.labels import label
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.domain.summaries import (
    AGREED,
    counted_attendance,
    diagnosis_summary,
    live,
    prioritization_summary,
    territory_summary,
)
from planner_desktop.domain.territory import Community, Dimension, District, Sector
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise, text_key
from planner_desktop.reports import self_assessment
from planner_desktop.reports.charts import bar_chart
from planner_desktop.reports.common import ReportOptions, ReportRefused, municipality
from planner_desktop.reports.diagnosis_findings import findings_section
from planner_desktop.reports.layout import Document, frame_size, gap, heading, money, para
from planner_desktop.reports.maps import map_section
from planner_desktop.reports.numbers import number
from planner_desktop.reports.tables import fields_table, scaled, table


def _sums(key: Any) -> Select[Any]:
    """Count (``n``) and cost of the live demands of live communities per ``key``.

    ``key`` is a column of ``demand``: the covering index ``ix_demand_totals`` answers
    alone, without reading the wide demand rows. Demands of tombstoned communities (usually
    none) are left out by id rather than by joining every demand to its community.
    """
    dropped = select(Community.id).where(Community.deleted_at.is_not(None))
    return (
        select(
            key.label("key"), func.count().label("n"), func.sum(Demand.estimated_cost).label("cost")
        )
        .where(live(Demand), Demand.community_id.not_in(dropped))
        .group_by(key)
    )


def _named(
    session: Session, name: Any, sums: Subquery, query: Select[Any]
) -> list[tuple[str, int, Any]]:
    """The ``sums`` added up per ``name`` (``query`` joins them to it), sorted by name
    as a person reads it (not by the database's collation)."""
    rows = session.execute(
        query.add_columns(func.sum(sums.c.n), func.sum(sums.c.cost)).group_by(name)
    ).all()
    found = [(str(found), int(n), cost) for found, n, cost in rows]
    return sorted(found, key=lambda row: text_key(row[0]))


def demands_by_sector(session: Session) -> list[tuple[str, int, Any]]:
    """Live demands of live communities: (sector, count, cost), by sector name."""
    sums = _sums(Demand.sector_id).subquery()
    return _named(
        session,
        Sector.name,
        sums,
        select(Sector.name).select_from(sums).join(Sector, Sector.id == sums.c.key),
    )


def demands_by_district(session: Session) -> list[tuple[str, int, Any]]:
    """Live demands of live communities: (district, count, cost), by district name."""
    sums = _sums(Demand.community_id).subquery()
    return _named(
        session,
        District.name,
        sums,
        select(District.name)
        .select_from(sums)
        .join(Community, Community.id == sums.c.key)
        .join(District, Community.district_id == District.id),
    )


def demands_by_group(session: Session) -> dict[str, tuple[int, Any]]:
    """Live demands of live communities: (count, cost) per code of the group that raised them."""
    rows = session.execute(_sums(Demand.raising_group)).all()
    return {str(group): (int(n), cost) for group, n, cost in rows}


def agreed_classes(session: Session) -> dict[PriorityClass, int]:
    """How many agreed results of live rounds fall in each priority class."""
    rows = session.execute(
        select(RoundResult.priority_class, func.count())
        .join(PrioritizationRound, RoundResult.round_id == PrioritizationRound.id)
        .where(
            live(RoundResult),
            live(PrioritizationRound),
            RoundResult.group == AGREED,
            RoundResult.priority_class.is_not(None),
        )
        .group_by(RoundResult.priority_class)
    ).all()
    return {klass: int(n) for klass, n in rows if klass is not None}


def attendance_by_sex_and_age(session: Session) -> dict[tuple[Sex | None, AgeGroup | None], int]:
    rows = session.execute(
        select(Person.sex, Person.age_group, func.count(Attendance.id))
        .join(Person, Attendance.person_id == Person.id)
        .where(counted_attendance())
        .group_by(Person.sex, Person.age_group)
    ).all()
    return {(sex, age): int(n) for sex, age, n in rows}


def _counted_section(
    title: str, rows: list[tuple[str, int, Any]], width: float, first: str
) -> list[Flowable]:
    total_n = sum(n for _name, n, _c in rows)
    total_cost = sum((c or 0 for _name, _n, c in rows), 0)
    return [
        heading(title, 2),
        KeepTogether(bar_chart("", [r[0] for r in rows], [[r[1] for r in rows]], width)),
        gap(),
        table(
            [first, _("Demands"), _("Estimated cost")],
            [[name, n, money(c)] for name, n, c in rows]
            + [[_("Total"), total_n, money(total_cost)]],
            scaled((6, 1.5, 2.5), width),
            numeric=(1, 2),
            bold_last=True,
        ),
    ]


def build(session: Session, options: ReportOptions) -> Document:
    town = municipality(session)
    width, height = frame_size(options.paper)
    territory = territory_summary(session)
    diagnosis = diagnosis_summary(session)
    priorities = prioritization_summary(session)
    if diagnosis.findings == 0 and priorities.demands == 0:
        raise ReportRefused(_("there is no diagnosis yet: no findings and no demands"))
    flow: list[Flowable] = [
        heading(_("1. Summary")),
        fields_table(
            [
                (_("Districts"), number(territory.districts)),
                (_("Communities"), number(territory.communities)),
                (_("Women"), number(territory.women)),
                (_("Men"), number(territory.men)),
                (_("Families"), number(territory.families)),
                (_("Self-diagnoses"), number(diagnosis.self_diagnoses)),
                (_("Findings"), number(diagnosis.findings)),
                (_("Demands"), number(priorities.demands)),
            ],
            width,
        ),
        heading(_("2. Findings by dimension")),
    ]
    dimensions = session.scalars(
        select(Dimension)
        .where(Dimension.municipality_id == town.id, live(Dimension))
        .order_by(Dimension.position, bytewise(Dimension.name), Dimension.id)
    ).all()
    kinds = list(FindingKind)
    rows: list[list[Any]] = [
        [
            d.name,
            *(diagnosis.matrix.get((d.id, k), 0) for k in kinds),
            sum(diagnosis.matrix.get((d.id, k), 0) for k in kinds),
        ]
        for d in dimensions
    ]
    rows.append([_("Total"), *(sum(r[i] for r in rows) for i in range(1, len(kinds) + 2))])
    flow.append(
        table(
            [_("Dimension"), *(label(k) for k in kinds), _("Total")],
            rows,
            scaled([3.4] + [1.7] * (len(kinds) + 1), width),
            numeric=range(1, len(kinds) + 2),
            bold_last=True,
        )
    )
    flow += findings_section(session, [(d.id, d.name) for d in dimensions], width)
    flow.append(heading(_("3. Demands")))
    flow += _counted_section(
        _("Demands by sector"),
        demands_by_sector(session),
        width,
        _("Sector"),
    )
    flow += _counted_section(
        _("Demands by district"),
        demands_by_district(session),
        width,
        _("District"),
    )
    by_group = demands_by_group(session)
    flow += _counted_section(
        _("Demands by group that raised them"),
        [(label(g), *by_group.get(str(g), (0, 0))) for g in Group],
        width,
        _("Group"),
    )
    classes = priorities.classes
    flow += [
        heading(_("Agreed priority classes"), 2),
        table(
            [_("Class"), _("Agreed priorities")],
            [[c.value, classes.get(c, 0)] for c in PriorityClass]
            + [[_("Total"), sum(classes.values())]],
            scaled((3, 2), width / 2),
            numeric=(1,),
            bold_last=True,
        ),
    ]
    attendance = attendance_by_sex_and_age(session)
    ages: list[AgeGroup | None] = [*AgeGroup, None]
    women = [attendance.get((Sex.female, a), 0) for a in ages]
    men = [attendance.get((Sex.male, a), 0) for a in ages]
    other = Counter({a: n for (s, a), n in attendance.items() if s is None})
    age_names = [label(a) if a else _("Not stated") for a in ages]
    flow += [
        heading(_("4. Participation")),
        para(_("Attendances registered in all events, by sex and age group.")),
        KeepTogether(
            bar_chart(
                _("Attendance by sex and age group"),
                age_names,
                [women, men],
                width,
                names=[label(Sex.female), label(Sex.male)],
            )
        ),
        gap(),
        table(
            [_("Age group"), label(Sex.female), label(Sex.male), _("Not stated"), _("Total")],
            [
                [name, w, m, other[a], w + m + other[a]]
                for name, w, m, a in zip(age_names, women, men, ages, strict=True)
            ]
            + [[_("Total"), sum(women), sum(men), sum(other.values()), sum(attendance.values())]],
            scaled((3, 1.4, 1.4, 1.4, 1.4), width),
            numeric=(1, 2, 3, 4),
            bold_last=True,
        ),
    ]
    assessment = self_assessment.summary(session, town.id, width)
    if assessment:
        found = self_assessment.read_assessment(session, town.id)
        flow += [
            heading(_("5. Institutional self-assessment")),
            *assessment,
            gap(),
            KeepTogether(self_assessment.chart(found, width, _("Trend by area"))),
        ]
    flow += [
        heading(_("{n}. Maps").format(n=6 if assessment else 5)),
        *map_section(session, town.id, width, height * 0.8),
    ]
    return Document(
        title=_("Consolidated municipal diagnosis"),
        subtitle=town.name,
        flowables=flow,
    )
