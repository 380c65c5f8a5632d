"""Capture in the window as a facilitator does it (issue 3): self-diagnosis, a finding
turned into a demand, the demand list, undo and redo across pages, reopening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.territory import Community, Dimension
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.models import demand_list as dl
from planner_desktop.ui.models.findings import DESCRIPTION, RANK
from planner_desktop.ui.models.table import VALUE_ROLE
from planner_desktop.ui.models.territory import FIRST_COUNT
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


def saved(qtbot, window) -> None:
    hub = hub_for(window.undo_stack, window.store)
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: hub.pending == 0, timeout=5000)


def type_into_cell(qtbot, view, row: int, column: int, text: str, key=Qt.Key.Key_Return):
    """Select a cell, type (or paste) over it like in a spreadsheet, leave it with ``key``."""
    view.setFocus()
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    if "\t" in text or "\n" in text:
        editor.insert(text)  # pasted from a spreadsheet or a document
    else:
        qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    # Qt commits the editor's value from the event loop.
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


def diagnosis_panel(qtbot, window):
    click_phase(qtbot, window, Phase.diagnosis)
    page = window.pages[Phase.diagnosis]
    page.tabs.setCurrentWidget(page.self_diagnosis)
    panel = page.self_diagnosis
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    return panel


def descriptions(panel) -> list[str]:
    model = panel.model
    return [model.index(row, DESCRIPTION).data() for row in range(model.rowCount())]


def test_findings_in_two_dimensions_reordered_by_keys(qtbot, window):
    panel = diagnosis_panel(qtbot, window)
    before = panel.model.total
    with window.store.session() as session:
        first, second = session.scalars(select(Dimension.name).order_by(Dimension.position)).all()[
            :2
        ]
    for dimension, text in (
        (first, "Suelos erosionados"),
        (second, "Falta de\tposta"),
        (second, "Caminos cortados"),
    ):
        panel.dimension.setCurrentText(dimension)
        panel.description.insert(text)  # typed or pasted
        qtbot.keyClick(panel.description, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert panel.model.total == before + 3
    texts = descriptions(panel)
    assert "Falta de posta" in texts, "pasted tabs become a space"
    last = texts.index("Caminos cortados")
    assert texts.index("Falta de posta") == last - 1 or texts[last - 1] != "Falta de posta"
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.model.index(last, DESCRIPTION))
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    saved(qtbot, window)
    moved = descriptions(panel).index("Caminos cortados")
    assert moved == last - 1
    ranks = [panel.model.index(row, RANK).data(VALUE_ROLE) for row in (moved, moved + 1)]
    assert ranks[0] < ranks[1], "ranks of the group are numbered again in the new order"
    assert panel.current_finding() == panel.model.key(moved), "the selection follows"
    window.undo_stack.undo()
    saved(qtbot, window)
    assert descriptions(panel).index("Caminos cortados") == last

    type_into_cell(qtbot, panel.view, last, DESCRIPTION, "   ")  # empty after cleaning
    assert panel.refusal.text() == "Este campo no puede quedar vacío"
    assert descriptions(panel)[last] == "Caminos cortados"


def test_finding_to_demand_then_undo_and_redo_from_another_page(qtbot, window):
    panel = diagnosis_panel(qtbot, window)
    panel.view.setCurrentIndex(panel.model.index(0, DESCRIPTION))
    finding_id = panel.current_finding()
    qtbot.mouseClick(panel.to_demand, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    with window.store.session() as session:
        demand = session.scalars(select(Demand).where(Demand.finding_id == finding_id)).one()
        description = session.get(Finding, finding_id).description
        code = demand.code
    assert demand.description == description and code in panel.message.text()

    click_phase(qtbot, window, Phase.prioritization)
    demands = window.pages[Phase.prioritization].demands_panel
    qtbot.keyClicks(demands.search, code)
    qtbot.waitUntil(lambda: demands.model.total == 1, timeout=2000)
    assert demands.model.index(0, dl.DESCRIPTION).data() == description
    type_into_cell(qtbot, demands.view, 0, dl.COST, "-5")
    assert demands.refusal.text() == "Debe ser de 0 a 100.000.000.000"
    type_into_cell(qtbot, demands.view, 0, dl.COST, "2500", Qt.Key.Key_Tab)
    assert demands.view.currentIndex().column() == dl.STATUS, "Tab moves to the next cell"
    saved(qtbot, window)
    assert demands.model.index(0, dl.COST).data() == "2.500,00"

    window.undo_stack.undo()  # the cost, on this page
    window.undo_stack.undo()  # the demand made on the diagnosis page
    saved(qtbot, window)
    assert demands.model.total == 0
    with window.store.session() as session:
        assert session.scalars(select(Demand.deleted_at).where(Demand.code == code)).one()
    window.undo_stack.redo()
    window.undo_stack.redo()
    saved(qtbot, window)
    assert demands.model.total == 1
    assert demands.model.index(0, dl.COST).data() == "2.500,00"


def test_demand_list_filters_and_new_demand(qtbot, window):
    click_phase(qtbot, window, Phase.prioritization)
    panel = window.pages[Phase.prioritization].demands_panel
    everything = panel.model.total
    qtbot.keyClicks(panel.new_demand, "Sin comunidad")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    assert panel.refusal.text() == "Elija primero una comunidad"
    assert panel.new_demand.text() == "Sin comunidad", "the typed text is kept"
    panel.new_demand.clear()
    panel.district.setCurrentIndex(1)
    in_district = panel.model.total
    assert 0 < in_district < everything
    panel.community.setCurrentIndex(1)
    community = panel.community.currentText()
    in_community = panel.model.total
    assert {panel.model.index(r, dl.COMMUNITY).data() for r in range(in_community)} == {community}
    panel.status.setCurrentIndex(1)
    assert panel.model.total <= in_community
    panel.status.setCurrentIndex(0)
    panel.new_sector.setCurrentIndex(0)  # a new demand's sector is chosen, never assumed
    panel.new_demand.insert("Puente\tpeatonal\nsobre el río")  # pasted
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert panel.model.total == in_community + 1
    qtbot.keyClicks(panel.search, "peatonal sobre")
    qtbot.waitUntil(lambda: panel.model.total == 1, timeout=2000)
    assert panel.model.index(0, dl.DESCRIPTION).data() == "Puente peatonal sobre el río"
    assert "Demanda" in panel.model.index(0, dl.STATUS).data(Qt.ItemDataRole.ToolTipRole)
    panel.view.sortByColumn(dl.COST, Qt.SortOrder.DescendingOrder)
    assert panel.model.sort_column == dl.COST and panel.model.descending


def test_negative_population_refused_and_edits_survive_reopening(qtbot, settings, demo_copy):
    window = open_window(qtbot, settings, demo_copy)
    page = window.current_page()
    view, model = page.communities_view, page.communities
    key = model.key(0)
    women = model.index(0, FIRST_COUNT)
    original = women.data()
    type_into_cell(qtbot, view, 0, FIRST_COUNT, "-10")
    assert page.community_refusal.text() == "Debe ser de 0 a 10.000.000"
    assert women.data() == original
    type_into_cell(qtbot, view, 0, FIRST_COUNT, "1234")
    assert view.currentIndex().row() == 1, "Enter moves down"
    # Renaming the same row while the count is being saved must not lose the typing.
    type_into_cell(qtbot, view, 0, 2, "Comunidad\nrenombrada")
    saved(qtbot, window)
    assert page.community_refusal.text() == ""
    window.close()

    again = open_window(qtbot, settings, demo_copy)
    with again.store.session() as session:
        community = session.get(Community, key)
        assert community.population_women == 1234 and community.name == "Comunidad renombrada"
    model = again.current_page().communities
    assert model.index(model.row_of(key), FIRST_COUNT).data() == "1.234"


def test_a_finding_dragged_within_its_group_moves_and_not_across(qtbot, window):
    panel = diagnosis_panel(qtbot, window)
    model = panel.model
    groups = [model.group_of(row) for row in range(model.rowCount())]
    source = next(r for r in range(1, len(groups)) if groups[r] == groups[r - 1])
    moved = model.key(source)
    other = next(r for r in range(len(groups)) if groups[r] != groups[source])
    data = model.mimeData([model.index(source, DESCRIPTION)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(other, 0))
    assert window.undo_stack.count() == 0, "a finding stays in its dimension and kind"
    with qtbot.waitSignal(model.sig_move_requested) as request:
        model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(source - 1, 0))
    assert request.args == [moved, -1]
    saved(qtbot, window)
    qtbot.waitUntil(lambda: model.row_of(moved) == source - 1, timeout=5000)
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: model.row_of(moved) == source, timeout=5000)


def territory_texts(window) -> set[str]:
    from planner_desktop.ui.models.tree import NODE_ROLE

    tree, texts = window.territory.model, set()
    pending = [tree.index(row, 0) for row in range(tree.rowCount())]
    while pending:
        index = pending.pop()
        texts.add(index.data())
        assert index.data(NODE_ROLE) is not None
        pending.extend(tree.index(row, 0, index) for row in range(tree.rowCount(index)))
    return texts


def test_renamed_community_shows_in_the_territory_with_its_branch_still_open(
    qtbot, window
):
    page = window.current_page()
    view, model = page.communities_view, page.communities
    key = model.key(0)
    with window.store.session() as session:
        community = session.get(Community, key)
        old_name = community.name
        district_name = community.district.name
    tree = window.territory.model
    municipality = tree.index(0, 0)
    districts = [tree.index(row, 0, municipality) for row in range(tree.rowCount(municipality))]
    window.territory.view.expand(next(d for d in districts if d.data() == district_name))
    qtbot.waitUntil(lambda: old_name in territory_texts(window), timeout=5000)
    type_into_cell(qtbot, view, 0, 2, "Villa Renombrada")
    saved(qtbot, window)
    texts = territory_texts(window)
    assert "Villa Renombrada" in texts and old_name not in texts
    assert window.scope.level == "municipality", "the scope is not announced again"

    window.undo_stack.undo()
    saved(qtbot, window)
    texts = territory_texts(window)
    assert old_name in texts and "Villa Renombrada" not in texts
