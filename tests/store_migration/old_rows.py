"""A database at revision 0006 (before the plan tree) with rows in every table that
migration 0007 converts, written with SQL as that revision's program wrote them."""

from __future__ import annotations

import datetime
import itertools
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, create_engine

from planner_desktop.store import migrate

BEFORE = "0006_shared_ranks_reopening"
START = datetime.datetime(2026, 3, 1, 8, 0, 0)

_counter = itertools.count(1)


def uid(n: int) -> uuid.UUID:
    return uuid.UUID(int=0x7000_0000_0000_4000_8000_0000_0000_0000 + n)


def provenance(n: int) -> dict[str, Any]:
    """Distinct identity and provenance for row ``n`` (every field differs between rows)."""
    return {
        "id": uid(n),
        "device_id": uid(10_000 + n % 3),
        "facilitator": f"Facilitadora {n % 4}",
        "created_at": START + datetime.timedelta(minutes=n),
        "updated_at": START + datetime.timedelta(hours=1, minutes=n),
        "version_id": uid(20_000 + n),
        "base_version_id": uid(30_000 + n) if n % 2 else None,
        "deleted_at": None,
    }


def _filler(column: sa.Column[Any]) -> Any:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer | sa.BigInteger | sa.Numeric):
        return 0
    if isinstance(kind, sa.String | sa.Text):
        return ""
    raise AssertionError(f"give {column.table.name}.{column.name}")


def _stored(value: Any, dialect: str) -> Any:
    """SQLite keeps a UUID as 32 hex digits (how the program's UUID type stores it)."""
    return value.hex if isinstance(value, uuid.UUID) and dialect == "sqlite" else value


@dataclass
class OldDatabase:
    """The rows written, by table, as given (ids as UUIDs)."""

    conn: Connection
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    tables: dict[str, sa.Table] = field(default_factory=dict)

    def put(self, table: str, n: int, **values: Any) -> uuid.UUID:
        if table not in self.tables:
            self.tables[table] = sa.Table(table, sa.MetaData(), autoload_with=self.conn)
        target = self.tables[table]
        row = {**provenance(n), **values}
        for column in target.columns:
            if column.name not in row:
                row[column.name] = None if column.nullable else _filler(column)
        dialect = self.conn.dialect.name
        self.conn.execute(
            sa.insert(target).values({k: _stored(v, dialect) for k, v in row.items()})
        )
        self.rows.setdefault(table, []).append(row)
        return uid(n)


def plain(row: dict[str, Any]) -> dict[str, Any]:
    """A row as a session file (and the exchange ledger) writes it."""

    def one(value: Any) -> Any:
        if isinstance(value, uuid.UUID):
            return str(value)
        if isinstance(value, datetime.datetime | datetime.date):
            return value.isoformat()
        return value

    return {key: one(value) for key, value in row.items()}


