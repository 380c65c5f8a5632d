"""Setting a priority class by hand on the tally panel, with the room's reason (issue 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.domain.prioritization import RoundDecision, RoundItem, RoundResult
from tests.gui.test_prioritization_methods import enter, new_round, store  # noqa: F401
from tests.gui.test_prioritization_tally import open_panel, settle

pytestmark = pytest.mark.gui


def stored_class(opened, round_id, code: str):
    with opened.session() as session:
        return session.execute(
            select(RoundResult.priority_class, RoundResult.class_reason)
            .join(RoundItem, RoundResult.item_id == RoundItem.id)
            .where(RoundResult.round_id == round_id, RoundResult.group == "agreed",
                   RoundItem.code == code, RoundResult.deleted_at.is_(None))).one()


def test_a_class_set_by_hand_needs_a_reason_and_is_kept(qtbot, store):  # noqa: F811
    round_id = new_round(store, M.dots)
    panel = open_panel(qtbot, store, round_id)
    qtbot.keyClicks(panel.line.group_field, "m")
    for text in ("A 5", "B 3", "C 1"):
        enter(qtbot, panel, text)
    last = panel.results.rowCount() - 1
    code = panel.results.rows[last].code
    panel.results_view.setCurrentIndex(panel.results.index(last, 0))
    bar = panel.class_bar
    bar.klass.setCurrentIndex(bar.klass.findData(P.a_plus))
    qtbot.mouseClick(bar.apply, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert "reason" in panel.refusal.text() or "motivo" in panel.refusal.text()
    with store.session() as session:
        assert not session.scalars(select(RoundDecision)).all()

    panel.results_view.setCurrentIndex(panel.results.index(last, 0))
    bar.klass.setCurrentIndex(bar.klass.findData(P.a_plus))
    qtbot.keyClicks(bar.reason, "riesgo de deslizamiento")
    qtbot.keyClick(bar.reason, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert panel.refusal.text() == ""
    shown = {row.code: row.klass for row in panel.results.rows}
    assert shown[code] == P.a_plus
    klass, reason = stored_class(store, round_id, code)
    assert klass is P.a_plus and "riesgo de deslizamiento" in reason

    enter(qtbot, panel, "A 1")  # more votes: the class set by hand stays
    assert stored_class(store, round_id, code)[0] is P.a_plus


def test_an_agreed_order_typed_by_hand_needs_a_note_and_is_kept(qtbot, store):  # noqa: F811
    round_id = new_round(store, M.dots)
    panel = open_panel(qtbot, store, round_id)
    qtbot.keyClicks(panel.line.group_field, "m")
    for text in ("A 5", "B 3", "C 1"):
        enter(qtbot, panel, text)
    assert [row.code for row in panel.results.rows] == ["A", "B", "C"]
    bar = panel.order_bar
    qtbot.keyClicks(bar.codes, "c a b")
    qtbot.mouseClick(bar.apply, Qt.MouseButton.LeftButton)
    settle(qtbot, panel)
    assert "nota" in panel.refusal.text() or "note" in panel.refusal.text()
    assert [row.code for row in panel.results.rows] == ["A", "B", "C"]

    bar.note.insert("la asamblea priorizó el agua")  # typed keys must be ASCII in QTest
    qtbot.keyClick(bar.note, Qt.Key.Key_Return)
    settle(qtbot, panel)
    assert panel.refusal.text() == ""
    assert [row.code for row in panel.results.rows] == ["C", "A", "B"]
    with store.session() as session:
        ranks = dict(session.execute(
            select(RoundItem.code, RoundResult.rank)
            .join(RoundItem, RoundResult.item_id == RoundItem.id)
            .where(RoundResult.round_id == round_id, RoundResult.group == "agreed",
                   RoundResult.deleted_at.is_(None))).all())
    assert ranks == {"C": 1, "A": 2, "B": 3}
