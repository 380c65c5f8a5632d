"""Issue 16, point 1: the window's forms apply the one set of value rules.

From an empty database, through the widgets as a person uses them (typing, pasting,
clicking): a value outside its rule typed in the community form, the attendance form, the
persons table, the demand form and the demand list, and a plan money cell (a funding
source's ceiling) is refused in place with the rule's reason (the words ``session verify``
gives, :meth:`planner_desktop.domain.rules.Rule.problem`), and not one row is written.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from planner_desktop.domain import rules
from planner_desktop.domain.base import Base
from planner_desktop.domain.enums import Phase
from planner_desktop.domain.setup import create_municipality
from planner_desktop.i18n import _
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.models import demand_list as dl
from planner_desktop.ui.plan.sources_tab import FundingSourcesTab
from tests.gui.capture_helpers import new_municipality, saved, type_into_cell, type_text
from tests.gui.test_territory_editing import click, page  # noqa: F401 - a fixture
from tests.gui.test_window import click_phase, open_window
from tests.helpers import new_store

pytestmark = pytest.mark.gui

NUL_NAME = "Jua\x00na"


def snapshot(store: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: what "nothing written" is compared with."""
    with store.session() as session:
        return {
            table.name: sorted(map(tuple, session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
        }


def reason(table: str, column: str, value: Any) -> str:
    """The rule's words for ``value``, as ``session verify`` gives them."""
    found = rules.rule_for(table, column).problem(value)
    assert found is not None, (table, column, value)
    return found


def refused_as(table: str, column: str, value: Any) -> str:
    return _("{field}: {reason}").format(
        field=rules.field_title(table, column), reason=reason(table, column, value)
    )


def paste(qtbot, widget: QWidget, text: str) -> None:
    """Paste ``text`` as a person does (a NUL byte cannot be typed, but it is pasted)."""
    QApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


# --- the community form (the municipality made in the first-run wizard) --------------


@pytest.mark.parametrize(
    ("field", "typed", "value"),
    [
        ("population_women", "100000000000000000000", 10**20),
        ("families", "-3", -3),
        ("population_elders", "10000001", 10_000_001),
    ],
)
def test_the_community_form_refuses_a_count_outside_its_rule(
    qtbot, page, message_boxes, field, typed, value  # noqa: F811 - the fixture
):
    window, page = page
    editing = page.territory_editing
    click(qtbot, editing.add_community_button)
    form = editing.community_form
    type_text(qtbot, form.name, "Nueva Esperanza")
    qtbot.keyClicks(form.counts[field], typed)
    before = snapshot(window.store)
    click(qtbot, editing.save_community)
    saved(qtbot, window)
    assert form.error.text() == refused_as("community", field, value)
    assert snapshot(window.store) == before
    assert page.communities.total == 0
    assert not window.undo_stack.count(), "nothing to undo: nothing was written"


def test_the_community_form_refuses_a_nul_in_the_name(qtbot, page, message_boxes):  # noqa: F811
    window, page = page
    editing = page.territory_editing
    click(qtbot, editing.add_community_button)
    form = editing.community_form
    paste(qtbot, form.name, f"{NUL_NAME} Pampa")
    before = snapshot(window.store)
    click(qtbot, editing.save_community)
    saved(qtbot, window)
    assert form.error.text() == _("{field}: {reason}").format(
        field=_("Community"), reason=reason("community", "name", f"{NUL_NAME} Pampa")
    )
    assert snapshot(window.store) == before


# --- attendance and persons (a new municipality: its territory, nothing captured) ----


@pytest.fixture
def attendance(qtbot, settings, tmp_path):
    """The attendance form of a new event typed in the window."""
    window = open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))
    preparation = window.current_page()
    preparation.tabs.setCurrentWidget(preparation.attendance)
    panel = preparation.attendance
    qtbot.mouseClick(panel.new_event, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.form.title_edit, "Taller comunal")
    qtbot.mouseClick(panel.form.create_button, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert panel.event_id() is not None
    return window, preparation, panel


def register(qtbot, panel, *, typed: str = "", pasted: str = "") -> None:
    """A name typed (or pasted), Enter, then F and 3 for sex and age group."""
    if pasted:
        paste(qtbot, panel.name, pasted)
    qtbot.keyClicks(panel.name, typed)
    qtbot.keyClick(panel.name, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.sex, "F")
    qtbot.keyClicks(panel.age, "3")


def test_the_attendance_form_refuses_a_nul_in_a_name(qtbot, attendance):
    window, _page, panel = attendance
    before = snapshot(window.store)
    register(qtbot, panel, pasted=NUL_NAME, typed=" Mamani")
    saved(qtbot, window)
    assert panel.refusal.text() == refused_as("person", "first_names", NUL_NAME)
    assert snapshot(window.store) == before
    assert panel.model.total == 0


@pytest.mark.parametrize(("typed", "year"), [("99999", 99999), ("1800", 1800)])
def test_the_persons_table_refuses_a_birth_year_outside_its_rule(qtbot, attendance, typed, year):
    from planner_desktop.ui.models.actors import BIRTH_YEAR

    window, preparation, panel = attendance
    register(qtbot, panel, typed="Ana Mamani")
    saved(qtbot, window)
    assert panel.model.total == 1
    preparation.tabs.setCurrentWidget(preparation.persons)
    persons = preparation.persons
    persons.apply_search()
    assert persons.model.rowCount() == 1
    before = snapshot(window.store)
    type_into_cell(qtbot, persons.view, 0, BIRTH_YEAR, typed)
    saved(qtbot, window)
    shown = persons.refusal.text()
    assert reason("person", "birth_year", year).casefold() in shown.casefold(), shown
    assert persons.model.index(0, BIRTH_YEAR).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert snapshot(window.store) == before


# --- demands ---------------------------------------------------------------------------


@pytest.fixture
def demands(qtbot, settings, tmp_path):
    """The demand form and list of a new municipality, one community chosen."""
    window = open_window(qtbot, settings, new_municipality(tmp_path / "new.sqlite"))
    click_phase(qtbot, window, Phase.prioritization)
    panel = window.pages[Phase.prioritization].demands_panel
    panel.district.setCurrentIndex(1)
    panel.community.setCurrentIndex(1)
    panel.new_sector.setCurrentIndex(0)
    return window, panel


def test_the_demand_form_refuses_a_nul_in_the_description(qtbot, demands):
    window, panel = demands
    before = snapshot(window.store)
    paste(qtbot, panel.new_demand, f"Agua {NUL_NAME}")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert panel.refusal.text() == refused_as("demand", "description", f"Agua {NUL_NAME}")
    assert panel.new_demand.text() == f"Agua {NUL_NAME}", "the typed text stays to be fixed"
    assert snapshot(window.store) == before


@pytest.mark.parametrize(
    ("column", "field", "typed", "value"),
    [
        (dl.COST, "estimated_cost", "100000000000,01", Decimal("100000000000.01")),
        (dl.WOMEN, "beneficiaries_women", "-1", -1),
        (dl.MEN, "beneficiaries_men", "100000000000000000000", 10**20),
    ],
)
def test_the_demand_list_refuses_a_value_outside_its_rule(
    qtbot, demands, column, field, typed, value
):
    window, panel = demands
    qtbot.keyClicks(panel.new_demand, "Agua potable")
    qtbot.keyClick(panel.new_demand, Qt.Key.Key_Return)
    saved(qtbot, window)
    assert panel.model.total == 1
    before = snapshot(window.store)
    type_into_cell(qtbot, panel.view, 0, column, typed)
    saved(qtbot, window)
    shown = panel.refusal.text()
    assert reason("demand", field, value).casefold() in shown.casefold(), shown
    assert snapshot(window.store) == before


# --- a plan money cell: a funding source's ceiling ---------------------------------------


@pytest.fixture
def sources(qtbot, tmp_path):
    store = new_store(tmp_path / "empty.sqlite")
    with store.session() as session:
        create_municipality(session, name="Municipio Nuevo")
    undo_stack = QUndoStack()
    tab = FundingSourcesTab(store, hub_for(undo_stack, store), undo_stack)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: tab.hub.pending == 0, timeout=5000)
    yield tab, store, undo_stack
    jobs.wait_for_all()
    store.close()


