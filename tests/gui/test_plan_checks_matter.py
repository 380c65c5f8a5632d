"""Checks that matter (issue 13), in the window: repeated findings are one line with a count
that opens to the list; every finding jumps to a place where it can be fixed (the keyboard
lands on an enabled, editable widget); a POA is not approved while the checks find an
error, and a programme's problem is typed where the check sends the person."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)
from sqlalchemy import select

from planner_desktop.context import open_database
from planner_desktop.domain.annual import AnnualPlan, Operation
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.plan import PlanElement
from planner_desktop.domain.projects import (
    Component,
    Indicator,
    IndicatorTarget,
    MultiYearProgramming,
    ProfileFunding,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.plan import check_execution, rules
from planner_desktop.ui.plan.checks_panel import FINDING_ROLE
from tests.gui.capture_helpers import saved
from tests.gui.test_plan_profile import run_checks
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui

DAY = date(2026, 12, 31)
"""The checks run as on this day: the demo's progress of 2027 is in the future."""


@pytest.fixture
def as_on_day(monkeypatch):
    monkeypatch.setattr(check_execution, "today", lambda: DAY)


def _first(session, model, *where, order=None):
    query = select(model).where(model.deleted_at.is_(None), *where)
    return session.scalars(query.order_by(order if order is not None else model.id)).first()


def _without_problem(session) -> None:
    """The last programme of the plan with no problem behind it: none in it, in the
    elements above it, nor in its projects."""
    program = session.scalars(select(PlanElement).where(
        PlanElement.deleted_at.is_(None), PlanElement.depth == 5)
        .order_by(PlanElement.code.desc())).first()
    node = program
    while node is not None:
        node.problem = ""
        node = session.get(PlanElement, node.parent_id) if node.parent_id else None
    for profile in session.scalars(select(ProjectProfile).where(
            ProjectProfile.element_id == program.id)):
        profile.central_problem = ""


@pytest.fixture
def broken(demo_copy, as_on_day):
    """The office's merged plan with one of most kinds of gap: every rule has findings."""
    store = open_database(demo_copy, must_exist=True)
    try:
        with store.session() as session:
            planned = select(MultiYearProgramming.profile_id).where(
                MultiYearProgramming.amount > 0)
            profiles = session.scalars(select(ProjectProfile).where(
                ProjectProfile.deleted_at.is_(None)).order_by(ProjectProfile.code)).all()
            in_plan = [p for p in profiles if p.id in set(session.scalars(planned))]
            draft = next(p for p in profiles if p not in in_plan)
            in_plan[0].element_id = None
            for model in (Component, ProfileFunding, Indicator):
                for record in session.scalars(select(model).where(
                        model.profile_id == draft.id)):
                    mark_deleted(record)
            _first(session, IndicatorTarget, order=IndicatorTarget.year).target = "alta"
            _first(session, Operation, order=Operation.code).target = "varias"
            _first(session, Progress, order=Progress.date).facilitator = ""
            poa = _first(session, AnnualPlan)
            carried = _first(session, Operation, Operation.annual_plan_id == poa.id,
                             Operation.profile_id.is_not(None), order=Operation.code)
            for operation in session.scalars(select(Operation).where(
                    Operation.profile_id == carried.profile_id)):
                operation.cancelled = True
            rows = session.scalars(select(MultiYearProgramming).where(
                MultiYearProgramming.amount > 0).order_by(
                MultiYearProgramming.year, MultiYearProgramming.amount)).all()
            low, bare = rows[0], next(r for r in rows if r.source_id != rows[0].source_id)
            ceilings = {(c.source_id, c.year): c for c in session.scalars(select(SourceCeiling))}
            ceilings[(low.source_id, low.year)].amount = Decimal(1)
            mark_deleted(ceilings[(bare.source_id, bare.year)])
            operations = session.scalars(select(Operation).where(
                Operation.cancelled.is_(False)).order_by(Operation.code.desc())).all()
            operations[0].start_date = date(poa.fiscal_year - 1, 12, 1)
            loose = operations[1]
            loose.profile_id = loose.element_id = loose.management_objective_id = None
            _first(session, Component, Component.profile_id == in_plan[1].id).cost += 1
            session.add(AnnualPlan(municipality_id=poa.municipality_id, fiscal_year=1999))
            program = _first(session, PlanElement, PlanElement.depth == 5,
                             order=PlanElement.code)
            mark_deleted(session.get(PlanElement, program.parent_id))
            _without_problem(session)
    finally:
        store.close()
    return demo_copy


