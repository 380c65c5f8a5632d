"""Funding sources made in the window from an empty database (issue 14): a source added,
its code, name, kind and funder typed over, two ceilings typed and one undone, a bad value
refused in place naming the field, a used source kept and an unused one deleted."""

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox
from sqlalchemy import select

from planner_desktop.domain import rules
from planner_desktop.domain.enums import FundingKind
from planner_desktop.domain.projects import (
    FundingSource,
    MultiYearProgramming,
    ProjectProfile,
    SourceCeiling,
)
from planner_desktop.domain.setup import create_municipality
from planner_desktop.i18n import _
from planner_desktop.ui import formatting, jobs
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.plan.sources_tab import FundingSourcesTab
from tests.gui.capture_helpers import type_into_cell
from tests.helpers import new_store

pytestmark = pytest.mark.gui

NAME = "Cooperación Suiza – Gestión de riesgos"
FUNDER = "Agencia Suiza para el Desarrollo y la Cooperación"


@pytest.fixture
def tab(qtbot, tmp_path):
    store = new_store(tmp_path / "empty.sqlite")
    with store.session() as session:
        create_municipality(session, name="Municipio Nuevo")
    undo_stack = QUndoStack()
    widget = FundingSourcesTab(store, hub_for(undo_stack, store), undo_stack)
    widget.undo_stack = undo_stack
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    jobs.wait_for_all()
    store.close()


def saved(qtbot, tab):
    """Every queued write in the database and announced."""
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: tab.hub.pending == 0, timeout=5000)


def shown(tab):
    model = tab.model
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def stored_sources(tab):
    with tab.store.session() as session:
        rows = session.scalars(select(FundingSource).order_by(FundingSource.created_at))
        return [(s.code, s.name, s.kind, s.funder, s.deleted_at is None) for s in rows]


def stored_ceilings(tab):
    with tab.store.session() as session:
        rows = session.execute(
            select(SourceCeiling.year, SourceCeiling.amount).where(
                SourceCeiling.deleted_at.is_(None)
            )
        )
        return {int(year): amount for year, amount in rows}


def choose_kind(qtbot, tab, row, typed):
    """Open the kind's drop-down, type the first letters of a kind, leave with Enter."""
    view = tab.view
    index = tab.model.index(row, 2)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox)
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None, timeout=2000)
    qtbot.wait(10)  # the closed drop-down is deleted, as the window's event loop does


def test_a_source_is_made_typed_given_ceilings_and_deleted(qtbot, tab):
    assert shown(tab) == []
    assert not tab.delete.isEnabled()
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    transfer = _("National transfer")
    assert shown(tab) == [("F-01", _("New funding source"), transfer, "")]
    assert tab.view.currentIndex().column() == 1, "the keyboard is on the new source's name"

    type_into_cell(qtbot, tab.view, 0, 0, "COSUDE")
    type_into_cell(qtbot, tab.view, 0, 1, NAME)
    choose_kind(qtbot, tab, 0, "Coop")
    type_into_cell(qtbot, tab.view, 0, 3, FUNDER)
    external = _("External cooperation")
    assert shown(tab) == [("COSUDE", NAME, external, FUNDER)], "shown at once"
    saved(qtbot, tab)
    assert stored_sources(tab) == [("COSUDE", NAME, FundingKind.external, FUNDER, True)]
    assert shown(tab) == [("COSUDE", NAME, external, FUNDER)]

    # a bad value is refused in place, naming the field, and nothing is saved
    steps = tab.undo_stack.count()
    type_into_cell(qtbot, tab.view, 0, 1, "   ")
    assert tab.refusal.text() == _("{field}: write a name.").format(field=_("Name"))
    assert tab.model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert tab.model.index(0, 1).data() == NAME
    assert tab.undo_stack.count() == steps

    # two ceilings under it, in the years of the plan period; one undone
    ceilings = tab.ceilings
    assert [ceilings.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "2026",
        "2027",
        "2028",
        "2029",
        "2030",
    ]
    assert "COSUDE" in tab.ceilings_title.text()
    type_into_cell(qtbot, tab.ceilings_view, 0, 1, "1.500.000")
    assert tab.refusal.text() == ""
    type_into_cell(qtbot, tab.ceilings_view, 0, 2, "1.650.000,50")
    type_into_cell(qtbot, tab.ceilings_view, 0, 3, "-5")
    assert tab.refusal.text().startswith(_("Ceiling {year}").format(year=2029) + ": ")
    assert tab.refusal.text().endswith(rules.MONEY.problem(Decimal(-5)))
    saved(qtbot, tab)
    assert stored_ceilings(tab) == {2027: Decimal(1500000), 2028: Decimal("1650000.50")}
    assert ceilings.index(0, 1).data() == formatting.money(Decimal(1500000))
    assert ceilings.index(0, 5).data() == formatting.money(Decimal("3150000.50")), "the total"

    tab.undo_stack.undo()
    saved(qtbot, tab)
    assert stored_ceilings(tab) == {2027: Decimal(1500000)}
    qtbot.waitUntil(lambda: ceilings.index(0, 2).data() == "", timeout=3000)
    assert ceilings.index(0, 5).data() == formatting.money(Decimal(1500000))

    # the same code twice is refused
    qtbot.mouseClick(tab.add, Qt.MouseButton.LeftButton)
    saved(qtbot, tab)
    row = tab.model.row_of(tab.current_source().id)
    type_into_cell(qtbot, tab.view, row, 0, "cosude")
    assert tab.refusal.text().startswith(_("Code") + ": cosude")
    assert [line.code for line in tab.model.lines] == ["COSUDE", "F-01"]

    # a used source is kept, saying what uses it; the unused one is deleted
    with tab.store.session() as session:
        profile = ProjectProfile(
            municipality_id=tab.municipality_id, code="PRY-001", name="Defensivos"
        )
        session.add(profile)
        session.flush()
        source_id = tab.model.lines[0].id
        session.add(
            MultiYearProgramming(
                profile_id=profile.id, year=2027, source_id=source_id, amount=Decimal(1000)
            )
        )
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    qtbot.mouseClick(tab.delete, Qt.MouseButton.LeftButton)
    assert "COSUDE" in tab.refusal.text()
    assert _("Multi-year programming") in tab.refusal.text()
    tab.view.setCurrentIndex(tab.model.index(1, 0))
    qtbot.mouseClick(tab.delete, Qt.MouseButton.LeftButton)
    assert tab.refusal.text() == ""
    saved(qtbot, tab)
    assert [row[0] for row in shown(tab)] == ["COSUDE"]
    assert [(code, alive) for code, *_rest, alive in stored_sources(tab)] == [
        ("COSUDE", True),
        ("F-01", False),
    ]
    assert stored_ceilings(tab) == {2027: Decimal(1500000)}, "the used source keeps them"
