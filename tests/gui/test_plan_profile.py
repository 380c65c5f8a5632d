"""Project profiles in the window (issue 6): a profile made from a priority demand and
filled in passes the checks; findings jump to their record; refusals; undo."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from planner_desktop.domain import rules
from planner_desktop.domain.enums import Phase, PriorityClass
from planner_desktop.domain.projects import (
    Component,
    Indicator,
    IndicatorTarget,
    ProfileDemand,
    ProjectProfile,
)
from planner_desktop.i18n import _
from planner_desktop.plan.findings import Severity
from planner_desktop.ui.plan.checks_panel import FINDING_ROLE
from tests.gui.test_capture_window import saved, type_into_cell
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def page(qtbot, window):
    click_phase(qtbot, window, Phase.projects)
    return window.pages[Phase.projects]


def new_profile(qtbot, window, page):
    """Click "New profile from demand" for the first priority demand without one."""
    tab = page.profiles_tab
    demand_id = tab.demands.currentData()
    assert demand_id is not None
    qtbot.mouseClick(tab.new_profile, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    with window.store.session() as session:
        profile_id = session.scalar(
            select(ProfileDemand.profile_id).where(ProfileDemand.demand_id == demand_id)
        )
    qtbot.waitUntil(lambda: tab.editor.profile_id == profile_id, timeout=3000)
    return demand_id, profile_id


def run_checks(qtbot, page):
    page.tabs.setCurrentWidget(page.checks)
    with qtbot.waitSignal(page.checks.sig_checked, timeout=10000):
        page.checks.run()
    qtbot.waitUntil(lambda: page.checks.job is None, timeout=10000)
    return page.checks.report


def findings_of(report, ids):
    return [finding for finding in report.findings if finding.record_id in ids]


def add_row(qtbot, window, section):
    before = section.model.total
    qtbot.mouseClick(section.add, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: section.model.total == before + 1, timeout=3000)
    return before


def test_profile_from_a_priority_demand_passes_the_checks(qtbot, window, page):
    report = run_checks(qtbot, page)
    demand_id, profile_id = new_profile(qtbot, window, page)
    assert findings_of(report, {demand_id}), "the demand had no profile before"
    editor = page.profiles_tab.editor
    assert editor.form.code.text().startswith("PRY-")
    assert "«" in editor.origin.text(), "the demand it answers is shown"
    element = editor.form.element
    choose_in_combo(qtbot, element, element.itemText(1))  # hangs from the strategic frame

    editor.tabs.setCurrentIndex(1)
    problem = editor.form.bindings["central_problem"].widget
    problem.setFocus()
    qtbot.keyClicks(problem, "Falta de laboratorio")
    qtbot.keyClick(problem, Qt.Key.Key_Tab)  # leaving the field saves it
    saved(qtbot, window)
    with window.store.session() as session:
        profile = session.get(ProjectProfile, profile_id)
        assert profile.central_problem == "Falta de laboratorio"

    editor.tabs.setCurrentIndex(2)
    row = add_row(qtbot, window, editor.components)
    type_into_cell(qtbot, editor.components.view, row, 2, "15000")
    saved(qtbot, window)
    row = add_row(qtbot, window, editor.funding)
    assert editor.funding.model.index(row, 1).data() == "15.000,00", "funded up to the cost"
    qtbot.waitUntil(lambda: "15.000" in editor.money.text(), timeout=3000)

    editor.tabs.setCurrentIndex(3)
    add_row(qtbot, window, editor.indicators)
    row = add_row(qtbot, window, editor.targets)
    type_into_cell(qtbot, editor.targets.view, row, 2, "120")
    saved(qtbot, window)

    report = run_checks(qtbot, page)
    with window.store.session() as session:
        indicators = set(session.scalars(
            select(Indicator.id).where(Indicator.profile_id == profile_id)))
        target = session.scalars(
            select(IndicatorTarget.target).where(IndicatorTarget.indicator_id.in_(indicators))
        ).one()
    assert target == "120"
    found = findings_of(report, {profile_id, demand_id, *indicators})
    assert [f.code for f in found if f.severity is not Severity.note] == []
    assert {f.code for f in found} <= {"indicator-missing-years"}, "one year typed of four"
    shown = page.checks.model.findings
    assert not [f for f in shown if f.record_id in {profile_id, demand_id}]


def double_click_finding(qtbot, page, record_id):
    view = page.checks.view
    index = page.checks.model.index_of(record_id)
    assert index.isValid()
    if index.parent().isValid():  # a finding of a group: open the group first
        view.expand(index.parent())
    assert index.data(FINDING_ROLE).record_id == record_id
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_finding_double_clicked_jumps_to_its_record(qtbot, window, page):
    _demand_id, profile_id = new_profile(qtbot, window, page)
    page.profiles_tab.select_profile(page.profiles.key(0))
    report = run_checks(qtbot, page)
    assert {f.code for f in findings_of(report, {profile_id})} >= {
        "profile-without-indicator", "profile-without-cost", "profile-without-funding"}
    page.checks.severity.setCurrentIndex(3)  # notes only: the profile is a draft
    assert len(page.checks.model.findings) == report.notes
    double_click_finding(qtbot, page, profile_id)
    assert page.tabs.currentWidget() is page.profiles_tab
    assert page.profiles_tab.editor.profile_id == profile_id

    other = next(f for f in report.findings if f.table == "demand")
    page.checks.severity.setCurrentIndex(0)  # all findings
    run_checks(qtbot, page)
    double_click_finding(qtbot, page, other.record_id)
    assert page.tabs.currentWidget() is page.trace
    assert page.trace.demand_id == other.record_id
    assert page.trace.tree.topLevelItemCount() == 1

    element = next(f for f in report.findings if f.table == "plan_element")
    page.tabs.setCurrentWidget(page.checks)
    double_click_finding(qtbot, page, element.record_id)
    assert window.phase is Phase.pdm
    pdm = window.pages[Phase.pdm]
    assert pdm.frame_model.element_id(pdm.frame_view.currentIndex()) == element.record_id


def test_bad_values_are_refused_in_place(qtbot, window, page):
    tab = page.profiles_tab
    tab.select_profile(page.profiles.key(0))
    editor = tab.editor
    profile_id = editor.profile_id
    months = editor.form.bindings["duration_months"].widget
    before = months.text()
    months.setFocus()
    months.selectAll()
    qtbot.keyClicks(months, "-3")
    qtbot.keyClick(months, Qt.Key.Key_Return)
    assert editor.refusal.text(), "the reason is shown"
    assert months.text() == "-3", "the typed value stays to be corrected"
    assert "background" in months.styleSheet()
    editor.tabs.setCurrentIndex(2)
    type_into_cell(qtbot, editor.components.view, 0, 2, "-5")
    assert editor.refusal.text() == rules.MONEY.problem(Decimal(-5))
    saved(qtbot, window)
    with window.store.session() as session:
        profile = session.get(ProjectProfile, profile_id)
        assert str(profile.duration_months) == before
        costs = session.scalars(select(Component.cost).where(
            Component.profile_id == profile_id)).all()
    assert all(cost >= 0 for cost in costs)
    months.setFocus()
    months.selectAll()
    qtbot.keyClicks(months, "18")
    qtbot.keyClick(months, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert editor.refusal.text() == "" and months.styleSheet() == ""
    with window.store.session() as session:
        assert session.get(ProjectProfile, profile_id).duration_months == 18


def test_undo_of_a_profile_edit(qtbot, window, page):
    tab = page.profiles_tab
    tab.select_profile(page.profiles.key(1))
    editor = tab.editor
    profile_id = editor.profile_id
    name = editor.form.name
    old = name.text()
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Construccion de puente peatonal en Kayarpampa")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(ProjectProfile, profile_id).name.startswith("Construccion de puente")
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(ProjectProfile, profile_id).name == old
    qtbot.waitUntil(lambda: name.text() == old, timeout=3000)
    window.undo_stack.redo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: name.text().startswith("Construccion de puente"), timeout=3000)


def test_remove_a_component_and_undo(qtbot, window, page):
    tab = page.profiles_tab
    tab.select_profile(page.profiles.key(2))
    components = tab.editor.components
    before = components.model.total
    tab.editor.tabs.setCurrentIndex(2)
    components.view.setCurrentIndex(components.model.index(0, 0))
    qtbot.mouseClick(components.remove, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: components.model.total == before - 1, timeout=3000)
    assert "#a4161a" in tab.editor.money.text(), "the funding no longer matches the cost"
    window.undo_stack.undo()
    saved(qtbot, window)
    qtbot.waitUntil(lambda: components.model.total == before, timeout=3000)
    assert "#a4161a" not in tab.editor.money.text()


def choose_in_combo(qtbot, combo, text: str) -> None:
    """Open the drop-down list, walk down to ``text`` and press Enter, as a person does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    target = next(row for row in range(combo.count()) if combo.itemText(row) == text)
    while view.currentIndex().row() != target:
        key = Qt.Key.Key_Down if view.currentIndex().row() < target else Qt.Key.Key_Up
        qtbot.keyClick(view, key)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)


