"""Issue 12, point 10: one date format, the locale's, everywhere a person reads or types one.

The event's date field, the self-diagnoses to choose from and the day offered for a
progress record all read like ``2/11/2026`` in Spanish and ``11/2/2026`` in English, and
what is offered is read back as the same day when saved.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from sqlalchemy import select

from planner_desktop import locales
from planner_desktop.domain.diagnosis import SelfDiagnosis
from planner_desktop.domain.enums import Phase
from planner_desktop.plan import check_execution
from planner_desktop.ui import formatting
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.pages.event_form import EventForm
from planner_desktop.ui.pages.self_diagnosis import SelfDiagnosisPanel
from tests.gui.test_plan_follow_up import choose_operation, fill, records
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui

SHOWN = {"es": "2/11/2026", "en": "11/2/2026"}
A_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}$")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_window_and_the_paper_write_a_date_alike(lang: str) -> None:
    apply_language(lang)
    assert formatting.date_format() == locales.date_pattern()
    assert formatting.short_date(QDate(2026, 11, 2).toPython()) == SHOWN[lang]
    assert locales.short_date(QDate(2026, 11, 2).toPython()) == SHOWN[lang]


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_event_date_field_shows_the_locales_format(qtbot: Any, demo_store: Any,
                                                       lang: str) -> None:
    apply_language(lang)
    form = EventForm(PageContext(demo_store, QUndoStack()))
    qtbot.addWidget(form)
    form.start_new()
    form.show()
    form.day.setDate(QDate(2026, 11, 2))
    assert form.day.text() == SHOWN[lang]  # the year in full, in the language's order


def test_self_diagnoses_to_choose_show_the_locales_date(qtbot: Any, demo_store: Any) -> None:
    apply_language("en")
    panel = SelfDiagnosisPanel(PageContext(demo_store, QUndoStack()))
    qtbot.addWidget(panel)
    with demo_store.session() as session:
        first = session.scalars(select(SelfDiagnosis).limit(1)).one()
        community_id, day = first.community_id, first.date
    panel.load_choices(community_id)
    texts = [panel.diagnosis.itemText(i) for i in range(panel.diagnosis.count())]
    assert texts and all(A_DATE.search(text) for text in texts)
    assert any(text.endswith(" · " + formatting.short_date(day)) for text in texts)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_day_offered_for_progress_is_written_and_read_alike(
    qtbot: Any, settings: Any, demo_copy: Any, lang: str, monkeypatch: Any
) -> None:
    # a day after the demo's fiscal years: progress is never dated after today
    monkeypatch.setattr(check_execution, "today", lambda: date(2028, 1, 1))
    apply_language(lang)
    settings.set("facilitator", "Rosa Quispe")
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.follow_up)
    page = window.pages[Phase.follow_up]
    qtbot.waitUntil(lambda: page.follow_sorted.rowCount() > 0, timeout=5000)
    item = choose_operation(page)
    offered = page.entry.inputs["date"].text()
    assert A_DATE.match(offered), offered
    day = locales.parse_short_date(offered)
    assert formatting.short_date(day) == offered
    before = len(records(window, item.id))
    fill(qtbot, page.entry, physical_percent="40")  # the day offered kept as it is
    qtbot.waitUntil(lambda: len(records(window, item.id)) == before + 1, timeout=5000)
    assert day in [record.date for record in records(window, item.id)]
