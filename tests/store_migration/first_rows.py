"""A database at the first revision (0001) with a small municipality in every table that
revision has, written with SQL as that revision's program wrote them: a district with two
communities, a workshop with its attendance (and a retraction), self-diagnosis, demands and
three rounds (dots with votes and results, pairwise with choices, criteria with scores),
the strategic frame with a programme, a project profile with everything that hangs from
it, a POA with operations, adjustments and progress, self-assessment scores and minutes."""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, create_engine

from planner_desktop.store import migrate
from tests.store_migration.old_rows import START, provenance, uid

FIRST = "0001_initial"
DAY = datetime.date(2026, 3, 14)


@dataclass
class FirstDatabase:
    """The rows written at the first revision, by table (ids as UUIDs)."""

    conn: Connection
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    tables: dict[str, sa.Table] = field(default_factory=dict)
    number: int = 100

    def put(self, table: str, **values: Any) -> uuid.UUID:
        """Write a row of ``table``: the given values, distinct provenance for the columns
        the table has (append-only events have fewer), nothing else."""
        if table not in self.tables:
            self.tables[table] = sa.Table(table, sa.MetaData(), autoload_with=self.conn)
        target = self.tables[table]
        self.number += 1
        names = {column.name for column in target.columns}
        row = {k: v for k, v in provenance(self.number).items() if k in names}
        row.update(values)
        missing = {c.name for c in target.columns if not c.nullable} - set(row)
        assert not missing, f"give {table}: {sorted(missing)}"
        for column in target.columns:
            row.setdefault(column.name, None)
        sqlite = self.conn.dialect.name == "sqlite"
        stored = {
            k: v.hex if sqlite and isinstance(v, uuid.UUID) else v for k, v in row.items()
        }
        self.conn.execute(sa.insert(target).values(stored))
        self.rows.setdefault(table, []).append(row)
        return uid(self.number)


def _people(db: FirstDatabase, m: uuid.UUID, community: uuid.UUID, org: uuid.UUID) -> list:
    return [
        db.put("person", municipality_id=m, first_names="Juana", last_names="Mamani Quispe",
               id_number="4455667", sex="female", birth_year=1979, age_group="adult",
               community_id=community, organization_id=org, role="secretaria de actas"),
        db.put("person", municipality_id=m, first_names="Ñuflo", last_names="Choque",
               id_number=None, sex="male", birth_year=None, age_group="elder",
               community_id=community, organization_id=None, role=""),
    ]  # fmt: skip


def build(target: Path | str) -> FirstDatabase:
    """Write the database at ``target`` (a path, or a URL of an empty database)."""
    engine = create_engine(target if isinstance(target, str) else f"sqlite:///{target}")
    migrate.upgrade(engine, FIRST)
    with engine.begin() as conn:
        db = FirstDatabase(conn)
        _write(db)
    engine.dispose()
    return db


