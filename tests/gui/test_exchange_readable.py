"""Issue 13, point 4: conflicts in people's words.

Two laptops edit the same community (and the same demand) from the same base; the office
merges their files into an empty database and reads the conflict window: fields titled as
the forms title them, names instead of ids, labels instead of codes, amounts and dates in
the window's language, and each version named by its laptop, facilitator and moment.
"""

from __future__ import annotations

import shutil
import uuid
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from planner_desktop.domain import models as m
from planner_desktop.domain.enums import CommunityKind, Group
from planner_desktop.domain.provenance import Provenance
from planner_desktop.exchange.laptops import when
from planner_desktop.exchange.session import list_conflicts
from planner_desktop.i18n import _
from planner_desktop.store.database import Store, open_store
from planner_desktop.ui import formatting
from planner_desktop.ui.exchange.conflict_view import ConflictDialog
from planner_desktop.ui.language import apply_language
from tests.exchange.builders import edit, export_all, merge, new_laptop, populate

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def session_files(tmp_path_factory):
    """The base file and two laptops' edits of it, made once; and an empty database to copy."""
    folder = tmp_path_factory.mktemp("laptops")
    base = new_laptop(folder / "base")
    ids = populate(base.store, communities=1)
    with base.store.session() as s:
        second = m.District(municipality_id=ids["municipality"], code="D2", name="Distrito Norte")
        s.add(second)
        s.flush()
        ids["district2"] = second.id
    base_file = export_all(base, "Ana Quispe", "base.cumbre")
    laptops = []
    for name in ("uno", "dos"):
        laptop = new_laptop(folder / name)
        merge(laptop.store, base_file)
        laptops.append(laptop)
    first, second_laptop = laptops
    community, demand = ids["community0"], ids["demand0"]
    edit(
        first.store,
        m.Community,
        community,
        population_women=1250,
        kind=CommunityKind.neighbourhood,
        district_id=ids["district2"],
    )
    edit(first.store, m.Demand, demand, estimated_cost=Decimal("2500.50"))
    edit(second_laptop.store, m.Community, community, population_women=18, name="Villa Nueva")
    edit(
        second_laptop.store,
        m.Demand,
        demand,
        estimated_cost=Decimal("1800"),
        raising_group=Group.youth,
    )
    files = [
        base_file,
        export_all(first, "Rosa Mamani", "sesion-2026-03-02-a1b2c3.cumbre"),
        export_all(second_laptop, "Juan Choque", "sesion-2026-03-02-d4e5f6.cumbre"),
    ]
    for laptop in (base, first, second_laptop):
        laptop.close()
    empty = folder / "empty.sqlite"
    open_store(empty, Provenance(uuid.uuid4())).close()
    return files, ids, empty


@pytest.fixture
def office(session_files, tmp_path):
    """An empty office database (this test's own) that merged the three files."""
    files, ids, empty = session_files
    shutil.copyfile(empty, tmp_path / "oficina.sqlite")
    hq = open_store(tmp_path / "oficina.sqlite", Provenance(uuid.uuid4(), "Equipo técnico"))
    reports = merge(hq, *files)
    assert [r.counts.conflicts for r in reports] == [0, 0, 2]
    yield hq, ids
    hq.close()


def open_dialog(qtbot, store: Store) -> ConflictDialog:
    dialog = ConflictDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choose_record(dialog: ConflictDialog, table: str) -> None:
    row = next(n for n, c in enumerate(dialog.list_model.conflicts) if c.table == table)
    dialog.list_view.selectRow(row)


def cells(dialog: ConflictDialog) -> dict[str, list[str]]:
    """Field title → the texts of the versions and the result, as the table shows them."""
    model = dialog.fields_model
    return {
        model.index(row, 0).data(): [
            model.index(row, column).data() for column in range(1, model.columnCount())
        ]
        for row in range(model.rowCount())
    }


def headers(dialog: ConflictDialog) -> list[str]:
    model = dialog.fields_model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, model.result_column)]


def test_fields_and_values_read_as_a_person_knows_them(qtbot, office):
    hq, _ids = office
    dialog = open_dialog(qtbot, hq)
    listed = {
        dialog.list_model.index(r, 1).data(): dialog.list_model.index(r, 0).data()
        for r in range(dialog.list_model.rowCount())
    }
    assert listed["Comunidad"] in ("C0 · Villa Nueva", "C0 · Comunidad 0")
    assert listed["Demanda"] == "DEM-0 · Sistema de agua"

    choose_record(dialog, "community")
    shown = cells(dialog)
    assert "population_women" not in shown and "district_id" not in shown
    differing = [
        dialog.fields_model.index(r, 0).data() for r in range(len(dialog.fields_model.differing))
    ]
    assert differing == ["Distrito", "Comunidad", "Tipo", "Mujeres"], "the form's order"
    rest = list(shown)[len(differing) :]
    assert rest == [
        "Código",
        "Área",
        "Hombres",
        "Niños",
        "Jóvenes",
        "Adultos",
        "Adultos mayores",
        "Familias",
        "Geometría",
        _("Deleted on"),
    ]
    assert sorted(shown["Mujeres"][:2]) == ["1.250", "18"]
    assert sorted(shown["Distrito"][:2]) == ["Distrito 1", "Distrito Norte"]
    assert sorted(shown["Tipo"][:2]) == ["Barrio", "Comunidad"]
    assert shown["Hombres"] == ["12", "12", "12"]
    assert all(len(texts) == 3 for texts in shown.values())
    assert not any("-" in text and len(text) == 36 for texts in shown.values() for text in texts)

    choose_record(dialog, "demand")
    shown = cells(dialog)
    assert sorted(shown["Costo estimado"][:2]) == ["1.800,00", "2.500,50"]
    assert sorted(shown["Planteado por"][:2]) == ["Jóvenes", "Mixto"]
    assert shown["Comunidad"][0] in ("Villa Nueva", "Comunidad 0")
    assert shown["Sector"] == ["Salud"] * 3


