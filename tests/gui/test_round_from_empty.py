"""Prioritisation rounds, whole, from an empty database (issue 12, points 4 and 6).

The territory is written directly (not what this test is about); the event, the demands,
the rounds, the tally, the pairwise chart, the agreed classes, the closing and the
reopening are all done in the window, through its widgets.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from planner_desktop.domain.enums import Phase, PriorityClass, RoundLevel
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.prioritization.opening import reopenings
from planner_desktop.ui import jobs
from planner_desktop.ui.language import apply_language
from tests.gui.capture_helpers import new_municipality, saved, type_text
from tests.gui.test_current_event import create_event, events_panel
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui

DEMANDS = (  # (description, sector, group that raised it)
    ("Agua potable para la escuela", "Agua potable", "Women"),
    ("Ripiado del camino vecinal", "Caminos", "Men"),
    ("Cancha deportiva", "Educación", "Youth"),
    ("Posta de salud con enfermera", "Salud", "Elders"),
)


@pytest.fixture
def window(qtbot, settings, tmp_path):
    apply_language("en")  # new messages are translated when the catalogue is merged
    return open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def settle(qtbot, window) -> None:
    saved(qtbot, window)
    page = window.pages[Phase.prioritization]
    qtbot.waitUntil(lambda: page.tally_panel.pending == 0, timeout=5000)
    jobs.wait_for_all()
    QApplication.processEvents()


def type_demands(qtbot, window) -> None:
    click_phase(qtbot, window, Phase.prioritization)
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.demands_panel)
    panel = page.demands_panel
    panel.district.setCurrentIndex(panel.district.findText("Distrito Uno"))
    panel.community.setCurrentIndex(panel.community.findText("Chaupi Loma"))
    for text, sector, group in DEMANDS:
        panel.new_sector.setCurrentIndex(panel.new_sector.findText(sector))
        panel.new_group.setCurrentIndex(panel.new_group.findText(group))
        panel.new_demand.setFocus()
        type_text(qtbot, panel.new_demand, text)
        qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
        saved(qtbot, window)
    assert panel.model.total == 4


def open_round(qtbot, window, title: str, method: M, groups: set[str],
               leave_out: str = "") -> None:
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentIndex(0)
    dialog = page.round_actions.open_dialog()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.title.hasFocus, timeout=2000)
    assert dialog.place.currentText() == "Chaupi Loma", "the current event's community"
    type_text(qtbot, dialog.title, title)
    dialog.method.setCurrentIndex(dialog.method.findData(method))
    for group, box in dialog.groups.items():
        if box.isChecked() != (group in groups):
            click(qtbot, box)
    if leave_out:  # by hand: a demand unticked
        for row in range(dialog.demands.count()):
            item = dialog.demands.item(row)
            if leave_out in item.text():
                item.setCheckState(Qt.CheckState.Unchecked)
    click(qtbot, dialog.open_button)
    assert dialog.refusal.text() == ""
    settle(qtbot, window)
    assert page.rounds_view.currentIndex().siblingAtColumn(1).data() == title


def choose_in_tally(qtbot, window, title: str):
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentWidget(page.tally_panel)
    panel = page.tally_panel
    index = next(i for i in range(panel.round_box.count())
                 if panel.round_box.itemText(i).startswith(title))
    panel.round_box.setCurrentIndex(index)
    window.activateWindow()  # as a click on the window does after a dialog
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.waitUntil(lambda: panel.state is not None and panel.state.title == title,
                    timeout=5000)
    return panel


def tally(qtbot, window, panel, key: str, text: str) -> None:
    qtbot.keyClicks(panel.line.group_field, key)
    qtbot.keyClicks(panel.line.code_field, text)
    qtbot.keyClick(panel.line.code_field, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert panel.refusal.text() == ""


def choose_pair(qtbot, window, panel, group: str, pair: str, reason: str) -> None:
    line = panel.pair_line
    line.group.setCurrentIndex(line.group.findText(group))
    click(qtbot, line.pair)
    qtbot.keyClicks(line.pair, pair)
    qtbot.keyClick(line.pair, Qt.Key.Key_Return)
    qtbot.waitUntil(line.reason.hasFocus, timeout=2000)
    type_text(qtbot, line.reason, reason)
    qtbot.keyClick(line.reason, Qt.Key.Key_Return)
    settle(qtbot, window)


def decide_class(qtbot, window, panel, code: str, klass, reason: str) -> None:
    """The room sets a demand's class by hand, with its reason (a tie decided, say)."""
    panel.results_view.selectRow(column_texts(panel, 1).index(code))
    bar = panel.class_bar
    bar.klass.setCurrentIndex(bar.klass.findData(klass))
    type_text(qtbot, bar.reason, reason)
    click(qtbot, bar.apply)
    settle(qtbot, window)


def close_round(qtbot, window, panel, ballots: int) -> None:
    """Reconcile with the room's figures (issued = counted = present) and close."""
    box = panel.reconcile
    for spin in (box.issued, box.counted, box.present):
        spin.setValue(ballots)
    click(qtbot, box.close_button)
    settle(qtbot, window)