def _write(db: FirstDatabase) -> None:
    put = db.put
    m = put("municipality", name="Tiquipaya", country="Bolivia", department="Cochabamba",
            province="Quillacollo", currency="BOB", fiscal_year_start=1, plan_start_year=2026,
            plan_end_year=2030, legal_basis="Ley 031 Marco de Autonomías")
    district = put("district", municipality_id=m, code="D1", name="Distrito 1", kind="district")
    north = put("community", district_id=district, code="D1-01", name="Chocaya", kind="otb",
                area="rural", population_women=210, population_men=198, population_children=95,
                population_youth=80, population_adults=190, population_elders=43, families=112)
    south = put("community", district_id=district, code="D1-02", name="Linde", kind="community",
                area="urban", population_women=305, population_men=290, population_children=140,
                population_youth=120, population_adults=280, population_elders=55, families=160)
    water = put("sector", municipality_id=m, code="AGU", name="Agua y saneamiento")
    health = put("sector", municipality_id=m, code="SAL", name="Salud")
    physical = put("dimension", municipality_id=m, code="FN", name="Físico-natural", position=1)
    social = put("dimension", municipality_id=m, code="SC", name="Socio-cultural", position=2)
    source = put("funding_source", municipality_id=m, code="IDH", name="Impuesto directo",
                 kind="national_transfer", funder="Tesoro General")
    for year, amount in ((2026, 45_000_000), (2027, 47_500_000)):
        put("source_ceiling", source_id=source, year=year, amount=amount)
    org = put("organization", municipality_id=m, community_id=north, name="OTB Chocaya",
              kind="otb", role_in_planning="Convoca a las reuniones comunales")
    put("organization", municipality_id=m, community_id=None, name="Comité de Vigilancia",
        kind="vigilance_committee", role_in_planning="")
    event = put("event", municipality_id=m, district_id=district, kind="community_workshop",
                phase="diagnosis", title="Taller comunal de autodiagnóstico", date=DAY,
                place="Sede de la OTB", facilitator_name="Facilitadora 1",
                agenda="1. Asistencia\n2. Autodiagnóstico\n3. Priorización")
    for community in (north, south):
        put("event_community", event_id=event, community_id=community)
    juana, nuflo = _people(db, m, north, org)
    signed = put("attendance", event_id=event, person_id=juana, community_id=north, signed=True,
                 retracts_id=None)
    put("attendance", event_id=event, person_id=nuflo, community_id=north, signed=False,
        retracts_id=None)
    put("attendance", event_id=event, person_id=juana, community_id=north, signed=False,
        retracts_id=signed)
    diagnosis = put("self_diagnosis", community_id=north, event_id=event, date=DAY,
                    notes="Reunión con buena asistencia")
    dry = put("finding", self_diagnosis_id=diagnosis, dimension_id=physical, kind="problem",
              description="Falta de agua potable", cause="Vertiente seca",
              effect="Enfermedades diarreicas", raising_group="women", rank=1)
    put("finding", self_diagnosis_id=diagnosis, dimension_id=social, kind="potentiality",
        description="Organización comunal fuerte", cause="", effect="", raising_group="mixed",
        rank=2)
    group = put("demand_group", municipality_id=m, district_id=district, level="district",
                sector_id=water, title="Agua potable en el distrito")
    tank = put("demand", community_id=north, code="D1-01-001", sector_id=water, finding_id=dry,
               event_id=event, demand_group_id=group, description="Tanque de agua de 20 m³",
               raising_group="women", beneficiaries_women=210, beneficiaries_men=198,
               estimated_cost=18_500_000, status="profiled")
    post = put("demand", community_id=south, code="D1-02-001", sector_id=health, finding_id=None,
               event_id=None, demand_group_id=None, description="Posta de salud equipada",
               raising_group="elders", beneficiaries_women=305, beneficiaries_men=290,
               estimated_cost=42_000_000, status="demand")
    _rounds(db, m, event, north, district, tank, post)
    _plan(db, m, north, water, source, tank)


def _round(db: FirstDatabase, m: uuid.UUID, event: uuid.UUID, method: str,
           **values: Any) -> uuid.UUID:
    fields = {"municipality_id": m, "event_id": event, "community_id": None,
              "district_id": None, "level": "community", "method": method,
              "title": f"Priorización ({method})", "groups": "women,men",
              "dots_per_participant": 0, "allow_stacking": False, "max_choices": None,
              "budget_ceiling": None, "ballots_issued": 0, "ballots_counted": 0,
              "participants_present": 0, "reconciliation_note": "", "closed": True}
    fields.update(values)
    return db.put("prioritization_round", **fields)  # fmt: skip


def _rounds(db: FirstDatabase, m: uuid.UUID, event: uuid.UUID, north: uuid.UUID,
            district: uuid.UUID, tank: uuid.UUID, post: uuid.UUID) -> None:  # fmt: skip
    put = db.put
    dots = _round(db, m, event, "dots", community_id=north, dots_per_participant=3,
                  allow_stacking=True, ballots_issued=24, ballots_counted=23,
                  participants_present=24, reconciliation_note="Una papeleta en blanco")
    items = [put("round_item", round_id=dots, demand_id=d, code=f"P{n}", position=n)
             for n, d in enumerate((tank, post), start=1)]  # fmt: skip
    first = put("vote", round_id=dots, item_id=items[0], group="women", ballot_id=None,
                count=14, rank=None, retracts_id=None)
    put("vote", round_id=dots, item_id=items[1], group="men", ballot_id=uid(9_001), count=9,
        rank=None, retracts_id=None)
    put("vote", round_id=dots, item_id=items[0], group="women", ballot_id=None, count=14,
        rank=None, retracts_id=first)
    for rank, (item, score, klass) in enumerate(((items[0], 14.0, "A+"), (items[1], 9.0, "B")),
                                                start=1):
        put("round_result", round_id=dots, item_id=item, group="agreed", rank=rank,
            score=score, priority_class=klass, class_reason="Acordado en plenaria",
            dissent="" if rank == 1 else "Los jóvenes piden la posta primero")
    pairwise = _round(db, m, event, "pairwise", district_id=district, level="district")
    a, b = (put("round_item", round_id=pairwise, demand_id=d, code=f"P{n}", position=n)
            for n, d in enumerate((tank, post), start=1))  # fmt: skip
    put("pairwise_choice", round_id=pairwise, group="women", item_a_id=a, item_b_id=b,
        winner_id=a, reason="El agua es lo primero", retracts_id=None)
    criteria = _round(db, m, event, "criteria", closed=False)
    item = put("round_item", round_id=criteria, demand_id=post, code="P1", position=1)
    criterion = put("criterion", round_id=criteria, name="Urgencia", weight=60.0, scale_min=1,
                    scale_max=5, position=1)
    put("score", round_id=criteria, item_id=item, criterion_id=criterion, group="elders",
        value=4.5, retracts_id=None)
    put("minutes", event_id=event, session_id=uid(9_002), results_hash="ab" * 32,
        place="Sede de la OTB", body="Se reunieron los comunarios", agreements="Tanque primero",
        signed_on=DAY)


