"""The municipal government's structure (secretaría › dirección › unidad) as a tree.

A unit is added at the top or under the chosen one, renamed by typing over its name,
given another kind from its list, moved up or down among its own level, under the unit
above it or back out one level,
and deleted only when nothing uses it (the refusal names what does). Every change is one
undoable step.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture import deletion, org_units
from planner_desktop.capture.org_units import UnitNode
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.enums import UnitKind
from planner_desktop.domain.plan import OrgUnit
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord, EditRecord, StoreCommand
from planner_desktop.ui.deleting import DeleteRecord, delete_action, dependents_of
from planner_desktop.ui.plan.annex_base import AnnexTab, MoveRecord
from planner_desktop.ui.spreadsheet import refusal_line

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MoveUnit(StoreCommand):
    """Put a unit under another (or at the top); undo puts it back where it was."""

    tables = ("org_unit",)

    def __init__(
        self, hub: ChangeHub, text: str, unit_id: uuid.UUID, parent_id: uuid.UUID | None
    ) -> None:
        super().__init__(hub, text)
        self.unit_id, self.parent_id = unit_id, parent_id
        self.place: dict[str, Any] | None = None

    def apply(self, store: Store) -> None:
        self.place = org_units.move_under(store, self.unit_id, self.parent_id)

    def revert(self, store: Store) -> None:
        if self.place is not None:
            org_units.place_back(store, self.unit_id, self.place)


class UnitsTab(AnnexTab):
    """The tree with the name entry, its buttons and the refusal line (no plan needed)."""

    watched = frozenset({"org_unit"})
    needs_plan = False

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hub, undo_stack, parent)
        self.setObjectName("unitsTab")
        self.tree = QTreeWidget()
        self.tree.setObjectName("unitsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_("Unit"), _("Kind")])
        self.tree.setEditTriggers(
            QTreeWidget.EditTrigger.DoubleClicked | QTreeWidget.EditTrigger.EditKeyPressed
        )
        self.tree.itemChanged.connect(self._renamed)
        delete_action(self.tree, self.delete_chosen)
        self.name = QLineEdit()
        self.name.setObjectName("unitName")
        self.name.setPlaceholderText(_("Name of a new unit"))
        self.name.returnPressed.connect(lambda: self.add(under=False))
        self.kind = QComboBox()
        self.kind.setObjectName("unitKind")
        for kind in UnitKind:
            self.kind.addItem(org_units.kind_label(kind), kind)
        self.kind.activated.connect(self._kind_chosen)
        self.refusal = refusal_line("unitsRefusal")
        add_row = QHBoxLayout()
        add_row.addWidget(self.name, 1)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add_top", _("Add at the top"), lambda: self.add(under=False)),
            ("add_under", _("Add under the chosen one"), lambda: self.add(under=True)),
        ):
            add_row.addWidget(self._button(key, text, slot))
        move_row = QHBoxLayout()
        move_row.addWidget(QLabel(_("Kind:")))
        move_row.addWidget(self.kind)
        for key, text, slot in (
            ("up", _("Move up"), lambda: self.move_row(-1)),
            ("down", _("Move down"), lambda: self.move_row(1)),
            ("indent", _("Under the one above"), self.indent),
            ("outdent", _("Out one level"), self.outdent),
            ("delete", _("Delete"), self.delete_chosen),
        ):
            move_row.addWidget(self._button(key, text, slot))
        move_row.addStretch(1)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(add_row)
        layout.addLayout(move_row)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.refusal)
        self.set_content(content)
        self.tree.currentItemChanged.connect(lambda *_args: self._show_kind())

    def _button(self, key: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"units_{key}")
        button.clicked.connect(lambda _checked=False: slot())
        self.buttons[key] = button
        return button

    def load(self) -> None:
        municipality_id = self.owner.municipality_id
        assert municipality_id is not None
        chosen = self.chosen_id()
        with self.store.session() as session:
            top = org_units.unit_tree(session, municipality_id)
        self.tree.blockSignals(True)
        self.tree.clear()
        self._add_items(self.tree.invisibleRootItem(), top)
        self.tree.expandAll()
        self.tree.blockSignals(False)
        if chosen is not None:
            self.choose(chosen)

    def _add_items(self, parent: QTreeWidgetItem, nodes: list[UnitNode]) -> None:
        for node in nodes:
            item = QTreeWidgetItem(parent, [node.name, org_units.kind_label(node.kind)])
            item.setData(0, ID_ROLE, node.id)
            item.setData(1, ID_ROLE, node.kind)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self._add_items(item, node.children)

    def items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []
        root = self.tree.invisibleRootItem()
        pending: list[QTreeWidgetItem | None] = [root.child(n) for n in range(root.childCount())]
        while pending:
            item = pending.pop(0)
            if item is not None:
                found.append(item)
                pending[0:0] = [item.child(n) for n in range(item.childCount())]
        return found

    def choose(self, unit_id: uuid.UUID) -> None:
        for item in self.items():
            if item.data(0, ID_ROLE) == unit_id:
                self.tree.setCurrentItem(item)

    def chosen_id(self) -> uuid.UUID | None:
        item = self.tree.currentItem()
        return None if item is None else item.data(0, ID_ROLE)

    def _show_kind(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self.kind.setCurrentIndex(max(self.kind.findData(item.data(1, ID_ROLE)), 0))

    def _refuse(self, reason: str) -> None:
        self.refusal.setText(reason)

    def add(self, *, under: bool) -> None:
        parent_id = self.chosen_id() if under else None
        municipality_id = self.owner.municipality_id
        if municipality_id is None or (under and parent_id is None):
            self._refuse(_("Choose the unit to add under first."))
            return
        try:
            with self.store.session() as session:
                values = org_units.unit_values(
                    session, municipality_id, self.name.text(), parent_id
                )
        except Invalid as error:
            self._refuse(error.reason)
            return
        self.refusal.clear()
        self.name.clear()
        command = CreateRecord(
            self.hub,
            _("Add {unit}").format(unit=values["name"]),
            OrgUnit,
            values,
            last_among=("municipality_id", "parent_id"),
        )
        self.undo_stack.push(command)

    def _renamed(self, item: QTreeWidgetItem, column: int) -> None:
        unit_id = item.data(0, ID_ROLE)
        if column != 0 or unit_id is None:
            return
        with self.store.session() as session:
            unit = session.get(OrgUnit, unit_id)
            old = unit.name if unit is not None else ""
        try:
            name = org_units.unit_name(item.text(0))
        except Invalid as error:
            self._refuse(error.reason)
            self.tree.blockSignals(True)
            item.setText(0, old)
            self.tree.blockSignals(False)
            return
        self.refusal.clear()
        if name != old:
            self.undo_stack.push(
                EditRecord(
                    self.hub,
                    _("Rename {what}").format(what=old),
                    OrgUnit,
                    unit_id,
                    {"name": name},
                    {"name": old},
                )
            )

    def _kind_chosen(self) -> None:
        item = self.tree.currentItem()
        kind = self.kind.currentData()
        if item is None or kind == item.data(1, ID_ROLE):
            return
        self.undo_stack.push(
            EditRecord(
                self.hub,
                _("Kind of {what}").format(what=item.text(0)),
                OrgUnit,
                item.data(0, ID_ROLE),
                {"kind": kind},
                {"kind": item.data(1, ID_ROLE)},
            )
        )

    def _move(self, item: QTreeWidgetItem, parent: QTreeWidgetItem | None) -> None:
        unit_id = item.data(0, ID_ROLE)
        parent_id = None if parent is None else parent.data(0, ID_ROLE)
        self.refusal.clear()
        self.undo_stack.push(
            MoveUnit(self.hub, _("Move {what}").format(what=item.text(0)), unit_id, parent_id)
        )

    def move_row(self, steps: int) -> None:
        """Up or down among the units at its level, under the same unit."""
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent() or self.tree.invisibleRootItem()
        if not 0 <= parent.indexOfChild(item) + steps < parent.childCount():
            return
        self.refusal.clear()
        self.undo_stack.push(
            MoveRecord(
                self.hub,
                _("Move {what}").format(what=item.text(0)),
                OrgUnit,
                item.data(0, ID_ROLE),
                steps,
            )
        )

    def indent(self) -> None:
        """Under the unit just above it, at its own level."""
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent() or self.tree.invisibleRootItem()
        where = parent.indexOfChild(item)
        if where == 0:
            self._refuse(_("There is no unit above it at its level to go under."))
            return
        self._move(item, parent.child(where - 1))

    def outdent(self) -> None:
        """Out of the unit it is under, to that unit's level."""
        item = self.tree.currentItem()
        parent = None if item is None else item.parent()
        if item is None or parent is None:
            return
        self._move(item, parent.parent())

    def delete_chosen(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        unit_id = item.data(0, ID_ROLE)
        found = dependents_of(self.store, OrgUnit, unit_id)
        if found:
            self._refuse(
                _("{unit} cannot be deleted while it is used: {list}.").format(
                    unit=item.text(0), list=deletion.describe(found)
                )
            )
            return
        self.refusal.clear()
        self.undo_stack.push(
            DeleteRecord(self.hub, _("Delete {what}").format(what=item.text(0)), OrgUnit, unit_id)
        )
