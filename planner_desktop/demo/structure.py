"""The municipal government's structure: secretarías and the direcciones and units under
them, each sector's projects executed by one of them."""

from __future__ import annotations

from planner_desktop.demo.context import SETUP_DAY, Context, at
from planner_desktop.domain.enums import UnitKind
from planner_desktop.domain.models import OrgUnit

SECRETARIATS = (
    ("Secretaría Municipal de Desarrollo Humano", ("DDH", "UGG")),
    ("Secretaría Municipal de Desarrollo Productivo y Madre Tierra", ("UDP", "UMA")),
    ("Secretaría Municipal de Obras Públicas e Infraestructura", ("UOP", "USB")),
    ("Secretaría Municipal Administrativa y de Planificación", ("DPL", "DAF", "USC")),
)
"""Each secretaría and the codes of the executing units (``strategy.json``) under it."""


def make_units(ctx: Context) -> None:
    """Secretarías with their direcciones and units; sets each sector's executing unit."""
    writer, who = ctx.writer, ctx.facilitators[0]
    when = at(SETUP_DAY, 25)
    units = {unit["code"]: unit for unit in ctx.sources.strategy["executing_units"]}
    placed: set[str] = set()
    for position, (name, codes) in enumerate(SECRETARIATS, start=1):
        parent = writer.synced(
            OrgUnit,
            when,
            who,
            municipality_id=ctx.municipality_id,
            parent_id=None,
            kind=UnitKind.secretariat,
            name=name,
            position=position,
        )
        ctx.units[name] = parent
        for number, code in enumerate(codes, start=1):
            if code in units:
                _unit(ctx, units[code], parent, number)
                placed.add(code)
    for number, code in enumerate(sorted(set(units) - placed), start=1):
        _unit(ctx, units[code], None, len(SECRETARIATS) + number)


def _unit(ctx: Context, unit: dict[str, object], parent: object, position: int) -> None:
    name = str(unit["name"])
    kind = UnitKind.directorate if name.startswith("Dirección") else UnitKind.unit
    unit_id = ctx.writer.synced(
        OrgUnit,
        at(SETUP_DAY, 25),
        ctx.facilitators[0],
        municipality_id=ctx.municipality_id,
        parent_id=parent,
        kind=kind,
        name=name,
        position=position,
    )
    ctx.units[name] = unit_id
    sectors = unit["sectors"]
    assert isinstance(sectors, list)
    for sector in ctx.sectors:
        if sector.code in sectors and sector.unit_id is None:
            sector.unit_id, sector.unit_name = unit_id, name