def _plan(db: FirstDatabase, m: uuid.UUID, north: uuid.UUID, water: uuid.UUID,
          source: uuid.UUID, tank: uuid.UUID) -> None:  # fmt: skip
    put = db.put
    frame = put("strategic_frame", municipality_id=m, start_year=2026, end_year=2030,
                vision="Tiquipaya productiva y saludable", mission="Servir a la población",
                values="Transparencia\nReciprocidad")
    axis = put("axis", frame_id=frame, code="E1", name="Desarrollo humano", position=1)
    objective = put("objective", axis_id=axis, code="O1", name="Agua segura para todos",
                    problem="Baja cobertura de agua potable")
    policy = put("policy", objective_id=objective, parent_id=None, kind="policy", code="P1",
                 name="Ampliar la cobertura")
    guideline = put("policy", objective_id=objective, parent_id=policy, kind="guideline",
                    code="P1.1", name="Sistemas comunales")
    program = put("program", policy_id=guideline, sector_id=water, code="PR1",
                  name="Agua para Chocaya", problem="Vertiente seca")
    put("sdg_link", objective_id=objective, program_id=None, sdg=6, target="6.1")
    profile = put("project_profile", municipality_id=m, program_id=program, code="PP-001",
                  name="Tanque de agua en Chocaya", type="investment",
                  central_problem="Falta de agua potable", causes="Vertiente seca",
                  effects="Enfermedades", general_objective="Agua segura",
                  specific_objectives="Construir un tanque", direct_women=210, direct_men=198,
                  direct_children=95, direct_youth=80, direct_adults=190, direct_elders=43,
                  indirect_women=305, indirect_men=290, duration_months=8,
                  start_date=datetime.date(2026, 5, 1), executing_unit="Dirección de obras",
                  sustainability="Comité de agua", risks="Lluvias", recommendation="proceed")
    put("component", profile_id=profile, name="Obra civil", activities="Excavación\nVaciado",
        cost=15_000_000, position=1)
    put("profile_community", profile_id=profile, community_id=north)
    put("profile_demand", profile_id=profile, demand_id=tank)
    put("profile_funding", profile_id=profile, source_id=source, amount=3_000_000,
        counterpart_kind="labour")
    put("multi_year_programming", profile_id=profile, year=2026, source_id=source,
        amount=18_500_000)
    indicator = put("indicator", profile_id=None, objective_id=objective, name="Cobertura",
                    unit="%", level="result", baseline="62")
    put("indicator_target", indicator_id=indicator, year=2026, target="70")
    put("indicator", profile_id=profile, objective_id=None, name="Conexiones", unit="número",
        level="product", baseline="0")
    poa = put("annual_plan", municipality_id=m, fiscal_year=2026, executive_summary="POA 2026",
              situation_analysis="Sequía", approved=True)
    goal = put("management_objective", annual_plan_id=poa, objective_id=objective, code="OG-1",
               description="Dotar de agua a Chocaya")
    operation = put("operation", annual_plan_id=poa, management_objective_id=goal,
                    program_id=program, profile_id=profile, source_id=source, code="OP-01",
                    name="Construcción del tanque", type="investment",
                    expected_result="Tanque construido", indicator="Tanque", target="1",
                    resources="Cemento", responsible="Ing. Rojas",
                    start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 12, 20),
                    budget=18_500_000, funder="Tesoro General", spending_line="42230",
                    executing_unit="Dirección de obras", cancelled=False)
    put("plan_adjustment", annual_plan_id=poa, operation_id=operation, kind="budget_changed",
        date=datetime.date(2026, 7, 1), description="Más cemento")
    put("progress", profile_id=None, operation_id=operation, date=datetime.date(2026, 9, 30),
        physical_percent=45.5, financial_executed=8_000_000, target_achieved="0",
        results="Excavación terminada", corrective_measures="")
    put("progress", profile_id=profile, operation_id=None, date=datetime.date(2026, 12, 15),
        physical_percent=100.0, financial_executed=18_400_000, target_achieved="1",
        results="Tanque entregado", corrective_measures="Ninguna",
        deleted_at=START + datetime.timedelta(days=300))
    for area, year, value in (("Gestión financiera", 2024, 40), ("Capacidad técnica", 2025, 70)):
        put("institutional_score", municipality_id=m, area=area, year=year, percentage=value)
