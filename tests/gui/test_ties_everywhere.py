"""Ties are ties (issue 12, point 6): equal scores share one rank (=1, =1, 3, 4) on the
projection and in the priorities spreadsheet, and a class limit among equal scores is
marked there until the room decides, from an empty database with the round tallied in
the window."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from planner_desktop.domain.enums import Phase, PriorityClass
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.exchange.xlsx.export import export
from planner_desktop.prioritization.results import AGREED
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.prioritization.painting import badge_text
from tests.gui.capture_helpers import new_municipality, type_text
from tests.gui.test_current_event import create_event, events_panel
from tests.gui.test_round_from_empty import (
    choose_in_tally,
    click,
    column_texts,
    open_round,
    settle,
    tally,
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


def agreed_sheet(window, tmp_path, name: str) -> dict[str, tuple]:
    """The Agreed sheet of the priorities spreadsheet, by demand: rank, class, tie."""
    out = tmp_path / f"{name}.xlsx"
    export(window.store, "priorities", out)
    sheet = load_workbook(out)["Agreed"]
    header = [cell.value for cell in sheet[1]]
    rank, text, klass, tie = (header.index(h) for h in ("Rank", "Demand", "Priority class",
                                                         "Tie"))
    return {row[text].split()[0]: (row[rank], row[klass], row[tie])
            for row in sheet.iter_rows(min_row=2, values_only=True)}


def agreed_on_page(qtbot, window, title: str) -> dict[str, tuple[str, str]]:
    """The 'Rounds and results' tab's agreed list for the round chosen there, by demand:
    rank and class as shown (keyed by the description's first word)."""
    page = window.pages[Phase.prioritization]
    page.tabs.setCurrentIndex(0)
    rounds = page.rounds
    row = next(r for r in range(rounds.rowCount()) if rounds.index(r, 1).data() == title)
    page.rounds_view.clearSelection()
    click(qtbot, page.rounds_view.viewport())  # focus, as a person's click
    page.rounds_view.selectRow(row)
    qtbot.waitUntil(lambda: page.results.rowCount() > 0, timeout=5000)
    model = page.results
    return {model.index(r, 2).data().split()[0]: (model.index(r, 0).data(),
                                                  model.index(r, 4).data())
            for r in range(model.rowCount())}


def test_equal_scores_share_a_rank_and_a_split_class_is_marked(qtbot, window, tmp_path):
    create_event(qtbot, events_panel(qtbot, window), "Taller de Chaupi Loma", "Chaupi Loma")
    type_demands(qtbot, window)
    open_round(qtbot, window, "Puntos: Women", M.dots, {"women"})
    panel = choose_in_tally(qtbot, window, "Puntos: Women")
    for text in ("A 3", "B 3", "C 1"):
        tally(qtbot, window, panel, "W", text)

    # The projection: ranks =1 =1 3 4 for the group, the classes marked where the A+
    # limit falls between A and B (same score).
    projection = panel.open_projection()
    qtbot.addWidget(projection)
    state = panel.state
    assert [badge_text(bar) for bar in state.bars("women")] == ["=1", "=1", "3", "4"]
    assert [badge_text(bar) for bar in state.bars(AGREED)][:2] == ["A+?", "A+?"]
    projection.close()

    rows = agreed_sheet(window, tmp_path, "before")
    legend = "(=?): equal scores on both sides of a class limit; the room decides their class"
    assert rows["Agua"] == ("=1", "A+ (=?)", legend)
    assert rows["Ripiado"] == ("=1", "A+ (=?)", legend)
    assert rows["Cancha"][0] == 3 and not rows["Cancha"][2], "a rank not shared stays a number"
    shown = agreed_on_page(qtbot, window, "Puntos: Women")
    assert shown["Agua"] == ("=1", "A+ (=?)") and shown["Ripiado"] == ("=1", "A+ (=?)")
    assert shown["Cancha"][0] == "3" and "(=?)" not in shown["Cancha"][1]
    page_legend = window.pages[Phase.prioritization].results_legend
    assert not page_legend.isHidden() and page_legend.text() == legend
    panel = choose_in_tally(qtbot, window, "Puntos: Women")

    # The room decides; the mark goes, the shared rank stays.
    for code, klass, reason in (("A", PriorityClass.a_plus, "más familias sin agua"),
                                ("B", PriorityClass.a, "decidido por la plenaria")):
        panel.results_view.selectRow(column_texts(panel, 1).index(code))
        bar = panel.class_bar
        bar.klass.setCurrentIndex(bar.klass.findData(klass))
        type_text(qtbot, bar.reason, reason)
        click(qtbot, bar.apply)
        settle(qtbot, window)
    assert [badge_text(bar) for bar in panel.state.bars(AGREED)][:2] == ["A+", "A"]
    rows = agreed_sheet(window, tmp_path, "after")
    assert rows["Agua"] == ("=1", "A+", "equal scores")
    assert rows["Ripiado"] == ("=1", "A", "equal scores")
    shown = agreed_on_page(qtbot, window, "Puntos: Women")
    assert shown["Agua"] == ("=1", "A+") and shown["Ripiado"] == ("=1", "A")
    assert page_legend.isHidden(), "no mark left, no legend"
