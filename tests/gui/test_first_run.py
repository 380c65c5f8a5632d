"""The first-run wizard, by keyboard: a new municipality, a demo, and mistakes shown in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from planner_desktop.domain import summaries
from planner_desktop.settings import Settings
from planner_desktop.ui.first_run import FirstRunWizard
from planner_desktop.ui.main_window import MainWindow
from tests.gui.capture_helpers import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def empty_window(qtbot, tmp_path):
    """The window on a new, empty database: it offers the first-run wizard."""
    window = MainWindow(Settings(tmp_path / "config" / "settings.json"))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(tmp_path / "new.sqlite")
    wizard = window.findChild(FirstRunWizard)
    assert wizard is not None and wizard.isVisible()
    return window, wizard


def press(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_new_municipality_typed_by_keyboard(qtbot, empty_window, message_boxes):
    window, wizard = empty_window
    assert window.municipality_label.text() == "Aún no hay municipio"
    choice = wizard.currentPage()
    assert choice.new.isChecked()
    qtbot.keyClick(wizard, Qt.Key.Key_Return)
    page = wizard.currentPage()
    assert page is wizard.new

    page.name.setFocus()
    type_text(qtbot, page.name, "Villa Ñuflo de Chávez")
    qtbot.keyClick(page.name, Qt.Key.Key_Tab)
    assert page.template.hasFocus() and page.template.currentText() == "Bolivia"
    qtbot.keyClick(page.template, Qt.Key.Key_Tab)
    assert page.country.hasFocus()
    page.districts.setFocus()
    type_text(qtbot, page.districts, "Distrito 1 – Centro")
    qtbot.keyClick(page.districts, Qt.Key.Key_Return)
    type_text(qtbot, page.districts, "Distrito 2 – Norte")
    page.fiscal_start.setCurrentIndex(0)

    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.territory, timeout=10000)
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: "Villa Ñuflo de Chávez" in window.municipality_label.text())
    assert message_boxes.shown == []
    assert "Villa Ñuflo de Chávez" in window.windowTitle()
    tree = window.territory.model
    municipality = tree.index(0, 0)
    assert municipality.data() == "Villa Ñuflo de Chávez"
    assert [tree.index(r, 0, municipality).data() for r in range(2)] == [
        "Distrito 1 – Centro",
        "Distrito 2 – Norte",
    ]
    with window.store.session() as session:
        assert summaries.territory_summary(session).districts == 2


def test_mistakes_are_shown_beside_the_fields(qtbot, empty_window, message_boxes):
    window, wizard = empty_window
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.new
    page.currency.clear()
    qtbot.keyClicks(page.currency, "B1")
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.isVisible() and wizard.currentPage() is page
    assert page.name_error.isVisible() and page.name_error.text()
    assert page.currency_error.isVisible()
    assert page.name.hasFocus()

    qtbot.keyClicks(page.name, "San Pedro")
    assert not page.name_error.isVisible(), "typing clears the mistake"
    page.currency.clear()
    qtbot.keyClicks(page.currency, "BOB")
    qtbot.keyClicks(page.districts, "Norte")
    qtbot.keyClick(page.districts, Qt.Key.Key_Return)
    qtbot.keyClicks(page.districts, "Norte")
    press(qtbot, wizard, QWizard.WizardButton.CommitButton)
    qtbot.waitUntil(page.error.isVisible, timeout=10000)
    assert "\n" not in page.error.text() and page.error.text()
    assert wizard.isVisible() and message_boxes.shown == []
    with window.store.session() as session:
        assert summaries.current_municipality(session) is None, "nothing was written"


def test_demo_municipality_is_made_in_the_background(qtbot, empty_window):
    window, wizard = empty_window
    qtbot.keyClick(wizard.choice.demo, Qt.Key.Key_Space)
    wizard.choice.demo.setChecked(True)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.demo
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.waitUntil(lambda: wizard.demo.done, timeout=60000)
    assert wizard.demo.bar.value() == 100
    with qtbot.waitSignal(window.sig_store_changed, timeout=10000):
        press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert "Wayra" in window.municipality_label.text()
    assert window.current_page().communities.total > 0


def test_closing_the_wizard_cancels_the_demo(qtbot, empty_window):
    window, wizard = empty_window
    wizard.choice.demo.setChecked(True)
    press(qtbot, wizard, QWizard.WizardButton.NextButton)
    job = wizard.demo.job
    assert job is not None
    wizard.reject()
    qtbot.waitUntil(lambda: not job.running, timeout=60000)
    with window.store.session() as session:
        if job.cancel_requested and job.result is None:
            assert summaries.current_municipality(session) is None