def test_issue13_an_element_chosen_is_saved_and_shown_again(qtbot, window, page):
    """Issue 13: choosing a programme printed an error to the terminal and saved nothing
    (issue 14: the profile hangs from an element of the plan, of any level)."""
    tab = page.profiles_tab
    first, second = page.profiles.key(0), page.profiles.key(1)
    tab.select_profile(first)
    combo = tab.editor.form.element
    chosen = combo.itemText(combo.count() - 1)
    assert chosen != combo.currentText()
    choose_in_combo(qtbot, combo, chosen)
    saved(qtbot, window)
    with window.store.session() as session:
        element_id = session.get(ProjectProfile, first).element_id
    assert element_id == combo.itemData(combo.count() - 1)

    tab.select_profile(second)
    qtbot.waitUntil(lambda: tab.editor.profile_id == second, timeout=3000)
    tab.select_profile(first)
    qtbot.waitUntil(lambda: tab.editor.profile_id == first, timeout=3000)
    assert combo.currentText() == chosen, "the profile opened again shows its element"

    choose_in_combo(qtbot, combo, _("Not placed in the plan yet"))
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(ProjectProfile, first).element_id is None
    recommendation = tab.editor.form.bindings["recommendation"].widget
    choose_in_combo(qtbot, recommendation, recommendation.itemText(1))
    choose_in_combo(qtbot, recommendation, recommendation.itemText(0))
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(ProjectProfile, first).recommendation is None


