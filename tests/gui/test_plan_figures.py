"""Issue 13: the POA budget the page shows is the one the printed POA carries, with the
demo's cancelled operation and one more cancelled through the adjustments panel."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from planner_desktop.domain.enums import AdjustmentKind, Phase
from planner_desktop.plan.numbers import parse_number
from planner_desktop.reports.common import ReportOptions
from planner_desktop.reports.layout import money
from planner_desktop.reports.registry import write_report
from tests.gui.test_capture_window import saved
from tests.gui.test_plan_poa import operation
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def page(qtbot, window):
    click_phase(qtbot, window, Phase.poa)
    page = window.pages[Phase.poa]
    qtbot.waitUntil(lambda: page.editor.plan_id is not None, timeout=5000)
    return page


def shown_budget(page) -> Decimal:
    """The budget in the page's summary line (``presupuesto BOB 5.261.900``)."""
    text = page.summary.text()
    found = re.search(r"(?:presupuesto|budget) \S+ ([\d.,\u00a0\u202f ]+\d)", text)
    assert found, text
    value = parse_number(found.group(1))
    assert value is not None
    return value


def printed_text(window, tmp_path, year: int) -> str:
    out = tmp_path / "poa.pdf"
    with window.store.raw_session() as session:
        write_report("poa", session, ReportOptions(generated=date(2027, 1, 5), year=year), out)
    return re.sub(r"\s+", "", "".join(p.extract_text() or "" for p in PdfReader(out).pages))


def test_the_poa_page_total_is_the_printed_total(qtbot, window, page, tmp_path):
    editor, panel = page.editor, page.adjustments
    year = editor.model.schedule.fiscal_year
    cancelled = [r for r in range(editor.model.rowCount())
                 if operation(window, editor.model.key(r)).cancelled]
    assert cancelled, "the demo POA has a cancelled operation"
    every = sum(operation(window, editor.model.key(r)).budget
                for r in range(editor.model.rowCount()))
    before = shown_budget(page)
    assert before < every, "the cancelled operation is not counted on screen"
    assert re.sub(r"\s+", "", money(before)) in printed_text(window, tmp_path, year)

    row = next(r for r in range(editor.model.rowCount())
               if not operation(window, editor.model.key(r)).cancelled
               and operation(window, editor.model.key(r)).budget > 0)
    gone = operation(window, editor.model.key(row)).budget
    editor.view.setCurrentIndex(editor.model.index(row, 1))
    panel.kind.setCurrentIndex(panel.kind.findData(AdjustmentKind.operation_cancelled))
    qtbot.keyClicks(panel.reason, "sin terreno saneado")
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: shown_budget(page) == before - gone, timeout=3000)
    printed = printed_text(window, tmp_path, year)
    assert re.sub(r"\s+", "", money(before - gone)) in printed
    assert re.sub(r"\s+", "", money(before)) not in printed