def encode(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def ledger(db: OldDatabase, ids: dict[str, Any]) -> None:
    """Open conflicts and an import's replaced rows that copy records of converted tables."""
    rows = {row["id"]: row for table in db.rows.values() for row in table}
    tables = {row["id"]: name for name, table in db.rows.items() for row in table}
    conflicts = sa.table(
        "merge_conflict",
        *(sa.column(c) for c in ("table_name", "record_id", "version_id", "device_id")),
        *(sa.column(c) for c in ("updated_at", "payload", "batch_id")),
    )
    for n, key in enumerate(("profile", "program_under_guideline", "org_with_role"), start=1):
        record = ids[key]
        competing = {**rows[record], "version_id": uid(40_000 + n), "name": f"Otra versión {n}"}
        competing["updated_at"] = START + datetime.timedelta(days=5)
        db.conn.execute(
            sa.insert(conflicts).values(
                table_name=tables[record],
                record_id=_stored(record, db.conn.dialect.name),
                version_id=_stored(competing["version_id"], db.conn.dialect.name),
                device_id=_stored(uid(10_009), db.conn.dialect.name),
                updated_at=competing["updated_at"],
                payload=encode(plain(competing)),
                batch_id=1,
            )
        )
    changes = sa.table(
        "batch_change", *(sa.column(c) for c in ("batch_id", "record_id", "table_name", "previous"))
    )
    for key in ("score19", "frame", "operation", "sdg_both"):
        record = ids[key]
        previous = {"row": plain(rows[record]), "open": [], "after": str(uid(50_000))}
        db.conn.execute(
            sa.insert(changes).values(
                batch_id=1,
                record_id=_stored(record, db.conn.dialect.name),
                table_name=tables[record],
                previous=json.dumps(previous, sort_keys=True, ensure_ascii=False),
            )
        )


VALUES = "Transparencia\nSolidaridad y reciprocidad\n\n  Respeto a la Madre Tierra  \n"


def build(target: Path | str) -> dict[str, Any]:
    """Write the database at ``target`` (a path, or a URL of an empty database); returns
    the ids the tests look at by name."""
    engine = create_engine(target if isinstance(target, str) else f"sqlite:///{target}")
    migrate.upgrade(engine, BEFORE)
    ids: dict[str, Any] = {}
    with engine.begin() as conn:
        db = OldDatabase(conn)
        m = ids["municipality"] = db.put(
            "municipality",
            1,
            name="Tiquipaya",
            country="Bolivia",
            currency="BOB",
            fiscal_year_start=1,
            plan_start_year=2026,
            plan_end_year=2030,
        )
        ids["sector"] = db.put("sector", 2, municipality_id=m, code="SAL", name="Salud")
        frame = ids["frame"] = db.put(
            "strategic_frame",
            3,
            municipality_id=m,
            start_year=2026,
            end_year=2030,
            vision="Un municipio productivo",
            mission="Servir",
            values=VALUES,
        )
        a1 = ids["axis1"] = db.put(
            "axis", 4, frame_id=frame, code="E1", name="Eje social", position=1
        )
        a2 = ids["axis2"] = db.put(
            "axis", 5, frame_id=frame, code="E2", name="Eje productivo", position=2
        )
        o2 = ids["objective_b"] = db.put(
            "objective", 7, axis_id=a1, code="O1.2", name="Objetivo B", problem="Problema B"
        )
        o1 = ids["objective_a"] = db.put(
            "objective", 6, axis_id=a1, code="O1.1", name="Objetivo A", problem="Problema A"
        )
        ids["objective_c"] = db.put("objective", 8, axis_id=a2, code="O2.1", name="Objetivo C")
        p1 = ids["policy"] = db.put(
            "policy",
            9,
            objective_id=o1,
            parent_id=None,
            kind="policy",
            code="P1",
            name="Política 1",
        )
        g1 = ids["guideline"] = db.put(
            "policy",
            10,
            objective_id=o1,
            parent_id=p1,
            kind="guideline",
            code="P1.1",
            name="Lineamiento 1.1",
        )
        ids["policy2"] = db.put(
            "policy",
            11,
            objective_id=o2,
            parent_id=None,
            kind="policy",
            code="P2",
            name="Política 2",
        )
        pr1 = ids["program_under_guideline"] = db.put(
            "program",
            12,
            policy_id=g1,
            sector_id=ids["sector"],
            code="PR02",
            name="Programa bajo lineamiento",
            problem="Sin agua",
        )
        pr2 = ids["program_under_policy"] = db.put(
            "program",
            13,
            policy_id=p1,
            sector_id=None,
            code="PR01",
            name="Programa bajo política",
        )
        ids["program_deleted"] = db.put(
            "program",
            14,
            policy_id=p1,
            code="PR03",
            name="Programa borrado",
            deleted_at=START + datetime.timedelta(days=3),
        )
        ids["sdg_objective"] = db.put(
            "sdg_link", 15, objective_id=o1, program_id=None, sdg=6, target="6.1"
        )
        ids["sdg_program"] = db.put("sdg_link", 16, objective_id=None, program_id=pr1, sdg=3)
        ids["sdg_both"] = db.put("sdg_link", 17, objective_id=o2, program_id=pr2, sdg=11)
        for n, (area, year, value) in enumerate(
            [
                ("Gestión financiera", 2024, 40),
                ("Gestión financiera", 2025, 55),
                ("Capacidad técnica", 2025, 70),
                ("Gestión financiera", 2025, 20),
            ],
            start=18,
        ):
            extra = {"deleted_at": START + datetime.timedelta(days=1)} if n == 21 else {}
            ids[f"score{n}"] = db.put(
                "institutional_score",
                n,
                municipality_id=m,
                area=area,
                year=year,
                percentage=value,
                **extra,
            )
        ids["org_with_role"] = db.put(
            "organization",
            22,
            municipality_id=m,
            name="OTB Norte",
            kind="otb",
            role_in_planning="Convoca a las reuniones",
        )
        ids["org_without_role"] = db.put(
            "organization",
            23,
            municipality_id=m,
            name="Comité",
            kind="vigilance_committee",
            role_in_planning="  ",
        )
        profile = ids["profile"] = db.put(
            "project_profile",
            24,
            municipality_id=m,
            program_id=pr1,
            code="PP-1",
            name="Agua potable",
            type="investment",
            duration_months=12,
        )
        ids["indicator"] = db.put(
            "indicator", 25, profile_id=None, objective_id=o1, name="Cobertura", level="result"
        )
        ids["indicator_profile"] = db.put(
            "indicator",
            26,
            profile_id=profile,
            objective_id=None,
            name="Conexiones",
            level="product",
        )
        poa = ids["annual_plan"] = db.put("annual_plan", 27, municipality_id=m, fiscal_year=2026)
        mo = ids["management_objective"] = db.put(
            "management_objective",
            28,
            annual_plan_id=poa,
            objective_id=o2,
            code="OG-1",
            description="Mejorar",
        )
        ids["operation"] = db.put(
            "operation",
            29,
            annual_plan_id=poa,
            management_objective_id=mo,
            program_id=pr2,
            profile_id=profile,
            code="OP-1",
            name="Construir",
            type="investment",
        )
        ids["rows"] = db.rows
        ledger(db, ids)
    engine.dispose()
    return ids
