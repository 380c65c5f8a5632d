"""Importing communities and demands from the template the program writes."""

from __future__ import annotations

import time
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import AreaType, CommunityKind, Group
from planner_desktop.domain.territory import Community
from planner_desktop.exchange.xlsx.export import export
from planner_desktop.exchange.xlsx.importer import import_communities, import_demands
from planner_desktop.i18n import set_language
from tests.helpers import TEST_DEVICE
from tests.xlsx.books import COMMUNITY, DEMAND, filled, pad_with_empty_rows


def test_round_trip_communities_then_demands(fresh, tmp_path):
    communities = filled(fresh, tmp_path, "Communities", [COMMUNITY], "c.xlsx")
    assert import_communities(fresh, communities).rows == 1
    second = [*DEMAND[:1], "NEW-01-02", "educacion", "Ampliación de aulas", None, 40, 38, 9000]
    demands = filled(fresh, tmp_path, "Demands", [DEMAND, second], "d.xlsx")
    assert import_demands(fresh, demands).rows == 2
    with fresh.session() as session:
        community = session.scalars(select(Community).where(Community.code == "NEW-01")).one()
        assert (community.name, community.kind, community.area) == (
            "Nueva Esperanza", CommunityKind.otb, AreaType.rural)  # fmt: skip
        assert community.population_elders == 30 and community.device_id == TEST_DEVICE
        demand = session.scalars(select(Demand).where(Demand.code == "NEW-01-01")).one()
        assert demand.community_id == community.id
        assert demand.raising_group is Group.women
        assert demand.estimated_cost == Decimal("125000.50")
        assert demand.sector.code == "salud"
        other = session.scalars(select(Demand).where(Demand.code == "NEW-01-02")).one()
        assert other.raising_group is Group.mixed, "an empty group means mixed"
    exported = tmp_path / "matrix.xlsx"
    export(fresh, "demands", exported)
    codes = {row[2] for row in load_workbook(exported)["Demands"].iter_rows(values_only=True)}
    assert {"NEW-01-01", "NEW-01-02"} <= codes


def test_a_spanish_template_imports_under_english_and_codes_work_too(fresh, tmp_path):
    set_language("es")
    row = ["NEW-02", "d1-01", "Mujeres"]
    path = filled(fresh, tmp_path, "Demandas", [[row[1], row[0], "riego", "Riego", row[2]]])
    set_language("en")
    assert import_demands(fresh, path).rows == 1
    with fresh.session() as session:
        demand = session.scalars(select(Demand).where(Demand.code == "NEW-02")).one()
        assert demand.raising_group is Group.women and demand.estimated_cost == 0


def test_trailing_formatted_empty_rows_are_skipped_quickly(fresh, tmp_path):
    second = [*DEMAND[:1], "NEW-01-02", *DEMAND[2:]]
    path = filled(fresh, tmp_path, "Communities", [COMMUNITY])
    import_communities(fresh, path)
    path = filled(fresh, tmp_path, "Demands", [DEMAND, second], "d.xlsx")
    pad_with_empty_rows(path, "Demands", 4, 200_000)
    start = time.perf_counter()
    assert import_demands(fresh, path).rows == 2
    assert time.perf_counter() - start < 10, "the empty rows are scanned, not parsed"
