"""Adding, editing and deleting districts and communities on the Preparación page.

The buttons sit above the districts and communities tables. A new district, a new or
edited community and the municipality's own data are typed in a form shown under the
buttons (one at a time); each save is one undoable step on the window's stack. A
community's population is edited there as a whole, so its totals by sex and by age group
are checked together (:func:`planner_desktop.capture.territory.community_values`).
Deleting leaves tombstones (:mod:`planner_desktop.ui.deleting`): what depends on the
record is named and the person asked first; Ctrl+Z brings it all back.
"""

from __future__ import annotations

import uuid
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture import records, territory
from planner_desktop.capture.territory import COUNTS, FieldRefused
from planner_desktop.domain.summaries import current_municipality
from planner_desktop.domain.templates import DEFAULT, CountryTemplate, template_for
from planner_desktop.domain.territory import Community, District
from planner_desktop.i18n import _
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.choosers import decorate
from planner_desktop.ui.commands import CreateRecord, EditRecord
from planner_desktop.ui.community_form import CommunityForm
from planner_desktop.ui.deleting import delete_action, delete_record
from planner_desktop.ui.first_run_territory import read_districts
from planner_desktop.ui.models.table import QueryTableModel
from planner_desktop.ui.pages.municipality_form import MunicipalityForm
from planner_desktop.ui.spreadsheet import refusal_line

MIN_BUTTON_WIDTH = 48
COMMUNITY_FIELDS = ("name", "district_id", "kind", "area", *(f for f, _t in COUNTS), "geometry")


