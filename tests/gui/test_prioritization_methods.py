"""The tally panel enters every method that can be typed, and says why not the others
(issue 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, Vote
from planner_desktop.ui import jobs
from tests.gui.test_prioritization_tally import open_panel, settle
from tests.helpers import new_store

pytestmark = pytest.mark.gui


@pytest.fixture
def store(demo_copy):
    opened = new_store(demo_copy, facilitator="Facilitadora del taller")
    yield opened
    jobs.wait_for_all()
    opened.close()


def new_round(store, method: M) -> object:
    """A round of ``method`` over three demands of the demo, women and men voting."""
    with store.session() as session:
        source = session.get(PrioritizationRound, session.scalar(select(PrioritizationRound.id)))
        demands = session.scalars(select(RoundItem.demand_id).where(
            RoundItem.round_id == source.id).order_by(RoundItem.position).limit(3)).all()
        round_ = PrioritizationRound(
            municipality_id=source.municipality_id, level=source.level, method=method,
            title=f"Prueba {method.value}", groups="women,men", max_choices=2,
            community_id=source.community_id, district_id=source.district_id)
        session.add(round_)
        session.flush()
        session.add_all(RoundItem(round_id=round_.id, demand_id=demand, code=code, position=n)
                        for n, (code, demand) in enumerate(zip("ABC", demands, strict=True)))
        return round_.id


def enter(qtbot, panel, text: str) -> None:
    qtbot.keyClicks(panel.line.code_field, text)
    qtbot.keyClick(panel.line.code_field, Qt.Key.Key_Return)
    settle(qtbot, panel)


def test_borda_is_typed_ballot_by_ballot_with_places(qtbot, store):
    round_id = new_round(store, M.borda)
    panel = open_panel(qtbot, store, round_id)
    assert panel.line.by_ballot.isChecked() and not panel.line.by_ballot.isEnabled()
    assert "place" in panel.line.code_field.placeholderText() or \
        "lugar" in panel.line.code_field.placeholderText()
    qtbot.keyClicks(panel.line.group_field, "m")
    for text in ("C 1", "A 2"):
        enter(qtbot, panel, text)
    assert panel.line.ballot_label.text() in ("Ballot 1: 2 places", "Papeleta 1: 2 lugares")
    for text in ("", "C 1"):
        enter(qtbot, panel, text)
    assert panel.refusal.text() == ""
    women = panel.state.outcome.rankings["women"]
    assert women.score_of() == {"C": 4.0, "A": 1.5, "B": 0.5}  # 2+2, 1+½, 0+½ (shared)
    with store.session() as session:
        marks = session.execute(select(Vote.rank, Vote.count).where(
            Vote.round_id == round_id).order_by(Vote.created_at)).all()
    assert sorted(marks) == [(1, 1), (1, 1), (2, 1)]
    enter(qtbot, panel, "B 1")  # the second ballot already has a first place
    assert panel.refusal.text()
    assert panel.state.outcome.rankings["women"].score_of()["C"] == 4.0
    with store.session() as session:
        assert len(session.scalars(select(Vote.id).where(Vote.round_id == round_id)).all()) == 3


def test_consensus_takes_the_order_of_each_group(qtbot, store):
    panel = open_panel(qtbot, store, new_round(store, M.consensus))
    assert not panel.line.by_ballot.isChecked() and not panel.line.by_ballot.isEnabled()
    qtbot.keyClicks(panel.line.group_field, "h")
    for text in ("B 1", "C 2", "A 3"):
        enter(qtbot, panel, text)
    assert panel.state.outcome.rankings["men"].codes() == ["B", "C", "A"]


def test_approval_is_typed_ballot_by_ballot(qtbot, store):
    panel = open_panel(qtbot, store, new_round(store, M.approval))
    assert panel.line.by_ballot.isChecked() and panel.mode_note.isVisibleTo(panel)
    qtbot.keyClicks(panel.line.group_field, "m")
    for text in ("A", "B", "C"):
        enter(qtbot, panel, text)
    assert "2" in panel.refusal.text()  # only two approvals on a ballot
    assert panel.state.outcome.rankings["women"].score_of()["A"] == 1.0


@pytest.mark.parametrize("method", [M.pairwise, M.criteria])
def test_a_round_not_typed_here_says_so(qtbot, store, method):
    panel = open_panel(qtbot, store, new_round(store, method))
    assert not panel.line.code_field.isEnabled()
    assert panel.mode_note.isVisibleTo(panel) and panel.mode_note.text()
    assert panel.state.method is method
