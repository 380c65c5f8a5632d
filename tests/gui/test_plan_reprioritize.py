"""Re-prioritisation from the follow-up page (issue 6): dropped or postponed demands sent
back into a new round, refused in place without a reason, and undone."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, Phase
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from tests.gui.test_capture_window import saved
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def panel(qtbot, window):
    click_phase(qtbot, window, Phase.follow_up)
    page = window.pages[Phase.follow_up]
    page.tabs.setCurrentWidget(page.reprioritize)
    qtbot.waitUntil(lambda: page.reprioritize.model.rowCount() > 1, timeout=5000)
    return page.reprioritize


def statuses(window, ids):
    with window.store.session() as session:
        return [session.get(Demand, i).status for i in ids]


def test_send_two_demands_back_into_a_new_round_and_undo(qtbot, window, panel):
    chosen = [panel.model.key(0), panel.model.key(1)]
    before = statuses(window, chosen)
    shown = panel.model.total
    panel.choose(chosen)
    assert panel.chosen() == chosen
    qtbot.mouseClick(panel.send, Qt.MouseButton.LeftButton)
    assert panel.refusal.text(), "no reason: refused in place"
    assert window.undo_stack.count() == 0
    qtbot.keyClicks(panel.reason, "hay presupuesto nuevo")
    qtbot.mouseClick(panel.send, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert panel.refusal.text() == ""
    assert statuses(window, chosen) == [DemandStatus.demand, DemandStatus.demand]
    with window.store.session() as session:
        round_ = session.get(PrioritizationRound, panel.last.round_id)
        assert "hay presupuesto nuevo" in round_.title and not round_.closed
        items = session.scalars(select(RoundItem.demand_id).where(
            RoundItem.round_id == round_.id).order_by(RoundItem.position)).all()
    assert items == chosen
    qtbot.waitUntil(lambda: panel.model.total == shown - 2, timeout=3000)
    window.undo_stack.undo()
    saved(qtbot, window)
    assert statuses(window, chosen) == before
    with window.store.session() as session:
        assert session.get(PrioritizationRound, panel.last.round_id).deleted_at is not None
    qtbot.waitUntil(lambda: panel.model.total == shown, timeout=3000)


def test_nothing_chosen_is_refused(qtbot, window, panel):
    panel.view.clearSelection()
    qtbot.keyClicks(panel.reason, "motivo")
    qtbot.mouseClick(panel.send, Qt.MouseButton.LeftButton)
    assert panel.refusal.text()
    assert window.undo_stack.count() == 0
