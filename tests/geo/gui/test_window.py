"""Issue 18, point 1, in the window: a community's point typed in its form, and district
and community shapes imported through File › Import territory shapes…, each one undoable
step, from a municipality made in the first-run wizard."""

from __future__ import annotations

import json

import pytest
import shapely

from planner_desktop.capture import records
from planner_desktop.domain.territory import Community, District
from planner_desktop.ui import geometry_import
from planner_desktop.ui.geometry_import import GeometryImportDialog
from tests.geo.files import square, write_gpkg
from tests.gui.test_territory_editing import click, new_community, page, saved  # noqa: F401

pytestmark = pytest.mark.gui


def _geometry(window, model, record_id):
    text = records.read(window.store, model, record_id, ["geometry"])["geometry"]
    return None if text is None else json.loads(text)


def _only(window, model):
    with window.store.session() as session:
        [record] = session.query(model).filter(model.deleted_at.is_(None)).all()
        return record.id


def test_a_point_typed_in_the_community_form_and_undone(qtbot, page):  # noqa: F811
    window, page = page
    editing = page.territory_editing
    click(qtbot, editing.add_community_button)
    form = editing.community_form
    qtbot.keyClicks(form.name, "Rodeo Chico")
    qtbot.keyClicks(form.latitude, "95")
    qtbot.keyClicks(form.longitude, "-66,157")
    click(qtbot, editing.save_community)
    assert "Latitude" in form.error.text() or "Latitud" in form.error.text()
    assert form.latitude.hasFocus()
    form.latitude.clear()
    qtbot.keyClicks(form.latitude, "-17,3935")
    click(qtbot, editing.save_community)
    saved(qtbot, window)
    community = _only(window, Community)
    assert _geometry(window, Community, community) == {
        "type": "Point", "coordinates": [-66.157, -17.3935]
    }

    editing.views[Community].setCurrentIndex(editing.views[Community].model().index(0, 0))
    assert editing.edit_community()
    form = editing.community_form
    assert form.latitude.text() == "-17.3935" and form.longitude.text() == "-66.157"
    form.latitude.clear()
    qtbot.keyClicks(form.latitude, "-17.5")
    click(qtbot, editing.save_community)
    saved(qtbot, window)
    assert _geometry(window, Community, community)["coordinates"] == [-66.157, -17.5]
    window.undo_stack.undo()
    saved(qtbot, window)
    assert _geometry(window, Community, community)["coordinates"] == [-66.157, -17.3935]


def test_shapes_imported_through_the_dialog_in_one_undoable_step(
    qtbot, page, tmp_path, monkeypatch  # noqa: F811
):
    window, page = page
    new_community(qtbot, window, page, "Rodeo Chico", {})
    district, community = _only(window, District), _only(window, Community)
    source = write_gpkg(
        tmp_path / "limites.gpkg",
        [({"codigo": "D1", "nombre": "x"}, square(-66.3, -17.3)),
         ({"codigo": "", "nombre": "RODEO CHICO"}, square(-66.29, -17.29, 0.01)),
         ({"codigo": "Z", "nombre": "Nadie"}, square(-66.1, -17.1))],
        srs_id=32719,
        table="limites",
    )  # fmt: skip
    monkeypatch.setattr(geometry_import, "open_file", lambda *_args: str(source))
    action = window.findChild(type(window.menuBar().actions()[0]), "action_import_shapes")
    assert action is not None
    action.trigger()
    dialog = window.findChild(GeometryImportDialog)
    assert dialog is not None and not dialog.import_button.isEnabled()
    click(qtbot, dialog.findChild(type(dialog.import_button), "chooseGeometryFile"))
    assert dialog.layer.currentText() == "limites"
    assert dialog.code_field.currentText() == "codigo"
    assert dialog.preview is not None and dialog.preview.level == "community"  # a tie
    dialog.level.setCurrentIndex(dialog.level.findData("district"))
    dialog.level.activated.emit(dialog.level.currentIndex())
    assert dialog.preview.level == "district"
    assert [m.place.id for m in dialog.preview.changes] == [district]
    assert "D1" in dialog.details.toPlainText()

    dialog.level.setCurrentIndex(dialog.level.findData("community"))
    dialog.level.activated.emit(dialog.level.currentIndex())
    assert [m.place.id for m in dialog.preview.changes] == [community]
    assert "Nadie" in dialog.details.toPlainText()
    click(qtbot, dialog.import_button)
    saved(qtbot, window)
    shape = shapely.geometry.shape(_geometry(window, Community, community))
    assert shape.symmetric_difference(square(-66.29, -17.29, 0.01)).area < 1e-9
    assert _geometry(window, District, district) is None
    assert window.undo_stack.count() >= 1
    window.undo_stack.undo()
    saved(qtbot, window)
    assert _geometry(window, Community, community) is None
    window.undo_stack.redo()
    saved(qtbot, window)
    assert _geometry(window, Community, community)["type"] == "Polygon"


def test_a_bad_file_is_refused_in_the_dialog(qtbot, page, tmp_path):  # noqa: F811
    window, page = page
    bad = tmp_path / "roto.gpkg"
    bad.write_text("not a database")
    dialog = GeometryImportDialog(window.store, window.undo_stack, window)
    qtbot.addWidget(dialog)
    dialog.set_file(bad)
    assert dialog.refusal.text().startswith("roto.gpkg: ")
    assert not dialog.import_button.isEnabled()