def test_element_of_any_level_unit_and_the_team_class_with_its_reason(qtbot, window, page):
    """Issue 14: a profile hangs from an element of any level, shown with its level's
    name; it has a responsible unit; the team's class is saved with its reason."""
    tab = page.profiles_tab
    profile_id = page.profiles.key(0)
    tab.select_profile(profile_id)
    form = tab.editor.form
    texts = [form.element.itemText(row) for row in range(1, form.element.count())]
    levels = {text.split(" ", 1)[0] for text in texts}
    assert {"Eje", "Objetivo", "Programa"} <= levels
    assert all(" — " in text for text in texts)
    eje = next(row for row in range(form.element.count())
               if form.element.itemText(row).startswith("Eje "))
    choose_in_combo(qtbot, form.element, form.element.itemText(eje))
    assert form.unit.count() > 1, "the municipality's units to choose from"
    choose_in_combo(qtbot, form.unit, form.unit.itemText(1))
    saved(qtbot, window)
    team = form.team
    window.activateWindow()  # as the person's click on the window does after the list
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    team.reason.setFocus()
    team.reason.selectAll()
    qtbot.keyClick(team.reason, Qt.Key.Key_Delete)
    qtbot.keyClick(team.reason, Qt.Key.Key_Tab)
    choose_in_combo(qtbot, team.team_class, "B")
    assert form.team.team_class.styleSheet(), "a class with no reason is refused in place"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    team.reason.setFocus()
    qtbot.keyClicks(team.reason, "Riesgo sanitario en la escuela")
    qtbot.keyClick(team.reason, Qt.Key.Key_Tab)
    saved(qtbot, window)
    with window.store.session() as session:
        profile = session.get(ProjectProfile, profile_id)
        assert profile.element_id == form.element.itemData(eje)
        assert profile.unit_id == form.unit.itemData(1)
        assert (profile.team_class, profile.team_class_reason) == (
            PriorityClass.b, "Riesgo sanitario en la escuela")
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(ProjectProfile, profile_id).team_class_reason != (
            "Riesgo sanitario en la escuela")
