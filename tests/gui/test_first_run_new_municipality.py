"""Issue 12, point 1: a new municipality from nothing, through the first-run wizard.

From an empty data folder, as a person does it: type the name, choose the country
template, create it, then add districts and communities with their population (a row
whose totals by sex and by age group differ is refused in place), or import them from
the communities spreadsheet written by the blank-template button.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWizard
from sqlalchemy import select

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import CommunityKind
from planner_desktop.domain.templates import COLOMBIA
from planner_desktop.domain.territory import Community, Dimension, District, Municipality
from planner_desktop.settings import Settings
from planner_desktop.ui.first_run import FirstRunWizard
from planner_desktop.ui.language import apply_language
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.printing.spreadsheet_dialog import SpreadsheetDialog
from tests.gui.test_first_run import press, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def wizard_window(qtbot, tmp_path):
    return open_wizard(qtbot, tmp_path)


def open_wizard(qtbot, tmp_path, language: str = "en"):
    """The window (in English) on an empty database, with the first-run wizard open."""
    apply_language(language)
    window = MainWindow(Settings(tmp_path / "config" / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(tmp_path / "empty.sqlite")
    wizard = window.findChild(FirstRunWizard)
    assert wizard is not None and wizard.isVisible()
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.new
    return window, wizard


def create(qtbot, wizard, name: str) -> None:
    page = wizard.new
    page.name.setFocus()
    type_text(qtbot, page.name, name)
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.territory, timeout=10000)


def type_community(qtbot, form, name: str, counts: dict[str, int]) -> None:
    form.name.setFocus()
    type_text(qtbot, form.name, name)
    for field, value in counts.items():
        qtbot.keyClicks(form.counts[field], str(value))


def add(qtbot, page, by_enter: bool = False) -> None:
    before = page.list.total
    if by_enter:  # Enter adds the community; it does not finish the wizard
        qtbot.keyClick(page.form.counts["families"], Qt.Key.Key_Return)
    else:
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.list.total == before + 1, timeout=10000)


PAMPA = {
    "population_women": 61,
    "population_men": 59,
    "population_children": 40,
    "population_youth": 30,
    "population_adults": 38,
    "population_elders": 12,
    "families": 30,
}


def test_a_colombian_municipality_with_a_district_and_two_communities(
    qtbot, wizard_window, message_boxes
):
    window, wizard = wizard_window
    page = wizard.new
    assert (page.template.currentText(), page.currency.text()) == ("Bolivia", "BOB")
    page.template.setFocus()
    qtbot.keyClicks(page.template, "Colombia")
    assert page.template.currentText() == "Colombia"
    assert (page.country.text(), page.currency.text()) == ("Colombia", "COP")
    page.districts.setFocus()
    type_text(qtbot, page.districts, "Comuna 1 – Centro")
    create(qtbot, wizard, "Jardín")
    territory = wizard.territory
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible() or not (
        wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    ), "the municipality is created: no going back to create it twice"

    form = territory.form
    assert [form.kind.itemText(i) for i in range(form.kind.count())] == [
        name for _kind, name in COLOMBIA.community_levels
    ]
    assert form.district.currentText() == "Comuna 1 – Centro"
    type_community(qtbot, form, "Vereda La Linda", PAMPA)
    assert form.totals.text() == "Total by sex: 120 · by age group: 120"
    add(qtbot, territory, by_enter=True)
    assert wizard.isVisible()
    assert form.name.text() == "" and form.name.hasFocus(), "ready for the next one"

    # Another district, typed on this page, then a community in it whose totals differ.
    territory.district_name.setFocus()
    type_text(qtbot, territory.district_name, "Corregimiento San Pablo")
    qtbot.keyClick(territory.district_name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.district.count() == 2, timeout=10000)
    assert form.district.currentText() == "Corregimiento San Pablo"
    form.kind.setCurrentIndex(form.kind.findData(CommunityKind.neighbourhood))
    type_community(qtbot, form, "Barrio Obrero", {**PAMPA, "population_elders": 11})
    qtbot.mouseClick(territory.add_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == (
        "Population by age group: adds up to 119, but women and men add up to 120."
    )
    assert form.counts["population_elders"].hasFocus()
    assert territory.list.total == 1, "nothing was saved"
    form.counts["population_elders"].selectAll()
    qtbot.keyClicks(form.counts["population_elders"], "12")
    assert form.error.text() == "", "typing clears the refusal"
    add(qtbot, territory)
    assert territory.count.text() == "2 communities saved."

    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: "Jardín" in window.municipality_label.text(), timeout=10000)
    assert message_boxes.shown == []
    with window.store.session() as session:
        municipality = summaries.current_municipality(session)
        assert (municipality.country, municipality.currency) == ("Colombia", "COP")
        assert list(session.scalars(select(Dimension.code).order_by(Dimension.position))) == [
            code for code, _name in COLOMBIA.dimensions
        ]
        rows = session.execute(
            select(District.name, Community.code, Community.name, Community.kind,
                   Community.population_women, Community.population_elders)
            .join(District).order_by(Community.code)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("Comuna 1 – Centro", "D1-01", "Vereda La Linda", CommunityKind.community, 61, 12),
        ("Corregimiento San Pablo", "D2-01", "Barrio Obrero", CommunityKind.neighbourhood,
         61, 12),
    ]
    assert window.current_page().communities.total == 2


def test_communities_imported_from_the_spreadsheet(qtbot, wizard_window, tmp_path, monkeypatch):
    window, wizard = wizard_window
    wizard.new.districts.setFocus()
    type_text(qtbot, wizard.new.districts, "Distrito 1")
    create(qtbot, wizard, "Tiraque")
    territory = wizard.territory

    blank = tmp_path / "plantilla.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blank), ""))
    qtbot.mouseClick(territory.template_button, Qt.MouseButton.LeftButton)
    dialog = territory.findChild(SpreadsheetDialog)
    assert dialog.kind.currentData() == "template"
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.property("state") == "ok", timeout=20000)
    dialog.reject()

    book = load_workbook(blank)  # what a person types in Excel or LibreOffice
    sheet = book["Communities"]
    sheet.append(["D1", "T-01", "Chacapampa", "Community", "Rural", 50, 50, 30, 30, 30, 10, 20])
    sheet.append(["D1", "T-02", "Villa Urkupiña", "OTB", "Urban", 80, 70, 50, 40, 40, 20, 35])
    filled = tmp_path / "comunidades.xlsx"
    book.save(filled)

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(filled), ""))
    qtbot.mouseClick(territory.import_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in territory.findChildren(SpreadsheetDialog) if d.importing)
    assert dialog.kind.currentData() == "communities"
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.property("state") == "ok", timeout=20000)
    dialog.reject()
    qtbot.waitUntil(lambda: territory.list.total == 2, timeout=5000)
    assert territory.count.text() == "2 communities saved."

    wizard.reject()  # closing now keeps what was created
    qtbot.waitUntil(lambda: "Tiraque" in window.municipality_label.text(), timeout=10000)
    with window.store.session() as session:
        names = set(session.scalars(select(Community.name)))
        assert names == {"Chacapampa", "Villa Urkupiña"}
        assert session.scalar(select(Municipality.currency)) == "BOB"
