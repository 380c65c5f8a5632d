"""A Colombian plan built by hand for the plan workbook tests, and its business data as
a comparable dump (codes and names instead of ids; lists in their order)."""

from __future__ import annotations

import shutil
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.actors import Organization
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import (
    ActorPhase,
    FundingKind,
    IndicatorLevel,
    OrganizationKind,
    PlanTemplate,
    ScoreState,
    UnitKind,
)
from planner_desktop.domain.plan import (
    ActorRole,
    Agreement,
    CrossCutting,
    ElementCrossCutting,
    OrgUnit,
    Pact,
    Plan,
    PlanElement,
    PlanLevel,
    PlanValue,
    SdgLink,
    TeamMember,
    WorkActivity,
)
from planner_desktop.domain.projects import (
    FundingSource,
    Indicator,
    IndicatorTarget,
    SourceCeiling,
)
from planner_desktop.domain.setup import create_municipality
from planner_desktop.domain.templates import COLOMBIA
from planner_desktop.domain.territory import Municipality, Sector
from planner_desktop.exchange.dump import planning_tables
from planner_desktop.exchange.xlsx.errors import SpreadsheetRefused
from planner_desktop.exchange.xlsx.plan_import import import_plan
from planner_desktop.plan import frame_elements, frame_links, frame_plan
from planner_desktop.store.database import Store
from tests.helpers import dump_text

RISKY = '=HYPERLINK("http://x")'
"""A text a spreadsheet would run as a formula if written carelessly."""


