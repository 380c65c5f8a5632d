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
    assert model.total == total and model.rowCount() == dl.FIRST_PAGE < total
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == min(total, dl.FIRST_PAGE + dl.PAGE_SIZE)
    model.set_filter(dl.DemandFilter(community_id=community.id))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
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
    assert refusals[-1] == "Debe ser de 0 a 100.000.000.000"
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
    assert cost.data() == "999,00", "shown at once, before the save"
    saved(qtbot, hub)
    assert failures == ["disco lleno"]
    assert model.index(0, dl.COST).data() == shown, "the saved value comes back"


# --- issue 12: demands typed honestly, from a new municipality --------------------------


@pytest.fixture
def new_window(qtbot, settings, tmp_path):
    from planner_desktop.ui.language import apply_language
    from tests.gui.capture_helpers import new_municipality
    from tests.gui.test_window import open_window

    apply_language("en")  # new messages are translated when the catalogue is merged
    return open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))


def demands_panel(qtbot, window):
    from planner_desktop.domain.enums import Phase
    from tests.gui.test_window import click_phase

    click_phase(qtbot, window, Phase.prioritization)
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.demands_panel)
    return page, page.demands_panel


def test_a_new_demand_gets_the_sector_chosen_beside_it_not_a_filter(qtbot, new_window):
    from tests.gui.capture_helpers import saved as all_saved
    from tests.gui.capture_helpers import type_text

    window = new_window
    page, panel = demands_panel(qtbot, window)
    assert panel.model.total == 0 and page.tabs.tabText(1) == "Demands (0)"
    panel.district.setCurrentIndex(panel.district.findText("Distrito Uno"))
    panel.community.setCurrentIndex(panel.community.findText("Chaupi Loma"))
    panel.group.setCurrentIndex(panel.group.findText("Youth"))  # a filter only
    assert panel.new_sector.currentIndex() == -1, "no sector chosen for the person"
    type_text(qtbot, panel.new_demand, "Puente peatonal sobre el río")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    assert panel.refusal.text() == "Choose the sector of the new demand"
    all_saved(qtbot, window)
    assert panel.model.total == 0, "nothing half-saved"
    assert panel.new_demand.text() == "Puente peatonal sobre el río", "nothing lost"

    panel.group.setCurrentIndex(0)
    panel.new_sector.setCurrentIndex(panel.new_sector.findText("Caminos"))
    panel.new_group.setCurrentIndex(panel.new_group.findText("Women"))
    panel.new_demand.setFocus()
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    all_saved(qtbot, window)
    assert panel.refusal.text() == "" and panel.new_demand.text() == ""
    assert panel.model.total == 1
    assert panel.model.index(0, dl.SECTOR).data() == "Caminos"
    assert panel.model.index(0, dl.GROUP).data() == "Women"
    assert page.tabs.tabText(1) == "Demands (1)"
    assert "1 demand" in page.summary.text() and panel.count.text() == "1 demand"


def test_beneficiaries_and_cost_typed_in_the_list_and_counts_follow(qtbot, new_window):
    from tests.gui.capture_helpers import saved as all_saved
    from tests.gui.capture_helpers import type_into_cell

    window = new_window
    page, panel = demands_panel(qtbot, window)
    panel.district.setCurrentIndex(panel.district.findText("Distrito Uno"))
    panel.community.setCurrentIndex(panel.community.findText("Villa Esperanza"))
    panel.new_sector.setCurrentIndex(panel.new_sector.findText("Salud"))
    for text in ("Posta de salud", "Ambulancia"):
        qtbot.keyClicks(panel.new_demand, text)
        qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    all_saved(qtbot, window)
    assert panel.model.total == 2 and page.tabs.tabText(1) == "Demands (2)"
    assert "2 demands" in page.summary.text()

    row = panel.model.row_of(
        next(
            panel.model.key(r)
            for r in range(2)
            if panel.model.index(r, dl.DESCRIPTION).data() == "Posta de salud"
        )
    )
    type_into_cell(qtbot, panel.view, row, dl.WOMEN, "120")
    type_into_cell(qtbot, panel.view, row, dl.MEN, "95")
    type_into_cell(qtbot, panel.view, row, dl.COST, "350000")
    type_into_cell(qtbot, panel.view, row, dl.MEN, "-4")
    assert panel.refusal.text() != ""
    all_saved(qtbot, window)
    values = records.read(
        window.store,
        Demand,
        panel.model.key(row),
        ["beneficiaries_women", "beneficiaries_men", "estimated_cost"],
    )
    assert values == {
        "beneficiaries_women": 120,
        "beneficiaries_men": 95,
        "estimated_cost": Decimal("350000.00"),
    }
    assert panel.model.index(row, dl.WOMEN).data() == "120"