class TerritoryEditing(QWidget):
    """Buttons and forms over the ``districts`` and ``communities`` views of a page."""

    def __init__(
        self,
        hub: ChangeHub,
        undo_stack: Any,
        views: dict[type[District] | type[Community], QAbstractItemView],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("territoryEditing")
        self.hub = hub
        self.undo_stack = undo_stack
        self.views = views
        self.chosen_model: type[District] | type[Community] = Community
        self.editing: uuid.UUID | None = None
        self.previous: dict[str, Any] = {}
        self.given: set[str] = set()
        """Codes handed out to creations not saved yet (two quick ones never share one)."""
        self.template: CountryTemplate = DEFAULT
        self.add_district_button = QPushButton(_("New d&istrict"))
        self.add_district_button.setObjectName("newDistrict")
        self.add_community_button = QPushButton(_("New c&ommunity"))
        self.add_community_button.setObjectName("newCommunity")
        self.edit_button = QPushButton(_("Edi&t"))
        self.edit_button.setObjectName("editCommunity")
        self.delete_button = QPushButton(_("De&lete"))
        self.delete_button.setObjectName("deleteTerritory")
        self.municipality_button = QPushButton(_("&Municipality…"))
        self.municipality_button.setObjectName("editMunicipality")
        self.refusal = refusal_line("territoryRefusal")

        self.district_form = QWidget()
        self.district_name = QLineEdit()
        self.district_name.setObjectName("districtName")
        self.district_kind = QComboBox()
        self.district_kind.setObjectName("districtKind")
        self.save_district = QPushButton(_("&Save district"))
        self.save_district.setObjectName("saveDistrict")
        district_layout = QFormLayout(self.district_form)
        district_layout.addRow(_("District &name:"), self.district_name)
        district_layout.addRow(_("&Kind:"), self.district_kind)
        district_layout.addRow("", self.save_district)
        self.community_box = QWidget()
        self.community_layout = QVBoxLayout(self.community_box)
        self.community_layout.setContentsMargins(0, 0, 0, 0)
        self.community_form = CommunityForm([])
        self.save_community = QPushButton(_("&Save community"))
        self.save_community.setObjectName("saveCommunity")
        self.community_layout.addWidget(self.community_form)
        self.community_layout.addWidget(self.save_community)
        self.municipality_form = MunicipalityForm(hub, undo_stack)
        self.forms = (self.district_form, self.community_box, self.municipality_form)

        buttons = QHBoxLayout()
        for button in (self.add_district_button, self.add_community_button, self.edit_button,
                       self.delete_button, None, self.municipality_button):
            if button is None:
                buttons.addStretch(1)
                continue
            button.setMinimumWidth(MIN_BUTTON_WIDTH)  # a narrow window squeezes, not widens
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        for form in self.forms:
            form.hide()
            layout.addWidget(form)
        layout.addWidget(self.refusal)

        self.add_district_button.clicked.connect(self.new_district)
        self.add_community_button.clicked.connect(self.new_community)
        self.edit_button.clicked.connect(self.edit_community)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.municipality_button.clicked.connect(self.edit_municipality)
        self.save_district.clicked.connect(self.save_new_district)
        self.district_name.returnPressed.connect(self.save_new_district)
        self.save_community.clicked.connect(self.save_chosen_community)
        self.municipality_form.sig_closed.connect(self.municipality_form.hide)
        hub.sig_changed.connect(self._saved)
        for model, view in views.items():
            delete_action(view, partial(self.delete_chosen, model))
            selection = view.selectionModel()
            if selection is not None:
                selection.currentChanged.connect(partial(self._choose, model))
            view.installEventFilter(self)
        decorate(self, {
            self.add_district_button: "mdi6.map-marker-plus-outline",
            self.add_community_button: "mdi6.home-plus-outline",
            self.edit_button: "mdi6.pencil",
            self.delete_button: "mdi6.delete-outline",
            self.municipality_button: "mdi6.city-variant-outline",
        })

    # --- helpers ----------------------------------------------------------------------

    def _show(self, form: QWidget | None) -> None:
        self.refusal.setText("")
        for each in self.forms:
            each.setVisible(each is form)

    def _read_template(self) -> uuid.UUID | None:
        with self.hub.store.session() as session:
            municipality = current_municipality(session)
            if municipality is None:
                return None
            self.template = template_for(municipality.country)
            return municipality.id

    def _chosen(self, model: type[District] | type[Community]) -> uuid.UUID | None:
        view = self.views[model]
        index = view.currentIndex()
        source = view.model()
        key = source.key(index.row()) if index.isValid() and isinstance(
            source, QueryTableModel) else None
        return key if isinstance(key, uuid.UUID) else None

    def _choose(self, model: type[District] | type[Community], *_indexes: object) -> None:
        """The list whose row was chosen last is the one Delete acts on."""
        self.chosen_model = model

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for model, view in self.views.items():
                if view is watched:
                    self.chosen_model = model
        return False

    def _saved(self, table: str, _serial: int) -> None:
        if table in ("district", "community"):
            self.given.clear()

    # --- districts --------------------------------------------------------------------

    def new_district(self) -> None:
        self._read_template()
        self.district_kind.clear()
        for kind, name in self.template.district_levels:
            self.district_kind.addItem(name, kind)
        self.district_name.clear()
        self._show(self.district_form)
        self.district_name.setFocus()

    def save_new_district(self) -> bool:
        municipality_id = self._read_template()
        try:
            values = territory.district_values(
                self.district_name.text(), self.district_kind.currentData()
            )
        except FieldRefused as refused:
            self.refusal.setText(str(refused))
            self.district_name.setFocus()
            return False
        if municipality_id is None:
            return False
        with self.hub.store.session() as session:
            code = territory.next_district_code(session, municipality_id, self.given)
        self.given.add(code)
        values.update(code=code, municipality_id=municipality_id)
        self.undo_stack.push(CreateRecord(
            self.hub, _("New district {name}").format(name=values["name"]), District, values
        ))
        self._show(None)
        return True

    # --- communities ------------------------------------------------------------------

    def _community_form(self) -> CommunityForm:
        self._read_template()
        fresh = CommunityForm(read_districts(self.hub.store), self.template)
        self.community_layout.replaceWidget(self.community_form, fresh)
        self.community_form.deleteLater()
        self.community_form = fresh
        fresh.show()
        return fresh

    def new_community(self) -> None:
        form = self._community_form()
        self.editing = None
        district = self._chosen(District)
        if district is not None:
            form.choose_district(district)
        self._show(self.community_box)
        form.name.setFocus()

    def edit_community(self) -> bool:
        community_id = self._chosen(Community)
        if community_id is None:
            self.refusal.setText(_("Choose a community in the list first"))
            return False
        form = self._community_form()
        self.editing = community_id
        self.previous = records.read(self.hub.store, Community, community_id,
                                     list(COMMUNITY_FIELDS))
        form.load(self.previous)
        self._show(self.community_box)
        form.name.setFocus()
        return True

    def save_chosen_community(self) -> bool:
        values = self.community_form.values()
        if values is None:
            return False
        if self.editing is None:
            with self.hub.store.session() as session:
                code = territory.next_community_code(
                    session, values["district_id"], self.given
                )
            self.given.add(code)
            self.undo_stack.push(CreateRecord(
                self.hub, _("New community {name}").format(name=values["name"]), Community,
                {**values, "code": code},
            ))
        else:
            changes = {k: v for k, v in values.items() if v != self.previous.get(k)}
            if changes:
                self.undo_stack.push(EditRecord(
                    self.hub, _("Edit community {name}").format(name=values["name"]),
                    Community, self.editing, changes, {k: self.previous[k] for k in changes},
                ))
        self._show(None)
        return True

    # --- deleting and the municipality -----------------------------------------------

    def delete_chosen(self, model: type[District] | type[Community] | None = None) -> bool:
        model = model or self.chosen_model
        record_id = self._chosen(model)
        if record_id is None:
            self.refusal.setText(_("Choose a district or a community in the list first"))
            return False
        name = str(records.read(self.hub.store, model, record_id, ["name"])["name"])
        what = (_("the district “{name}”") if model is District
                else _("the community “{name}”")).format(name=name)
        self._show(None)
        return delete_record(self, self.hub, self.undo_stack, model, record_id, what)

    def edit_municipality(self) -> None:
        if self.municipality_form.load():
            self._show(self.municipality_form)
            self.municipality_form.name.setFocus()
