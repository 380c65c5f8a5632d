"""Issue 13, point 7: the smaller items of the window.

- The priority demands a new profile can answer: one wide table showing class, code,
  community and text, searched as you type (the old list was a narrow combo of 199 texts).
- The counts in a page's header follow a saved change at once, undo included ("13
  perfiles" after the 14th was saved).
- The territory panel keeps its width while a person edits: no page asks for more width
  than a 1366-px laptop leaves beside the panel, whatever a label comes to say.

The planning office works on merged data: a copy of the demo stands in for it.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner_desktop.domain.enums import Phase
from planner_desktop.ui.main_window import LARGE_FONT_FACTOR
from planner_desktop.ui.window_state import DOCK_WIDTH
from tests.gui.test_capture_window import saved
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: Any, settings: Any, demo_copy: Any) -> Any:
    window = open_window(qtbot, settings, demo_copy)
    window.showNormal()
    window.resize(1366, 728)  # a 1366×768 laptop less its task bar
    window.resizeDocks([window.territory], [DOCK_WIDTH], Qt.Orientation.Horizontal)
    QApplication.processEvents()  # as the first start places it on such a laptop
    return window


def profile_count(page: Any) -> int:
    found = re.search(r"(\d+) perfiles de proyecto", page.summary.text())
    assert found, page.summary.text()
    return int(found.group(1))


def counted(picker: Any) -> tuple[int, ...]:
    """The numbers the picker's count line shows: (shown, total)."""
    return tuple(int(n) for n in re.findall(r"\d+", picker.count_label.text()))


def test_a_profile_from_the_wide_searchable_demand_table(qtbot: Any, window: Any) -> None:
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    tab = page.profiles_tab
    picker = tab.demands
    total = picker.count()
    assert total > 150
    view, model = picker.view, picker.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Clase", "Código", "Comunidad", "Demanda"]
    classes = [model.index(row, 0).data() for row in range(total)]
    assert classes[0] == "A+" and set(classes) == {"A+", "A"}
    assert classes == sorted(classes, key=lambda c: c != "A+"), "A+ first"
    assert view.width() > tab.width() * 0.8, "as wide as the page"
    assert counted(picker) == (total, total)

    # typed as a person types: lower case, no accents, words in any order
    wanted = next(row for row in range(total) if "ñ" in model.index(row, 2).data().lower()
                  or any(ch in model.index(row, 3).data() for ch in "áéíóú"))
    community, text = model.index(wanted, 2).data(), model.index(wanted, 3).data()
    word = next(w for w in text.split() if len(w) > 4)
    plain_word = word.lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    plain_place = community.split()[-1].lower().translate(str.maketrans("áéíóúñ", "aeioun"))
    before = profile_count(page)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, f"{plain_place} {plain_word}")
    shown = picker.count()
    assert 0 < shown < total
    assert all(community.split()[-1] in model.index(r, 2).data() for r in range(shown))
    assert counted(picker) == (shown, total)
    row = next(r for r in range(shown) if model.index(r, 3).data() == text)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert view.hasFocus()
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    chosen = picker.currentData()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: tab.editor.profile_id is not None, timeout=5000)
    assert chosen not in [c.demand_id for c in model.choices], "answered: no longer offered"
    assert text in tab.editor.origin.text() or model.index(0, 3).data() != text

    # the header follows at once, and again after undo
    qtbot.waitUntil(lambda: profile_count(page) == before + 1, timeout=3000)
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: profile_count(page) == before, timeout=3000)
    qtbot.waitUntil(lambda: chosen in [c.demand_id for c in model.choices], timeout=3000)


@pytest.mark.parametrize("large_font", [False, True], ids=["normal font", "projector font"])
def test_the_territory_panel_keeps_its_width_while_editing(
    qtbot: Any, window: Any, large_font: bool
) -> None:
    if large_font:
        window.set_large_font(True)
    dock = window.territory
    assert dock.width() == DOCK_WIDTH
    widths: dict[str, int] = {}
    for phase in Phase:
        click_phase(qtbot, window, phase)
        widths[phase.value] = dock.width()
    tab = window.pages[Phase.projects].profiles_tab
    click_phase(qtbot, window, Phase.projects)
    for row in range(0, 30, 3):  # profiles whose money line says more or less
        tab.view.selectRow(row)
        QApplication.processEvents()
        widths[f"profile {row}"] = dock.width()
    tab.editor.tabs.setCurrentIndex(2)  # cost and funding
    tab.editor.money.setText("<b>" + "Costo 1.234.567 · financiamiento 0 — " * 8 + "</b>")
    qtbot.wait(50)
    widths["a long money line"] = dock.width()
    assert set(widths.values()) == {DOCK_WIDTH}, widths
    if large_font:
        assert QApplication.font().pointSizeF() > 9 * LARGE_FONT_FACTOR - 1
