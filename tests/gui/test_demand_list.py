"""The all-demands list (issue 3): SQL filters and sort, editing in place, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import func, select

from planner_desktop.capture import records
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group
from planner_desktop.domain.territory import Community, Sector
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.models import demand_list as dl
from planner_desktop.ui.models.table import KEY_ROLE

pytestmark = pytest.mark.gui


def saved(qtbot, hub) -> None:
    """Wait until every queued write is in the database and announced."""
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: hub.pending == 0, timeout=5000)


@pytest.fixture
def model(qtbot, demo_copy):
    from planner_desktop.context import open_database

    store = open_database(demo_copy, must_exist=True)
    stack = QUndoStack()
    hub = hub_for(stack, store)
    model = dl.DemandListModel(store)
    model.attach(hub, stack)
    model.reload()
    yield model, hub, stack, store
    jobs.wait_for_all()
    store.close()


def test_pages_filters_and_sort_run_in_sql(model):
    model, _hub, _stack, store = model
    with store.session() as s:
        total = s.scalar(select(func.count()).select_from(Demand))
        community = s.scalars(select(Community).order_by(Community.name)).first()
        in_community = s.scalar(select(func.count()).where(Demand.community_id == community.id))
    assert model.total == total and model.rowCount() == dl.PAGE_SIZE < total
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == min(total, 2 * dl.PAGE_SIZE)
    model.set_filter(dl.DemandFilter(community_id=community.id))
    assert model.total == model.rowCount() == in_community
    assert {model.index(r, dl.COMMUNITY).data() for r in range(model.rowCount())} == {
        community.name
    }
    model.set_filter(dl.DemandFilter(district_id=community.district_id, group=Group.women))
    assert all(
        model.index(r, dl.GROUP).data(dl.VALUE_ROLE) == Group.women for r in range(model.rowCount())
    )
    model.set_filter(dl.DemandFilter(text="AGUA"))
    assert model.total > 0
    for row in range(model.rowCount()):
        texts = [
            model.index(row, c).data().lower() for c in (dl.CODE, dl.DESCRIPTION, dl.COMMUNITY)
        ]
        assert any("agua" in text for text in texts)
    model.set_filter(dl.DemandFilter())
    model.sort(dl.COST, Qt.SortOrder.DescendingOrder)
    costs = [model.index(r, dl.COST).data(dl.VALUE_ROLE) for r in range(model.rowCount())]
    assert costs == sorted(costs, reverse=True)
    with store.session() as s:
        assert costs[0] == s.scalar(select(func.max(Demand.estimated_cost)))


def test_bad_values_are_refused_in_place_and_good_ones_saved_and_undone(qtbot, model):
    model, hub, stack, store = model
    refusals: list[str] = []
    model.sig_refused.connect(refusals.append)
    cost = model.index(0, dl.COST)
    key = cost.data(KEY_ROLE)
    before = records.read(store, Demand, key, ["estimated_cost", "description"])

    assert not model.setData(cost, "-100")
    assert refusals[-1] == "Un costo no puede ser negativo"
    assert cost.data(Qt.ItemDataRole.ToolTipRole) == refusals[-1]
    assert cost.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.setData(model.index(0, dl.DESCRIPTION), " \t\n")
    assert not model.setData(model.index(0, dl.WOMEN), "-3")
    assert stack.count() == 0
    assert records.read(store, Demand, key, ["estimated_cost", "description"]) == before

    assert model.setData(cost, "12.500,50")
    assert refusals[-1] == "" and cost.data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.setData(model.index(0, dl.DESCRIPTION), "Agua\tpotable\npara todos")
    saved(qtbot, hub)
    after = records.read(store, Demand, key, ["estimated_cost", "description"])
    assert after == {
        "estimated_cost": Decimal("12500.50"),
        "description": "Agua potable para todos",
    }
    assert model.index(model.row_of(key), dl.DESCRIPTION).data() == "Agua potable para todos"
    stack.undo()
    stack.undo()
    saved(qtbot, hub)
    assert records.read(store, Demand, key, ["estimated_cost", "description"]) == before
    stack.redo()
    saved(qtbot, hub)
    assert records.read(store, Demand, key, ["estimated_cost"])["estimated_cost"] == Decimal(
        "12500.50"
    )


def test_sector_and_group_take_a_listed_value(qtbot, model):
    model, hub, _stack, store = model
    with store.session() as s:
        sector = s.scalars(select(Sector).order_by(Sector.name.desc())).first()
    index = model.index(0, dl.SECTOR)
    assert (sector.id, sector.name) in index.data(dl.CHOICES_ROLE)
    assert not model.setData(index, "no such sector")
    assert model.setData(index, sector.id)
    assert model.setData(model.index(0, dl.GROUP), Group.elders)
    saved(qtbot, hub)
    values = records.read(store, Demand, model.key(0), ["sector_id", "raising_group"])
    assert values == {"sector_id": sector.id, "raising_group": Group.elders}


def test_a_failed_save_is_reported_in_place_and_the_saved_value_shown(qtbot, model, monkeypatch):
    model, hub, _stack, _store = model
    failures: list[str] = []
    hub.sig_failed.connect(failures.append)
    cost = model.index(0, dl.COST)
    shown = cost.data()

    def broken(*_args, **_kwargs):
        raise OSError("disco lleno")

    monkeypatch.setattr(records, "update", broken)
    assert model.setData(cost, "999")
    assert cost.data() == "999", "shown at once, before the save"
    saved(qtbot, hub)
    assert failures == ["disco lleno"]
    assert model.index(0, dl.COST).data() == shown, "the saved value comes back"
