"""The plan's annexes on the PDM page, typed from an empty database (issue 14): actors by
phase, the work plan (an end before the start refused in place), pacts, the municipal
structure, and what the tabs say when there is no plan yet."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.capture import actor_roles, records
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.enums import ActorPhase, OrganizationKind, UnitKind
from planner_desktop.domain.plan import OrgUnit, Pact, Plan, PlanElement, PlanLevel, WorkActivity
from tests.capture.annex_setup import annex_store, municipality_and_plan, municipality_only
from tests.gui import annex_helpers
from tests.gui.capture_helpers import type_into_cell, type_text

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("with_incoming")]
with_incoming = annex_helpers.with_incoming
open_annex = annex_helpers.open_annex


@pytest.fixture
def store(tmp_path):
    store = annex_store(tmp_path / "annex.sqlite")
    yield store
    store.close()


def cells(model, columns: int) -> list[list[str]]:
    return [
        [model.index(row, column).data() or "" for column in range(columns)]
        for row in range(model.rowCount())
    ]


def test_actors_by_phase_typed_in_a_matrix(qtbot, store, open_annex):
    municipality = municipality_only(store)
    records.create(
        store,
        Organization,
        {
            "municipality_id": municipality,
            "name": "Comité de Vigilancia",
            "kind": OrganizationKind.vigilance_committee,
        },
    )
    annex = open_annex(store)
    tab = annex.tab("actorsTab")
    view, model = tab.view, tab.model
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(4)] == [
        "Organización",
        "Planificación",
        "Ejecución",
        "Seguimiento y evaluación",
    ]
    type_into_cell(qtbot, view, 1, 0, "Fundación Agua Viva")  # the empty row adds one
    annex.saved(qtbot)
    type_into_cell(qtbot, view, 0, 1, "Convoca y valida")
    annex_helpers.paste_into_cell(qtbot, view, 0, 3, "Control\tsocial")
    type_into_cell(qtbot, view, 1, 2, "Cofinancia riego")
    annex.saved(qtbot)
    type_into_cell(qtbot, view, 2, 0, "   ")
    assert tab.refusal.text() == ""  # an empty new row adds nothing
    type_into_cell(qtbot, view, 1, 0, "  ")
    assert tab.refusal.text() == "Organización: escriba un nombre."
    annex.saved(qtbot)
    assert cells(model, 4) == [
        ["Comité de Vigilancia", "Convoca y valida", "", "Control social"],
        ["Fundación Agua Viva", "", "Cofinancia riego", ""],
        ["Añadir una organización…", "", "", ""],
    ]
    with store.session() as s:
        matrix = actor_roles.roles_matrix(s, municipality)
        added = s.scalar(select(Organization).where(Organization.name == "Fundación Agua Viva"))
        assert added.kind is OrganizationKind.other and added.device_id is not None
    assert [(row.name, row.roles) for row in matrix] == [
        (
            "Comité de Vigilancia",
            {ActorPhase.planning: "Convoca y valida", ActorPhase.follow_up: "Control social"},
        ),
        ("Fundación Agua Viva", {ActorPhase.execution: "Cofinancia riego"}),
    ]
    annex.undo_stack.undo()  # the execution role
    annex.saved(qtbot)
    assert model.index(1, 2).data() == ""
    with store.session() as s:
        assert actor_roles.roles_matrix(s, municipality)[1].roles == {ActorPhase.execution: ""}


def test_the_work_plan_refuses_an_end_before_its_start_in_place(qtbot, store, open_annex):
    municipality_and_plan(store)
    annex = open_annex(store)
    tab = annex.tab("preparationTab")
    work = tab.work_plan
    view, model = work.view, work.model
    assert model.index(0, 0).data() == "Añadir una actividad…"
    type_into_cell(qtbot, view, 0, 2, "30/4/2026")
    assert work.refusal.text() == "Actividad: escríbalo primero; después el resto de la fila."
    type_into_cell(qtbot, view, 0, 0, "Talleres comunales")
    type_into_cell(qtbot, view, 0, 1, "2/3/2026")
    type_into_cell(qtbot, view, 0, 2, "30/4/2026")
    type_into_cell(qtbot, view, 0, 3, "Equipo técnico")
    type_into_cell(qtbot, view, 1, 0, "Cumbre municipal")
    annex.saved(qtbot)
    assert cells(model, 4)[:2] == [
        ["Talleres comunales", "2/3/2026", "30/4/2026", "Equipo técnico"],
        ["Cumbre municipal", "", "", ""],
    ]
    type_into_cell(qtbot, view, 0, 2, "1/3/2026")
    assert work.refusal.text() == "Fin: 1/3/2026 es anterior al inicio (2/3/2026)."
    type_into_cell(qtbot, view, 1, 1, "31/2/2026")
    assert work.refusal.text() == 'Inicio: "31/2/2026" no es una fecha; escríbala como 31/3/2026.'
    annex.saved(qtbot)
    with store.session() as s:
        rows = s.execute(
            select(WorkActivity.activity, WorkActivity.start_date, WorkActivity.end_date)
            .where(WorkActivity.deleted_at.is_(None))
            .order_by(WorkActivity.position)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("Talleres comunales", date(2026, 3, 2), date(2026, 4, 30)),
        ("Cumbre municipal", None, None),
    ]
    assert model.index(0, 2).data() == "30/4/2026"

    view.setCurrentIndex(model.index(1, 0))
    qtbot.mouseClick(work.buttons["up"], Qt.MouseButton.LeftButton)
    annex.saved(qtbot)
    assert [model.index(n, 0).data() for n in range(2)] == [
        "Cumbre municipal",
        "Talleres comunales",
    ]
    view.setCurrentIndex(model.index(0, 0))
    qtbot.mouseClick(work.buttons["delete"], Qt.MouseButton.LeftButton)
    annex.saved(qtbot)
    assert [model.index(n, 0).data() for n in range(2)] == [
        "Talleres comunales",
        "Añadir una actividad…",
    ]
    annex.undo_stack.undo()
    annex.undo_stack.undo()
    annex.saved(qtbot)
    assert [model.index(n, 0).data() for n in range(2)] == [
        "Talleres comunales",
        "Cumbre municipal",
    ]


def test_team_and_agreement_lists(qtbot, store, open_annex):
    _municipality, _plan = municipality_and_plan(store)
    annex = open_annex(store)
    tab = annex.tab("preparationTab")
    type_into_cell(qtbot, tab.team.view, 0, 0, "Ana Quispe")
    type_into_cell(qtbot, tab.team.view, 0, 1, "Coordinadora")
    type_into_cell(qtbot, tab.agreements.view, 0, 0, "Convenio GAM – Fundación")
    type_into_cell(qtbot, tab.agreements.view, 0, 2, "15/1/2026")
    annex.saved(qtbot)
    type_into_cell(qtbot, tab.team.view, 0, 0, " ")
    assert tab.team.refusal.text() == "Nombre: escríbalo."
    annex.saved(qtbot)
    assert cells(tab.team.model, 3)[0] == ["Ana Quispe", "Coordinadora", ""]
    assert cells(tab.agreements.model, 4)[0] == ["Convenio GAM – Fundación", "", "15/1/2026", ""]


def test_a_pact_names_its_organisation_and_an_element_with_its_level(qtbot, store, open_annex):
    municipality, plan = municipality_and_plan(store)
    organization = records.create(
        store,
        Organization,
        {"municipality_id": municipality, "name": "Fundación Agua", "kind": OrganizationKind.ngo},
    )
    records.create(store, PlanLevel, {"plan_id": plan, "depth": 1, "name": "Eje"})
    axis = records.create(
        store, PlanElement, {"plan_id": plan, "depth": 1, "code": "1", "name": "Agua para todos"}
    )
    annex = open_annex(store)
    tab = annex.tab("pactsTab")
    model = tab.pacts.model
    assert model.setData(model.index(0, 0), organization)  # chosen from the drop-down
    annex.saved(qtbot)
    assert model.index(0, 1).data(annex_helpers.CHOICES_ROLE) == [
        (None, ""),
        (axis, "Eje 1 Agua para todos"),
    ]
    assert model.setData(model.index(0, 1), "Eje 1 Agua para todos")  # typed
    type_into_cell(qtbot, tab.pacts.view, 0, 2, "Perforar dos pozos")
    type_into_cell(qtbot, tab.pacts.view, 0, 4, "1/6/2027")
    type_into_cell(qtbot, tab.pacts.view, 0, 5, "1/1/2027")
    assert tab.pacts.refusal.text() == "Fin: 1/1/2027 es anterior al inicio (1/6/2027)."
    annex.saved(qtbot)
    assert cells(model, 6)[0] == [
        "Fundación Agua",
        "Eje 1 Agua para todos",
        "Perforar dos pozos",
        "",
        "1/6/2027",
        "",
    ]
    with store.session() as s:
        pact = s.scalar(select(Pact))
        assert (pact.organization_id, pact.element_id) == (organization, axis)
        assert pact.end_date is None


def test_the_municipal_structure_as_a_tree(qtbot, store, open_annex):
    _municipality, plan = municipality_and_plan(store)
    annex = open_annex(store)
    tab = annex.tab("unitsTab")
    type_text(qtbot, tab.name, "Secretaría de Planificación")
    qtbot.keyClick(tab.name, Qt.Key.Key_Return)
    annex.saved(qtbot)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0))
    type_text(qtbot, tab.name, "Dirección de Obras")
    qtbot.mouseClick(tab.buttons["add_under"], Qt.MouseButton.LeftButton)
    type_text(qtbot, tab.name, "Unidad de Riego")
    qtbot.mouseClick(tab.buttons["add_top"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.buttons["add_top"], Qt.MouseButton.LeftButton)
    assert tab.refusal.text() == "Nombre de la unidad: escriba un nombre."
    annex.saved(qtbot)
    top = tab.tree.topLevelItem(0)
    assert [tab.tree.topLevelItem(n).text(0) for n in range(2)] == [
        "Secretaría de Planificación",
        "Unidad de Riego",
    ]
    assert (top.child(0).text(0), top.child(0).text(1)) == ("Dirección de Obras", "Dirección")

    tab.tree.setCurrentItem(tab.tree.topLevelItem(1))
    qtbot.mouseClick(tab.buttons["indent"], Qt.MouseButton.LeftButton)  # under the secretaría
    annex.saved(qtbot)
    top = tab.tree.topLevelItem(0)
    assert tab.tree.topLevelItemCount() == 1
    assert [top.child(n).text(0) for n in range(2)] == ["Dirección de Obras", "Unidad de Riego"]
    tab.tree.setCurrentItem(top.child(1))
    qtbot.mouseClick(tab.buttons["up"], Qt.MouseButton.LeftButton)
    annex.saved(qtbot)
    top = tab.tree.topLevelItem(0)
    assert [top.child(n).text(0) for n in range(2)] == ["Unidad de Riego", "Dirección de Obras"]
    assert tab.tree.currentItem().text(0) == "Unidad de Riego"
    annex.undo_stack.undo()
    annex.saved(qtbot)
    top = tab.tree.topLevelItem(0)
    assert [top.child(n).text(0) for n in range(2)] == ["Dirección de Obras", "Unidad de Riego"]
    riego = top.child(1)
    tab.tree.setCurrentItem(riego)
    tab.kind.setCurrentIndex(tab.kind.findData(UnitKind.unit))
    tab.kind.activated.emit(tab.kind.currentIndex())
    annex.saved(qtbot)
    with store.session() as s:
        unit = s.scalar(select(OrgUnit).where(OrgUnit.name == "Unidad de Riego"))
        assert unit.kind is UnitKind.unit and unit.parent_id is not None
    records.create(
        store,
        PlanElement,
        {"plan_id": plan, "depth": 1, "code": "1", "name": "Agua", "unit_id": unit.id},
    )
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(1))
    qtbot.mouseClick(tab.buttons["delete"], Qt.MouseButton.LeftButton)
    assert tab.refusal.text().startswith("Unidad de Riego no se puede eliminar mientras se usa: ")
    annex.saved(qtbot)
    with store.session() as s:
        assert s.get(OrgUnit, unit.id).deleted_at is None
    tab.tree.setCurrentItem(tab.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(tab.buttons["delete"], Qt.MouseButton.LeftButton)
    annex.saved(qtbot)
    assert [tab.tree.topLevelItem(0).child(n).text(0) for n in range(1)] == ["Unidad de Riego"]
    annex.undo_stack.undo()
    annex.saved(qtbot)
    assert tab.tree.topLevelItem(0).childCount() == 2


def test_without_a_plan_the_plan_tabs_say_so_and_follow_its_creation(qtbot, store, open_annex):
    municipality = municipality_only(store)
    annex = open_annex(store)
    tab = annex.tab("preparationTab")
    assert tab.currentWidget() is tab.missing
    assert tab.missing.text().startswith("Todavía no hay un plan.")
    assert annex.tab("actorsTab").currentWidget() is not annex.tab("actorsTab").missing
    annex.tab("preparationTab")
    from planner_desktop.ui.commands import CreateRecord

    annex.undo_stack.push(
        CreateRecord(
            annex.hub,
            "plan",
            Plan,
            {"municipality_id": municipality, "start_year": 2026, "end_year": 2030},
        )
    )
    annex.saved(qtbot)
    assert tab.currentWidget() is tab.content
    assert tab.work_plan.model.rowCount() == 1


def test_the_annex_tabs_are_on_the_pdm_page_of_the_window(qtbot, settings, tmp_path):
    from planner_desktop.domain.enums import Phase
    from tests.gui.test_window import click_phase, open_window

    path = tmp_path / "window.sqlite"
    store = annex_store(path)
    municipality_and_plan(store)
    store.close()
    window = open_window(qtbot, settings, path)
    click_phase(qtbot, window, Phase.pdm)
    tabs = window.current_page().tabs
    titles = [tabs.tabText(n) for n in range(tabs.count())]
    for title in (
        "Autoevaluación institucional",
        "Actores por fase",
        "Pactos y alianzas",
        "Estructura municipal",
    ):
        assert title in titles
    tabs.setCurrentIndex(titles.index("Autoevaluación institucional"))
    grid = tabs.currentWidget()
    assert grid.model.grid.years == [2026, 2027, 2028, 2029, 2030]
    type_into_cell(qtbot, grid.view, 0, 0, "Gestión financiera")
    type_into_cell(qtbot, grid.view, 0, 1, "86,50")
    type_into_cell(qtbot, grid.view, 0, 3, "-")
    annex_helpers.window_saved(qtbot, window)
    assert [grid.model.index(0, n).data() for n in range(4)] == [
        "Gestión financiera",
        "86,50",
        "",
        "no aplica",
    ]
    window.undo_stack.undo()
    annex_helpers.window_saved(qtbot, window)
    assert grid.model.index(0, 3).data() == ""
