"""POA operations edited on the POA page (issue 6): adding one, typing its fields, dates
outside the fiscal year refused with the field named, adjustments kept as history, undo."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain import rules
from planner_desktop.domain.annual import Operation, PlanAdjustment
from planner_desktop.domain.enums import AdjustmentKind, Phase
from planner_desktop.plan import validate
from tests.gui.test_capture_window import saved, type_into_cell
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui
START, END, BUDGET, TARGET, ELEMENT = 8, 9, 10, 5, 13


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def page(qtbot, window):
    click_phase(qtbot, window, Phase.poa)
    page = window.pages[Phase.poa]
    qtbot.waitUntil(lambda: page.editor.plan_id is not None, timeout=5000)
    return page


def operation(window, operation_id):
    with window.store.session() as session:
        found = session.get(Operation, operation_id)
        session.expunge(found)
        return found


def test_add_an_operation_type_its_fields_and_undo(qtbot, window, page):
    editor = page.editor
    before = editor.model.total
    qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: editor.model.total == before + 1, timeout=3000)
    with window.store.session() as session:
        new_id = session.scalars(select(Operation.id).where(
            Operation.annual_plan_id == editor.plan_id).order_by(Operation.code.desc())).first()
    row = editor.model.row_of(new_id)
    year = editor.model.schedule.fiscal_year
    type_into_cell(qtbot, editor.view, row, BUDGET, "12.500")
    type_into_cell(qtbot, editor.view, row, START, f"{year}-03-01")
    type_into_cell(qtbot, editor.view, row, TARGET, "80 %")
    saved(qtbot, window)
    made = operation(window, new_id)
    assert (made.budget, made.start_date, made.target) == (
        Decimal(12500), date(year, 3, 1), "80 %")
    assert made.end_date == date(year, 12, 31)
    assert editor.refusal.text() == ""
    window.undo_stack.undo()  # the target
    saved(qtbot, window)
    assert operation(window, new_id).target == ""


def test_a_date_outside_the_fiscal_year_is_refused_in_place(qtbot, window, page):
    editor = page.editor
    year = editor.model.schedule.fiscal_year
    op_id = editor.model.key(0)
    old = operation(window, op_id)
    type_into_cell(qtbot, editor.view, 0, END, f"{year + 1}-02-01")
    reason = validate.operation_dates(year, None, date(year + 1, 2, 1))
    assert editor.refusal.text().endswith(reason)
    assert editor.refusal.text() != reason, "the field is named"
    type_into_cell(qtbot, editor.view, 0, BUDGET, "-1")
    assert editor.refusal.text().endswith(rules.MONEY.problem(Decimal(-1)))
    saved(qtbot, window)
    again = operation(window, op_id)
    assert (again.end_date, again.budget) == (old.end_date, old.budget)


def test_adjustments_are_kept_as_history_and_undone(qtbot, window, page):
    editor, panel = page.editor, page.adjustments
    row = next(r for r in range(editor.model.rowCount())
               if not operation(window, editor.model.key(r)).cancelled)
    op_id = editor.model.key(row)
    old_target = operation(window, op_id).target
    editor.view.setCurrentIndex(editor.model.index(row, 1))
    history = panel.history.total
    panel.kind.setCurrentIndex(panel.kind.findData(AdjustmentKind.target_changed))
    qtbot.keyClicks(panel.value, "75 %")
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    assert panel.refusal.text().startswith(panel.refusal.text().split(":")[0])
    assert panel.refusal.text() != "", "no reason given: refused"
    assert panel.history.total == history
    qtbot.keyClicks(panel.reason, "sequia en la zona")
    qtbot.mouseClick(panel.apply, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert panel.refusal.text() == ""
    assert operation(window, op_id).target == "75 %"
    qtbot.waitUntil(lambda: panel.history.total == history + 1, timeout=3000)
    with window.store.session() as session:
        kept = session.scalars(select(PlanAdjustment).where(
            PlanAdjustment.operation_id == op_id, PlanAdjustment.deleted_at.is_(None))
            .order_by(PlanAdjustment.created_at.desc())).first()
        assert kept.kind is AdjustmentKind.target_changed
        assert "sequia en la zona" in kept.description and kept.date == date.today()
    window.undo_stack.undo()
    saved(qtbot, window)
    assert operation(window, op_id).target == old_target
    qtbot.waitUntil(lambda: panel.history.total == history, timeout=3000)


def test_a_cancelled_operation_cannot_be_edited(qtbot, window, page):
    editor = page.editor
    row = next((r for r in range(editor.model.rowCount())
                if operation(window, editor.model.key(r)).cancelled), None)
    if row is None:
        pytest.skip("the demo POA has no cancelled operation")
    op_id = editor.model.key(row)
    old = operation(window, op_id).name
    type_into_cell(qtbot, editor.view, row, 1, "Otra cosa")
    assert editor.refusal.text()
    saved(qtbot, window)
    assert operation(window, op_id).name == old


def test_an_operation_hangs_from_an_element_of_the_plan(qtbot, window, page):
    """Issue 14: an operation's element of the plan, of any level, picked from a list."""
    from PySide6.QtWidgets import QComboBox

    from planner_desktop.domain.plan import PlanElement

    editor = page.editor
    view, model = editor.view, editor.model
    assert model.headerData(ELEMENT, Qt.Orientation.Horizontal) == "Elemento del plan" or (
        model.headerData(ELEMENT, Qt.Orientation.Horizontal) == "Element of the plan")
    with window.store.session() as session:
        eje = session.scalars(select(PlanElement).where(PlanElement.depth == 1)
                              .order_by(PlanElement.code)).first()
        label = f"{eje.code} — {eje.name}"
    row = 0
    operation_id = model.key(row)
    index = model.index(row, ELEMENT)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(label))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)
    saved(qtbot, window)
    assert editor.refusal.text() == ""
    assert operation(window, operation_id).element_id == eje.id
    qtbot.waitUntil(lambda: model.index(row, ELEMENT).data() == label, timeout=3000)
    window.undo_stack.undo()
    saved(qtbot, window)
    assert operation(window, operation_id).element_id != eje.id
