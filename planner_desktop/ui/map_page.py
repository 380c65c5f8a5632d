"""The map of the territory, beside the phase pages (the navigation's "Map" button).

Districts and communities are drawn from their stored geometry with no tiles and no
network, coloured by a figure chosen above the map (or none), with a legend beside it.
A click on a place chooses it in the territory tree (``sig_place_chosen``); choosing in
the tree outlines it here (:meth:`MapPage.show_scope`). "Place on the map" makes the next
click the place of the community chosen in the tree: a GeoJSON point written through an
undoable edit.

Reading runs in a worker (:func:`~planner_desktop.ui.map_data.read_map`); the page reads
again when the territory changes, and recolours when what the figures count changes, at
once if shown, else when next shown. The page is built only when first shown: shapely,
and through it numpy, is loaded then.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.map_data import MapData, Values, colouring, read_map, read_values
from planner_desktop.ui.map_legend import MapLegend
from planner_desktop.ui.map_scene import MapScene
from planner_desktop.ui.map_view import MapView
from planner_desktop.ui.scope import MUNICIPALITY, Scope

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from planner_desktop.maps.figures import Figure
    from planner_desktop.ui.jobs import Job
    from planner_desktop.ui.main_window import MainWindow
    from planner_desktop.ui.pages.base import PageContext

TERRITORY_TABLES = frozenset({"municipality", "district", "community"})
FIGURE_TABLES = frozenset(
    {
        "demand",
        "prioritization_round",
        "round_item",
        "round_result",
        "multi_year_programming",
        "project_profile",
        "profile_community",
        "funding_source",
        "attendance",
        "person",
        "event",
    }
)
"""Tables whose changes alter a figure's values (the territory's alter them too)."""
LEGEND_WIDTH = 230
LABELS_DELAY_MS = 30


class MapPage(QWidget):
    sig_place_chosen = Signal(str, object, object)
    """A place was clicked: its kind (``district``/``community``), id and district id."""
    sig_drawn = Signal()
    """The places were read and drawn (after a reload)."""
    sig_recoloured = Signal()

    def __init__(self, context: PageContext, scope: Scope = MUNICIPALITY) -> None:
        super().__init__()
        self.setObjectName("page_map")
        self.context = context
        self.store = context.store
        self.hub = hub_for(context.undo_stack, self.store)
        self.scope = scope
        self.data: MapData | None = None
        self.values: Values = {}
        self.figure: Figure | None = None
        self._job: Job | None = None
        self._again = False
        self._stale_map = False
        self._stale_values = False
        self._fitted = False
        self._serial = 0
        self._build()
        self._labels_due = QTimer(self)
        self._labels_due.setSingleShot(True)
        self._labels_due.setInterval(LABELS_DELAY_MS)
        self._labels_due.timeout.connect(self.place_labels)
        self.view.sig_view_changed.connect(self._labels_due.start)
        self.view.sig_place_clicked.connect(self._clicked)
        self.view.sig_point_picked.connect(self._picked)
        self.view.sig_pick_cancelled.connect(self._pick_ended)
        self.hub.sig_changed.connect(self._changed)
        self.retranslate()
        self.reload()

    # --- widgets -------------------------------------------------------------------------

    def _build(self) -> None:
        from planner_desktop.maps.figures import Figure

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.heading)

        bar = QHBoxLayout()
        self.figure_label = QLabel()
        self.figure_box = QComboBox()
        self.figure_box.setObjectName("mapFigure")
        self.figure_box.addItem("", None)
        for figure in Figure:
            self.figure_box.addItem("", figure.value)
        self.figure_label.setBuddy(self.figure_box)
        self.figure_box.currentIndexChanged.connect(self._figure_chosen)
        self.zoom_in_button = self._tool_button("mapZoomIn", "+")
        self.zoom_out_button = self._tool_button("mapZoomOut", "−")
        self.fit_button = self._tool_button("mapFit", "")
        self.place_button = QPushButton()
        self.place_button.setObjectName("mapPlacePoint")
        self.place_button.setCheckable(True)
        self.place_button.setEnabled(False)
        self.place_button.toggled.connect(self._place_toggled)
        bar.addWidget(self.figure_label)
        bar.addWidget(self.figure_box)
        bar.addSpacing(12)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.fit_button)
        bar.addSpacing(12)
        bar.addWidget(self.place_button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.status = QLabel()
        self.status.setObjectName("mapStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.scene = MapScene(self)
        self.view = MapView(self.scene)
        self.empty = QLabel()
        self.empty.setObjectName("mapEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.legend = MapLegend()
        self.legend.setFixedWidth(LEGEND_WIDTH)
        body = QHBoxLayout()
        body.addWidget(self.stack, 1)
        body.addWidget(self.legend)
        layout.addLayout(body, 1)
        self.zoom_in_button.clicked.connect(self.view.zoom_in)
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.fit_button.clicked.connect(self.view.fit)

    def _tool_button(self, name: str, text: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setText(text)
        return button

    def retranslate(self) -> None:
        from planner_desktop.maps.figures import Figure, title

        self.heading.setText(f"<h2>{_('Map')}</h2>")
        self.figure_label.setText(_("&Colour by:"))
        self.figure_box.setItemText(0, _("No figure"))
        for row, figure in enumerate(Figure, start=1):
            self.figure_box.setItemText(row, title(figure))
        self.zoom_in_button.setToolTip(_("Zoom in (+)"))
        self.zoom_out_button.setToolTip(_("Zoom out (−)"))
        self.fit_button.setText(_("Whole territory"))
        self.fit_button.setToolTip(_("Show the whole territory (0)"))
        self.place_button.setText(_("Place on the map"))
        self._show_state()

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the places (and the figure's values) again, in the background."""
        self._stale_map = self._stale_values = False
        if self._job is not None:
            self._again = True
            return
        store, figure = self.store, self.figure
        centre = None
        if self.data is not None and self.data.projection is not None:
            centre = (self.data.projection.lon0, self.data.projection.lat0)

        def work(_context: object) -> tuple[MapData, Values]:
            data = read_map(store, centre)
            found: Values = {}
            if figure is not None and data.municipality_id is not None and data.shapes:
                found = read_values(store, data.municipality_id, figure)
            return data, found

        self._job = jobs.run_job(self, work, on_done=self._read, on_error=self._failed,
                                 writes=False)

    def _read(self, result: tuple[MapData, Values]) -> None:
        self._job = None
        if self._again:
            self._again = False
            self.reload()
            return
        data, found = result
        had_shapes = self.data is not None and bool(self.data.shapes)
        self.data = data
        self.values = found
        self.scene.set_shapes(data.shapes)
        self._apply_colours()
        if data.shapes and (not had_shapes or not self._fitted):
            self._fitted = True
            self.view.fit()
        self.show_scope(self.scope)
        self._show_state()
        self.place_labels()
        self.sig_drawn.emit()

    def recolour(self) -> None:
        """Read the chosen figure's values again and colour the places by them."""
        self._stale_values = False
        data, figure = self.data, self.figure
        if self._job is not None:
            self._again = True
            return
        if data is None or data.municipality_id is None or figure is None or not data.shapes:
            self.values = {}
            self._apply_colours()
            self._show_state()
            self.place_labels()
            self.sig_recoloured.emit()
            return
        store, municipality_id = self.store, data.municipality_id
        self._job = jobs.run_job(
            self,
            lambda _context: read_values(store, municipality_id, figure),
            on_done=self._values_read,
            on_error=self._failed,
            writes=False,
        )

    def _values_read(self, found: Values) -> None:
        self._job = None
        if self._again:
            self._again = False
            self.reload()
            return
        self.values = found
        self._apply_colours()
        self._show_state()
        self.place_labels()
        self.sig_recoloured.emit()

    def _failed(self, error: BaseException) -> None:
        self._job = None
        self._again = False
        self.status.setText(jobs.error_text(error))

    def _apply_colours(self) -> None:
        """Colour the places by the values read and fill the legend."""
        from planner_desktop.maps.figures import title

        shapes = self.data.shapes if self.data is not None else []
        if self.figure is None or not shapes:
            self.scene.recolour(None)
            self.legend.clear()
            return
        found = colouring(shapes, self.values, self.figure)
        self.scene.recolour(found.colours)
        note = ""
        if not found.colours:
            note = (
                _("No community has a value for this figure yet.")
                if found.kind == "community"
                else _("No district has a value for this figure yet.")
            )
        self.legend.set_classes(
            title(self.figure), found.classes.labels, found.ramp, no_value=found.missing > 0,
            note=note,
        )

    def _show_state(self) -> None:
        """The map, or one line saying why there is none; the status line under the bar."""
        data = self.data
        if data is None:
            self.empty.setText(_("Reading the map…"))
            self.stack.setCurrentWidget(self.empty)
            return
        if data.municipality_id is None:
            self.empty.setText(_("There is no municipality yet: create one, or open the demo, "
                                 "to see its map."))
            self.stack.setCurrentWidget(self.empty)
        elif not data.shapes:
            self.empty.setText(_(
                "No district or community has a shape or a place yet. Import the territory's "
                "shapes (File › Import territory shapes…: GeoPackage, Shapefile or GeoJSON) to "
                "see the map; then a community chosen in the territory can be placed on it "
                "with “Place on the map”."
            ))
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
        parts = []
        if data.shapes and data.unplaced:
            parts.append(ngettext(
                "{n} community has no place on the map yet.",
                "{n} communities have no place on the map yet.",
                data.unplaced,
            ).format(n=data.unplaced))
        if data.skipped:
            parts.append(ngettext(
                "{n} stored shape could not be read and is not drawn: {names}.",
                "{n} stored shapes could not be read and are not drawn: {names}.",
                len(data.skipped),
            ).format(n=len(data.skipped), names=", ".join(data.skipped[:5])))
        if self.view.picking:
            parts = [self._picking_text()]
        self.status.setText("  ".join(parts))
        self.status.setVisible(bool(parts))
        self._update_place_button()

    # --- labels --------------------------------------------------------------------------

    def place_labels(self) -> None:
        """Lay the names out again for what the view shows."""
        self._labels_due.stop()
        priorities = {key: value for key, value in self.values.items() if value is not None}
        self.view.labels.place(self.view, self.scene.shapes, priorities)
        self.view.viewport().update()

    # --- figure, scope, clicks -----------------------------------------------------------

    def _figure_chosen(self, _row: int) -> None:
        from planner_desktop.maps.figures import Figure

        value = self.figure_box.currentData()
        self.figure = Figure(value) if value else None
        self.recolour()

    def choose_figure(self, figure: Figure | None) -> None:
        """Choose ``figure`` in the combo box (as a person does)."""
        row = self.figure_box.findData(figure.value if figure is not None else None)
        self.figure_box.setCurrentIndex(row)

    def show_scope(self, scope: Scope) -> None:
        """Outline the district or community chosen in the territory tree."""
        self.scope = scope
        self.scene.highlight(scope.id if scope.level in ("district", "community") else None)
        if self.view.picking and scope.level != "community":
            self.place_button.setChecked(False)
        self._update_place_button()

    def _clicked(self, key: uuid.UUID | None) -> None:
        if key is None:
            return
        shape = self.scene.shapes[key]
        self.scene.highlight(key)
        self.sig_place_chosen.emit(shape.kind, key, shape.district_id)

    # --- placing a community -------------------------------------------------------------

    def _update_place_button(self) -> None:
        can = (
            self.scope.level == "community"
            and self.data is not None
            and self.data.projection is not None
        )
        self.place_button.setEnabled(can)
        self.place_button.setToolTip(
            _("Click on the map where {name} is").format(name=self.scope.name)
            if can
            else _("Choose a community in the territory first")
        )

    def _picking_text(self) -> str:
        return _("Click on the map where {name} is (Esc cancels).").format(name=self.scope.name)

    def _place_toggled(self, on: bool) -> None:
        self.view.set_picking(on)
        if on:
            self.view.setFocus()
        self._show_state()

    def _pick_ended(self) -> None:
        self.place_button.setChecked(False)

    def _picked(self, point: QPointF) -> None:
        """Write the point clicked as the place of the community chosen in the tree."""
        from planner_desktop.domain.territory import Community
        from planner_desktop.geo.points import stored_point
        from planner_desktop.ui.commands import EditRecord
        from planner_desktop.ui.map_data import stored_geometry

        self.place_button.setChecked(False)
        data, community_id = self.data, self.scope.community_id
        if data is None or data.projection is None or community_id is None:
            return
        lon, lat = data.projection.inverse(point.x(), -point.y())
        if not (-180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0):
            self.status.setText(_("That point is off the Earth's map: click inside the territory."))
            self.status.show()
            return
        previous = stored_geometry(self.store, community_id)
        self.context.undo_stack.push(
            EditRecord(
                self.hub,
                _("Place {name} on the map").format(name=self.scope.name),
                Community,
                community_id,
                {"geometry": stored_point(lon, lat)},
                {"geometry": previous},
            )
        )

    # --- changes -------------------------------------------------------------------------

    def _changed(self, table: str, _serial: int) -> None:
        if table in TERRITORY_TABLES:
            self._stale_map = True
        elif table in FIGURE_TABLES and self.figure is not None:
            self._stale_values = True
        else:
            return
        if self.isVisible():
            QTimer.singleShot(0, self._catch_up)

    def _catch_up(self) -> None:
        if self._stale_map:
            self.reload()
        elif self._stale_values:
            self.recolour()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale_map or self._stale_values:
            QTimer.singleShot(0, self._catch_up)

    def set_scope(self, scope: Scope) -> None:
        self.show_scope(scope)

    def refresh(self) -> None:
        self.reload()


def attach_map(window: MainWindow) -> MapPage:
    """Build the map page of ``window`` (its store open) and tie it to the territory tree
    both ways: a place clicked is chosen in the tree, a row chosen is outlined here."""
    from planner_desktop.ui.map_tree import select_in_tree
    from planner_desktop.ui.pages.base import PageContext

    assert window.store is not None
    page = MapPage(PageContext(window.store, window.undo_stack), window.scope)
    window.stack.addWidget(page)
    window.territory.sig_scope_changed.connect(page.show_scope)
    page.sig_place_chosen.connect(
        lambda kind, key, district_id: select_in_tree(window.territory, kind, key, district_id)
    )
    return page
