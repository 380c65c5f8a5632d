"""The similarity a grouping suggestion shows (issue 15): rapidfuzz's figure for its
weakest link, so demands with a typing slip show as nearly alike and the column says how
the figure is made."""

from __future__ import annotations

import pytest

from planner_desktop.i18n import _
from planner_desktop.prioritization.aggregate import DemandSummary, suggest_groups
from planner_desktop.ui.prioritization.suggestion_list import (
    SIMILARITY,
    Proposal,
    SuggestionList,
)

pytestmark = pytest.mark.gui


def _proposal(*texts: str) -> Proposal:
    demands = [DemandSummary(f"d{n}", f"c{n}", "agua", text, code=f"C{n}-01")
               for n, text in enumerate(texts)]
    [suggestion] = suggest_groups(demands)
    return Proposal(suggestion, "Agua", "Distrito 1", "Agua potable", set())


def test_the_similarity_shown_is_the_weakest_link(qtbot):
    lists = SuggestionList()
    qtbot.addWidget(lists)
    slip = _proposal("Agua potable", "Agua potabe")
    same = _proposal("Sistema de agua potable", "Agua potable: sistema",
                     "Sistema de auga potable")
    lists.show_proposals([slip, same])
    assert lists.table.item(0, SIMILARITY).text().startswith("96")  # 2·11 / 23 letters
    assert lists.table.item(1, SIMILARITY).text().startswith("95")  # one slip among three
    tip = lists.table.horizontalHeaderItem(SIMILARITY).toolTip()
    assert tip == _(
        "How alike the least alike demands linked in the group are: the share of "
        "letters their meaningful words have in common (a typing slip costs a "
        "letter, a different word the whole word)"), "the column says how it is made"
