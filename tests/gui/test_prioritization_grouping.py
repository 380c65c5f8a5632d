"""The grouping tab of the prioritisation page (issue 5): similar demands of several
communities suggested, confirmed by a person as an undoable group, refused in place, and
the jumps of the plan landing on a round or a group."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.demands import Demand, DemandGroup
from planner_desktop.domain.enums import Phase, RoundLevel
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.ui.models.table import KEY_ROLE
from tests.gui.test_capture_window import saved
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def page(qtbot, window):
    click_phase(qtbot, window, Phase.prioritization)
    return window.pages[Phase.prioritization]


@pytest.fixture
def panel(qtbot, page):
    page.tabs.setCurrentWidget(page.grouping_panel)
    panel = page.grouping_panel
    qtbot.waitUntil(lambda: panel.job is None and bool(panel.suggestions.proposals), timeout=10000)
    return panel


def groups(window) -> list[DemandGroup]:
    with window.store.session() as session:
        return list(session.scalars(select(DemandGroup)))


def group_of(window, demand_ids) -> list[uuid.UUID | None]:
    with window.store.session() as session:
        return [session.get(Demand, i).demand_group_id for i in demand_ids]


def test_suggestions_appear_for_the_demo(panel):
    assert panel.where.level is RoundLevel.district
    proposals = panel.suggestions.proposals
    assert panel.suggestions.table.rowCount() == len(proposals) > 0
    first = proposals[0]
    assert first.title and first.sector and first.district
    assert first.suggestion.communities >= 2
    assert panel.suggestions.members.rowCount() == len(first.suggestion.members)
    assert panel.suggestions.title.text() == first.title
    assert not panel.busy.isVisible()


def test_confirming_writes_the_group_and_undo_removes_it(qtbot, window, panel):
    lists = panel.suggestions
    proposal = next(p for p in lists.proposals if len(p.suggestion.members) >= 3)
    lists.select(lists.proposals.index(proposal))
    tick = lists.members.item(0, 0)
    left_out = tick.data(Qt.ItemDataRole.UserRole)
    tick.setCheckState(Qt.CheckState.Unchecked)
    assert proposal.left_out == {left_out}
    lists.title.clear()
    qtbot.keyClicks(lists.title, "Agua para el distrito")
    chosen = [uuid.UUID(i) for i in proposal.chosen()]
    qtbot.mouseClick(lists.confirm, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert lists.refusal.text() == ""
    [group] = groups(window)
    assert group.title == "Agua para el distrito" and group.level is RoundLevel.district
    assert group.id == panel.last.group_id and group.deleted_at is None
    assert group_of(window, chosen) == [group.id] * len(chosen)
    assert group_of(window, [uuid.UUID(left_out)]) == [None]
    qtbot.waitUntil(lambda: panel.rollup.groups.total == 1, timeout=3000)
    assert panel.rollup.groups.values(0)[1] == len(chosen)
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert all(proposal.key != p.key for p in lists.proposals)

    window.undo_stack.undo()
    saved(qtbot, window)
    [group] = groups(window)
    assert group.deleted_at is not None
    assert group_of(window, chosen) == [None] * len(chosen)
    qtbot.waitUntil(lambda: panel.rollup.groups.total == 0, timeout=3000)

    window.undo_stack.redo()
    saved(qtbot, window)
    [group] = groups(window)
    assert group.deleted_at is None and group_of(window, chosen) == [group.id] * len(chosen)


def test_a_blank_title_is_refused_in_place(qtbot, window, panel):
    lists = panel.suggestions
    lists.title.clear()
    qtbot.keyClicks(lists.title, "   ")
    qtbot.mouseClick(lists.confirm, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert lists.refusal.text() == "un grupo de demandas necesita un título"
    assert window.undo_stack.count() == 0 and groups(window) == []


def test_one_demand_left_is_refused(qtbot, window, panel):
    lists = panel.suggestions
    for row in range(1, lists.members.rowCount()):
        lists.members.item(row, 0).setCheckState(Qt.CheckState.Unchecked)
    qtbot.mouseClick(lists.confirm, Qt.MouseButton.LeftButton)
    assert lists.refusal.text()
    assert window.undo_stack.count() == 0 and groups(window) == []


def test_a_rejected_suggestion_stays_hidden(qtbot, panel):
    lists = panel.suggestions
    rejected = lists.current().key
    shown = len(lists.proposals)
    qtbot.mouseClick(lists.reject, Qt.MouseButton.LeftButton)
    assert len(lists.proposals) == shown - 1
    qtbot.mouseClick(panel.suggest, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert len(lists.proposals) == shown - 1
    assert all(p.key != rejected for p in lists.proposals)


def test_the_municipal_level_suggests_across_districts(qtbot, panel):
    panel.set_level(RoundLevel.municipality)
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert panel.suggestions.proposals
    assert all(p.district == "" for p in panel.suggestions.proposals)


def test_the_jump_to_a_round_selects_it(qtbot, window, page):
    with window.store.session() as session:
        round_id = session.scalars(select(PrioritizationRound.id).where(
            PrioritizationRound.deleted_at.is_(None))
            .order_by(PrioritizationRound.title.desc())).first()
    page.tabs.setCurrentWidget(page.demands_panel)
    assert window.jump_to("prioritization_round", round_id)
    assert page.tabs.currentIndex() == 0
    rows = page.rounds_view.selectionModel().selectedRows()
    assert [page.rounds.index(r.row(), 0).data(KEY_ROLE) for r in rows] == [round_id]


def test_the_jump_to_a_group_opens_it(qtbot, window, page, panel):
    lists = panel.suggestions
    panel.set_level(RoundLevel.municipality)
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    chosen = lists.current().chosen()
    qtbot.mouseClick(lists.confirm, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    group_id = panel.last.group_id
    panel.set_level(RoundLevel.district)
    page.tabs.setCurrentIndex(0)
    assert page.select_record("demand_group", group_id)
    assert page.tabs.currentWidget() is panel
    assert panel.where.level is RoundLevel.municipality
    assert panel.rollup.chosen() == group_id
    assert panel.rollup.members.total == len(chosen)