def copied(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


def build_colombia(store: Store) -> None:
    """Villa de Leyva's plan: four levels, a level skipped, every kind of record."""
    with store.session() as s:
        town = create_municipality(s, name="Villa de Leyva", template=COLOMBIA)
        town.official_name = "Alcaldía de Villa de Leyva"
        plan_id = frame_plan.create_plan(s, town.id, PlanTemplate.colombia_dnp, 2024, 2027)
        frame_plan.edit_plan(s, plan_id, vision="Un municipio sostenible\nen 2035.",
                             mission="Gobernar con la gente.")  # fmt: skip
        frame_plan.add_value(s, plan_id, "Transparencia", RISKY)
        frame_plan.add_value(s, plan_id, "Participación", "Decidir juntos.")
        ambiental = frame_plan.add_dimension(s, plan_id, "Ambiental", "Cuidar el agua.")
        frame_plan.add_dimension(s, plan_id, "Género")
        secretaria = OrgUnit(municipality_id=town.id, name="Secretaría de Planeación",
                             kind=UnitKind.secretariat, position=0)  # fmt: skip
        s.add(secretaria)
        s.flush()
        direccion = OrgUnit(municipality_id=town.id, parent_id=secretaria.id, position=0,
                            name="Dirección de Agua", kind=UnitKind.directorate)  # fmt: skip
        s.add(direccion)
        s.flush()
        add = frame_elements.add_element
        linea = add(s, plan_id, "Villa de Leyva sostenible", code="L1")
        sector = add(s, plan_id, "Agua potable", linea, code="L1.S1")
        programa = add(s, plan_id, "Acueducto rural", sector, code="L1.S1.P1")
        add(s, plan_id, "Tanques veredales", programa, code="L1.S1.P1.1")
        add(s, plan_id, "Saneamiento directo", sector, depth=4, code="L1.S1.X")
        linea2 = add(s, plan_id, "Villa de Leyva incluyente", code="L2", problem="-Pobreza")
        add(s, plan_id, "Educación", linea2, code="L2.S1")
        salud = s.scalars(select(Sector).where(Sector.code == "agua_saneamiento")).one()
        frame_elements.edit_element(s, sector, sector_id=salud.id, unit_id=direccion.id)
        frame_links.set_tag(s, programa, ambiental, True)
        frame_links.add_sdg(s, 6, "6.1", element_id=programa)
        frame_links.add_sdg(s, 11, plan_id=plan_id)
        impacto = frame_links.add_indicator(s, linea, "Índice de calidad del agua", "IRCA",
                                            "35", IndicatorLevel.impact)  # fmt: skip
        producto = frame_links.add_indicator(s, programa, "Tanques construidos", "tanques",
                                             "0", IndicatorLevel.product)  # fmt: skip
        for year, value in ((2024, "30"), (2027, "5 %")):
            frame_links.set_target(s, impacto, year, value)
        frame_links.set_target(s, producto, 2025, "12")
        _annexes(s, town.id, plan_id, programa)


def _annexes(s: Session, town: uuid.UUID, plan_id: uuid.UUID, element: uuid.UUID) -> None:
    sgp = FundingSource(municipality_id=town, code="SGP", funder="Nación",
                        name="Sistema General de Participaciones",
                        kind=FundingKind.national_transfer)  # fmt: skip
    propios = FundingSource(municipality_id=town, code="RP", name="Recursos propios",
                            kind=FundingKind.own_revenue)  # fmt: skip
    s.add_all([sgp, propios])
    s.flush()
    s.add(SourceCeiling(source_id=sgp.id, year=2024, amount=Decimal("1500000000.50")))
    s.add(SourceCeiling(source_id=propios.id, year=2026, amount=Decimal("250000")))
    fiscal = AssessmentArea(municipality_id=town, name="Gestión fiscal", position=0)
    control = AssessmentArea(municipality_id=town, name="Control interno", position=1)
    s.add_all([fiscal, control])
    s.flush()
    s.add(AssessmentScore(area_id=fiscal.id, year=2024, state=ScoreState.scored,
                          percentage=Decimal("86.50")))  # fmt: skip
    s.add(AssessmentScore(area_id=control.id, year=2024, state=ScoreState.not_applicable))
    s.add(AssessmentScore(area_id=fiscal.id, year=2025, state=ScoreState.scored,
                          percentage=Decimal("100.00")))  # fmt: skip
    jac = Organization(municipality_id=town, name="Junta de Acción Comunal El Roble",
                       kind=OrganizationKind.otb)  # fmt: skip
    concejo = Organization(municipality_id=town, name="Concejo Municipal",
                           kind=OrganizationKind.council)  # fmt: skip
    s.add_all([jac, concejo, Organization(municipality_id=town, name="Sin papel",
                                          kind=OrganizationKind.ngo)])  # fmt: skip
    s.flush()
    s.add(ActorRole(organization_id=jac.id, phase=ActorPhase.planning, role="Convoca"))
    s.add(ActorRole(organization_id=jac.id, phase=ActorPhase.follow_up, role="Vigila"))
    s.add(WorkActivity(plan_id=plan_id, activity="Talleres veredales", position=0,
                       start_date=date(2024, 2, 1), end_date=date(2024, 3, 15),
                       responsible="Equipo técnico"))  # fmt: skip
    s.add(WorkActivity(plan_id=plan_id, activity="Consejo territorial", position=1))
    s.add(Agreement(plan_id=plan_id, title="Convenio con la gobernación",
                    parties="Alcaldía; Gobernación", signed_on=date(2024, 1, 20)))  # fmt: skip
    s.add(TeamMember(plan_id=plan_id, name="Ana Rojas", role="Coordinadora", position=0))
    s.add(TeamMember(plan_id=plan_id, name="Luis Peña", institution="ESAP", position=1))
    s.add(Pact(plan_id=plan_id, organization_id=concejo.id, element_id=element,
               commitment="Aprobar el acuerdo", contribution="+Vigilancia",
               start_date=date(2024, 5, 1)))  # fmt: skip


def _rows(s: Session, model: Any, *where: Any, order: Any = None) -> list[Any]:
    query = select(model).where(model.deleted_at.is_(None), *where)
    return list(s.scalars(query.order_by(order if order is not None else model.created_at)))


def _sorted(items: Any) -> list[Any]:
    return sorted(items, key=repr)


def plan_dump(store: Store) -> dict[str, Any]:
    """The plan's business data, keyed by codes and names, every list in its order."""
    with store.session() as s:
        town = _rows(s, Municipality)[0]
        plan = _rows(s, Plan)[0]
        elements = _rows(s, PlanElement, order=PlanElement.position)
        code = {e.id: e.code for e in elements}
        units = _rows(s, OrgUnit, order=OrgUnit.position)
        unit = {u.id: u.name for u in units}
        dims = {d.id: d.name for d in _rows(s, CrossCutting)}
        sectors = {x.id: x.code for x in s.scalars(select(Sector))}
        indicators = _rows(s, Indicator, Indicator.element_id.is_not(None))
        indicator = {i.id: (code[i.element_id], i.name) for i in indicators}
        sources = {x.id: x.code for x in _rows(s, FundingSource)}
        areas = _rows(s, AssessmentArea, order=AssessmentArea.position)
        orgs = {o.id: (o.name, o.kind) for o in _rows(s, Organization)}
        roles = [(orgs[r.organization_id], r.phase, r.role) for r in _rows(s, ActorRole)]
        return {
            "town": (town.name, town.official_name, town.country, town.currency),
            "plan": (plan.title, plan.template, plan.start_year, plan.end_year, plan.vision,
                     plan.mission),
            "levels": [(x.depth, x.name) for x in _rows(s, PlanLevel, order=PlanLevel.depth)],
            "elements": _sorted(
                (e.code, e.depth, code.get(e.parent_id), e.name, e.problem,
                 sectors.get(e.sector_id), unit.get(e.unit_id), n)
                for n, e in enumerate(sorted(elements, key=lambda e: (str(code.get(e.parent_id)),
                                                                     e.position)))
            ),
            "values": [(v.name, v.sentence) for v in _rows(s, PlanValue, order=PlanValue.position)],
            "dimensions": [(d.name, d.description)
                           for d in _rows(s, CrossCutting, order=CrossCutting.position)],
            "tags": _sorted((code[t.element_id], dims[t.cross_cutting_id])
                           for t in _rows(s, ElementCrossCutting)),
            "sdgs": _sorted((code.get(x.element_id), x.plan_id is not None, x.sdg, x.target)
                           for x in _rows(s, SdgLink)),
            "indicators": _sorted((code[i.element_id], i.name, i.unit, i.level, i.baseline)
                                 for i in indicators),
            "targets": _sorted((indicator[t.indicator_id], t.year, t.target)
                               for t in _rows(s, IndicatorTarget) if t.indicator_id in indicator),
            "sources": _sorted((x.code, x.name, x.kind, x.funder) for x in _rows(s, FundingSource)),
            "ceilings": _sorted((sources[c.source_id], c.year, c.amount)
                               for c in _rows(s, SourceCeiling)),
            "units": _sorted((u.name, u.kind, unit.get(u.parent_id), n)
                             for n, u in enumerate(sorted(units, key=lambda u: (
                                 str(unit.get(u.parent_id)), u.position)))),
            "areas": [a.name for a in areas],
            "scores": _sorted((a.name, x.year, x.state, x.percentage) for a in areas
                             for x in _rows(s, AssessmentScore, AssessmentScore.area_id == a.id)
                             if x.state is not ScoreState.not_evaluated),
            "roles": _sorted(r for r in roles if r[2]),
            "activities": [(w.activity, w.start_date, w.end_date, w.responsible)
                           for w in _rows(s, WorkActivity, order=WorkActivity.position)],
            "agreements": _sorted((a.title, a.parties, a.signed_on, a.signatories)
                                 for a in _rows(s, Agreement)),
            "team": [(m.name, m.role, m.institution)
                     for m in _rows(s, TeamMember, order=TeamMember.position)],
            "pacts": _sorted((orgs[p.organization_id], code.get(p.element_id), p.commitment,
                             p.contribution, p.start_date, p.end_date) for p in _rows(s, Pact)),
        }  # fmt: skip


def versions(store: Store) -> dict[tuple[str, str], tuple[str, Any]]:
    """(table, id) → (version id, row) of every synced record."""
    found: dict[tuple[str, str], tuple[str, Any]] = {}
    with store.engine.connect() as conn:
        for table in planning_tables():
            if "version_id" not in table.c:
                continue
            for row in conn.execute(select(table)).mappings():
                found[(table.name, str(row["id"]))] = (str(row["version_id"]), dict(row))
    return found


def changed_fields(before: dict[Any, Any], after: dict[Any, Any]) -> dict[Any, set[str]]:
    """Records added or whose version changed, with the business fields that differ."""
    stamps = {"version_id", "base_version_id", "updated_at"}
    out: dict[Any, set[str]] = {}
    for key, (version, row) in after.items():
        if key not in before:
            out[key] = {"(added)"}
        elif before[key][0] != version:
            old = before[key][1]
            out[key] = {name for name, value in row.items() if old[name] != value} - stamps
    return out


def edit(path: Path, sheet: str, find: tuple[str, Any], column: str, value: Any,
         out: Path) -> Path:  # fmt: skip
    """``path`` with one cell changed: in ``sheet``, the row whose ``find[0]`` column holds
    ``find[1]`` (or a new row when ``find`` is None), the ``column`` given."""
    book = load_workbook(path)
    table = book[sheet]
    headers = [cell.value for cell in table[1]]
    if column not in headers:
        table.cell(1, len(headers) + 1, column)
        headers.append(column)
    where = headers.index(find[0])
    row = next(r for r in range(2, table.max_row + 1) if table.cell(r, where + 1).value == find[1])
    table.cell(row, headers.index(column) + 1).value = value
    book.save(out)
    return out


def refused(store: Store, path: Path, *expected: str) -> str:
    """Import the plan, expect a one-line refusal naming ``expected``, nothing written."""
    before = dump_text(store)
    with pytest.raises(SpreadsheetRefused) as caught:
        import_plan(store, path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(path.name), message
    for part in expected:
        assert part in message, message
    assert dump_text(store) == before, "nothing is imported"
    return message
