"""Persons and organizations edited in place (issue 3): search as you type, refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from planner_desktop.capture import actor_roles, records
from planner_desktop.domain.actors import Organization, Person
from planner_desktop.domain.enums import ActorPhase, OrganizationKind, Sex
from planner_desktop.ui.models import actors
from tests.gui.test_capture_window import saved, type_into_cell
from tests.gui.test_window import open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, settings, demo_copy):
    window = open_window(qtbot, settings, demo_copy)
    return window, window.current_page()


def test_persons_found_as_you_type_and_bad_birth_year_refused(qtbot, page):
    window, page = page
    panel = page.persons
    page.tabs.setCurrentWidget(panel)
    everyone = panel.model.total
    last_name = panel.model.index(0, actors.LAST).data()
    qtbot.keyClicks(panel.search, last_name.split()[0].lower())
    qtbot.waitUntil(lambda: panel.model.total < everyone, timeout=2000)
    assert all(
        last_name.split()[0].lower()
        in (
            panel.model.index(r, actors.FIRST).data()
            + " "
            + panel.model.index(r, actors.LAST).data()
        ).lower()
        for r in range(panel.model.rowCount())
    )
    key = panel.model.key(0)
    before = records.read(window.store, Person, key, ["birth_year", "first_names"])
    type_into_cell(qtbot, panel.view, 0, actors.BIRTH_YEAR, "2999")
    this_year = __import__("datetime").date.today().year
    assert panel.refusal.text() == f"Debe ser un año de 1900 a {this_year}"
    type_into_cell(qtbot, panel.view, 0, actors.FIRST, "  ")
    assert panel.refusal.text() == "Este campo no puede quedar vacío"
    saved(qtbot, window)
    assert records.read(window.store, Person, key, ["birth_year", "first_names"]) == before
    type_into_cell(qtbot, panel.view, 0, actors.BIRTH_YEAR, "1984")
    assert panel.model.setData(panel.model.index(0, actors.SEX), Sex.female)
    saved(qtbot, window)
    values = records.read(window.store, Person, key, ["birth_year", "sex"])
    assert values == {"birth_year": 1984, "sex": Sex.female}
    window.undo_stack.undo()
    window.undo_stack.undo()
    saved(qtbot, window)
    assert records.read(window.store, Person, key, ["birth_year"]) == {
        "birth_year": before["birth_year"]
    }


def test_organization_type_and_role_edited_in_place(qtbot, page):
    window, page = page
    page.tabs.setCurrentIndex(1)
    model, view = page.organizations, page.organizations_view
    key = model.key(0)
    type_into_cell(qtbot, view, 0, 0, "  ")
    assert page.organization_refusal.text() == "Este campo no puede quedar vacío"
    assert model.setData(model.index(0, 1), OrganizationKind.ngo)
    role = model.index(0, 3)
    view.setCurrentIndex(role)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(role)
    editor.selectAll()
    editor.insert("Control\tsocial")  # pasted
    saved(qtbot, window)  # the new type (which sorts the list) is saved meanwhile
    assert view.indexWidget(role) is editor and editor.text() == "Control\tsocial"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState, timeout=2000)
    saved(qtbot, window)
    assert records.read(window.store, Organization, key, ["kind"]) == {"kind": OrganizationKind.ngo}
    with window.store.session() as session:  # the role in planning is an ActorRole
        assert actor_roles.stored_role(session, key, ActorPhase.planning) == "Control social"
    assert model.index(model.row_of(key), 3).data(Qt.ItemDataRole.DisplayRole) == "Control social"
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert actor_roles.stored_role(session, key, ActorPhase.planning) != "Control social"
    assert model.index(model.row_of(key), 3).data(Qt.ItemDataRole.DisplayRole) != "Control social"


def test_district_renamed_in_place_shows_in_its_communities(qtbot, page):
    window, page = page
    view, model = page.districts_view, page.districts
    type_into_cell(qtbot, view, 0, 1, "  ")
    assert page.community_refusal.text() == "Este campo no puede quedar vacío"
    type_into_cell(qtbot, view, 0, 1, "Distrito Norte")
    saved(qtbot, window)
    assert model.index(0, 1).data() == "Distrito Norte"
    assert page.communities.index(0, 0).data() == "Distrito Norte"
    window.undo_stack.undo()
    saved(qtbot, window)
    assert page.communities.index(0, 0).data() != "Distrito Norte"
