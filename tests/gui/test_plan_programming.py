"""The five-year programming typed in on the PDM page (issue 6): totals and what remains
follow the typing, refusals name the field and write nothing, and every edit undoes."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from planner_desktop.domain import rules
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.projects import MultiYearProgramming, SourceCeiling
from planner_desktop.plan import programming, targets, validate
from tests.gui.test_capture_window import saved, type_into_cell
from tests.gui.test_window import click_phase, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, settings, demo_copy):
    return open_window(qtbot, settings, demo_copy)


@pytest.fixture
def editor(qtbot, window):
    click_phase(qtbot, window, Phase.pdm)
    page = window.pages[Phase.pdm]
    assert page.tabs.currentWidget() is page.editor
    qtbot.waitUntil(lambda: page.editor.model.rowCount() > 0, timeout=5000)
    return page.editor


def stored(window, profile_id, year, source_id):
    with window.store.session() as session:
        row = programming.programming_row(session, profile_id, year, source_id)
        return row.amount if row is not None and row.deleted_at is None else Decimal(0)


def roomy_cell(model):
    """A project with no money from the source in some year, and that year's column."""
    grid = model.grid
    for row, line in enumerate(grid.projects):
        room = line.cost - line.programmed_all
        for column, year in enumerate(grid.years):
            if line.cost and not grid.amount(line.id, year):
                return row, column, line, year, room
    raise AssertionError("no empty cell")


def test_typing_an_amount_updates_the_totals_saves_and_undoes(qtbot, window, editor):
    model = editor.model
    grid = model.grid
    row, column, line, year, _room = roomy_cell(model)
    # make room under the cost first: take the project's money out of one cell
    source = grid.source_id
    donor_year = next(y for y in grid.years if grid.amount(line.id, y))
    donor_column = grid.years.index(donor_year)
    taken = grid.amount(line.id, donor_year)
    total_before = grid.year_total(year)
    remaining_before = grid.remaining(year)
    type_into_cell(qtbot, editor.view, row, donor_column, "0")
    type_into_cell(qtbot, editor.view, row, column, "1000")
    assert editor.refusal.text() == ""
    # at once, before the writes are done
    assert model.grid.year_total(year) == total_before + 1000
    if remaining_before is not None:
        assert model.grid.remaining(year) == remaining_before - 1000
    saved(qtbot, window)
    assert stored(window, line.id, year, source) == 1000
    assert stored(window, line.id, donor_year, source) == 0
    assert editor.refusal.text() == ""
    window.undo_stack.undo()
    window.undo_stack.undo()
    saved(qtbot, window)
    assert stored(window, line.id, year, source) == 0
    assert stored(window, line.id, donor_year, source) == taken
    qtbot.waitUntil(lambda: model.grid.amount(line.id, donor_year) == taken, timeout=3000)


def test_bad_amounts_are_refused_in_place(qtbot, window, editor):
    model = editor.model
    row, column, line, year, _room = roomy_cell(model)
    source = model.grid.source_id
    type_into_cell(qtbot, editor.view, row, column, "-5")
    assert editor.refusal.text().startswith(line.code), "the reason names the cell"
    assert editor.refusal.text().endswith(rules.MONEY.problem(Decimal(-5)))
    assert str(year) in editor.refusal.text()
    assert model.index(row, column).data(0x0008) is not None  # BackgroundRole: painted
    type_into_cell(qtbot, editor.view, row, column, str(line.cost + 1))
    assert editor.refusal.text().endswith(validate.funding_split(
        line.cost, [line.programmed_all - model.grid.amount(line.id, year) + line.cost + 1]))
    saved(qtbot, window)
    assert stored(window, line.id, year, source) == 0
    assert window.undo_stack.count() == 0, "nothing written, nothing to undo"


def test_a_ceiling_is_typed_and_what_remains_follows(qtbot, window, editor):
    model = editor.model
    grid = model.grid
    year = grid.years[1]
    column = grid.years.index(year)
    programmed = grid.year_total(year)
    type_into_cell(qtbot, editor.view, model.ceiling_row, column, str(programmed + 10))
    assert model.grid.remaining(year) == 10
    saved(qtbot, window)
    with window.store.session() as session:
        ceiling = session.scalar(select(SourceCeiling.amount).where(
            SourceCeiling.source_id == grid.source_id, SourceCeiling.year == year,
            SourceCeiling.deleted_at.is_(None)))
    assert ceiling == programmed + 10
    type_into_cell(qtbot, editor.view, model.ceiling_row, column, "abc")
    assert editor.refusal.text().startswith(model.headerData(model.ceiling_row, 2))


def test_the_source_chooser_shows_another_source(qtbot, window, editor):
    with window.store.session() as session:
        count = len(set(session.scalars(select(MultiYearProgramming.source_id))))
    assert editor.source.count() >= count
    first = editor.model.grid.source_id
    editor.source.setCurrentIndex(1)
    assert editor.model.grid.source_id != first


def test_targets_per_year_are_typed_refused_and_undone(qtbot, window, editor):
    page = window.pages[Phase.pdm]
    page.tabs.setCurrentWidget(page.targets)
    grid_view = page.targets.view
    model = page.targets.model
    assert model.rowCount() > 0
    line = model.grid.indicators[0]
    year = model.grid.years[2]
    before = model.grid.target(line.id, year)
    type_into_cell(qtbot, grid_view, 0, 2, "mucho")
    assert page.targets.refusal.text().endswith(validate.target_text("mucho"))
    assert str(year) in page.targets.refusal.text()
    type_into_cell(qtbot, grid_view, 0, 2, "77 %")
    saved(qtbot, window)
    assert page.targets.refusal.text() == ""
    with window.store.session() as session:
        assert targets.target_grid(session).target(line.id, year) == "77 %"
    window.undo_stack.undo()
    saved(qtbot, window)
    with window.store.session() as session:
        assert targets.target_grid(session).target(line.id, year) == before
    qtbot.waitUntil(lambda: model.index(0, 2).data() == before, timeout=3000)
