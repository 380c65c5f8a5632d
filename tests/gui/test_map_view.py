"""The map of the territory in the window (issue 18, point 2), used like a person would.

From a new municipality with no geometry: the map says how to get one; shapes and points
written through the window's undoable edits are drawn; a figure colours them with a
legend; a click chooses the place in the territory tree and a row chosen there is
outlined on the map; a community is placed by a click and Ctrl+Z takes it back; the map
zooms, pans and fits, and its names never overlap.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtWidgets import QToolButton
from sqlalchemy import select

from planner_desktop.context import open_database
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.maps.figures import Figure
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.commands import EditRecord
from planner_desktop.ui.map_page import MapPage
from planner_desktop.ui.models.tree import NODE_ROLE
from planner_desktop.ui.pages.base import PageContext
from tests.gui.capture_helpers import new_municipality, saved
from tests.gui.test_window import open_window

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
SQUARE = {"type": "Polygon", "coordinates": [[[-66.2, -17.4], [-66.0, -17.4], [-66.0, -17.2],
                                               [-66.2, -17.2], [-66.2, -17.4]]]}
FIELD = {"type": "Polygon", "coordinates": [[[-66.18, -17.38], [-66.15, -17.38],
                                              [-66.15, -17.35], [-66.18, -17.35],
                                              [-66.18, -17.38]]]}
WELL = {"type": "Point", "coordinates": [-66.05, -17.25]}


def compact(geometry: dict) -> str:
    return json.dumps(geometry, separators=(",", ":"))


def ids(path: Path) -> dict[str, object]:
    store = open_database(path, must_exist=True)
    try:
        with store.session() as session:
            found = {name: key for key, name in session.execute(select(Community.id,
                                                                        Community.name))}
            found["district"] = session.scalar(select(District.id))
            return found
    finally:
        store.close()


def stored(window, community_id) -> str | None:
    with window.store.session() as session:
        return session.scalar(select(Community.geometry).where(Community.id == community_id))


def edit_geometry(window, model, key, geometry: dict) -> None:
    """A geometry written as the window writes: an undoable edit on its stack."""
    hub = hub_for(window.undo_stack, window.store)
    window.undo_stack.push(
        EditRecord(hub, "geometry", model, key, {"geometry": compact(geometry)},
                   {"geometry": None})
    )


def show_map(qtbot, window) -> MapPage:
    button = window.navigation.widgetForAction(window.navigation.map_action)
    assert isinstance(button, QToolButton) and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.map_page
    assert page is not None and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.data is not None and page._job is None, timeout=10000)
    return page


def drawn(qtbot, page: MapPage, count: int) -> None:
    qtbot.waitUntil(lambda: len(page.scene.items_by_id) == count and page._job is None,
                    timeout=10000)


@pytest.fixture
def mapped(qtbot, settings, tmp_path):
    """The window on a new municipality: a district square, Chaupi Loma a field inside
    it, Villa Esperanza with no place yet, then a well (a point) for Villa Esperanza."""
    path = new_municipality(tmp_path / "new.sqlite")
    keys = ids(path)
    window = open_window(qtbot, settings, path)
    return window, keys


def test_no_geometry_says_how_to_get_a_map(qtbot, mapped):
    window, _keys = mapped
    page = show_map(qtbot, window)
    assert page.stack.currentWidget() is page.empty
    assert "GeoPackage, Shapefile o GeoJSON" in page.empty.text()
    assert page.scene.items_by_id == {}
    assert not page.place_button.isEnabled()


def test_no_municipality_is_said_in_one_line(qtbot, tmp_path):
    from PySide6.QtGui import QUndoStack

    store = open_database(tmp_path / "empty.sqlite")
    try:
        page = MapPage(PageContext(store, QUndoStack()))
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: page.data is not None, timeout=10000)
        assert page.stack.currentWidget() is page.empty
        assert "no hay municipio" in page.empty.text()
    finally:
        store.close()


def test_places_written_in_the_window_are_drawn_and_coloured_by_a_figure(qtbot, mapped):
    window, keys = mapped
    page = show_map(qtbot, window)
    edit_geometry(window, District, keys["district"], SQUARE)
    edit_geometry(window, Community, keys["Chaupi Loma"], FIELD)
    saved(qtbot, window)
    drawn(qtbot, page, 2)
    assert page.stack.currentWidget() is page.view
    assert "1 comunidad todavía no tiene ubicación" in page.status.text()
    edit_geometry(window, Community, keys["Villa Esperanza"], WELL)
    saved(qtbot, window)
    drawn(qtbot, page, 3)
    well = page.scene.shapes[keys["Villa Esperanza"]]
    assert well.point is not None and well.path is None
    assert page.scene.shapes[keys["Chaupi Loma"]].path is not None
    assert page.legend.rows == []  # no figure chosen yet

    with qtbot.waitSignal(page.sig_recoloured, timeout=10000):
        page.figure_box.setCurrentIndex(page.figure_box.findData(Figure.top_priority.value))
    assert page.legend.title.text() == page.figure_box.currentText()
    assert page.legend.rows == ["0"]  # no demand yet: none prioritised anywhere
    item = page.scene.items_by_id[keys["Chaupi Loma"]]
    assert item.brush().color().name() == page.legend.colours[0]

    with qtbot.waitSignal(page.sig_recoloured, timeout=10000):
        page.choose_figure(Figure.demands_per_thousand)
    assert page.legend.rows == [_("No value")]  # no population: no value at all
    assert page.legend.note.isVisibleTo(page) and page.legend.note.text()


def click_scene(qtbot, page: MapPage, point: QPointF) -> None:
    at = page.view.mapFromScene(point)
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def current_node(window):
    return window.territory.view.currentIndex().data(NODE_ROLE)


def test_a_click_chooses_in_the_tree_and_the_tree_outlines_on_the_map(qtbot, mapped):
    window, keys = mapped
    page = show_map(qtbot, window)
    for model, key, geometry in ((District, keys["district"], SQUARE),
                                 (Community, keys["Chaupi Loma"], FIELD),
                                 (Community, keys["Villa Esperanza"], WELL)):
        edit_geometry(window, model, key, geometry)
    saved(qtbot, window)
    drawn(qtbot, page, 3)
    scopes = []
    window.territory.sig_scope_changed.connect(scopes.append)

    click_scene(qtbot, page, page.scene.shapes[keys["Villa Esperanza"]].anchor)
    assert current_node(window).id == keys["Villa Esperanza"]
    assert scopes[-1].community_id == keys["Villa Esperanza"]
    assert page.scene.highlighted == keys["Villa Esperanza"]

    click_scene(qtbot, page, page.scene.shapes[keys["Chaupi Loma"]].anchor)
    assert current_node(window).id == keys["Chaupi Loma"]

    district_only = QPointF(page.scene.shapes[keys["district"]].path.boundingRect().topLeft()
                            + QPointF(0.5, 0.5))
    click_scene(qtbot, page, district_only)
    assert current_node(window).kind == "district"
    assert window.scope.district_id == keys["district"]

    tree, model = window.territory.view, window.territory.model
    municipality = model.index(0, 0, QModelIndex())
    district = model.index(0, 0, municipality)
    for row in range(model.rowCount(district)):
        index = model.index(row, 0, district)
        if index.data(NODE_ROLE).id == keys["Villa Esperanza"]:
            tree.setCurrentIndex(index)
    assert page.scene.highlighted == keys["Villa Esperanza"]


def test_a_community_is_placed_by_a_click_and_ctrl_z_takes_it_back(qtbot, mapped):
    window, keys = mapped
    page = show_map(qtbot, window)
    edit_geometry(window, District, keys["district"], SQUARE)
    saved(qtbot, window)
    drawn(qtbot, page, 1)
    assert not page.place_button.isEnabled(), "no community chosen yet"
    from planner_desktop.ui.map_tree import select_in_tree

    assert select_in_tree(window.territory, "community", keys["Villa Esperanza"],
                          keys["district"])
    assert page.place_button.isEnabled()
    qtbot.mouseClick(page.place_button, Qt.MouseButton.LeftButton)
    assert page.view.picking and "Villa Esperanza" in page.status.text()

    spot = page.scene.shapes[keys["district"]].path.boundingRect().center()
    click_scene(qtbot, page, spot)
    saved(qtbot, window)
    drawn(qtbot, page, 2)
    assert not page.view.picking
    geometry = json.loads(stored(window, keys["Villa Esperanza"]))
    assert geometry["type"] == "Point"
    lon, lat = geometry["coordinates"]
    assert lon == round(lon, 6) and lat == round(lat, 6)
    assert lon == pytest.approx(-66.1, abs=0.01) and lat == pytest.approx(-17.3, abs=0.01)
    placed = page.scene.shapes[keys["Villa Esperanza"]]
    assert placed.point is not None
    assert page.view.mapFromScene(placed.point) == page.view.mapFromScene(spot)
    assert page.scene.highlighted == keys["Villa Esperanza"]

    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    saved(qtbot, window)
    drawn(qtbot, page, 1)
    assert stored(window, keys["Villa Esperanza"]) is None

    qtbot.mouseClick(page.place_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert not page.view.picking and not page.place_button.isChecked()


def test_zoom_pan_fit_and_names_that_do_not_overlap(qtbot, mapped):
    window, keys = mapped
    page = show_map(qtbot, window)
    for model, key, geometry in ((District, keys["district"], SQUARE),
                                 (Community, keys["Chaupi Loma"], FIELD),
                                 (Community, keys["Villa Esperanza"], WELL)):
        edit_geometry(window, model, key, geometry)
    saved(qtbot, window)
    drawn(qtbot, page, 3)
    view = page.view
    assert view.zoom == pytest.approx(1.0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.zoom == pytest.approx(1.25)
    qtbot.mouseClick(page.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.zoom == pytest.approx(1.25**2)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom == pytest.approx(1.25)
    centre = view.visible_rect().center()
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.visible_rect().center().x() > centre.x()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.visible_rect().center().y() > centre.y()
    before = view.visible_rect().center()
    middle = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    qtbot.mouseMove(view.viewport(), middle + QPoint(60, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=middle + QPoint(60, 0))
    assert view.visible_rect().center().x() < before.x(), "dragged east: see further west"
    assert current_node(window) is None or current_node(window).kind == "municipality", \
        "a drag is not a click"
    qtbot.mouseClick(page.fit_button, Qt.MouseButton.LeftButton)
    assert view.zoom == pytest.approx(1.0)
    assert view.visible_rect().contains(page.scene.bounds)

    for _step in range(6):
        qtbot.keyClick(view, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: not page._labels_due.isActive(), timeout=2000)
    boxes = [label.box.translated(view.mapFromScene(label.anchor).toPointF())
             for label in view.labels.placed]
    assert boxes, "names are shown"
    for n, box in enumerate(boxes):
        assert all(not box.intersects(other) for other in boxes[n + 1:])
        assert view.viewport().rect().toRectF().contains(box)


SHOWN_LATER = """
import sys, time
from PySide6.QtWidgets import QApplication
from planner_desktop.settings import Settings
from planner_desktop.ui.main_window import MainWindow
app = QApplication([])
window = MainWindow(Settings(__import__("pathlib").Path(sys.argv[2]) / "settings.json"))
window.show()
window.open_database(sys.argv[1])
end = time.monotonic() + 60
while not window.pages and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
before = [m for m in ("shapely", "numpy", "planner_desktop.ui.map_page") if m in sys.modules]
window.show_map()
while window.map_page.data is None and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.01)
after = [m for m in ("shapely", "numpy", "planner_desktop.ui.map_page") if m in sys.modules]
print(before, after)
window.close()
"""


def test_the_map_and_shapely_load_only_when_the_map_is_shown(demo_db, tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run([sys.executable, "-c", SHOWN_LATER, str(demo_db), str(tmp_path)],
                          env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = done.stdout.strip().splitlines()[-1].split("] [")
    assert before == "[", "nothing of the map before it is shown"
    assert "shapely" in after and "planner_desktop.ui.map_page" in after


def test_a_demand_saved_anywhere_recolours_the_map(qtbot, mapped):
    from planner_desktop.domain.demands import Demand
    from planner_desktop.domain.territory import Sector
    from planner_desktop.ui.commands import CreateRecord

    window, keys = mapped
    page = show_map(qtbot, window)
    hub = hub_for(window.undo_stack, window.store)
    for model, key, geometry in ((District, keys["district"], SQUARE),
                                 (Community, keys["Chaupi Loma"], FIELD),
                                 (Community, keys["Villa Esperanza"], WELL)):
        edit_geometry(window, model, key, geometry)
    for name in ("Chaupi Loma", "Villa Esperanza"):
        window.undo_stack.push(EditRecord(hub, "people", Community, keys[name],
                                          {"population_women": 250, "population_men": 250},
                                          {"population_women": 0, "population_men": 0}))
    saved(qtbot, window)
    drawn(qtbot, page, 3)
    with qtbot.waitSignal(page.sig_recoloured, timeout=10000):
        page.choose_figure(Figure.demands_per_thousand)
    assert page.legend.rows == ["0"]
    with window.store.session() as session:
        sector = session.scalar(select(Sector.id))
    with qtbot.waitSignal(page.sig_recoloured, timeout=10000):
        window.undo_stack.push(CreateRecord(hub, "demand", Demand, {
            "community_id": keys["Villa Esperanza"], "code": "D-1", "sector_id": sector,
            "description": "Agua potable"}))
    assert len(page.legend.rows) == 2 and page.legend.rows[1].endswith("2"), \
        "a class up to 1 demand per 500 people"
    well = page.scene.items_by_id[keys["Villa Esperanza"]]
    assert well.brush().color().name() == page.legend.colours[1]
