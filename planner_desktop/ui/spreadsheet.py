"""A table that is typed into like a spreadsheet, with refusals shown under it.

Typing starts editing the current cell; Enter saves and goes down, Tab saves and goes
right (Shift+Tab left). A cell with a closed list of values opens a drop-down. A refused
value keeps the cell's saved value, paints the cell and shows the reason in the line
under the table; nothing opens a dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from planner_desktop.ui.keyboard import TypeAheadCombo
from planner_desktop.ui.models.editing import CHOICES_ROLE
from planner_desktop.ui.pages.base import table_view

Index = QModelIndex | QPersistentModelIndex
EndEditHint = QAbstractItemDelegate.EndEditHint


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down for cells whose model offers choices (``CHOICES_ROLE``)."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = index.data(CHOICES_ROLE)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = TypeAheadCombo(parent)
        combo.setObjectName("choiceEditor")
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            found = editor.findText(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
            editor.setCurrentIndex(max(found, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)


def spreadsheet_view(model: QAbstractItemModel, *, name: str = "") -> QTableView:
    """A table over ``model`` that edits like a spreadsheet (see the module docstring)."""
    view = table_view(model, name=name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setEditTriggers(
        QAbstractItemView.EditTrigger.AnyKeyPressed
        | QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
    )
    view.setTabKeyNavigation(True)
    delegate = ChoiceDelegate(view)
    view.setItemDelegate(delegate)
    mover = _EnterMovesDown(view)
    view.installEventFilter(mover)
    delegate.closeEditor.connect(mover.editor_closed)  # after the view's own handler
    return view


class _EnterMovesDown(QObject):
    """Enter saves the cell and moves to the one below, as in a spreadsheet."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view

    def editor_closed(self, _editor: QWidget, hint: EndEditHint) -> None:
        if hint == EndEditHint.SubmitModelCache:
            self.move_down()

    def move_down(self) -> None:
        current = self.view.currentIndex()
        model = self.view.model()
        if current.isValid() and current.row() + 1 < model.rowCount():
            self.view.setCurrentIndex(model.index(current.row() + 1, current.column()))

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.view.state() != QAbstractItemView.State.EditingState
        ):
            self.move_down()
            return True
        return False


def refusal_line(name: str = "refusal") -> QLabel:
    """The line under a table where a refused value's reason is shown."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("color: #a4161a; font-weight: bold;")
    label.setWordWrap(True)
    return label
