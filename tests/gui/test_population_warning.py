"""Issue 13: the communities table takes one number at a time, so when the population by
sex and by age group stop adding up it warns (a mark on the row and a line under the
table) rather than refuses; typing the matching number clears the warning."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner_desktop.domain.territory import Community
from planner_desktop.ui.models.territory import FIRST_COUNT, NAME
from tests.gui.capture_helpers import type_into_cell
from tests.gui.test_territory_editing import new_community, page, saved  # noqa: F401

pytestmark = pytest.mark.gui
WOMEN, CHILDREN = FIRST_COUNT, FIRST_COUNT + 2


def test_editing_women_in_the_table_warns_until_the_ages_agree(qtbot, page):  # noqa: F811
    window, page = page
    counts = {"population_women": 60, "population_men": 40, "population_children": 30,
              "population_youth": 20, "population_adults": 40, "population_elders": 10}
    new_community(qtbot, window, page, "Chiluyo", counts)
    model, view, warning = page.communities, page.communities_view, page.population_warning
    assert warning.text() == ""
    assert model.index(0, NAME).data(Qt.ItemDataRole.DecorationRole) is None

    type_into_cell(qtbot, view, 0, WOMEN, "65")
    saved(qtbot, window)
    with window.store.session() as session:
        stored = session.query(Community).one()
        assert stored.population_women == 65, "the table warns, it does not refuse"
    qtbot.waitUntil(lambda: warning.text() != "", timeout=3000)
    assert warning.isVisible()
    assert "Chiluyo" in warning.text() and "105" in warning.text() and "100" in warning.text()
    assert page.community_refusal.text() == ""
    assert model.index(0, NAME).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(0, WOMEN).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "105" in model.index(0, WOMEN).data(Qt.ItemDataRole.ToolTipRole)

    type_into_cell(qtbot, view, 0, CHILDREN, "35")
    saved(qtbot, window)
    qtbot.waitUntil(lambda: warning.text() == "", timeout=3000)
    assert model.index(0, NAME).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(0, WOMEN).data(Qt.ItemDataRole.BackgroundRole) is None
