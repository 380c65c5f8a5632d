"""Starting a self-diagnosis at the current event (issue 12, point 3), from an empty
database: one per community and event, findings of each kind with cause, effect, raising
group and rank, typed in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import FindingKind, Group, Phase
from planner_desktop.domain.events import Event
from planner_desktop.domain.territory import Community
from planner_desktop.ui.main_window import MainWindow
from planner_desktop.ui.models.findings import CAUSE, EFFECT
from planner_desktop.ui.pages.self_diagnosis import SelfDiagnosisPanel
from tests.gui.event_helpers import (
    click,
    create_event,
    events_panel,
    new_territory,
    open_window,
    saved,
    type_text,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, settings, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, settings, new_territory(tmp_path / "new.sqlite"))


def self_diagnosis_panel(window: MainWindow) -> SelfDiagnosisPanel:
    window.show_phase(Phase.diagnosis)
    page = window.pages[Phase.diagnosis]
    page.tabs.setCurrentWidget(page.self_diagnosis)
    return page.self_diagnosis


def add_finding(
    qtbot: QtBot, panel: SelfDiagnosisPanel, dimension: str, kind: FindingKind, group: Group,
    text: str,
) -> None:
    panel.dimension.setCurrentIndex(panel.dimension.findText(dimension))
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    panel.group.setCurrentIndex(panel.group.findData(group))
    panel.description.setFocus()
    type_text(qtbot, panel.description, text)
    qtbot.keyClick(panel.description, Qt.Key.Key_Return)
    saved(qtbot)


def type_in_cell(qtbot: QtBot, panel: SelfDiagnosisPanel, row: int, column: int, text: str):
    index = panel.model.index(row, column)
    panel.view.setFocus()
    panel.view.setCurrentIndex(index)
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not panel.view
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    saved(qtbot)


def test_a_self_diagnosis_started_at_the_current_event_with_findings_of_each_kind(
    qtbot: QtBot, window: MainWindow, message_boxes
) -> None:
    create_event(qtbot, events_panel(qtbot, window), "Taller comunal", "Chaupi Loma")
    panel = self_diagnosis_panel(window)
    starter = panel.starter
    assert [starter.community.itemText(i) for i in range(starter.community.count())] == [
        "Chaupi Loma"
    ]
    assert panel.diagnosis.count() == 0

    click(qtbot, starter.start_button)
    saved(qtbot)
    with window.store.session() as session:
        diagnosis = session.scalars(select(SelfDiagnosis)).one()
        event = session.scalars(select(Event)).one()
        community = session.scalar(select(Community.id).where(Community.name == "Chaupi Loma"))
    assert (diagnosis.event_id, diagnosis.community_id, diagnosis.date) == (
        event.id, community, event.date
    )
    assert panel.diagnosis_id() == diagnosis.id
    assert panel.diagnosis.currentText().startswith("Chaupi Loma")

    click(qtbot, starter.start_button)  # again: the same one opens, no second one
    saved(qtbot)
    with window.store.session() as session:
        assert len(session.scalars(select(SelfDiagnosis)).all()) == 1
    assert panel.diagnosis_id() == diagnosis.id

    dimensions = [panel.dimension.itemText(i) for i in range(panel.dimension.count())]
    first, second = dimensions[0], dimensions[1]
    add_finding(qtbot, panel, first, FindingKind.problem, Group.women, "Falta agua potable")
    add_finding(qtbot, panel, first, FindingKind.problem, Group.men, "Camino cortado en lluvias")
    add_finding(qtbot, panel, first, FindingKind.potentiality, Group.youth, "Vertiente cercana")
    add_finding(qtbot, panel, second, FindingKind.limitation, Group.elders, "Poca organización")
    add_finding(qtbot, panel, second, FindingKind.aspiration, Group.mixed, "Una escuela técnica")
    assert panel.model.rowCount() == 5
    assert panel.refusal.text() == ""

    type_in_cell(qtbot, panel, 0, CAUSE, "Vertiente lejana")
    type_in_cell(qtbot, panel, 0, EFFECT, "Enfermedades en niños")

    with window.store.session() as session:
        found = session.execute(
            select(Finding.description, Finding.kind, Finding.raising_group, Finding.rank,
                   Finding.cause, Finding.effect)
            .where(Finding.self_diagnosis_id == diagnosis.id)
            .order_by(Finding.kind, Finding.rank)
        ).all()
    assert sorted(found) == sorted([
        ("Falta agua potable", FindingKind.problem, Group.women, 1,
         "Vertiente lejana", "Enfermedades en niños"),
        ("Camino cortado en lluvias", FindingKind.problem, Group.men, 2, "", ""),
        ("Vertiente cercana", FindingKind.potentiality, Group.youth, 1, "", ""),
        ("Poca organización", FindingKind.limitation, Group.elders, 1, "", ""),
        ("Una escuela técnica", FindingKind.aspiration, Group.mixed, 1, "", ""),
    ])
    assert message_boxes.shown == []


def test_starting_needs_a_current_event_and_a_second_event_gets_its_own(
    qtbot: QtBot, window: MainWindow
) -> None:
    panel = self_diagnosis_panel(window)
    click(qtbot, panel.starter.start_button)
    assert panel.refusal.text() != ""
    with window.store.session() as session:
        assert session.scalars(select(SelfDiagnosis)).all() == []

    create_event(qtbot, events_panel(qtbot, window), "Taller uno", "Chaupi Loma")
    panel = self_diagnosis_panel(window)
    click(qtbot, panel.starter.start_button)
    saved(qtbot)
    assert panel.refusal.text() == ""
    create_event(qtbot, events_panel(qtbot, window), "Taller dos", "Chaupi Loma")
    panel = self_diagnosis_panel(window)
    click(qtbot, panel.starter.start_button)
    saved(qtbot)
    with window.store.session() as session:
        rows = session.execute(
            select(Event.title).join(SelfDiagnosis, SelfDiagnosis.event_id == Event.id)
        ).scalars().all()
    assert sorted(rows) == ["Taller dos", "Taller uno"]
    with window.store.session() as session:
        shown_id = session.scalar(
            select(SelfDiagnosis.id)
            .join(Event, SelfDiagnosis.event_id == Event.id)
            .where(Event.title == "Taller dos")
        )
    assert panel.diagnosis_id() == shown_id
