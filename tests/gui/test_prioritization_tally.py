"""A facilitator types a dot-voting tally and the projection follows it (issue 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from sqlalchemy import func, select

from planner_desktop.domain.prioritization import PrioritizationRound, Vote
from planner_desktop.prioritization.results import AGREED
from planner_desktop.ui import jobs
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.prioritization.keys import EntryError, group_keys, parse_entry
from planner_desktop.ui.prioritization.tally_panel import TallyPanel
from tests.helpers import new_store

pytestmark = pytest.mark.gui

FACILITATOR = "Facilitadora del taller"


@pytest.fixture
def store(demo_copy):
    opened = new_store(demo_copy, facilitator=FACILITATOR)
    yield opened
    jobs.wait_for_all()
    opened.close()


def busiest_round(store, open_it: bool = True):
    with store.session() as session:
        round_id = session.scalar(
            select(Vote.round_id).group_by(Vote.round_id)
            .order_by(func.count().desc(), Vote.round_id).limit(1))
        if open_it:
            session.get(PrioritizationRound, round_id).closed = False
    return round_id


def settle(qtbot, panel) -> None:
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: panel.pending == 0, timeout=5000)


def open_panel(qtbot, store, round_id) -> TallyPanel:
    undo = QUndoStack()
    panel = TallyPanel(PageContext(store, undo))
    panel._undo = undo  # kept alive with the panel
    qtbot.addWidget(panel)
    panel.follow_scope()
    panel.choose_round(round_id)
    with qtbot.waitSignal(panel.sig_state_changed, timeout=5000):
        panel.show()
    return panel


def type_entry(qtbot, panel, group_key: str, text: str) -> None:
    qtbot.keyClicks(panel.line.group_field, group_key)
    qtbot.keyClicks(panel.line.code_field, text)
    qtbot.keyClick(panel.line.code_field, Qt.Key.Key_Return)
    settle(qtbot, panel)


def test_typed_entries_are_parsed_and_groups_get_one_key_each():
    assert parse_entry("k 3") == parse_entry("k3") == parse_entry(" k  3 ")
    assert (parse_entry("B").code, parse_entry("B").count) == ("B", 1)
    for bad in ("", "K 3 4", "K x", "K 0"):
        with pytest.raises(EntryError):
            parse_entry(bad)
    assert group_keys(["women", "men", "youth", "elders"]) == {
        "M": "women", "H": "men", "J": "youth", "A": "elders"}
    assert len(group_keys(["women", "men", "youth", "elders", "mixed"])) == 5


def test_tally_by_keyboard_updates_results_and_projection(qtbot, store):
    round_id = busiest_round(store)
    panel = open_panel(qtbot, store, round_id)
    projection = panel.open_projection()
    qtbot.addWidget(projection)
    code = panel.results.rows[-1].code  # the last of the agreed list
    before_agreed = {bar.code: bar.value for bar in projection.bars}
    qtbot.keyClick(projection, Qt.Key.Key_1)
    assert projection.view == "women"
    before_women = {bar.code: bar.value for bar in projection.bars}
    entries = len(panel.entries.entries)

    with qtbot.waitSignal(panel.sig_state_changed, timeout=5000):
        type_entry(qtbot, panel, "m", f"{code.lower()} 3")
    assert panel.line.group == "women"
    assert panel.refusal.text() == ""
    assert len(panel.entries.entries) == entries + 1
    newest = panel.entries.entries[0]
    assert (newest.code, newest.count, newest.group) == (code, 3, "women")
    assert newest.facilitator == FACILITATOR
    assert {bar.code: bar.value for bar in projection.bars}[code] == before_women[code] + 3

    type_entry(qtbot, panel, "h", f"{code} 2")
    assert panel.entries.entries[0].group == "men"
    qtbot.keyClick(projection, Qt.Key.Key_A)
    assert projection.view == AGREED
    assert {bar.code: bar.value for bar in projection.bars}[code] == before_agreed[code] + 5
    row = [bar.code for bar in panel.results.rows].index(code)
    assert panel.results.value(row, "men") >= 2
    assert all(bar.klass in ("A+", "A", "B", "C") for bar in projection.bars)

    type_entry(qtbot, panel, "m", "ZZ 2")
    assert "ZZ" in panel.refusal.text()
    assert panel.line.code_field.text() == "ZZ 2"  # back in place, to be fixed
    assert len(panel.entries.entries) == entries + 2
    panel.line.code_field.clear()
    type_entry(qtbot, panel, "m", "K x")
    assert "x" in panel.refusal.text()
    qtbot.keyClicks(panel.line.group_field, "q")
    assert "q" in panel.refusal.text()
    assert panel.line.group == "women"


def test_an_entry_on_a_closed_round_is_refused_in_place(qtbot, store, message_boxes):
    round_id = busiest_round(store, open_it=False)
    panel = open_panel(qtbot, store, round_id)
    entries = len(panel.entries.entries)
    type_entry(qtbot, panel, "j", "A 1")
    assert "closed" in panel.refusal.text() or "cerrada" in panel.refusal.text()
    assert len(panel.entries.entries) == entries
    assert message_boxes.shown == []


def test_retracting_the_last_entry_and_a_chosen_one_keeps_them_in_the_log(qtbot, store):
    round_id = busiest_round(store)
    panel = open_panel(qtbot, store, round_id)
    code = panel.results.rows[0].code
    row = 0
    total = panel.results.value(row, AGREED)
    type_entry(qtbot, panel, "a", f"{code} 4")
    assert panel.results.value(row, AGREED) == total + 4
    qtbot.mouseClick(panel.retract_last, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert panel.results.value(row, AGREED) == total
    newest, retracted = panel.entries.entries[0], panel.entries.entries[1]
    assert newest.count == 0 and newest.corrects == retracted.id and retracted.retracted
    assert newest.facilitator == FACILITATOR

    qtbot.mouseClick(panel.retract_last, Qt.MouseButton.LeftButton)
    assert panel.refusal.text() != ""  # nothing of ours left to retract

    old = next(row for row, e in enumerate(panel.entries.entries) if not e.retracted
               and e.corrects is None)
    dots = panel.entries.entries[old].count
    before = panel.state.total(AGREED)
    panel.entries_view.setFocus()
    panel.entries_view.setCurrentIndex(panel.entries.index(old, 0))
    qtbot.keyClick(panel.entries_view, Qt.Key.Key_Delete)
    settle(qtbot, panel)
    assert panel.state.total(AGREED) == before - dots
    panel.entries_view.setCurrentIndex(panel.entries.index(0, 0))
    qtbot.keyClick(panel.entries_view, Qt.Key.Key_Delete)
    assert panel.refusal.text() != ""  # a correction is not retracted again


def test_projection_switches_groups_and_full_screen_by_key(qtbot, store):
    panel = open_panel(qtbot, store, busiest_round(store))
    projection = panel.open_projection()
    qtbot.addWidget(projection)
    seen = []
    for key in (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_A):
        qtbot.keyClick(projection, key)
        seen.append((projection.view, [b.code for b in projection.bars]))
    assert [view for view, _codes in seen] == ["women", "men", "youth", "elders", AGREED]
    assert len({tuple(codes) for _view, codes in seen}) > 1
    assert "Adultos mayores" in projection.windowTitle() or projection.view == AGREED
    qtbot.keyClick(projection, Qt.Key.Key_5)  # no fifth group: nothing changes
    assert projection.view == AGREED
    qtbot.keyClick(projection, Qt.Key.Key_Right)
    assert projection.view == "women"
    projection.grab()  # paints every part without error
    qtbot.keyClick(projection, Qt.Key.Key_F11)
    assert projection.isFullScreen()
    qtbot.keyClick(projection, Qt.Key.Key_Escape)
    assert not projection.isFullScreen() and projection.isVisible()
    qtbot.keyClick(projection, Qt.Key.Key_Escape)
    assert not projection.isVisible()


def test_the_prioritization_page_has_a_tally_tab_that_follows_the_chosen_round(
        qtbot, settings, demo_copy):
    from sqlalchemy import update

    from planner_desktop.context import open_database
    from planner_desktop.domain.enums import Phase
    from planner_desktop.domain.prioritization import PrioritizationRound
    from tests.gui.test_window import click_phase, open_window

    reopened = open_database(demo_copy, must_exist=True)
    with reopened.raw_session() as session:  # the demo closes its rounds; count one more vote
        session.execute(update(PrioritizationRound).values(closed=False))
    reopened.close()
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.prioritization)
    page = window.current_page()
    assert page.tabs.tabText(2) == "Conteo de votos"
    chosen = page.rounds.index(0, 0).data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(page.tally_panel.sig_state_changed, timeout=5000):
        page.tabs.setCurrentWidget(page.tally_panel)
    assert page.tally_panel.state.round_id == chosen
    assert page.tally_panel.results.rowCount() > 0
    code = page.tally_panel.results.rows[-1].code
    loads = []
    page.results.sig_loaded.connect(loads.append)
    type_entry(qtbot, page.tally_panel, "m", f"{code} 1")
    assert page.tally_panel.refusal.text() == ""
    assert loads, "the results table was read again"
    # the "Rondas y resultados" tab shows the recomputed agreed list, not a stale one


def test_ballot_by_ballot_refuses_more_dots_than_allowed_in_place(qtbot, store):
    panel = open_panel(qtbot, store, busiest_round(store))
    k = panel.state.dots
    entries = len(panel.entries.entries)
    panel.line.by_ballot.setChecked(True)
    codes = [bar.code for bar in panel.results.rows]
    for code in codes[:k]:
        type_entry(qtbot, panel, "j", code)
    assert panel.refusal.text() == ""
    assert "1" in panel.line.ballot_label.text()
    type_entry(qtbot, panel, "j", codes[0])
    assert f"{k + 1}" in panel.refusal.text() and f"{k}" in panel.refusal.text()
    assert len(panel.entries.entries) == entries + k
    panel.line.code_field.clear()
    qtbot.keyClick(panel.line.code_field, Qt.Key.Key_Return)  # the next ballot
    assert "2" in panel.line.ballot_label.text()
    type_entry(qtbot, panel, "j", codes[0])
    assert panel.refusal.text() == ""
    assert len(panel.entries.entries) == entries + k + 1
