"""A new municipality with its territory and nothing captured yet, for capture tests.

The territory (a district, two communities, sectors and dimensions) is not what these
tests are about, so it is written directly; everything captured is typed in the window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from planner_desktop.context import open_database
from planner_desktop.domain.diagnosis import SelfDiagnosis
from planner_desktop.domain.territory import (
    Community,
    Dimension,
    District,
    Municipality,
    Sector,
)
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for

SECTORS = ("Agua potable", "Caminos", "Educación", "Salud")
DIMENSIONS = ("Físico-natural", "Socio-cultural")


def new_municipality(path: Path, *, self_diagnosis: bool = False) -> Path:
    """A database holding only a municipality's territory: no event, person or demand
    (with ``self_diagnosis``, an empty self-diagnosis of the first community)."""
    store = open_database(path)
    try:
        with store.session() as session:
            municipality = Municipality(name="Municipio Nuevo")
            district = District(code="D1", name="Distrito Uno")
            municipality.districts.append(district)
            for position, name in enumerate(DIMENSIONS, start=1):
                municipality.dimensions.append(
                    Dimension(code=f"d{position}", name=name, position=position)
                )
            for n, name in enumerate(SECTORS, start=1):
                municipality.sectors.append(Sector(code=f"s{n}", name=name))
            session.add(municipality)
            session.flush()
            communities = [
                Community(district_id=district.id, code=code, name=name)
                for code, name in (("C01", "Chaupi Loma"), ("C02", "Villa Esperanza"))
            ]
            session.add_all(communities)
            if self_diagnosis:
                session.flush()
                session.add(SelfDiagnosis(community_id=communities[0].id, date=date(2026, 3, 7)))
    finally:
        store.close()
    return path


def type_text(qtbot, widget, text: str) -> None:
    """Type like a person, accents and ñ included (QTest only knows ASCII keys)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def saved(qtbot, window) -> None:
    """Wait until every queued write is in the database and announced."""
    hub = hub_for(window.undo_stack, window.store)
    jobs.wait_for_all()
    qtbot.waitUntil(lambda: hub.pending == 0, timeout=5000)


def type_into_cell(qtbot, view, row: int, column: int, text: str) -> None:
    """Select a cell, start typing over it as in a spreadsheet, and leave it with Enter."""
    view.setFocus()
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)