def _editable(widget) -> bool:
    """The widget the keyboard is on can be used to change something."""
    if widget is None or not widget.isVisible() or not widget.isEnabled():
        return False
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractItemView):
        index = widget.currentIndex()
        return (index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)
                and widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers)
    return isinstance(widget, QAbstractButton | QComboBox | QAbstractSpinBox)


def test_every_finding_jumps_to_a_place_where_it_can_be_fixed(qtbot, settings, broken):
    window = open_window(qtbot, settings, broken)
    click_phase(qtbot, window, Phase.projects)
    report = run_checks(qtbot, window.pages[Phase.projects])
    codes = {finding.code for finding in report.findings}
    assert codes >= {
        "profile-without-element", "profile-without-cost", "profile-without-funding",
        "profile-without-indicator", "target-not-number", "operation-target-not-number",
        "progress-in-future", "progress-without-recorder", "programmed-without-operation",
        "ceiling-exceeded", "no-ceiling", "priority-a-without-profile",
        "element-without-problem", "element-without-budget", "element-detached"}
    by_rule: dict[str, list] = {}
    for finding in report.findings:
        by_rule.setdefault(finding.code, []).append(finding)
    walked = [f for found in by_rule.values()
              for f in (found if len(found) <= 40 else found[::10])]
    page = window.pages[Phase.projects]
    stuck = []
    for finding in walked:  # as a double-click on the finding does
        window.show_phase(Phase.projects)
        page.tabs.setCurrentWidget(page.checks)
        page.checks.view.setFocus()
        page.checks.sig_jump.emit(finding.table, finding.record_id)
        target = window.focusWidget()
        if target is page.checks.view or not _editable(target):
            stuck.append(f"{finding.code} → {finding.table}: "
                         f"{type(target).__name__ if target else None} "
                         f"{target.objectName() if target else ''}")
    assert not stuck, "\n".join(sorted(set(stuck)))


def test_repeated_findings_are_one_line_that_opens_to_the_list(qtbot, settings, demo_copy,
                                                               as_on_day):
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    report = run_checks(qtbot, page)
    model, view = page.checks.model, page.checks.view
    priorities = [f for f in report.findings if f.code == "priority-a-without-profile"]
    assert len(priorities) > 100
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    assert len(rows) < 10, "one line per rule, not one per finding"
    group = next(index for index in rows
                 if model.index(index.row(), 1).data() == rules.title(
                     "priority-a-without-profile"))
    assert group.data() == rules.counted("priority-a-without-profile", len(priorities))
    assert not view.isExpanded(group)
    errors_first = rows[0]
    assert errors_first.data() == rules.counted("progress-in-future", report.errors)

    view.scrollTo(group)
    rect = view.visualRect(group)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.isExpanded(group)
    assert model.rowCount(group) == len(priorities)
    child = model.index(2, 0, group)
    assert child.data() == priorities[2].message
    view.scrollTo(child)
    rect = view.visualRect(child)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.tabs.currentWidget() is page.trace
    assert page.trace.demand_id == child.data(FINDING_ROLE).record_id

    page.tabs.setCurrentWidget(page.checks)
    view.setCurrentIndex(group)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not view.isExpanded(group), "Enter closes the group again"
    page.checks.severity.setCurrentIndex(1)  # errors only
    assert {f.code for f in model.findings} == {"progress-in-future"}


def test_a_programme_without_problem_is_fixed_where_the_check_jumps(qtbot, settings,
                                                                    demo_copy, as_on_day):
    store = open_database(demo_copy, must_exist=True)
    try:
        with store.session() as session:
            _without_problem(session)
    finally:
        store.close()
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    report = run_checks(qtbot, page)
    finding = next(f for f in report.findings if f.code == "element-without-problem")
    assert window.jump_to(finding.table, finding.record_id)
    pdm = window.pages[Phase.pdm]
    field = pdm.frame_editor.problem
    assert window.focusWidget() is field and field.isVisible()
    qtbot.keyClicks(field, "Abandono escolar en comunidades rurales")
    qtbot.keyClick(field, Qt.Key.Key_Tab)  # leaving the field saves it
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(PlanElement, finding.record_id).problem == (
            "Abandono escolar en comunidades rurales")
    click_phase(qtbot, window, Phase.projects)
    report = run_checks(qtbot, page)
    assert finding.record_id not in {f.record_id for f in report.findings
                                     if f.code == "element-without-problem"}
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(PlanElement, finding.record_id).problem == ""


