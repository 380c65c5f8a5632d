"""The facilitator reconciles the tally and closes the round from the panel (issue 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.ui import jobs
from tests.gui.test_prioritization_tally import FACILITATOR, busiest_round, open_panel, settle
from tests.helpers import new_store

pytestmark = pytest.mark.gui


@pytest.fixture
def store(demo_copy):
    opened = new_store(demo_copy, facilitator=FACILITATOR)
    yield opened
    jobs.wait_for_all()
    opened.close()


def type_number(qtbot, spin, value: int) -> None:
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))


def test_a_mismatch_is_shown_as_typed_and_needs_a_note(qtbot, store):
    round_id = busiest_round(store)
    panel = open_panel(qtbot, store, round_id)
    box = panel.reconcile
    found = panel.state.figures.ballots_found
    for spin, value in ((box.issued, found + 1), (box.counted, found),
                        (box.present, found + 3)):
        type_number(qtbot, spin, value)
    assert box.issued.value() == found + 1
    assert box.findings.text().startswith(
        ("No cuadra: 1 boleta", "Does not reconcile: 1 ballot"))
    box.note.clear()
    qtbot.mouseClick(box.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert panel.refusal.text()
    with store.session() as session:
        assert not session.get(PrioritizationRound, round_id).closed
    qtbot.keyClicks(box.note, "una boleta anulada")
    qtbot.mouseClick(box.close_button, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert panel.refusal.text() == "" and panel.state.closed
    assert not box.close_button.isEnabled()
    listed = panel.round_box.itemText(panel.listed_at(round_id))
    assert listed.endswith((" (closed)", " (cerrada)")), listed
    with store.session() as session:
        stored = session.get(PrioritizationRound, round_id)
        assert (stored.closed, stored.ballots_issued, stored.ballots_counted,
                stored.participants_present, stored.reconciliation_note) == \
               (True, found + 1, found, found + 3, "una boleta anulada")


def test_figures_that_agree_say_so(qtbot, store):
    panel = open_panel(qtbot, store, busiest_round(store))
    box = panel.reconcile
    found = panel.state.figures.ballots_found
    for spin in (box.issued, box.counted, box.present):
        type_number(qtbot, spin, found)
    assert "votes recorded" in box.findings.text() or "votos registrados" in \
        box.findings.text()
