"""Issue 12, point 1: districts, communities and the municipality edited in the window.

From an empty data folder: the municipality is made in the first-run wizard, then on the
Preparación page a person adds a district and communities, renames one, changes its
population (refused while the totals by sex and by age differ), deletes a community and
a district with its communities (named before, tombstones after), and undoes each step.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from planner_desktop.domain.territory import Community, District, Municipality
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for
from tests.gui.test_first_run import press, type_text
from tests.gui.test_first_run_new_municipality import PAMPA, create, open_wizard

pytestmark = pytest.mark.gui


def saved(qtbot, window) -> None:
    hub = hub_for(window.undo_stack, window.store)
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: hub.pending == 0, timeout=5000)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def page(qtbot, tmp_path):
    """The Preparación page of a municipality typed in the wizard, with one district."""
    window, wizard = open_wizard(qtbot, tmp_path)
    wizard.new.districts.setFocus()
    type_text(qtbot, wizard.new.districts, "Distrito 1 – Centro")
    create(qtbot, wizard, "Villa Ñuflo")
    with qtbot.waitSignal(window.sig_store_changed, timeout=10000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    window.activateWindow()  # the wizard, a window of its own, is gone
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    page = window.current_page()
    assert page.communities.total == 0 and page.districts.total == 1
    return window, page


def new_community(qtbot, window, page, name: str, counts: dict[str, int]) -> None:
    editing = page.territory_editing
    click(qtbot, editing.add_community_button)
    form = editing.community_form
    assert form.name.hasFocus()
    type_text(qtbot, form.name, name)
    for field, value in counts.items():
        qtbot.keyClicks(form.counts[field], str(value))
    before = page.communities.total
    click(qtbot, editing.save_community)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: page.communities.total == before + 1, timeout=5000)


def names(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def choose_row(view, model, column: int, text: str) -> None:
    view.setFocus()
    view.setCurrentIndex(model.index(names(model, column).index(text), column))


def test_add_rename_change_population_delete_and_undo(qtbot, page, message_boxes):
    window, page = page
    editing = page.territory_editing

    # A second district, by its button and form.
    click(qtbot, editing.add_district_button)
    assert [editing.district_kind.itemText(i) for i in range(2)] == ["Distrito", "Cantón"]
    type_text(qtbot, editing.district_name, "Distrito 2 – Norte")
    qtbot.keyClick(editing.district_name, Qt.Key.Key_Return)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: page.districts.total == 2, timeout=5000)
    assert names(page.districts, 0) == ["D1", "D2"]
    assert not editing.district_form.isVisible()

    # Two communities in the second district (chosen in the districts list first).
    choose_row(page.districts_view, page.districts, 1, "Distrito 2 – Norte")
    new_community(qtbot, window, page, "Pampa Grande", PAMPA)
    choose_row(page.districts_view, page.districts, 1, "Distrito 2 – Norte")
    new_community(qtbot, window, page, "Alto Sajama", {})  # empty counts are zero
    assert names(page.communities, 1) == ["D2-02", "D2-01"], "by district, then name"
    assert set(names(page.communities, 0)) == {"Distrito 2 – Norte"}

    # Rename in place, as in a spreadsheet.
    choose_row(page.communities_view, page.communities, 2, "Alto Sajama")
    qtbot.keyClick(page.communities_view, Qt.Key.Key_F2)
    editor = page.communities_view.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Alto Sajama Norte")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: "Alto Sajama Norte" in names(page.communities, 2), timeout=5000)

    # Population changed as a whole: totals that differ are refused, nothing saved.
    choose_row(page.communities_view, page.communities, 2, "Pampa Grande")
    click(qtbot, editing.edit_button)
    form = editing.community_form
    assert form.name.text() == "Pampa Grande" and form.counts["population_women"].text() == "61"
    form.counts["population_women"].selectAll()
    qtbot.keyClicks(form.counts["population_women"], "71")
    click(qtbot, editing.save_community)
    assert form.error.text() == (
        "Population by age group: adds up to 120, but women and men add up to 130."
    )
    assert window.undo_stack.count() == 4, "the refused change was not pushed"
    form.counts["population_youth"].selectAll()
    qtbot.keyClicks(form.counts["population_youth"], "40")
    click(qtbot, editing.save_community)
    saved(qtbot, window)
    with window.store.session() as session:
        pampa = session.scalars(select(Community).where(Community.name == "Pampa Grande")).one()
        assert (pampa.population_women, pampa.population_youth) == (71, 40)
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        pampa = session.scalars(select(Community).where(Community.name == "Pampa Grande")).one()
        assert (pampa.population_women, pampa.population_youth) == (61, 30)
    window.undo_stack.redo()
    saved(qtbot, window)

    # A community with nothing depending on it goes at once, and comes back with Ctrl+Z.
    choose_row(page.communities_view, page.communities, 2, "Alto Sajama Norte")
    qtbot.keyClick(page.communities_view, Qt.Key.Key_Delete)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: page.communities.total == 1, timeout=5000)
    assert message_boxes.shown == []
    with window.store.session() as session:
        gone = session.scalars(select(Community).where(Community.code == "D2-02")).one()
        assert gone.deleted_at is not None, "a tombstone, not a hard delete"
    qtbot.keyClick(page.communities_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: page.communities.total == 2, timeout=5000)

    # A district with communities: the person is told which, then all go; undo brings all.
    choose_row(page.districts_view, page.districts, 1, "Distrito 2 – Norte")
    click(qtbot, editing.delete_button)
    saved(qtbot, window)
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "question" and "Distrito 2 – Norte" in text and ": 2" in text
    qtbot.waitUntil(lambda: page.districts.total == 1 and page.communities.total == 0,
                    timeout=5000)
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: page.districts.total == 2 and page.communities.total == 2,
                    timeout=5000)
    with window.store.session() as session:
        assert session.scalar(select(District.deleted_at).where(District.code == "D2")) is None


def test_the_municipality_is_edited_later(qtbot, page):
    window, page = page
    editing = page.territory_editing
    click(qtbot, editing.municipality_button)
    form = editing.municipality_form
    assert form.name.text() == "Villa Ñuflo" and form.currency.text() == "BOB"
    form.currency.selectAll()
    qtbot.keyClicks(form.currency, "B1")
    click(qtbot, form.save_button)
    assert form.error.text() and "\n" not in form.error.text()
    assert window.undo_stack.count() == 0, "nothing saved"
    form.currency.selectAll()
    qtbot.keyClicks(form.currency, "usd")
    form.name.selectAll()
    type_text(qtbot, form.name, "Villa Ñuflo de Chávez")
    type_text(qtbot, form.province, "Ñuflo de Chávez")
    type_text(qtbot, form.official_name, "x" * 201)
    click(qtbot, form.save_button)
    assert form.error.text().endswith("200 characters."), "the official name, refused"
    assert window.undo_stack.count() == 0, "nothing saved"
    form.official_name.selectAll()
    type_text(qtbot, form.official_name, "Gobierno Autónomo Municipal de Villa Ñuflo")
    click(qtbot, form.save_button)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: "Villa Ñuflo de Chávez" in window.municipality_label.text(),
                    timeout=5000)
    assert not form.isVisible()
    with window.store.session() as session:
        municipality = session.scalars(select(Municipality)).one()
        assert (municipality.currency, municipality.province) == ("USD", "Ñuflo de Chávez")
        assert municipality.official_name == "Gobierno Autónomo Municipal de Villa Ñuflo"
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: "Chávez" not in window.municipality_label.text(), timeout=5000)
