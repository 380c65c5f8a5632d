"""Jumps that land (issue 6): every kind of record a finding or a trace link names is
selected where it is fixed — funding sources, ceilings and programming in the PDM's grid,
communities in the preparation page, progress records in the follow-up page (issue 13: in
the history of their project or operation, where they are edited)."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from planner_desktop.context import open_database
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.follow_up import Progress
from planner_desktop.domain.projects import MultiYearProgramming, SourceCeiling
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.domain.territory import Community
from planner_desktop.ui.models.table import KEY_ROLE
from tests.gui.test_plan_profile import double_click_finding, run_checks
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def broken(demo_copy):
    """A ceiling under its programming (an error) and a year without one (a warning)."""
    store = open_database(demo_copy, must_exist=True)
    try:
        with store.session() as session:
            rows = session.scalars(select(MultiYearProgramming).where(
                MultiYearProgramming.deleted_at.is_(None), MultiYearProgramming.amount > 0)
                .order_by(MultiYearProgramming.year, MultiYearProgramming.amount)).all()
            low, bare = rows[0], next(r for r in rows if r.source_id != rows[0].source_id)
            ceilings = {(c.source_id, c.year): c for c in session.scalars(select(SourceCeiling))}
            ceilings[(low.source_id, low.year)].amount = Decimal(1)
            mark_deleted(ceilings[(bare.source_id, bare.year)])
            found = {"low": (low.source_id, low.year,
                             ceilings[(low.source_id, low.year)].id),
                     "bare": (bare.source_id, bare.year)}
    finally:
        store.close()
    return demo_copy, found


@pytest.fixture
def window(qtbot, settings, broken):
    return open_window(qtbot, settings, broken[0])


def grid_cell(window):
    pdm = window.pages[Phase.pdm]
    assert window.phase is Phase.pdm and pdm.tabs.currentWidget() is pdm.editor
    editor = pdm.editor
    index = editor.view.currentIndex()
    model = editor.model
    profile = model.grid.projects[index.row()].id if index.row() < model.projects else None
    return editor.current_source(), model.year_of(index.column()), profile, index.row()


def test_findings_on_ceilings_land_on_the_ceiling_cell(qtbot, window, broken):
    _path, found = broken
    source_id, year, ceiling_id = found["low"]
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    report = run_checks(qtbot, page)
    exceeded = next(f for f in report.findings if f.code == "ceiling-exceeded")
    assert (exceeded.table, exceeded.record_id) == ("source_ceiling", ceiling_id)
    double_click_finding(qtbot, page, ceiling_id)
    source, shown_year, profile, row = grid_cell(window)
    assert (source, shown_year, profile) == (source_id, year, None)
    assert row == window.pages[Phase.pdm].editor.model.ceiling_row

    bare_source, bare_year = found["bare"]
    no_ceiling = next(f for f in report.findings
                      if f.code == "no-ceiling" and f.record_id == bare_source)
    click_phase(qtbot, window, Phase.projects)
    page.tabs.setCurrentWidget(page.checks)
    double_click_finding(qtbot, page, no_ceiling.record_id)
    source, shown_year, profile, _row = grid_cell(window)
    assert (source, shown_year, profile) == (bare_source, bare_year, None)


def test_a_programming_record_lands_on_its_cell(qtbot, window):
    with window.store.session() as session:
        row = session.scalars(select(MultiYearProgramming).where(
            MultiYearProgramming.deleted_at.is_(None))).first()
        key = (row.source_id, row.year, row.profile_id)
    click_phase(qtbot, window, Phase.projects)
    assert window.jump_to("multi_year_programming", row.id)
    assert grid_cell(window)[:3] == key


def test_a_community_lands_on_its_row(qtbot, window):
    with window.store.session() as session:
        community_id = session.scalars(select(Community.id).where(
            Community.deleted_at.is_(None)).order_by(Community.name.desc())).first()
    assert window.jump_to("community", community_id)
    page = window.pages[Phase.preparation]
    assert window.phase is Phase.preparation and page.tabs.currentIndex() == 0
    index = page.communities_view.currentIndex()
    assert page.communities.key(index.row()) == community_id


def test_a_progress_record_lands_on_its_row(qtbot, window):
    with window.store.session() as session:
        progress_id = session.scalars(select(Progress.id).where(
            Progress.deleted_at.is_(None)).order_by(Progress.date)).first()
    assert window.jump_to("progress", progress_id)
    page = window.pages[Phase.follow_up]
    assert window.phase is Phase.follow_up
    assert page.tabs.currentWidget() is page.follow_split  # where progress is edited
    history = page.entry.view
    assert history.currentIndex().data(KEY_ROLE) == progress_id
    assert window.focusWidget() is history


def test_a_trace_link_to_progress_lands_on_it(qtbot, window):
    from tests.gui.test_plan_trace import double_click, item_of, traced_demand

    code, _operation_id = traced_demand(window.store)
    click_phase(qtbot, window, Phase.projects)
    page = window.pages[Phase.projects]
    page.tabs.setCurrentWidget(page.trace)
    page.trace.code.setText(code)
    page.trace._code_typed()
    tree = page.trace.tree
    try:
        item = item_of(tree, "progress")
    except AssertionError:
        pytest.skip("the traced demand has no progress yet")
    link = item.data(0, 256)
    double_click(qtbot, tree, item)
    follow = window.pages[Phase.follow_up]
    assert window.phase is Phase.follow_up
    assert follow.entry.view.currentIndex().data(KEY_ROLE) == link.id


@pytest.mark.parametrize("table", ["indicator_target", "indicator", "component",
                                   "profile_funding"])
def test_a_part_of_a_profile_lands_on_its_row(qtbot, window, table):
    from planner_desktop.domain.projects import (
        Component,
        Indicator,
        IndicatorTarget,
        ProfileFunding,
    )

    model = {"indicator_target": IndicatorTarget, "indicator": Indicator,
             "component": Component, "profile_funding": ProfileFunding}[table]
    with window.store.session() as session:
        record_id = session.scalars(select(model.id).where(
            model.deleted_at.is_(None)).order_by(model.id.desc())).first()
    assert window.jump_to(table, record_id)
    editor = window.pages[Phase.projects].profiles_tab.editor
    section = {"indicator_target": editor.targets, "indicator": editor.indicators,
               "component": editor.components, "profile_funding": editor.funding}[table]
    assert section.current_key() == record_id
