"""Importing communities and demands from the template: all rows checked, then one write.

Every row is validated (types, codes that must exist, duplicates within the file and
against the database, a community's population by sex and by age group adding up to the
same total) before anything is added; the additions then go in one transaction
of the store's unit of work, so a refused file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture.territory import FieldRefused, check_population
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import AreaType, CommunityKind, Group
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District, Sector
from planner_desktop.exchange.xlsx import spec
from planner_desktop.exchange.xlsx.errors import Where, refuse
from planner_desktop.exchange.xlsx.rows import Record, find_sheet, open_workbook, read_records
from planner_desktop.i18n import _
from planner_desktop.store.database import Store


@dataclass(frozen=True)
class Imported:
    """What an import added."""

    kind: str
    rows: int


def _place(where: Where, fields: tuple[spec.Field, ...], record: Record, key: str) -> Where:
    header = next(_(field.header) for field in fields if field.key == key)
    return where.at(record.row, record.columns.get(key), header)


def _read(path: Path, title: str, fields: tuple[spec.Field, ...]) -> tuple[Where, list[Record]]:
    workbook = open_workbook(path)
    try:
        where = Where(path.name, find_sheet(workbook, Where(path.name), title).title)
        records = read_records(workbook, where, title, fields)
    finally:
        workbook.close()
    if not records:
        raise refuse(where, _("the sheet has no rows to import"))
    return where, records


def _unique(
    where: Where,
    fields: tuple[spec.Field, ...],
    records: list[Record],
    key: str,
    existing: set[str],
    what: str,
) -> None:
    """Refuse a code repeated in the file or already in the database."""
    seen: dict[str, int] = {}
    for record in records:
        code = spec.normalise(record.values[key])
        place = _place(where, fields, record, key)
        if code in seen:
            raise refuse(
                place,
                _("the {what} «{code}» is repeated (first in row {row})").format(
                    what=what, code=record.values[key], row=seen[code]
                ),
            )
        if code in existing:
            raise refuse(
                place,
                _("the {what} «{code}» already exists in the database").format(
                    what=what, code=record.values[key]
                ),
            )
        seen[code] = record.row


def _lookup(
    where: Where,
    fields: tuple[spec.Field, ...],
    record: Record,
    key: str,
    known: dict[str, Any],
    message: Callable[[str], str],
) -> Any:
    found = known.get(spec.normalise(record.values[key]))
    if found is None:
        raise refuse(_place(where, fields, record, key), message(record.values[key]))
    return found


def _codes(session: Session, model: Any) -> dict[str, Any]:
    rows = session.execute(select(model.code, model.id).where(live(model)))
    return {spec.normalise(code): id_ for code, id_ in rows}


def import_communities(store: Store, path: Path) -> Imported:
    where, records = _read(path, spec.COMMUNITIES_SHEET, spec.COMMUNITY_FIELDS)
    fields = spec.COMMUNITY_FIELDS
    with store.session() as session:
        districts = _codes(session, District)
        existing = set(_codes(session, Community))
        _unique(where, fields, records, "code", existing, _("community code"))
        rows = []
        for record in records:
            district = _lookup(
                where,
                fields,
                record,
                "district",
                districts,
                lambda code: _("unknown district code «{code}»").format(code=code),
            )
            values = {k: v for k, v in record.values.items() if v is not None}
            values.pop("district")
            try:
                check_population(values)
            except FieldRefused as refused:
                raise refuse(_place(where, fields, record, refused.field), str(refused)) from None
            values.setdefault("kind", CommunityKind.community)
            values.setdefault("area", AreaType.rural)
            rows.append(Community(district_id=district, **values))
        session.add_all(rows)
    return Imported("communities", len(records))


def import_demands(store: Store, path: Path) -> Imported:
    where, records = _read(path, spec.DEMANDS_SHEET, spec.DEMAND_FIELDS)
    fields = spec.DEMAND_FIELDS
    with store.session() as session:
        communities = _codes(session, Community)
        sectors = _codes(session, Sector)
        existing = set(session.scalars(select(Demand.code).where(live(Demand))))
        _unique(
            where, fields, records, "code", {spec.normalise(c) for c in existing}, _("demand code")
        )
        rows = []
        for record in records:
            community = _lookup(
                where,
                fields,
                record,
                "community",
                communities,
                lambda code: _("unknown community code «{code}»").format(code=code),
            )
            sector = _lookup(
                where,
                fields,
                record,
                "sector",
                sectors,
                lambda code: _("unknown sector code «{code}»").format(code=code),
            )
            values = {k: v for k, v in record.values.items() if v is not None}
            values.pop("community")
            values.pop("sector")
            values.setdefault("raising_group", values.pop("group", Group.mixed))
            rows.append(Demand(community_id=community, sector_id=sector, **values))
        session.add_all(rows)
    return Imported("demands", len(records))


def import_plan(store: Store, path: Path) -> Imported:
    """The plan workbook (see :mod:`planner_desktop.exchange.xlsx.plan_import`)."""
    from planner_desktop.exchange.xlsx.plan_import import import_plan as plan_import

    return plan_import(store, path)


IMPORTS: dict[str, Callable[[Store, Path], Imported]] = {
    "communities": import_communities,
    "demands": import_demands,
    "plan": import_plan,
}