def test_a_poa_is_not_approved_while_the_checks_find_an_error(qtbot, settings, demo_copy,
                                                              as_on_day, monkeypatch):
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.poa)
    bar = window.pages[Phase.poa].approval
    with window.store.session() as session:
        poa = session.scalars(select(AnnualPlan)).one()
        poa_id, year = poa.id, poa.fiscal_year
    assert bar.plan_id == poa_id and bar.approved
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)  # withdraw the approval
    saved(qtbot, window)
    qtbot.waitUntil(lambda: not bar.approved, timeout=3000)
    assert str(year) in bar.button.text()

    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)  # progress of 2027: errors
    qtbot.waitUntil(lambda: bar.job is None, timeout=10000)
    assert str(year) in bar.refusal.text() and rules.title("progress-in-future") in (
        bar.refusal.text())
    assert "\n" not in bar.refusal.text()
    with window.store.session() as session:
        assert session.get(AnnualPlan, poa_id).approved is False

    monkeypatch.setattr(check_execution, "today", lambda: date(2028, 1, 1))
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.job is None, timeout=10000)
    saved(qtbot, window)
    qtbot.waitUntil(lambda: bar.approved, timeout=3000)
    assert bar.refusal.text() == ""
    with window.store.session() as session:
        assert session.get(AnnualPlan, poa_id).approved is True
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(AnnualPlan, poa_id).approved is False


def test_a_programme_whose_policy_was_deleted_is_reattached_where_the_check_jumps(
        qtbot, settings, demo_copy, as_on_day):
    store = open_database(demo_copy, must_exist=True)
    try:
        with store.session() as session:
            program = _first(session, PlanElement, PlanElement.depth == 5,
                             order=PlanElement.code)
            policy = session.get(PlanElement, program.parent_id)
            mark_deleted(policy)
            program_id, program_code = program.id, program.code
            other = _first(session, PlanElement, PlanElement.id != policy.id,
                           PlanElement.depth == 3, order=PlanElement.code)
            other_id, other_code = other.id, other.code
    finally:
        store.close()
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    report = run_checks(qtbot, page)
    finding = next(f for f in report.findings if f.code == "element-detached"
                   and f.record_id == program_id)
    page.checks.sig_jump.emit(finding.table, finding.record_id)  # as a double-click does
    pdm = window.pages[Phase.pdm]
    assert window.phase is Phase.pdm and window.focusWidget() is pdm.frame_view
    assert pdm.frame_model.element_id(pdm.frame_view.currentIndex()) == program_id
    assert not pdm.frame_view.currentIndex().parent().isValid(), "shown at the top"
    qtbot.keyClick(pdm.frame_view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = pdm.findChild(QDialog, "moveElementDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.choose(f" {other_code} — ")
    assert dialog.places.currentItem().data(Qt.ItemDataRole.UserRole) == other_id
    qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    with window.store.session() as session:
        moved = session.get(PlanElement, program_id)
        assert (moved.parent_id, moved.depth, moved.code) == (other_id, 5, program_code)
    click_phase(qtbot, window, Phase.projects)
    report = run_checks(qtbot, page)
    assert program_id not in {f.record_id for f in report.findings
                              if f.code == "element-detached"}


def test_a_poa_outside_the_plan_period_is_deleted_where_the_check_jumps(
        qtbot, settings, demo_copy, as_on_day, message_boxes):
    store = open_database(demo_copy, must_exist=True)
    try:
        with store.session() as session:
            poa = _first(session, AnnualPlan)
            wrong = AnnualPlan(municipality_id=poa.municipality_id, fiscal_year=1999)
            session.add(wrong)
            session.flush()
            wrong_id = wrong.id
    finally:
        store.close()
    window = open_window(qtbot, settings, demo_copy)
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    report = run_checks(qtbot, page)
    finding = next(f for f in report.findings if f.code == "poa-outside-period")
    assert finding.record_id == wrong_id
    page.checks.sig_jump.emit(finding.table, finding.record_id)
    bar = window.pages[Phase.poa].approval
    assert window.focusWidget() is bar.delete and bar.plan_id == wrong_id
    qtbot.keyClick(bar.delete, Qt.Key.Key_Space)
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(AnnualPlan, wrong_id).deleted_at is not None
    click_phase(qtbot, window, Phase.projects)
    report = run_checks(qtbot, page)
    assert not [f for f in report.findings if f.code == "poa-outside-period"]
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert session.get(AnnualPlan, wrong_id).deleted_at is None
