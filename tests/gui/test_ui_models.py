"""The item models over the store, used directly (no view): counts, values, lazy fetching."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from sqlalchemy import func, select

from planner_desktop.domain import summaries
from planner_desktop.domain.models import Community, Demand, District
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.ui import queries, trees
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.models import territory as territory_table
from planner_desktop.ui.models.grid import GridModel
from planner_desktop.ui.models.table import KEY_ROLE, PAGE_SIZE, VALUE_ROLE, QueryTableModel
from planner_desktop.ui.models.tree import NODE_ROLE, LazyTreeModel

pytestmark = pytest.mark.gui


def live_demands(store) -> int:
    with store.session() as session:
        return session.scalar(
            select(func.count()).select_from(Demand).where(Demand.deleted_at.is_(None))
        )


def test_demands_are_shown_in_pages_and_read_when_asked(demo_store):
    model = QueryTableModel(demo_store, queries.demands())
    assert model.rowCount() == 0 and model.total == 0
    model.reload()
    total = live_demands(demo_store)
    assert total > PAGE_SIZE, "the demo should hold more demands than one page"
    assert model.total == total
    assert model.rowCount() == PAGE_SIZE
    assert model.blocks_read == 0, "no row is read before it is shown"

    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert not model.canFetchMore(QModelIndex())

    code = model.index(0, 0).data()
    assert model.blocks_read == 1
    assert model.index(10, 0).data()
    assert model.blocks_read == 1, "rows of the same block come from the cache"
    with demo_store.session() as session:
        first = session.scalar(
            select(Demand.code).where(Demand.deleted_at.is_(None)).order_by(Demand.code)
        )
    assert code == first
    model.index(total - 1, 0).data()
    assert model.blocks_read == 2


def test_cells_are_formatted_for_people(demo_store):
    model = QueryTableModel(demo_store, queries.demands())
    model.reload()
    cost_column = next(n for n, c in enumerate(model.query.columns) if c.title == "Estimated cost")
    status_column = next(n for n, c in enumerate(model.query.columns) if c.title == "Status")
    index = model.index(0, cost_column)
    assert index.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    raw = index.data(VALUE_ROLE)
    assert raw is not None and str(int(raw)) not in ("",)
    status = model.index(0, status_column).data()
    assert status and status != str(model.index(0, status_column).data(VALUE_ROLE)), (
        "codes are shown as translated labels"
    )
    assert model.index(0, 0).data(KEY_ROLE) is not None


def test_headers_follow_the_language(demo_store):
    model = QueryTableModel(demo_store, territory_table.communities())
    apply_language("en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "District"
    apply_language("es")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Distrito"


def test_tombstoned_rows_are_left_out(demo_copy):
    from planner_desktop.context import open_database

    store = open_database(demo_copy, must_exist=True)
    try:
        model = QueryTableModel(store, queries.demands())
        model.reload()
        before = model.total
        with store.session() as session:
            demand = session.scalars(select(Demand).order_by(Demand.code).limit(1)).one()
            mark_deleted(demand)
            gone = demand.code
        model.reload()
        assert model.total == before - 1
        codes = {model.index(row, 0).data() for row in range(model.rowCount())}
        assert gone not in codes
    finally:
        store.close()


def test_rows_of_one_community(demo_store):
    with demo_store.session() as session:
        community = session.scalars(select(Community).order_by(Community.name).limit(1)).one()
        expected = session.scalar(
            select(func.count()).select_from(Demand).where(Demand.community_id == community.id)
        )
    scope = queries.Scope("community", community.id, community.name)
    model = QueryTableModel(demo_store, queries.demands(scope))
    model.reload()
    assert model.total == expected > 0
    community_column = 1
    assert {model.index(r, community_column).data() for r in range(model.rowCount())} == {
        community.name
    }


def test_territory_tree_reads_each_branch_when_opened(demo_store):
    model = LazyTreeModel(
        demo_store, trees.territory_children, trees.TERRITORY_COLUMNS, number_columns=(1,)
    )
    root = QModelIndex()
    assert model.rowCount(root) == 0 and model.canFetchMore(root)
    model.fetchMore(root)
    assert model.rowCount(root) == 1
    municipality = model.index(0, 0)
    with demo_store.session() as session:
        name = summaries.current_municipality(session).name
        districts = session.scalars(
            select(District.name).where(District.deleted_at.is_(None)).order_by(District.code)
        ).all()
    assert municipality.data() == name
    assert model.hasChildren(municipality) and model.rowCount(municipality) == 0
    assert model.branches_read == 1
    model.fetchMore(municipality)
    assert [model.index(r, 0, municipality).data() for r in range(len(districts))] == districts
    district = model.index(0, 0, municipality)
    assert district.data(NODE_ROLE).kind == "district"
    assert model.parent(district) == municipality
    model.fetchMore(district)
    assert model.rowCount(district) > 0
    community = model.index(0, 0, district)
    assert community.data(NODE_ROLE).kind == "community"
    assert not model.hasChildren(community)
    assert model.branches_read == 3


def test_strategy_tree_has_the_top_elements_of_the_plan(demo_store):
    model = LazyTreeModel(demo_store, trees.strategy_children, trees.STRATEGY_COLUMNS)
    with demo_store.session() as session:
        plan = summaries.current_plan(session)
        counts = summaries.level_counts(session, plan.id)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == counts[1]
    assert model.index(0, 1).data() == "Eje"
    axis = model.index(0, 0)
    model.fetchMore(axis)
    assert model.rowCount(axis) >= 1
    assert model.index(0, 1, axis).data() == "Objetivo"


def test_grid_model_holds_figures_and_headers(qapp):
    grid = GridModel()
    grid.set_grid(["a", "Total"], ["x", "y"], [[1, 2000], [3, 4]], total_row=True)
    assert (grid.rowCount(), grid.columnCount()) == (2, 2)
    assert grid.index(0, 1).data() == "2.000"
    assert grid.headerData(1, Qt.Orientation.Vertical) == "Total"
    assert grid.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