def column_texts(panel, column: int) -> list[str]:
    model = panel.results
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rounds_opened_tallied_compared_agreed_closed_and_reopened(qtbot, window):
    panel = events_panel(qtbot, window)
    create_event(qtbot, panel, "Taller comunal de Chaupi Loma", "Chaupi Loma")
    event_id = window.pages[Phase.preparation].context.current_event_id
    assert event_id is not None
    type_demands(qtbot, window)
    page = window.pages[Phase.prioritization]

    # Bad choices are refused in the dialog, one line naming the field, nothing saved.
    dialog = page.round_actions.open_dialog()
    qtbot.addWidget(dialog)
    click(qtbot, dialog.open_button)
    assert dialog.refusal.text() == "Title: type a title" and dialog.isVisible()
    dialog.reject()

    labels = {"women": "Women", "men": "Men", "youth": "Youth", "elders": "Elders"}
    for group, label in labels.items():
        open_round(qtbot, window, f"Puntos: {label}", M.dots, {group})
    open_round(qtbot, window, "Comparación por pares", M.pairwise, {"women", "men"},
               leave_out="Posta de salud")
    with window.store.session() as session:
        rounds = session.scalars(select(PrioritizationRound)).all()
        assert len(rounds) == 5
        assert {r.event_id for r in rounds} == {event_id}
        assert {r.level for r in rounds} == {RoundLevel.community}
        pairwise = next(r for r in rounds if r.method is M.pairwise)
        assert (pairwise.groups, len(pairwise.items)) == ("women,men", 3)

    # Dots for the women: A and B tie, and the rank is shared (=1, =1, 3, 4).
    panel = choose_in_tally(qtbot, window, "Puntos: Women")
    tally(qtbot, window, panel, "W", "A 3")
    tally(qtbot, window, panel, "W", "B 3")
    tally(qtbot, window, panel, "W", "C 1")
    assert column_texts(panel, 3) == ["3 (#=1)", "3 (#=1)", "1 (#3)", "0 (#4)"]
    classes = column_texts(panel, 0)
    assert classes[:2] == ["A+ (tie at the limit: the room decides)"] * 2

    # The room decides the tie: B goes to A, with the reason, and the mark goes away.
    decide_class(qtbot, window, panel, "A", PriorityClass.a_plus, "más familias sin agua")
    decide_class(qtbot, window, panel, "B", PriorityClass.a, "decidido por la plenaria")
    assert column_texts(panel, 0)[:2] == ["A+", "A"]

    # Close with the figures of the room: 3 ballots issued and counted, 3 present.
    close_round(qtbot, window, panel, 3)
    assert panel.state.closed
    with window.store.session() as session:
        women = session.scalars(select(PrioritizationRound).where(
            PrioritizationRound.title == "Puntos: Women")).one()
        assert women.closed
        agreed = session.scalars(select(RoundResult).where(
            RoundResult.round_id == women.id, RoundResult.group == "agreed",
            RoundResult.deleted_at.is_(None)).order_by(RoundResult.rank)).all()
        assert [(r.shared_rank, r.tied) for r in agreed] == [
            (1, True), (1, True), (3, False), (4, False)]
        assert agreed[1].class_reason == "set by hand: decidido por la plenaria"

    # Pairwise, two groups compared side by side, each choice with its reason.
    panel = choose_in_tally(qtbot, window, "Comparación por pares")
    assert panel.pair_line.isVisible() and not panel.line.isVisible()
    choose_pair(qtbot, window, panel, "Women", "A>B", "el agua es primero")
    choose_pair(qtbot, window, panel, "Women", "B>C", "el camino saca la producción")
    choose_pair(qtbot, window, panel, "Women", "C>A", "los jóvenes se van")
    choose_pair(qtbot, window, panel, "Men", "B>A", "sin camino no hay nada")
    choose_pair(qtbot, window, panel, "Men", "B>C", "la feria")
    qtbot.keyClicks(panel.pair_line.pair, "A>C")
    qtbot.keyClick(panel.pair_line.pair, Qt.Key.Key_Return)
    qtbot.keyClick(panel.pair_line.reason, Qt.Key.Key_Return)
    assert panel.refusal.text() == "Refused: Reason: say why the group chose it"
    assert panel.pair_line.pair.text() == "A>C", "nothing lost"
    type_text(qtbot, panel.pair_line.reason, "la salud de los niños")
    qtbot.keyClick(panel.pair_line.reason, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert panel.results.headers()[3:5] == ["Women", "Men"]
    by_code = dict(zip(column_texts(panel, 1), column_texts(panel, 3), strict=True))
    assert by_code == {"A": "1 (#=1)", "B": "1 (#=1)", "C": "1 (#=1)"}, "a cycle: all tied"
    by_code = dict(zip(column_texts(panel, 1), column_texts(panel, 4), strict=True))
    assert by_code == {"A": "1 (#2)", "B": "2 (#1)", "C": "0 (#3)"}

    # Close the women's round again after reopening it with a reason, then undo.
    page.tabs.setCurrentIndex(0)
    row = page.rounds.row_of(women.id)
    page.rounds_view.selectRow(row)
    click(qtbot, page.round_actions.reopen_button)
    assert page.round_actions.refusal.text() == "Reason: say why the round is reopened"
    type_text(qtbot, page.round_actions.reason, "faltó contar una boleta")
    qtbot.keyClick(page.round_actions.reason, Qt.Key.Key_Return)
    settle(qtbot, window)
    with window.store.session() as session:
        reopened = session.get(PrioritizationRound, women.id)
        assert not reopened.closed
        assert [r.reason for r in reopenings(reopened.reopen_log)] == ["faltó contar una boleta"]
    assert page.rounds_view.currentIndex().siblingAtColumn(1).data() == "Puntos: Women"

    # A round is deleted (after the confirmation naming its items) and the undo brings it
    # back.
    page.rounds_view.selectRow(page.rounds.row_of(pairwise.id))
    click(qtbot, page.round_actions.delete_button)
    settle(qtbot, window)
    assert page.rounds.row_of(pairwise.id) == -1
    window.undo_stack.undo()
    settle(qtbot, window)
    assert page.rounds.row_of(pairwise.id) >= 0
