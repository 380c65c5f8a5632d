"""Traceability in the window (issue 6): a demand's chain, each link opening its record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QTreeWidgetItemIterator
from sqlalchemy import select

from planner_desktop.domain.annual import Operation
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.projects import ProfileDemand
from planner_desktop.plan import records
from planner_desktop.ui.models.table import KEY_ROLE
from planner_desktop.ui.plan.trace_view import LINK_ROLE
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, demo_db):
    return open_window(qtbot, settings, demo_db)


def traced_demand(store):
    """A demo demand answered by a profile that has an operation in a POA."""
    with store.session() as session:
        return session.execute(
            select(Demand.code, Operation.id)
            .join(ProfileDemand, ProfileDemand.demand_id == Demand.id)
            .join(Operation, Operation.profile_id == ProfileDemand.profile_id)
            .order_by(Demand.code)
        ).first()


def item_of(tree, table):
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        item = iterator.value()
        link = item.data(0, LINK_ROLE)
        if link is not None and link.table == table:
            return item
        iterator += 1
    raise AssertionError(f"no {table} in the trace")


def items_of(tree, table):
    found = []
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        link = iterator.value().data(0, LINK_ROLE)
        if link is not None and link.table == table:
            found.append(iterator.value())
        iterator += 1
    return found


def double_click(qtbot, tree, item):
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    # on the item's text where the tree shows it: a long line reaches past a narrow tree
    pos = QPoint(min(rect.left() + 20, tree.viewport().width() - 5), rect.center().y())
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_demand_chain_jumps_to_its_profile_and_operation(qtbot, window):
    code, operation_id = traced_demand(window.store)
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    page.tabs.setCurrentWidget(page.trace)
    qtbot.keyClicks(page.trace.code, code)
    qtbot.keyClick(page.trace.code, Qt.Key.Key_Return)
    tree = page.trace.tree
    for table in ("demand", "community", "prioritization_round", "project_profile",
                  "plan_element", "operation"):
        item_of(tree, table)
    chain = [item.text(0).split(":", 1)[0] for item in items_of(tree, "plan_element")]
    assert chain == ["Programa", "Lineamiento", "Política", "Objetivo", "Eje"][: len(chain)]
    assert chain[-1] == "Eje", "up to the top, each named by its level"

    profile = item_of(tree, "project_profile").data(0, LINK_ROLE)
    double_click(qtbot, tree, item_of(tree, "project_profile"))
    assert page.tabs.currentWidget() is page.profiles_tab
    assert page.profiles_tab.editor.profile_id == profile.id

    page.tabs.setCurrentWidget(page.trace)
    double_click(qtbot, tree, item_of(tree, "operation"))
    assert window.phase is Phase.poa
    poa = window.pages[Phase.poa]
    row = poa.operations_view.currentIndex().row()
    assert poa.operations.index(row, 0).data(KEY_ROLE) == operation_id


def test_unknown_code_says_so(qtbot, window):
    click_phase(qtbot, window, Phase.projects)
    trace = window.pages[Phase.projects].trace
    qtbot.keyClicks(trace.code, "XX-99")
    qtbot.keyClick(trace.code, Qt.Key.Key_Return)
    assert trace.message.text() and trace.tree.topLevelItemCount() == 0
    assert not trace.new_profile.isEnabled()


def test_profile_of_and_next_code(demo_store):
    with demo_store.session() as session:
        operation_profile, component = session.execute(
            select(Operation.profile_id, Operation.id).where(Operation.profile_id.is_not(None))
        ).first()
        assert records.profile_of(session, "operation", component) is None
        assert records.profile_of(session, "project_profile", operation_profile) == (
            operation_profile)
        code = records.next_profile_code(session)
    assert code.startswith("PRY-") and code > "PRY-001"
