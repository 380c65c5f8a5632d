"""A weighted-criteria round rated, projected, compared and closed in the window, from an
empty database (issue 12, point 4): the event, the demands, the round and every rating
are typed through the widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from planner_desktop.domain.enums import Phase
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import RoundResult, Score
from planner_desktop.ui.language import apply_language
from tests.gui.capture_helpers import new_municipality, type_text
from tests.gui.test_current_event import create_event, events_panel
from tests.gui.test_round_from_empty import (
    choose_in_tally,
    click,
    column_texts,
    settle,
    type_demands,
)
from tests.gui.test_window import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, tmp_path):
    """The window on a new municipality's territory, in English (new messages are
    translated when the catalogue is merged)."""
    apply_language("en")
    return open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))


def open_criteria_round(qtbot, window, title: str) -> None:
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentIndex(0)
    dialog = page.round_actions.open_dialog()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.title.hasFocus, timeout=2000)
    type_text(qtbot, dialog.title, title)
    dialog.method.setCurrentIndex(dialog.method.findData(M.criteria))
    for group, box in dialog.groups.items():
        if box.isChecked() != (group in ("women", "men")):
            click(qtbot, box)
    dialog.criteria.setFocus()
    qtbot.keyClicks(dialog.criteria, "Beneficiarios 60")
    qtbot.keyClick(dialog.criteria, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.criteria, "Urgencia 40")
    click(qtbot, dialog.open_button)
    assert dialog.refusal.text() == ""
    settle(qtbot, window)


def rate(qtbot, window, panel, group: str, text: str) -> None:
    line = panel.rating_line
    line.group.setCurrentIndex(line.group.findText(group))
    line.ratings.setFocus()
    qtbot.keyClicks(line.ratings, text)
    qtbot.keyClick(line.ratings, Qt.Key.Key_Return)
    settle(qtbot, window)


def scores(window) -> int:
    with window.store.session() as session:
        return session.scalar(select(func.count()).select_from(Score))


def test_a_criteria_round_is_rated_projected_compared_and_closed(qtbot, window):
    create_event(qtbot, events_panel(qtbot, window), "Taller de Chaupi Loma", "Chaupi Loma")
    type_demands(qtbot, window)
    open_criteria_round(qtbot, window, "Criterios ponderados")
    panel = choose_in_tally(qtbot, window, "Criterios ponderados")
    line = panel.rating_line
    assert line.isVisible() and not panel.line.isVisible() and not panel.pair_line.isVisible()
    assert line.hint.text() == ("Ratings in this order: Beneficiarios 1–5 (60 %), "
                                "Urgencia 1–5 (40 %)")

    # Bad lines are refused in place, naming the field; nothing is saved.
    rate(qtbot, window, panel, "Women", "A 4")
    assert panel.refusal.text() == (
        "Refused: Ratings: type 2 ratings after the code, one per criterion")
    assert line.ratings.text() == "A 4", "nothing typed is lost"
    line.ratings.clear()
    rate(qtbot, window, panel, "Women", "A 9 1")
    assert panel.refusal.text() == "Refused: Beneficiarios: 9 is outside the scale 1–5"
    line.ratings.clear()
    rate(qtbot, window, panel, "Women", "Z 1 1")
    assert panel.refusal.text() == "Refused: Z is not an item of this round"
    assert scores(window) == 0
    line.ratings.clear()

    # The women rate every demand; B and D score the same and share the rank.
    for text in ("A 5 5", "B 3 4", "C 1 1", "D 3 4"):
        rate(qtbot, window, panel, "Women", text)
        assert panel.refusal.text() == "" and line.ratings.text() == ""
    assert panel.done.text() == "Recorded: ratings of D by Women"
    by_code = dict(zip(column_texts(panel, 1), column_texts(panel, 3), strict=True))
    assert by_code == {"A": "100 (#1)", "B": "60 (#=2)", "C": "0 (#4)", "D": "60 (#=2)"}
    # A correction: C typed again replaces its ratings (the first stay in the log).
    rate(qtbot, window, panel, "Women", "C 2 2")
    by_code = dict(zip(column_texts(panel, 1), column_texts(panel, 3), strict=True))
    assert by_code["C"] == "25 (#4)"
    assert scores(window) == 10

    # The men rate too: the groups side by side, and the projection follows.
    for text in ("A 4 4", "B 5 5", "C 2 2", "D 1 1"):
        rate(qtbot, window, panel, "Men", text)
    assert panel.results.headers()[3:5] == ["Women", "Men"]
    by_code = dict(zip(column_texts(panel, 1), column_texts(panel, 4), strict=True))
    assert by_code == {"A": "75 (#2)", "B": "100 (#1)", "C": "25 (#3)", "D": "0 (#4)"}
    projection = panel.open_projection()
    qtbot.addWidget(projection)
    assert projection.state is panel.state
    women = [(bar.code, bar.rank, bar.tied) for bar in panel.state.bars("women")]
    assert women == [("A", 1, False), ("B", 2, True), ("D", 2, True), ("C", 4, False)]
    projection.close()

    # Closed with the figures of the room: no more ratings.
    box = panel.reconcile
    for spin in (box.issued, box.counted, box.present):
        spin.setValue(2)
    click(qtbot, box.close_button)
    settle(qtbot, window)
    assert panel.state.closed and not line.isVisible()
    with window.store.session() as session:
        agreed = session.scalars(select(RoundResult).where(
            RoundResult.round_id == panel.state.round_id, RoundResult.group == "agreed",
            RoundResult.deleted_at.is_(None))).all()
        assert len(agreed) == 4
