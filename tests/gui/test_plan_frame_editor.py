"""The plan's strategic frame edited in the window, from an empty database (issue 14):
the plan created from the Argentine template, elements at each level added, named,
renamed with F2, described, moved, reordered, deleted and brought back with Ctrl+Z."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from sqlalchemy import select

from planner_desktop.domain.enums import PlanTemplate
from planner_desktop.domain.plan import (
    CrossCutting,
    ElementCrossCutting,
    Plan,
    PlanElement,
    PlanLevel,
    PlanValue,
    SdgLink,
)
from planner_desktop.domain.projects import Indicator, IndicatorTarget
from planner_desktop.ui.language import apply_language
from tests.gui.capture_helpers import type_into_cell, type_text
from tests.gui.frame_helpers import (
    add_element,
    argentine_town,
    choose,
    click,
    open_dialog,
    pdm_page,
    press,
    retype,
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
    window.activateWindow()  # as the person's next click on the window does
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


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


def test_elements_added_renamed_described_moved_reordered_deleted(qtbot, window, tmp_path):
    page = pdm_page(qtbot, window)
    create_plan(qtbot, window, page)
    tree_key(qtbot, page, Qt.Key.Key_Insert)  # a child of nothing
    assert page.tree_refusal.text() == "Choose the element the new one hangs from."
    add_element(qtbot, window, page, "Ciudad sostenible", top=True)
    assert page.tree_refusal.text() == ""
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
    choose(page, "1.1.1 ", qtbot)
    shoot(page, tmp_path, "frame_editor_tree.png")


def test_the_plan_its_values_sdgs_dimensions_and_an_element_s_details(qtbot, window, tmp_path):
    page = pdm_page(qtbot, window)
    create_plan(qtbot, window, page)
    add_element(qtbot, window, page, "Ciudad sostenible", top=True)
    plan = page.plan_editor
    page.side.setCurrentWidget(page.plan_tab)
    # statements, saved when the field is left; a bad year refused in place
    plan.vision.setFocus()
    type_text(qtbot, plan.vision, "Rafaela, ciudad verde e inclusiva")
    qtbot.keyClick(plan.vision, Qt.Key.Key_Tab)
    retype(qtbot, plan.end, "2020")
    qtbot.keyClick(plan.end, Qt.Key.Key_Return)
    assert plan.refusal.text() == "To: the plan cannot end before it starts."
    retype(qtbot, plan.end, "2030")
    qtbot.keyClick(plan.end, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert plan.refusal.text() == ""
    # values: added, explained, reordered, deleted
    for name in ("Transparencia", "Participación", "Equidad"):
        plan.values.new_name.setFocus()
        type_text(qtbot, plan.values.new_name, name)
        qtbot.keyClick(plan.values.new_name, Qt.Key.Key_Return)
        settle(qtbot, window)
    plan.values.list.setCurrentRow(0)
    plan.sentence.setFocus()
    type_text(qtbot, plan.sentence, "Cuentas claras cada año")
    qtbot.keyClick(plan.sentence, Qt.Key.Key_Tab)
    plan.values.list.setCurrentRow(2)
    press(qtbot, plan.values.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    settle(qtbot, window)
    plan.values.list.setCurrentRow(2)
    press(qtbot, plan.values.list, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert list_texts(plan.values.list) == ["Transparencia", "Equidad"]
    # the plan's SDGs: a target of another goal refused, then two goals
    plan.sdgs.goal.setValue(6)
    retype(qtbot, plan.sdgs.target, "7.1")
    qtbot.keyClick(plan.sdgs.target, Qt.Key.Key_Return)
    assert plan.sdgs.refusal.text() == "SDG target: 7.1 is not a target of goal 6."
    retype(qtbot, plan.sdgs.target, "6.1")
    qtbot.keyClick(plan.sdgs.target, Qt.Key.Key_Return)
    plan.sdgs.goal.setValue(11)
    click(qtbot, plan.sdgs.findChild(QPushButton, "addSdg"))
    settle(qtbot, window)
    assert list_texts(plan.sdgs.links) == ["SDG 6 — target 6.1", "SDG 11"]
    # levels renamed in place; two cross-cutting dimensions
    plan.levels.list.setCurrentRow(3)
    plan.levels.list.currentItem().setText("Programa municipal")
    settle(qtbot, window)
    for name in ("Planificada", "Accesible"):
        plan.dimensions.new_name.setFocus()
        type_text(qtbot, plan.dimensions.new_name, name)
        qtbot.keyClick(plan.dimensions.new_name, Qt.Key.Key_Return)
        settle(qtbot, window)
    plan.dimensions.new_name.setFocus()
    type_text(qtbot, plan.dimensions.new_name, "accesible")
    qtbot.keyClick(plan.dimensions.new_name, Qt.Key.Key_Return)
    assert plan.dimensions.refusal.text() == (
        "Cross-cutting dimension: “accesible” is already there."
    )
    # the element: both dimensions tagged, an SDG, an indicator with targets
    choose(page, "1 Ciudad", qtbot)
    editor = page.frame_editor
    assert page.side.currentWidget() is page.element_tab
    for row in range(editor.tags.list.count()):
        editor.tags.list.item(row).setCheckState(Qt.CheckState.Checked)
        settle(qtbot, window)
    editor.sdgs.goal.setValue(11)
    retype(qtbot, editor.sdgs.target, "11.2")
    qtbot.keyClick(editor.sdgs.target, Qt.Key.Key_Return)
    settle(qtbot, window)
    indicators = editor.indicators
    indicators.new_name.setFocus()
    type_text(qtbot, indicators.new_name, "Hogares con agua segura")
    qtbot.keyClick(indicators.new_name, Qt.Key.Key_Return)
    settle(qtbot, window)
    view = indicators.view
    assert [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4, 8)] == [
        "2027",
        "2028",
        "2029",
        "2030",
    ]
    type_into_cell(qtbot, view, 0, 1, "%")
    type_into_cell(qtbot, view, 0, 2, "62")
    type_into_cell(qtbot, view, 0, 4, "70")
    type_into_cell(qtbot, view, 0, 7, "95 %")
    type_into_cell(qtbot, view, 0, 5, "muchos")
    assert indicators.refusal.text() == "Target: a target must be a number, such as 120 or 85 %"
    settle(qtbot, window)
    with window.store.session() as session:
        stored = session.scalars(select(Plan)).one()
        assert (stored.vision, stored.end_year) == ("Rafaela, ciudad verde e inclusiva", 2030)
        values = session.scalars(
            select(PlanValue).where(PlanValue.deleted_at.is_(None)).order_by(PlanValue.position)
        ).all()
        assert [(v.name, v.sentence) for v in values] == [
            ("Transparencia", "Cuentas claras cada año"),
            ("Equidad", ""),
        ]
        links = session.execute(
            select(SdgLink.sdg, SdgLink.target, SdgLink.plan_id.is_not(None))
            .where(SdgLink.deleted_at.is_(None))
            .order_by(SdgLink.sdg, SdgLink.target)
        ).all()
        assert [tuple(link) for link in links] == [
            (6, "6.1", True),
            (11, "", True),
            (11, "11.2", False),
        ]
        tags = session.scalars(
            select(CrossCutting.name)
            .join(ElementCrossCutting, ElementCrossCutting.cross_cutting_id == CrossCutting.id)
            .order_by(CrossCutting.position)
        ).all()
        assert tags == ["Planificada", "Accesible"]
        indicator = session.scalars(select(Indicator)).one()
        assert (indicator.unit, indicator.baseline) == ("%", "62")
        targets = session.execute(
            select(IndicatorTarget.year, IndicatorTarget.target).order_by(IndicatorTarget.year)
        ).all()
        assert [tuple(t) for t in targets] == [(2027, "70"), (2030, "95 %")]
        assert session.scalar(select(PlanLevel.name).where(PlanLevel.depth == 4)) == (
            "Programa municipal"
        )
    shoot(page, tmp_path, "frame_editor_element.png")
    page.side.setCurrentWidget(page.plan_tab)
    shoot(page, tmp_path, "frame_editor_plan.png")


def test_a_custom_plan_with_four_levels_named_by_the_municipality(qtbot, window):
    page = pdm_page(qtbot, window)
    click(qtbot, page.create_button)
    dialog = open_dialog(qtbot, page, "newPlanDialog")
    dialog.template.setCurrentIndex(
        dialog.template.findText("Custom", Qt.MatchFlag.MatchStartsWith)
    )
    assert dialog.count.isEnabled() and dialog.count.value() == 3
    dialog.count.setValue(4)
    for edit, name in zip(
        dialog.level_edits, ("Eje", "Meta", "Programa", "Proyecto"), strict=False
    ):
        edit.selectAll()
        type_text(qtbot, edit, name)
    assert not dialog.level_edits[4].isVisible()
    click(qtbot, dialog.create_button)
    settle(qtbot, window)
    qtbot.waitUntil(lambda: page.stack.currentIndex() == 1, timeout=3000)
    assert list_texts(page.plan_editor.levels.list) == ["Eje", "Meta", "Programa", "Proyecto"]
    add_element(qtbot, window, page, "Desarrollo humano", top=True)
    assert tree_rows(page) == [("1 Desarrollo humano", "Eje")]


def list_texts(widget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def shoot(page, tmp_path, name: str) -> None:
    """A picture of the page for the notes (docs/screenshots/plan/ when asked)."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("PLANNER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    page.window().resize(1366, 1024)
    QApplication.processEvents()
    assert page.grab().save(str(folder / name))