@pytest.mark.parametrize(
    ("typed", "value"),
    [("100000000000,01", Decimal("100000000000.01")), ("-5", Decimal(-5))],
)
def test_a_plan_money_cell_refuses_an_amount_outside_its_rule(qtbot, sources, typed, value):
    tab, store, undo_stack = sources
    year = int(tab.ceilings.headerData(1, Qt.Orientation.Horizontal))
    steps = undo_stack.count()
    before = snapshot(store)
    type_into_cell(qtbot, tab.ceilings_view, 0, 1, typed)
    jobs.wait_for_all()
    expected = _("{field}: {reason}").format(
        field=_("Ceiling {year}").format(year=year),
        reason=reason("source_ceiling", "amount", value),
    )
    assert tab.refusal.text() == expected
    assert tab.ceilings.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert undo_stack.count() == steps
    assert snapshot(store) == before


# --- spin boxes and date edits take their range from the rules --------------------------


def test_the_event_form_takes_its_dates_from_the_rule_and_refuses_a_nul(qtbot, attendance):
    window, _preparation, panel = attendance
    form = panel.form
    low, high = rules.rule_for("event", "date").bounds()
    assert (form.day.minimumDate(), form.day.maximumDate()) == (
        QDate(low.year, low.month, low.day),
        QDate(high.year, high.month, high.day),
    )
    form.day.setDate(QDate(9999, 12, 31))
    assert form.day.date().year() == high.year, "the year 9999 cannot be picked"
    if not form.isVisible():
        qtbot.mouseClick(panel.new_event, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.title_edit, "Segundo taller")
    agenda = f"Bienvenida\n{NUL_NAME}"
    paste(qtbot, form.agenda, agenda)
    before = snapshot(window.store)
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    saved(qtbot, window)
    assert form.refusal.text() == refused_as("event", "agenda", agenda)
    assert snapshot(window.store) == before


def test_spin_boxes_of_stored_figures_take_the_rules_range(qtbot):
    from planner_desktop.ui.prioritization.reconcile_box import ReconcileBox

    box = ReconcileBox()
    qtbot.addWidget(box)
    for spin, column in ((box.issued, "ballots_issued"), (box.counted, "ballots_counted"),
                         (box.present, "participants_present")):
        low, high = rules.rule_for("prioritization_round", column).bounds()
        assert (spin.minimum(), spin.maximum()) == (low, high)
        spin.setValue(high)
        assert spin.value() == high
