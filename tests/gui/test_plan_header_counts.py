"""The POA and Seguimiento headers follow a saved change at once, undo included, even
when the undo is made while another page is shown (the header must not keep the count
of before when the person comes back)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from planner_desktop.domain.enums import Phase
from planner_desktop.plan import check_execution
from tests.gui.test_capture_window import saved
from tests.gui.test_plan_follow_up import choose_operation, fill
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui
OPERATIONS = 3
"""The POAs table's column counting operations."""


@pytest.fixture(autouse=True)
def demo_is_past(monkeypatch: Any) -> None:
    monkeypatch.setattr(check_execution, "today", lambda: date(2028, 1, 1))


@pytest.fixture
def window(qtbot: Any, settings: Any, demo_copy: Any) -> Any:
    settings.set("facilitator", "Rosa Quispe")
    return open_window(qtbot, settings, demo_copy)


def count(page: Any, words: str) -> int:
    """The number the page's header shows before ``words`` (the window speaks Spanish)."""
    found = re.search(rf"(\d+) {words}", page.summary.text())
    assert found, page.summary.text()
    return int(found.group(1))


def listed(page: Any) -> int:
    """The operations the POAs table counts for the chosen POA (as the header does)."""
    row = page.plans.row_of(page.editor.plan_id)
    return int(page.plans.index(row, OPERATIONS).data())


def test_the_poa_header_counts_an_added_operation_and_its_undo(qtbot: Any,
                                                              window: Any) -> None:
    click_phase(qtbot, window, Phase.poa)
    page = window.pages[Phase.poa]
    qtbot.waitUntil(lambda: page.editor.plan_id is not None, timeout=5000)
    before = count(page, "operaciones")
    assert listed(page) == before, "a cancelled operation counts in neither"
    qtbot.mouseClick(page.editor.add, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: count(page, "operaciones") == before + 1, timeout=3000)
    qtbot.waitUntil(lambda: listed(page) == before + 1, timeout=3000)  # the POAs table too

    click_phase(qtbot, window, Phase.follow_up)  # undone while another page is shown
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: count(page, "operaciones") == before, timeout=3000)
    click_phase(qtbot, window, Phase.poa)
    assert count(page, "operaciones") == before
    assert listed(page) == before
    window.undo_stack.redo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: count(page, "operaciones") == before + 1, timeout=3000)


def test_the_follow_up_header_counts_a_progress_record_and_its_undo(qtbot: Any,
                                                                    window: Any) -> None:
    click_phase(qtbot, window, Phase.follow_up)
    page = window.pages[Phase.follow_up]
    qtbot.waitUntil(lambda: page.follow_sorted.rowCount() > 0, timeout=5000)
    before = count(page, "registros de avance")
    listed = page.progress.total
    choose_operation(page)
    year = page.entry.subject.fiscal_year
    fill(qtbot, page.entry, date=f"{year}-12-30", physical_percent="40")
    saved(qtbot, window)
    assert page.entry.refusal.text() == ""
    qtbot.waitUntil(lambda: count(page, "registros de avance") == before + 1, timeout=3000)

    click_phase(qtbot, window, Phase.poa)  # undone while another page is shown
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: count(page, "registros de avance") == before, timeout=3000)
    click_phase(qtbot, window, Phase.follow_up)
    assert count(page, "registros de avance") == before
    qtbot.waitUntil(lambda: page.progress.total == listed, timeout=3000)  # the list too
