"""The plan's strategic frame edited in the window, from an empty database (issue 14):
the plan created from the Argentine template, elements at each level added, named,
renamed with F2, described, moved, reordered, deleted and brought back with Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain.enums import PlanTemplate
from planner_desktop.domain.plan import Plan, PlanElement, PlanLevel
from planner_desktop.ui.language import apply_language
from tests.gui.capture_helpers import type_text
from tests.gui.frame_helpers import (
    add_element,
    argentine_town,
    choose,
    click,
    open_dialog,
    pdm_page,
    settle,
    tree_key,
    tree_rows,
    type_new_name,
)
from tests.gui.test_window import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, tmp_path):
    apply_language("en")  # new messages are translated when the catalogue is merged
    return open_window(qtbot, settings, argentine_town(tmp_path / "rafaela.sqlite"))


def create_plan(qtbot, window, page) -> None:
    click(qtbot, page.create_button)
    dialog = open_dialog(qtbot, page, "newPlanDialog")
    assert dialog.chosen_template() is PlanTemplate.argentina_pem, "from the country"
    assert [e.text() for e in dialog.level_edits[:4]] == [
        "Eje de gestión",
        "Objetivo",
        "Lineamiento",
        "Política pública",
    ]
    assert not dialog.count.isEnabled()
    dialog.start.setValue(2027)
    assert dialog.end.value() == 2030
    dialog.end.setValue(2026)
    click(qtbot, dialog.create_button)
    assert dialog.isVisible()
    assert dialog.refusal.text() == "To: the plan cannot end before it starts."
    dialog.end.setValue(2031)
    dialog.level_edits[3].selectAll()
    type_text(qtbot, dialog.level_edits[3], "Programa")
    click(qtbot, dialog.create_button)
    assert not dialog.isVisible()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1, timeout=3000)


def test_no_plan_then_a_plan_from_the_argentine_template(qtbot, window):
    page = pdm_page(qtbot, window)
    assert page.stack.currentWidget() is page.no_plan
    assert page.create_button.isVisible()
    assert "no plan" in page.no_plan_text.text()
    create_plan(qtbot, window, page)
    with window.store.session() as session:
        plan = session.scalars(select(Plan)).one()
        levels = session.scalars(select(PlanLevel.name).order_by(PlanLevel.depth)).all()
        assert (plan.template, plan.title, plan.start_year, plan.end_year) == (
            PlanTemplate.argentina_pem,
            "Plan Estratégico Municipal",
            2027,
            2031,
        )
    assert levels == ["Eje de gestión", "Objetivo", "Lineamiento", "Programa"]
    assert "Plan Estratégico Municipal 2027–2031" in page.summary.text()
    assert page.plan_editor.title.text() == "Plan Estratégico Municipal"
    window.undo_stack.undo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.no_plan, timeout=3000)
    window.undo_stack.redo()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1, timeout=3000)


def test_elements_added_renamed_described_moved_reordered_deleted(qtbot, window):
    page = pdm_page(qtbot, window)
    create_plan(qtbot, window, page)
    add_element(qtbot, window, page, "Ciudad sostenible", top=True)
    add_element(qtbot, window, page, "Agua para todos")
    add_element(qtbot, window, page, "Red de agua")
    add_element(qtbot, window, page, "Conexiones domiciliarias")
    add_element(qtbot, window, page, "Ciudad inclusiva", top=True)
    assert tree_rows(page) == [
        ("1 Ciudad sostenible", "Eje de gestión"),
        ("1.1 Agua para todos", "Objetivo"),
        ("1.1.1 Red de agua", "Lineamiento"),
        ("1.1.1.1 Conexiones domiciliarias", "Programa"),
        ("2 Ciudad inclusiva", "Eje de gestión"),
    ]
    # the deepest level has no child
    choose(page, "1.1.1.1")
    tree_key(qtbot, page, Qt.Key.Key_Insert)
    assert page.tree_refusal.text() == "Level: the plan has 4 levels: there is none below."
    # rename with F2
    choose(page, "1.1 ")
    tree_key(qtbot, page, Qt.Key.Key_F2)
    type_new_name(qtbot, window, page, "Agua segura para todos")
    assert ("1.1 Agua segura para todos", "Objetivo") in tree_rows(page)
    # an empty name is refused in place, nothing saved
    tree_key(qtbot, page, Qt.Key.Key_F2)
    type_new_name(qtbot, window, page, " ")
    assert page.tree_refusal.text() == "Name: it cannot be empty."
    # the element chosen, its code and the problem it answers
    editor = page.frame_editor
    assert editor.title.text() == "<b>Objetivo 1.1 — Agua segura para todos</b>"
    editor.problem.setFocus()
    type_text(qtbot, editor.problem, "Barrios sin red de agua")
    qtbot.keyClick(editor.problem, Qt.Key.Key_Tab)
    editor.code.setFocus()
    editor.code.selectAll()
    type_text(qtbot, editor.code, "2")
    qtbot.keyClick(editor.code, Qt.Key.Key_Return)
    assert editor.refusal.text() == "Code: 2 is already used by another element."
    editor.code.selectAll()
    type_text(qtbot, editor.code, "O1")
    qtbot.keyClick(editor.code, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert editor.refusal.text() == ""
    with window.store.session() as session:
        objective = session.scalars(select(PlanElement).where(PlanElement.code == "O1")).one()
        assert (objective.name, objective.problem, objective.depth) == (
            "Agua segura para todos",
            "Barrios sin red de agua",
            2,
        )
    # moved to the other eje through the chooser (Ctrl+M)
    choose(page, "O1 ")
    tree_key(qtbot, page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(qtbot, page, "moveElementDialog")
    texts = [dialog.places.item(n).text().strip() for n in range(dialog.places.count())]
    assert texts == [
        "(the top of the plan)",
        "Eje de gestión 1 — Ciudad sostenible",
        "Eje de gestión 2 — Ciudad inclusiva",
    ], "never itself nor below it"
    dialog.choose("Ciudad inclusiva")
    click(qtbot, dialog.move_button)
    settle(qtbot, window)
    qtbot.waitUntil(
        lambda: tree_rows(page)[2] == ("O1 Agua segura para todos", "Objetivo"), timeout=3000
    )
    assert tree_rows(page)[:2] == [
        ("1 Ciudad sostenible", "Eje de gestión"),
        ("2 Ciudad inclusiva", "Eje de gestión"),
    ]
    # reordered: the second eje up (Alt+Up)
    choose(page, "2 Ciudad")
    tree_key(qtbot, page, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: tree_rows(page)[0][0] == "2 Ciudad inclusiva", timeout=3000)
    assert page.frame_model.element_id(page.frame_view.currentIndex()) is not None
    assert page.frame_view.currentIndex().data() == "2 Ciudad inclusiva", "it stays chosen"
    # deleting an element with something below it is refused, naming it
    tree_key(qtbot, page, Qt.Key.Key_Delete)
    assert page.tree_refusal.text() == (
        "2 cannot be deleted: 1 element hangs from it. Move or delete them first."
    )
    # a leaf is deleted at once, and Ctrl+Z brings it back
    choose(page, "1.1.1.1")
    tree_key(qtbot, page, Qt.Key.Key_Delete)
    settle(qtbot, window)
    qtbot.waitUntil(
        lambda: not any(t.startswith("1.1.1.1") for t, _l in tree_rows(page)), timeout=3000
    )
    qtbot.keyClick(page.frame_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: any(t.startswith("1.1.1.1") for t, _l in tree_rows(page)), timeout=3000)
    assert "Eje de gestión: 2" in page.summary.text()
    assert "Programa: 1" in page.summary.text()