def test_each_version_names_its_laptop_facilitator_and_moment(qtbot, office):
    hq, _ids = office
    dialog = open_dialog(qtbot, hq)
    choose_record(dialog, "community")
    conflict = dialog.fields_model.conflict
    texts = headers(dialog)
    assert len(texts) == 2
    for text, version in zip(texts, conflict.versions, strict=True):
        assert ".cumbre" not in text
        assert formatting.date_time(when(version.updated_at)) in text.splitlines()[-1]
    laptops = sorted(text.splitlines()[1] for text in texts)
    assert laptops == sorted(
        _("laptop of {facilitator}").format(facilitator=name)
        for name in ("Juan Choque", "Rosa Mamani")
    )
    tips = [
        dialog.fields_model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        for c in (1, 2)
    ]
    assert sorted(tips) == [
        _("Came in: {files}").format(files=f"sesion-2026-03-02-{code}.cumbre")
        for code in ("a1b2c3", "d4e5f6")
    ]


def test_in_english_the_same_conflict_reads_in_english(qtbot, office):
    hq, _ids = office
    apply_language("en")
    dialog = open_dialog(qtbot, hq)
    choose_record(dialog, "community")
    shown = cells(dialog)
    assert sorted(shown["Women"][:2]) == ["1,250", "18"]
    assert sorted(shown["Type"][:2]) == ["Community", "Neighbourhood"]
    assert sorted(shown["District"][:2]) == ["Distrito 1", "Distrito Norte"]
    assert sorted(t.splitlines()[1] for t in headers(dialog)) == [
        "laptop of Juan Choque",
        "laptop of Rosa Mamani",
    ]
    choose_record(dialog, "demand")
    assert sorted(cells(dialog)["Estimated cost"][:2]) == ["1,800.00", "2,500.50"]


def type_result(qtbot, dialog: ConflictDialog, title: str, text: str) -> None:
    """Go to the result of the field titled ``title``, F2, type ``text``, Enter."""
    model, view = dialog.fields_model, dialog.fields_view
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index(title)
    index = model.index(row, model.result_column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState, timeout=2000)


def pick(qtbot, dialog: ConflictDialog, title: str, shown_text: str) -> None:
    """Click the version cell of the field titled ``title`` that shows ``shown_text``."""
    model, view = dialog.fields_model, dialog.fields_view
    row = [model.index(r, 0).data() for r in range(model.rowCount())].index(title)
    column = next(
        c for c in range(1, model.result_column) if model.index(row, c).data() == shown_text
    )
    rect = view.visualRect(model.index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_person_picks_and_types_in_their_words_and_resolves(qtbot, office):
    hq, ids = office
    dialog = open_dialog(qtbot, hq)
    choose_record(dialog, "community")
    pick(qtbot, dialog, "Distrito", "Distrito Norte")
    type_result(qtbot, dialog, "Tipo", "otb")
    type_result(qtbot, dialog, "Mujeres", "1.300")
    shown = cells(dialog)
    assert shown["Distrito"][-1] == "Distrito Norte"
    assert shown["Tipo"][-1] == "OTB"
    assert shown["Mujeres"][-1] == "1.300"

    type_result(qtbot, dialog, "Mujeres", "muchas")
    assert dialog.message.text() == "Mujeres: Escriba un número entero"
    assert cells(dialog)["Mujeres"][-1] == "1.300"
    type_result(qtbot, dialog, "Distrito", "Distrito Sur")
    refused = _("choose one of: {choices}").format(choices="Distrito Norte, Distrito 1")
    other_order = _("choose one of: {choices}").format(choices="Distrito 1, Distrito Norte")
    assert dialog.message.text() in (f"Distrito: {refused}", f"Distrito: {other_order}")

    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert [c.table for c in list_conflicts(hq)] == ["demand"]
    with hq.session() as s:
        community = s.get(m.Community, ids["community0"])
        assert community.district_id == ids["district2"]
        assert community.kind is CommunityKind.otb
        assert community.population_women == 1300

    choose_record(dialog, "demand")
    type_result(qtbot, dialog, "Costo estimado", "2.100,75")
    assert cells(dialog)["Costo estimado"][-1] == "2.100,75"
    qtbot.mouseClick(dialog.resolve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=10000)
    assert list_conflicts(hq) == []
    with hq.session() as s:
        assert s.get(m.Demand, ids["demand0"]).estimated_cost == Decimal("2100.75")
