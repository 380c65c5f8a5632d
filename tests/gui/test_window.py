"""The main window, used like a person would: phases, territory, language, font, geometry."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QApplication, QToolButton
from sqlalchemy import func, select

from planner_desktop.domain import summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.models import Community, Operation, Progress, ProjectProfile
from planner_desktop.settings import Settings
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.models.tree import NODE_ROLE
from planner_desktop.ui.pages import PAGES

pytestmark = pytest.mark.gui


def open_window(qtbot, settings: Settings, db) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.sig_store_changed, timeout=20000):
        window.open_database(db)
    return window


@pytest.fixture
def window(qtbot, settings, demo_db):
    return open_window(qtbot, settings, demo_db)


def click_phase(qtbot, window: MainWindow, phase: Phase) -> None:
    button = window.navigation.widgetForAction(window.navigation.actions_by_phase[phase])
    assert isinstance(button, QToolButton) and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.phase is phase
    assert window.stack.currentWidget() is window.pages[phase]


def model_texts(model, column: int) -> set[str]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return {model.index(row, column).data() for row in range(model.rowCount())}


def test_window_opens_on_the_demo_with_its_municipality(window, demo_store):
    with demo_store.session() as session:
        name = summaries.current_municipality(session).name
        community = session.scalars(select(Community.name).order_by(Community.name)).first()
    assert name in window.municipality_label.text()
    assert name in window.windowTitle()
    assert "demo.sqlite" in window.db_label.text()
    page = window.current_page()
    assert page is not None and page.phase is Phase.preparation
    assert "Preparación" in page.heading.text()
    assert community in model_texts(page.communities, 2)
    assert set(window.pages) == {Phase.preparation}, "only the visible page is built"


def test_each_phase_shows_its_data(qtbot, window, demo_store):
    with demo_store.session() as session:
        findings = summaries.diagnosis_summary(session).findings
        rounds = summaries.prioritization_summary(session).rounds
        profile = session.scalars(select(ProjectProfile.code).order_by(ProjectProfile.code)).first()
        plan = summaries.current_plan(session)
        counts = summaries.level_counts(session, plan.id)
        names = summaries.level_names(session, plan.id)
        operation = session.scalars(select(Operation.code).order_by(Operation.code)).first()
        progress = session.scalar(select(func.count()).select_from(Progress))

    click_phase(qtbot, window, Phase.diagnosis)
    diagnosis = window.pages[Phase.diagnosis]
    matrix = diagnosis.matrix
    assert matrix.value(matrix.rowCount() - 1, matrix.columnCount() - 1) == findings
    assert diagnosis.findings.total == findings

    click_phase(qtbot, window, Phase.prioritization)
    prioritization = window.pages[Phase.prioritization]
    assert prioritization.rounds.total == rounds
    assert prioritization.tabs.tabText(0) == f"Rondas y resultados ({rounds})"
    assert prioritization.results.total > 0, "the first round's agreed order is shown"

    click_phase(qtbot, window, Phase.projects)
    assert profile in model_texts(window.pages[Phase.projects].profiles, 0)

    click_phase(qtbot, window, Phase.pdm)
    summary = window.pages[Phase.pdm].summary.text()
    assert ", ".join(f"{names[depth]}: {n}" for depth, n in counts.items()) in summary
    assert window.pages[Phase.pdm].frame_model.rowCount() == counts[1]
    assert window.pages[Phase.pdm].plan_editor.vision.toPlainText().startswith("Al 2030")

    click_phase(qtbot, window, Phase.poa)
    assert operation in model_texts(window.pages[Phase.poa].operations, 0)

    click_phase(qtbot, window, Phase.follow_up)
    assert window.pages[Phase.follow_up].progress.total == progress

    click_phase(qtbot, window, Phase.preparation)
    assert len(window.pages) == len(PAGES)


def test_keyboard_moves_between_phases(qtbot, window):
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.phase is Phase.pdm
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.phase is Phase.diagnosis


def test_choosing_a_community_narrows_the_diagnosis(qtbot, window):
    click_phase(qtbot, window, Phase.diagnosis)
    page = window.pages[Phase.diagnosis]
    everything = page.findings.total
    tree = window.territory.view
    model = window.territory.model
    district = model.index(0, 0, model.index(0, 0))
    tree.expand(district)
    model.fetchMore(district)
    community = model.index(0, 0, district)
    name = community.data()
    tree.setCurrentIndex(community)
    assert window.scope.level == "community" and window.scope.name == name
    assert 0 < page.findings.total < everything
    assert model_texts(page.findings, 0) == {name}
    assert name in page.findings_title.text()
    click_phase(qtbot, window, Phase.preparation)
    preparation = window.pages[Phase.preparation]
    assert model_texts(preparation.communities, 2) == {name}, "a hidden page reads when shown"
    assert name in preparation.summary.text()
    click_phase(qtbot, window, Phase.diagnosis)

    tree.setCurrentIndex(model.index(0, 0))
    assert window.scope.level == "municipality"
    assert page.findings.total == everything
    assert district.data(NODE_ROLE).kind == "district"


def test_language_switch_changes_visible_text_and_back(qtbot, window):
    def menu_titles() -> list[str]:
        return [action.text() for action in window.menuBar().actions()]

    click_phase(qtbot, window, Phase.pdm)
    assert menu_titles() == ["&Archivo", "&Editar", "&Ver", "&Imprimir", "A&yuda"]
    assert "PDM" in window.current_page().heading.text()
    assert window.current_page().tabs.tabText(0) == "Programación por proyecto"

    window.menus.languages["en"].trigger()
    assert menu_titles() == ["&File", "&Edit", "&View", "&Print", "&Help"]
    assert window.phase is Phase.pdm, "the page shown stays the same"
    assert window.current_page().tabs.tabText(0) == "Programming by project"
    assert window.navigation.actions_by_phase[Phase.preparation].text() == "Preparation"
    assert window.territory.windowTitle() == "Territory"
    assert window.settings.get("language") == "en"

    tree = window.territory.model
    assert tree.headerData(0, Qt.Orientation.Horizontal) == "Territory"
    assert "," in tree.index(0, 1).data(), "numbers follow the language (22,321)"

    window.menus.languages["es"].trigger()
    assert menu_titles() == ["&Archivo", "&Editar", "&Ver", "&Imprimir", "A&yuda"]
    assert tree.headerData(0, Qt.Orientation.Horizontal) == "Territorio"
    assert window.navigation.actions_by_phase[Phase.preparation].text() == "Preparación"
    assert window.territory.windowTitle() == "Territorio"
    assert window.current_page().tabs.tabText(0) == "Programación por proyecto"
    assert window.settings.get("language") == "es"


def test_large_font_for_the_projector(qtbot, window):
    normal = QApplication.font().pointSizeF()
    tree = window.territory.view
    district = window.territory.model.index(0, 0, window.territory.model.index(0, 0))
    tree.setCurrentIndex(district)
    scope = window.scope
    window.menus.large_font.trigger()
    assert window.scope == scope and window.current_page().scope == scope, "scope is kept"
    assert QApplication.font().pointSizeF() == pytest.approx(normal * 1.5)
    assert window.settings.get("large_font") is True
    assert window.current_page() is not None
    window.menus.large_font.trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(normal)


def test_undo_and_redo_work_on_the_window_stack(qtbot, window):
    done = []

    class Note(QUndoCommand):
        def redo(self):
            done.append("redo")

        def undo(self):
            done.append("undo")

    window.undo_stack.push(Note("note"))
    assert window.menus.undo.isEnabled()
    assert window.menus.undo.shortcut().toString() == "Ctrl+Z"
    window.menus.undo.trigger()
    window.menus.redo.trigger()
    assert done == ["redo", "undo", "redo"]
    assert "Ctrl+Y" in [key.toString() for key in window.menus.redo.shortcuts()]


def test_geometry_page_and_dock_are_remembered(qtbot, settings, demo_db):
    first = open_window(qtbot, settings, demo_db)
    first.showNormal()
    # within the offscreen screen (800×600) and tall enough for the POA page with its
    # approval bar (525 px); fitting 1366×768 is checked in test_window_small_items
    first.resize(QSize(760, 560))
    first.show_phase(Phase.poa)
    first.close()
    assert settings.get("window_geometry") and settings.get("window_state")
    reread = Settings.load(settings.path.parent)
    assert reread.get("last_page") == "poa"

    second = open_window(qtbot, reread, demo_db)
    assert second.size() == QSize(760, 560)
    assert second.phase is Phase.poa
    assert second.current_page().phase is Phase.poa


def test_a_file_that_is_not_a_database_is_refused_in_one_line(
    qtbot, settings, tmp_path, message_boxes
):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are not planning data", encoding="utf-8")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.open_database(bad)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10000)
    kind, _title, text = message_boxes.shown[0]
    assert kind == "critical" and "\n" not in text and "notes.sqlite" in text
    assert window.exit_code == 1
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)


def test_run_opens_the_window_and_reports_when_ready(qtbot, demo_db, monkeypatch, capsys):
    from planner_desktop.ui import app

    monkeypatch.setenv(app.ENV_EXIT_AFTER_SHOW, "ready")
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(3))
    guard.start(30000)
    try:
        code = app.run(str(demo_db), "es")
    finally:
        guard.stop()
        QApplication.instance().setStyleSheet("")
    assert code == 0
    assert capsys.readouterr().out.startswith("ready ")


def test_run_refuses_a_bad_database_with_exit_code_1(qtbot, tmp_path, monkeypatch, message_boxes):
    from planner_desktop.ui import app

    monkeypatch.delenv(app.ENV_EXIT_AFTER_SHOW, raising=False)
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(os.urandom(64))
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.exit(3))
    guard.start(30000)
    try:
        code = app.run(str(bad), "es")
    finally:
        guard.stop()
        QApplication.instance().setStyleSheet("")
    assert code == 1
    assert message_boxes.texts("critical") and "broken.sqlite" in message_boxes.texts()[0]
