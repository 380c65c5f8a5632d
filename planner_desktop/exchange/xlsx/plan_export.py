"""``xlsx export plan``: the municipality's plan, a sheet per kind of record, and the notes.

The sheets and their columns are those of :mod:`planner_desktop.exchange.xlsx.plan_spec`,
written in the current language; the first sheet explains every column. Rows come in
the order the window shows them (the tree top-down, lists by position), every live
record of the current plan once; no cell holds a formula.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from openpyxl import Workbook
from sqlalchemy.orm import Session

from planner_desktop.exchange.xlsx import plan_notes
from planner_desktop.exchange.xlsx.plan_choices import choice_label
from planner_desktop.exchange.xlsx.plan_load import Loaded, load
from planner_desktop.exchange.xlsx.plan_spec import (
    ACTORS,
    AGREEMENT,
    ASSESSMENT,
    CROSS_CUTTING,
    ELEMENTS,
    INDICATORS,
    LEVELS,
    PACTS,
    PLAN,
    SDGS,
    SOURCES,
    STRUCTURE,
    TEAM,
    VALUES,
    WORK_PLAN,
    Cell,
    SheetSpec,
)
from planner_desktop.exchange.xlsx.sheets import DATE, MONEY, TEXT, Column, write_table
from planner_desktop.i18n import _

FORMATS = {
    Cell.CODE: TEXT,
    Cell.ID: TEXT,
    Cell.INTEGER: "0",
    Cell.YEAR: "0",
    Cell.DATE: DATE,
    Cell.AMOUNT: MONEY,
    Cell.SCORE: "0.00",
}


def _columns(spec: SheetSpec, years: Sequence[int] = ()) -> list[Column]:
    columns = [Column(_(col.header), col.width, FORMATS.get(col.cell)) for col in spec.columns]
    if spec.years is not None:
        header = _(spec.years.header) if spec.years.header != "{year}" else "{year}"
        columns += [
            Column(header.format(year=year), 12, FORMATS.get(spec.years.cell)) for year in years
        ]
    if spec.identified:
        columns.append(Column(_("Id"), 36, TEXT))
    return columns


def _id(record_id: uuid.UUID) -> str:
    return str(record_id)


def _sheet(
    workbook: Workbook,
    spec: SheetSpec,
    rows: Iterator[Sequence[Any]],
    years: Sequence[int] = (),
) -> int:
    return write_table(workbook, _(spec.title), _columns(spec, years), rows)


def export_plan(session: Session, workbook: Workbook) -> int:
    """Write every sheet of the plan workbook; the number of records written."""
    found = load(session)
    assert found is not None and found.plan is not None, "checked by the caller"
    plan_notes.write_notes(workbook)
    count = 0
    for spec, rows, years in _tables(found):
        count += _sheet(workbook, spec, rows, years)
    return count


def _tables(data: Loaded) -> Iterator[tuple[SheetSpec, Iterator[Sequence[Any]], Sequence[int]]]:
    plan, town = data.plan, data.municipality
    assert plan is not None
    period = list(range(plan.start_year, plan.end_year + 1))
    code_of = {e.id: e.code for e in data.elements}
    unit_name = {u.id: u.name for u in data.units}
    plan_row = (
        town.name, town.official_name, town.country, plan.title, choice_label(plan.template),
        plan.start_year, plan.end_year, plan.vision, plan.mission, _id(plan.id),
    )  # fmt: skip
    yield PLAN, iter([plan_row]), ()
    yield LEVELS, ((level.depth, level.name) for level in data.levels), ()
    yield (
        ELEMENTS,
        (
            (
                e.code, e.depth, code_of.get(e.parent_id) if e.parent_id else None, e.name,
                e.problem, data.sector_codes.get(e.sector_id) if e.sector_id else None,
                unit_name.get(e.unit_id) if e.unit_id else None,
                "; ".join(data.tags.get(e.id, [])) or None, _id(e.id),
            )
            for e in data.elements
        ),
        (),
    )  # fmt: skip
    yield VALUES, ((v.name, v.sentence, _id(v.id)) for v in data.values), ()
    yield (
        SDGS,
        (
            (code_of.get(s.element_id) if s.element_id else None, s.sdg, s.target or None,
             _id(s.id))
            for s in data.sdgs
        ),
        (),
    )  # fmt: skip
    yield CROSS_CUTTING, ((d.name, d.description, _id(d.id)) for d in data.dimensions), ()
    yield (
        INDICATORS,
        (
            (
                code_of.get(i.element_id) if i.element_id else None, i.name,
                choice_label(i.level), i.unit or None, i.baseline or None,
                *(data.targets.get((i.id, year)) for year in period), _id(i.id),
            )
            for i in data.indicators
        ),
        period,
    )  # fmt: skip
    yield (
        SOURCES,
        (
            (
                s.code, s.name, choice_label(s.kind), s.funder or None,
                *(data.ceilings.get((s.id, year)) for year in period), _id(s.id),
            )
            for s in data.sources
        ),
        period,
    )  # fmt: skip
    yield (
        STRUCTURE,
        (
            (u.name, choice_label(u.kind), unit_name.get(u.parent_id) if u.parent_id else None,
             _id(u.id))
            for u in data.units
        ),
        (),
    )  # fmt: skip
    yield (
        ASSESSMENT,
        (
            (a.name, *(_score(data.scores.get((a.id, year))) for year in data.score_years),
             _id(a.id))
            for a in data.areas
        ),
        data.score_years,
    )  # fmt: skip
    yield (
        ACTORS,
        (
            (o.name, choice_label(o.kind),
             *(data.roles.get((o.id, phase)) or None for phase in data.phases), _id(o.id))
            for o in data.organizations
        ),
        (),
    )  # fmt: skip
    yield (
        WORK_PLAN,
        ((w.activity, w.start_date, w.end_date, w.responsible or None, _id(w.id))
         for w in data.activities),
        (),
    )  # fmt: skip
    yield (
        AGREEMENT,
        ((a.title, a.parties or None, a.signed_on, a.signatories or None, _id(a.id))
         for a in data.agreements),
        (),
    )  # fmt: skip
    yield (
        TEAM,
        ((m.name, m.role or None, m.institution or None, _id(m.id)) for m in data.team),
        (),
    )  # fmt: skip
    organization_name = {o.id: o.name for o in data.organizations}
    yield (
        PACTS,
        (
            (organization_name.get(p.organization_id), code_of.get(p.element_id)
             if p.element_id else None, p.commitment, p.contribution or None, p.start_date,
             p.end_date, _id(p.id))
            for p in data.pacts
        ),
        (),
    )  # fmt: skip


def _score(score: Any) -> Any:
    """A self-assessment cell: the percentage as a number, the not-applicable mark, or
    nothing when it was not evaluated."""
    from planner_desktop.capture.assessment import NOT_APPLICABLE_SHOWN
    from planner_desktop.domain.enums import ScoreState

    if score is None:
        return None
    state, value = score
    if state is ScoreState.not_applicable:
        return _(NOT_APPLICABLE_SHOWN)
    return value if state is ScoreState.scored else None
