"""The POA of a year made from the PDM on the POA page (issue 6): refused in place for a
year with a POA or outside the plan period, made as one undoable step, redone with the
same records; undoing then redoing an adjustment brings back the same history row."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from planner_desktop.domain.annual import AnnualPlan, Operation, PlanAdjustment
from planner_desktop.domain.enums import AdjustmentKind, Phase
from planner_desktop.ui.models.table import KEY_ROLE
from tests.gui.test_capture_window import saved
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


def live_plans(window):
    with window.store.session() as session:
        return dict(session.execute(select(AnnualPlan.fiscal_year, AnnualPlan.id).where(
            AnnualPlan.deleted_at.is_(None))).all())


def chosen_plan(page):
    rows = page.plans_view.selectionModel().selectedRows()
    return page.plans.index(rows[0].row(), 0).data(KEY_ROLE) if rows else None


def test_refused_for_a_year_with_a_poa_or_outside_the_period(qtbot, window, page):
    bar = page.derive
    existing = min(live_plans(window))
    bar.year.setValue(existing)
    assert str(existing) in bar.button.text()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert str(existing) in bar.refusal.text() and bar.refusal.text()
    bar.year.setValue(2090)
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert "2090" in bar.refusal.text()
    assert window.undo_stack.count() == 0


def test_create_the_poa_of_a_year_from_the_pdm_undo_and_redo(qtbot, window, page):
    bar = page.derive
    before = live_plans(window)
    year = bar.year.value()
    assert year not in before, "the first free year of the period is offered"
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert bar.refusal.text() == ""
    made = live_plans(window)[year]
    qtbot.waitUntil(lambda: chosen_plan(page) == made, timeout=3000)
    qtbot.waitUntil(lambda: page.editor.plan_id == made, timeout=3000)
    assert page.operations.total > 0
    with window.store.session() as session:
        ops = set(session.scalars(select(Operation.id).where(
            Operation.annual_plan_id == made)))
    assert bar.year.value() != year, "the next free year is offered"
    window.undo_stack.undo()
    saved(qtbot, window)
    assert live_plans(window) == before
    qtbot.waitUntil(lambda: chosen_plan(page) in before.values(), timeout=3000)
    window.undo_stack.redo()
    saved(qtbot, window)
    assert live_plans(window)[year] == made, "redo brings back the same POA"
    with window.store.session() as session:
        again = set(session.scalars(select(Operation.id).where(
            Operation.annual_plan_id == made, Operation.deleted_at.is_(None))))
    assert again == ops


def test_redo_of_an_adjustment_brings_back_the_same_row(qtbot, window, page):
    editor, panel = page.editor, page.adjustments
    with window.store.session() as session:
        cancelled = set(session.scalars(select(Operation.id).where(Operation.cancelled)))
    row = next(r for r in range(editor.model.rowCount())
               if editor.model.key(r) not in cancelled)
    editor.view.setCurrentIndex(editor.model.index(row, 1))
    panel.kind.setCurrentIndex(panel.kind.findData(AdjustmentKind.budget_changed))
    qtbot.keyClicks(panel.value, "4321")
    qtbot.keyClicks(panel.reason, "recorte")
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    saved(qtbot, window)

    def rows():
        with window.store.session() as session:
            return session.scalar(select(func.count(PlanAdjustment.id)))

    with window.store.session() as session:
        first = session.scalars(select(PlanAdjustment).where(
            PlanAdjustment.description.contains("recorte"))).one()
        assert first.date == date.today()
    total = rows()
    window.undo_stack.undo()
    saved(qtbot, window)
    window.undo_stack.redo()
    saved(qtbot, window)
    assert rows() == total, "no fresh adjustment"
    with window.store.session() as session:
        back = session.get(PlanAdjustment, first.id)
        assert back.deleted_at is None
        assert str(session.get(Operation, editor.model.key(row)).budget) == "4321.00"
    qtbot.waitUntil(lambda: panel.history.row_of(first.id) >= 0, timeout=3000)
