"""The form of one community: name, district, kind, area and population by sex and age.

Used by the first-run wizard and by the window's Add/Edit community dialog. It never
writes: :meth:`CommunityForm.values` returns the values checked against the one set of
rules (:func:`~planner_desktop.capture.territory.community_values`) or shows the one-line
refusal under the form, puts the cursor on the field named and returns None. The totals
by sex and by age group are shown as they are typed, so a difference is seen at once.
Its place can be typed as latitude and longitude (decimal degrees, WGS 84); a community
whose geometry is an area (imported from a file) keeps it, and those two fields are then
disabled.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture.rule_checks import parse_whole
from planner_desktop.capture.territory import BY_AGE, BY_SEX, FieldRefused, community_values
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain import labels
from planner_desktop.domain.enums import AreaType
from planner_desktop.domain.templates import DEFAULT, CountryTemplate
from planner_desktop.geo.points import LATITUDE, LONGITUDE, point_of, point_text
from planner_desktop.i18n import N_, _
from planner_desktop.ui.spreadsheet import refusal_line

FAMILIES = ("families", N_("Families"))


class CommunityForm(QWidget):
    """Fields of a community; ``districts`` are (id, name) pairs to choose from."""

    def __init__(
        self,
        districts: Sequence[tuple[uuid.UUID, str]],
        template: CountryTemplate = DEFAULT,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = QLineEdit()
        self.name.setObjectName("communityName")
        self.district = QComboBox()
        self.district.setObjectName("communityDistrict")
        self.set_districts(districts)
        self.kind = QComboBox()
        self.kind.setObjectName("communityKind")
        for kind, name in template.community_levels:
            self.kind.addItem(name, kind)
        self.area = QComboBox()
        self.area.setObjectName("communityArea")
        for area in (AreaType.rural, AreaType.urban):
            self.area.addItem(labels.label(area), area)
        self.latitude = QLineEdit()
        self.latitude.setObjectName(LATITUDE)
        self.latitude.setPlaceholderText("-17.3935")
        self.longitude = QLineEdit()
        self.longitude.setObjectName(LONGITUDE)
        self.longitude.setPlaceholderText("-66.1570")
        self.area_geometry: str | None = None
        """A loaded geometry that is an area: kept as it is (the point fields disabled)."""
        place = QHBoxLayout()
        place.addWidget(self.latitude)
        longitude_label = QLabel(_("Lon&gitude:"))
        longitude_label.setBuddy(self.longitude)
        place.addWidget(longitude_label)
        place.addWidget(self.longitude)
        self.counts: dict[str, QLineEdit] = {}
        self.titles: dict[str, str] = {}
        form = QFormLayout()
        form.addRow(_("Community &name:"), self.name)
        form.addRow(f"&{template.district_level}:", self.district)  # a proper name
        form.addRow(_("&Kind:"), self.kind)
        form.addRow(_("A&rea:"), self.area)
        latitude_label = QLabel(_("Latit&ude:"))
        latitude_label.setBuddy(self.latitude)
        form.addRow(latitude_label, place)
        grid = QGridLayout()
        grid.addWidget(QLabel(_("Population by sex:")), 0, 0)
        grid.addWidget(QLabel(_("Population by age group:")), 1, 0)
        for column, (field, title) in enumerate((*BY_SEX, FAMILIES), start=1):
            grid.addLayout(self._count(field, title), 0, column)
        for column, (field, title) in enumerate(BY_AGE, start=1):
            grid.addLayout(self._count(field, title), 1, column)
        self.totals = QLabel()
        self.totals.setObjectName("communityTotals")
        self.error = refusal_line("communityError")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.totals)
        layout.addWidget(self.error)
        self.name.textEdited.connect(self._typed)
        for edit in (self.latitude, self.longitude):
            edit.textEdited.connect(self._typed)
        self._show_totals()

    def _count(self, field: str, title: str) -> QVBoxLayout:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.setMaximumWidth(90)
        edit.setPlaceholderText("0")
        edit.textEdited.connect(self._typed)
        label = QLabel(_(title))
        label.setBuddy(edit)
        self.counts[field] = edit
        self.titles[field] = _(title)
        box = QVBoxLayout()
        box.addWidget(label)
        box.addWidget(edit)
        return box

    def set_districts(self, districts: Sequence[tuple[uuid.UUID, str]]) -> None:
        chosen = self.district.currentData()
        self.district.clear()
        for district_id, name in districts:
            self.district.addItem(name, district_id)
        self.choose_district(chosen)

    def choose_district(self, district_id: object) -> None:
        found = find_data(self.district, district_id)
        if found >= 0:
            self.district.setCurrentIndex(found)

    def _typed(self, _text: str = "") -> None:
        self.error.setText("")
        self._show_totals()

    def _numbers(self) -> dict[str, int] | None:
        try:
            return {field: parse_whole(edit.text()) or 0 for field, edit in self.counts.items()}
        except Invalid:
            return None

    def _show_totals(self) -> None:
        numbers = self._numbers()
        if numbers is None:
            self.totals.setText("")
            return
        self.totals.setText(
            _("Total by sex: {sex} · by age group: {age}").format(
                sex=sum(numbers[f] for f, _t in BY_SEX), age=sum(numbers[f] for f, _t in BY_AGE)
            )
        )

    def values(self) -> dict[str, Any] | None:
        """The checked values, or None after showing why and focusing the field."""
        counts: dict[str, int] = {}
        for field, edit in self.counts.items():
            try:
                counts[field] = parse_whole(edit.text()) or 0
            except Invalid as error:
                self._refuse(field, f"{self.titles[field]}: {error.reason}")
                return None
        try:
            values = community_values(
                name=self.name.text(),
                district_id=self.district.currentData(),
                kind=self.kind.currentData(),
                area=self.area.currentData(),
                counts=counts,
            )
            values["geometry"] = self.area_geometry or point_text(
                self.latitude.text(), self.longitude.text()
            )
            return values
        except FieldRefused as refused:
            self._refuse(refused.field, str(refused))
            return None

    def _refuse(self, field: str, reason: str) -> None:
        self.error.setText(reason)
        widget = {"name": self.name, "district_id": self.district, LATITUDE: self.latitude,
                  LONGITUDE: self.longitude}.get(field)
        (widget or self.counts.get(field) or self.name).setFocus()

    def load(self, values: Mapping[str, Any]) -> None:
        """Show a saved community's values (to edit it)."""
        self.name.setText(str(values.get("name", "")))
        for combo, key in ((self.district, "district_id"), (self.kind, "kind"),
                           (self.area, "area")):
            found = find_data(combo, values.get(key))
            if found >= 0:
                combo.setCurrentIndex(found)
        for field, edit in self.counts.items():
            edit.setText(str(values.get(field, 0) or ""))
        self._load_place(values.get("geometry"))
        self._typed()

    def _load_place(self, geometry: str | None) -> None:
        point = point_of(geometry)
        self.area_geometry = geometry if geometry and point is None else None
        for edit, value in zip((self.latitude, self.longitude), point or ("", ""), strict=True):
            edit.setText(str(value))
            edit.setEnabled(self.area_geometry is None)
            edit.setToolTip(_("Its shape was imported from a file") if self.area_geometry
                            else "")

    def clear(self) -> None:
        """Empty the name and the counts for the next community; keep district and kind."""
        self.name.clear()
        for edit in (*self.counts.values(), self.latitude, self.longitude):
            edit.clear()
        self._typed()
        self.name.setFocus()


def find_data(combo: QComboBox, value: object) -> int:
    """The row holding ``value`` by equality (``findData`` compares Python objects, such
    as UUIDs, by identity)."""
    return next((row for row in range(combo.count()) if combo.itemData(row) == value), -1)
