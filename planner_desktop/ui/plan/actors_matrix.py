"""Actors by phase: each organisation down, its role in planning, execution and
follow-up across, typed in like a spreadsheet.

Typing over an organisation's name renames it; typing a name into the empty row under the
list adds an organisation (of kind *other*, changed on the Preparación page). A role is
free text; emptying it empties the role. Every change is one undoable step.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont, QUndoStack
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from planner_desktop.capture import actor_roles
from planner_desktop.capture.actor_roles import PHASES, ActorRow
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.actors import Organization
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import CreateRecord, EditRecord
from planner_desktop.ui.plan.annex_base import AnnexTab, RefusingTableModel, SetActorRole
from planner_desktop.ui.plan.record_list import HINT_COLOR
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

Index = QModelIndex | QPersistentModelIndex


class ActorsModel(RefusingTableModel):
    """Column 0: the organisation; then one column per phase. The last row adds one."""

    def __init__(
        self, hub: ChangeHub, undo_stack: QUndoStack, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.undo_stack = hub, undo_stack
        self.municipality_id: uuid.UUID | None = None
        self.rows: list[ActorRow] = []

    def load(self, municipality_id: uuid.UUID, rows: list[ActorRow]) -> None:
        old = self.rows
        same = [r.organization_id for r in old] == [r.organization_id for r in rows]
        if municipality_id != self.municipality_id or not same:
            self.beginResetModel()
            self.municipality_id, self.rows, self.refused = municipality_id, rows, None
            self.endResetModel()
            return
        self.rows = rows
        for number, (before, after) in enumerate(zip(old, rows, strict=True)):
            for column in range(self.columnCount()):
                if self._value(before, column) != self._value(after, column):
                    self.dataChanged.emit(self.index(number, column), self.index(number, column))

    @staticmethod
    def _value(row: ActorRow, column: int) -> str:
        return row.name if column == 0 else row.roles.get(PHASES[column - 1], "")

    def row_of(self, organization_id: uuid.UUID) -> int:
        return next(
            (n for n, row in enumerate(self.rows) if row.organization_id == organization_id), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.municipality_id is None else len(self.rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PHASES) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _("Organization") if section == 0 else actor_roles.phase_label(PHASES[section - 1])

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.column() == 0 or index.row() < len(self.rows):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        marked = self.refusal_data(index, role)
        if marked is not None:
            return marked
        if index.row() >= len(self.rows):
            if index.column() != 0:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return _("Add an organization…")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(HINT_COLOR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return "" if role == Qt.ItemDataRole.EditRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._value(self.rows[index.row()], index.column())
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.municipality_id is None:
            return False
        text = "" if value is None else str(value)
        try:
            if index.row() >= len(self.rows):
                return index.column() == 0 and self._add(text)
            row = self.rows[index.row()]
            if index.column() == 0:
                return self._rename(index, row, text)
        except Invalid as error:
            return self.refuse(index, error.reason)
        self._clear_refusal()
        phase = PHASES[index.column() - 1]
        role_text, previous = actor_roles.role_text(text), row.roles.get(phase, "")
        if role_text == previous:
            return True
        title = _("Role of {organization} in {phase}").format(
            organization=row.name, phase=actor_roles.phase_label(phase).lower()
        )
        self.undo_stack.push(
            SetActorRole(self.hub, title, row.organization_id, phase, role_text, previous)
        )
        row.roles[phase] = role_text
        self.dataChanged.emit(index, index)
        return True

    def _add(self, text: str) -> bool:
        if not text.strip():
            return True
        assert self.municipality_id is not None
        values = actor_roles.organization_values(self.municipality_id, text)
        self._clear_refusal()
        command = CreateRecord(self.hub, _("Add an organization"), Organization, values)
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(ActorRow(command.record_id, values["name"]))
        self.endInsertRows()
        self.undo_stack.push(command)
        return True

    def _rename(self, index: Index, row: ActorRow, text: str) -> bool:
        assert self.municipality_id is not None
        name = actor_roles.organization_values(self.municipality_id, text)["name"]
        self._clear_refusal()
        if name != row.name:
            self.undo_stack.push(
                EditRecord(
                    self.hub,
                    _("Rename {what}").format(what=row.name),
                    Organization,
                    row.organization_id,
                    {"name": name},
                    {"name": row.name},
                )
            )
            row.name = name
            self.dataChanged.emit(index, index)
        return True


class ActorsTab(AnnexTab):
    """The matrix with its hint and refusal line (organisations need no plan)."""

    watched = frozenset({"organization", "actor_role"})
    needs_plan = False

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hub, undo_stack, parent)
        self.setObjectName("actorsTab")
        self.model = ActorsModel(hub, undo_stack, self)
        view = spreadsheet_view(self.model, name="actorsMatrix")
        assert isinstance(view, QTableView)
        self.view = view
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.refusal = refusal_line("actorsRefusal")
        self.model.sig_refused.connect(self.refusal.setText)
        hint = QLabel(
            _(
                "What each organization does when the plan is prepared, carried out "
                "and followed up. Type a name in the last row to add an organization."
            )
        )
        hint.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(hint)
        layout.addWidget(view, 1)
        layout.addWidget(self.refusal)
        self.set_content(content)

    def load(self) -> None:
        municipality_id = self.owner.municipality_id
        assert municipality_id is not None
        with self.store.session() as session:
            rows = actor_roles.roles_matrix(session, municipality_id)
        self.model.load(municipality_id, rows)
