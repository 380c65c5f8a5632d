"""Recording progress on the Seguimiento page (issue 6): a typed record refused in place
with the field named or saved (undoable), the follow-up table updated, the history of the
chosen row edited like a spreadsheet, sorting by a column."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.enums import Phase
from planner_desktop.domain.follow_up import Progress
from planner_desktop.i18n import _
from planner_desktop.plan import check_execution
from planner_desktop.plan.progress import FIELDS
from planner_desktop.ui.plan.follow_table import SORT_ROLE, TABLE_ROLE
from tests.gui.test_capture_window import saved, type_into_cell
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui
PHYSICAL, FINANCIAL = 3, 6


@pytest.fixture(autouse=True)
def demo_is_past(monkeypatch):
    """Today is after the demo's fiscal years, so that their last days are not in the
    future; a test that wants another day sets it again."""
    monkeypatch.setattr(check_execution, "today", lambda: date(2028, 1, 1))


@pytest.fixture
def window(qtbot, settings, demo_copy):
    settings.set("facilitator", "Rosa Quispe")  # the window's settings name who records
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def page(qtbot, window):
    click_phase(qtbot, window, Phase.follow_up)
    page = window.pages[Phase.follow_up]
    qtbot.waitUntil(lambda: page.follow_sorted.rowCount() > 0, timeout=5000)
    return page


def choose_operation(page, *, with_budget=True):
    """Choose the first operation (with a budget) of the follow-up; its row."""
    model = page.follow_sorted
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        item = page.follow.items[page.follow_sorted.mapToSource(index).row()]
        if index.data(TABLE_ROLE) == "operation" and (item.budget > 0 or not with_budget):
            page.follow_view.selectRow(row)
            return item
    raise AssertionError("the demo has no operation")


def named(field):
    return _(FIELDS[field]) + ":"


def row_of(page, key):
    return page.follow_sorted.row_of(key)


def fill(qtbot, entry, **typed):
    for field, text in typed.items():
        entry.inputs[field].clear()
        qtbot.keyClicks(entry.inputs[field], text)
    qtbot.mouseClick(entry.add, Qt.MouseButton.LeftButton)


def records(window, operation_id):
    with window.store.session() as session:
        return session.scalars(select(Progress).where(
            Progress.operation_id == operation_id, Progress.deleted_at.is_(None))
            .order_by(Progress.date)).all()


def test_a_progress_row_refused_then_saved_and_the_table_updated(qtbot, window, page):
    item = choose_operation(page)
    entry = page.entry
    assert entry.subject is not None and entry.subject.id == item.id
    year = entry.subject.fiscal_year
    before = len(records(window, item.id))
    fill(qtbot, entry, date=f"{year}-12-30", physical_percent="140")
    assert entry.refusal.text().startswith(named("physical_percent"))
    fill(qtbot, entry, physical_percent="60", financial_executed="-5")
    assert entry.refusal.text().startswith(named("financial_executed"))
    fill(qtbot, entry, date=f"{year - 1}-12-31", financial_executed="10")
    assert entry.refusal.text().startswith(named("date"))
    assert str(year) in entry.refusal.text()
    assert len(records(window, item.id)) == before, "nothing refused is saved"
    half = (item.budget / 2).quantize(Decimal("0.01"))
    fill(qtbot, entry, date=f"{year}-12-30", physical_percent="60",
         financial_executed=str(half).replace(".", ","), target_achieved="",
         results="muro levantado")
    saved(qtbot, window)
    assert entry.refusal.text() == ""
    kept = records(window, item.id)
    assert len(kept) == before + 1
    assert (kept[-1].physical_percent, kept[-1].financial_executed) == (60.0, half)
    assert kept[-1].facilitator == "Rosa Quispe", "who recorded it"
    qtbot.waitUntil(lambda: entry.model.total == before + 1, timeout=3000)
    shown = entry.model.row_of(kept[-1].id)
    assert entry.model.index(shown, 6).data() == "Rosa Quispe"
    row = row_of(page, item.id)
    assert page.follow_sorted.index(row, PHYSICAL).data() == "60 %"
    assert page.follow_sorted.index(row, FINANCIAL).data() == "50 %"
    assert page.follow_view.selectionModel().selectedRows()[0].row() == row, "still chosen"
    window.undo_stack.undo()
    saved(qtbot, window)
    assert len(records(window, item.id)) == before
    window.undo_stack.redo()
    saved(qtbot, window)
    assert records(window, item.id)[-1].id == kept[-1].id, "redo brings back the same row"


def test_a_date_after_today_is_refused_in_place(qtbot, monkeypatch, window, page):
    item = choose_operation(page)
    entry = page.entry
    year = entry.subject.fiscal_year
    monkeypatch.setattr(check_execution, "today", lambda: date(year, 6, 30))
    before = len(records(window, item.id))
    fill(qtbot, entry, date=f"{year}-07-01", physical_percent="30")
    assert entry.refusal.text() == named("date") + " " + _("after today")
    assert entry.inputs["date"].hasFocus(), "the cursor waits in the refused field"
    assert len(records(window, item.id)) == before, "nothing refused is saved"
    fill(qtbot, entry, date=f"{year}-06-30")
    saved(qtbot, window)
    assert entry.refusal.text() == ""
    assert records(window, item.id)[-1].date == date(year, 6, 30)
    qtbot.waitUntil(lambda: entry.model.total == before + 1, timeout=3000)
    type_into_cell(qtbot, entry.view, 0, 0, f"{year}-12-30")  # in the history: the same
    assert entry.refusal.text() == named("date") + " " + _("after today")
    assert records(window, item.id)[-1].date == date(year, 6, 30)


def test_going_back_needs_a_corrective_measure_and_over_budget_warns(qtbot, window, page):
    item = choose_operation(page)
    entry = page.entry
    year = entry.subject.fiscal_year
    fill(qtbot, entry, date=f"{year}-12-30", physical_percent="80")
    saved(qtbot, window)
    fill(qtbot, entry, date=f"{year}-12-31", physical_percent="50")
    assert entry.refusal.text().startswith(named("corrective_measures"))
    over = str(item.budget + 1)
    fill(qtbot, entry, physical_percent="50", corrective_measures="se rehace el tramo",
         financial_executed=over)
    saved(qtbot, window)
    assert entry.refusal.text() == ""
    assert entry.warning.text()
    assert records(window, item.id)[-1].corrective_measures == "se rehace el tramo"


def test_the_history_is_edited_in_place(qtbot, window, page):
    item = choose_operation(page)
    entry = page.entry
    year = entry.subject.fiscal_year
    fill(qtbot, entry, date=f"{year}-12-30", physical_percent="70")
    saved(qtbot, window)
    qtbot.waitUntil(lambda: entry.model.total > 0, timeout=3000)
    newest = records(window, item.id)[-1].id
    assert entry.model.key(0) == newest
    type_into_cell(qtbot, entry.view, 0, 1, "150")
    assert entry.refusal.text().startswith(named("physical_percent"))
    type_into_cell(qtbot, entry.view, 0, 0, f"{year - 1}-06-01")
    assert entry.refusal.text().startswith(named("date"))
    type_into_cell(qtbot, entry.view, 0, 1, "75")
    saved(qtbot, window)
    assert entry.refusal.text() == ""
    assert records(window, item.id)[-1].physical_percent == 75.0
    qtbot.waitUntil(
        lambda: page.follow_sorted.index(row_of(page, item.id), PHYSICAL).data() == "75 %",
        timeout=3000)
    window.undo_stack.undo()
    saved(qtbot, window)
    assert records(window, item.id)[-1].physical_percent == 70.0
    fill(qtbot, entry, date=f"{year}-12-31", physical_percent="40", corrective_measures="x")
    saved(qtbot, window)
    qtbot.waitUntil(lambda: entry.model.key(0) == records(window, item.id)[-1].id,
                    timeout=3000)
    type_into_cell(qtbot, entry.view, 0, 5, " ")
    assert entry.refusal.text().startswith(named("corrective_measures"))
    assert records(window, item.id)[-1].corrective_measures == "x"


def test_the_follow_up_sorts_by_a_column(qtbot, window, page):
    page.follow_view.sortByColumn(PHYSICAL, Qt.SortOrder.DescendingOrder)
    model = page.follow_sorted
    values = [model.index(r, PHYSICAL).data(SORT_ROLE) for r in range(model.rowCount())]
    assert values == sorted(values, reverse=True)
    kinds = {model.index(r, 0).data(TABLE_ROLE) for r in range(model.rowCount())}
    assert kinds == {"project_profile", "operation"}
