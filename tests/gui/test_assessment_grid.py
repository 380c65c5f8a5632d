"""The institutional self-assessment typed into its grid on the PDM page, from an empty
database (issue 14): a score, a blank, a "does not apply", refusals in place, undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from sqlalchemy import select

from planner_desktop.capture import assessment
from planner_desktop.domain.diagnosis import AssessmentArea, AssessmentScore
from planner_desktop.domain.enums import ScoreState
from tests.capture.annex_setup import annex_store, municipality_and_plan, municipality_only
from tests.gui import annex_helpers
from tests.gui.capture_helpers import type_into_cell

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("with_incoming")]
with_incoming = annex_helpers.with_incoming
open_annex = annex_helpers.open_annex


@pytest.fixture
def store(tmp_path):
    store = annex_store(tmp_path / "annex.sqlite")
    yield store
    store.close()


def stored(store) -> dict[tuple[str, int], tuple[ScoreState, Decimal | None]]:
    with store.session() as s:
        rows = s.execute(
            select(
                AssessmentArea.name,
                AssessmentScore.year,
                AssessmentScore.state,
                AssessmentScore.percentage,
            )
            .join(AssessmentArea, AssessmentScore.area_id == AssessmentArea.id)
            .where(AssessmentScore.deleted_at.is_(None), AssessmentArea.deleted_at.is_(None))
        )
        return {(name, year): (state, value) for name, year, state, value in rows}


def empty_cell(qtbot, view, row: int, column: int) -> None:
    """Open a cell, erase what it holds and leave it with Enter."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(view.currentIndex())
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)


def shown(tab, row: int, year: int) -> str:
    column = tab.model.grid.years.index(year) + 1
    return tab.model.index(row, column).data(Qt.ItemDataRole.DisplayRole)


def test_scores_typed_blank_and_not_applicable_are_three_things(qtbot, store, open_annex):
    municipality_and_plan(store)
    annex = open_annex(store)
    tab = annex.tab("assessmentTab")
    view, model = tab.view, tab.model
    assert model.grid.years == [2026, 2027, 2028, 2029, 2030]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "2026"
    assert model.index(0, 0).data() == "Añadir un área…"
    type_into_cell(qtbot, view, 0, 0, "Gestión financiera")
    type_into_cell(qtbot, view, 1, 0, "Planificación")
    annex.saved(qtbot)
    assert [name for _id, name in model.grid.areas] == ["Gestión financiera", "Planificación"]

    type_into_cell(qtbot, view, 0, 1, "86,50")  # 2026
    type_into_cell(qtbot, view, 0, 3, "-")  # 2028; 2027 left blank
    type_into_cell(qtbot, view, 1, 2, "70.5 %")  # 2027
    annex.saved(qtbot)
    assert stored(store) == {
        ("Gestión financiera", 2026): (ScoreState.scored, Decimal("86.50")),
        ("Gestión financiera", 2028): (ScoreState.not_applicable, None),
        ("Planificación", 2027): (ScoreState.scored, Decimal("70.50")),
    }
    assert [shown(tab, 0, year) for year in (2026, 2027, 2028)] == ["86,50", "", "no aplica"]
    assert shown(tab, 1, 2027) == "70,50"
    column_2027 = model.grid.years.index(2027) + 1
    assert model.index(0, column_2027).data(Qt.ItemDataRole.ToolTipRole) == "No evaluado"

    type_into_cell(qtbot, view, 0, 4, "abc")  # 2029
    assert tab.refusal.text() == (
        'Gestión financiera, 2029: "abc" no es un porcentaje: escriba un número de 0 a 100, '
        '"-" cuando no aplica, o nada cuando no fue evaluado'
    )
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) == tab.refusal.text()
    type_into_cell(qtbot, view, 1, 1, "100,5")
    assert tab.refusal.text() == 'Planificación, 2026: "100,5": un porcentaje va de 0 a 100'
    type_into_cell(qtbot, view, 0, 1, "86,505")
    assert tab.refusal.text() == 'Gestión financiera, 2026: "86,505": como máximo dos decimales'
    annex.saved(qtbot)
    assert shown(tab, 0, 2026) == "86,50" and shown(tab, 1, 2026) == ""
    assert len(stored(store)) == 3

    empty_cell(qtbot, view, 0, 3)  # not applicable → not evaluated again
    annex.saved(qtbot)
    assert tab.refusal.text() == ""
    with store.session() as s:
        area = model.grid.areas[0][0]
        assert assessment.stored_score(s, area, 2028) == (ScoreState.not_evaluated, None)
    annex.undo_stack.undo()
    annex.saved(qtbot)
    assert stored(store)[("Gestión financiera", 2028)] == (ScoreState.not_applicable, None)
    assert shown(tab, 0, 2028) == "no aplica"


def test_a_year_column_is_added_and_areas_are_renamed_moved_and_deleted(
    qtbot, store, open_annex, message_boxes
):
    municipality_only(store)  # no plan yet: the last five years
    annex = open_annex(store)
    tab = annex.tab("assessmentTab")
    view, model = tab.view, tab.model
    assert len(model.grid.years) == 5
    for row, name in enumerate(("Finanzas", "Planificación", "Talento humano")):
        type_into_cell(qtbot, view, row, 0, name)
    annex.saved(qtbot)

    qtbot.keyClicks(tab.year, "20x1")
    qtbot.mouseClick(
        tab.findChild(type(tab.buttons["up"]), "assessment_add_year"), Qt.MouseButton.LeftButton
    )
    assert tab.refusal.text() == "Año: escriba un año de cuatro cifras de 1990 a 2100."
    tab.year.clear()
    qtbot.keyClicks(tab.year, "2012")
    qtbot.keyClick(tab.year, Qt.Key.Key_Return)
    assert tab.refusal.text() == "" and model.grid.years[0] == 2012
    type_into_cell(qtbot, view, 2, 1, "55")
    annex.saved(qtbot)
    assert stored(store) == {("Talento humano", 2012): (ScoreState.scored, Decimal("55.00"))}

    type_into_cell(qtbot, view, 0, 0, "  ")
    assert tab.refusal.text() == "Área de la autoevaluación: escriba un nombre."
    type_into_cell(qtbot, view, 0, 0, "Gestión financiera")
    view.setCurrentIndex(model.index(2, 0))
    qtbot.mouseClick(tab.buttons["up"], Qt.MouseButton.LeftButton)
    annex.saved(qtbot)
    names = ["Gestión financiera", "Talento humano", "Planificación"]
    assert [name for _id, name in model.grid.areas] == names
    with store.session() as s:
        ordered = s.scalars(select(AssessmentArea.name).order_by(AssessmentArea.position))
        assert list(ordered) == names

    view.setCurrentIndex(model.index(1, 0))
    qtbot.mouseClick(tab.buttons["delete"], Qt.MouseButton.LeftButton)  # asked: it has a score
    (question,) = message_boxes.texts("question")
    assert "Talento humano" in question
    annex.saved(qtbot)
    assert [name for _id, name in model.grid.areas] == ["Gestión financiera", "Planificación"]
    assert stored(store) == {}
    annex.undo_stack.undo()
    annex.saved(qtbot)
    assert [name for _id, name in model.grid.areas] == names
    assert stored(store) == {("Talento humano", 2012): (ScoreState.scored, Decimal("55.00"))}
