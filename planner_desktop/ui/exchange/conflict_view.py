"""The conflict window: open conflicts on the left, the chosen one side by side on the
right, field by field; a person picks (or types) each value and resolves it."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.exchange.conflict_reading import read_conflict, record_names
from planner_desktop.exchange.labels import table_title
from planner_desktop.exchange.session import (
    Conflict,
    ConflictError,
    list_conflicts,
    resolve_conflict,
)
from planner_desktop.i18n import _
from planner_desktop.ui import jobs
from planner_desktop.ui.exchange.conflict_model import (
    ConflictFieldsModel,
    ConflictListModel,
    record_label,
)

if TYPE_CHECKING:
    import uuid

    from planner_desktop.store.database import Store


def _table(model: ConflictListModel | ConflictFieldsModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    return view


class ConflictDialog(QDialog):
    """``changed`` is True once a conflict was resolved (the window then reads again)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setWindowTitle(_("Conflicts"))
        self.resize(1200, 620)
        self.store = store
        self.changed = False
        self.job: jobs.Job | None = None
        self.list_model = ConflictListModel(self)
        self.fields_model = ConflictFieldsModel(self)
        self.list_view = _table(self.list_model, "conflictList")
        self.list_view.setWordWrap(False)
        list_header = self.list_view.horizontalHeader()
        list_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        list_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.fields_view = _table(self.fields_model, "conflictFields")
        self.fields_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.fields_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.fields_view.setWordWrap(True)
        self.fields_view.clicked.connect(self._clicked)
        self.title = QLabel()
        self.title.setObjectName("conflictTitle")
        self.title.setWordWrap(True)
        hint = QLabel(
            _(
                "Highlighted fields differ. Click a version's value to take it, or "
                "double-click the result to type it; then resolve."
            )
        )
        hint.setWordWrap(True)
        self.pick_row = QHBoxLayout()
        self.pick_buttons: list[QPushButton] = []
        self.resolve_button = QPushButton(_("Resolve"))
        self.resolve_button.setObjectName("resolveConflict")
        self.resolve_button.clicked.connect(self.resolve)
        self.message = QLabel()
        self.message.setObjectName("conflictMessage")
        self.message.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(hint)
        right_layout.addWidget(self.fields_view, 1)
        bottom = QHBoxLayout()
        bottom.addLayout(self.pick_row)
        bottom.addStretch(1)
        bottom.addWidget(self.resolve_button)
        right_layout.addLayout(bottom)
        splitter = QSplitter()
        splitter.addWidget(self.list_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([420, 780])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.list_view.selectionModel().currentRowChanged.connect(self._show_row)
        self.fields_model.sig_refused.connect(self.message.setText)
        self.fields_model.dataChanged.connect(lambda *_args: self.message.clear())
        self.reload()

    def reload(self) -> None:
        conflicts = list_conflicts(self.store)
        self.list_model.set_conflicts(conflicts, record_names(self.store, conflicts))
        if self.list_model.conflicts:
            self.list_view.selectRow(0)
            self._show(self.list_model.conflicts[0])
        else:
            self._show(None)
            self.message.setText(_("There are no open conflicts."))

    def current(self) -> Conflict | None:
        return self.fields_model.conflict

    def _show_row(self, index: QModelIndex) -> None:
        conflicts = self.list_model.conflicts
        self._show(conflicts[index.row()] if 0 <= index.row() < len(conflicts) else None)

    def _show(self, conflict: Conflict | None) -> None:
        reading = read_conflict(self.store, conflict) if conflict else None
        self.fields_model.set_conflict(conflict, reading)
        for button in self.pick_buttons:
            button.deleteLater()
        self.pick_buttons = []
        if conflict is None:
            self.title.setText("")
            self.resolve_button.setEnabled(False)
            return
        name = html.escape(record_label(conflict, self.list_model.names))
        self.title.setText(f"<b>{html.escape(table_title(conflict.table))}: {name}</b>")
        self.title.setToolTip(str(conflict.id))
        header = self.fields_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for n in range(len(conflict.versions)):
            button = QPushButton(_("All from version {n}").format(n=n + 1))
            button.setObjectName(f"pickVersion{n + 1}")
            button.clicked.connect(lambda _checked=False, v=n: self.fields_model.pick_all(v))
            self.pick_row.addWidget(button)
            self.pick_buttons.append(button)
        self.fields_view.resizeRowsToContents()
        self.resolve_button.setEnabled(not self._busy())

    def _clicked(self, index: QModelIndex) -> None:
        if 0 < index.column() < self.fields_model.result_column:
            self.fields_model.pick(index.row(), index.column() - 1)

    def _busy(self) -> bool:
        return self.job is not None and self.job.running

    def resolve(self) -> None:
        conflict = self.current()
        if conflict is None or self._busy():
            return
        values = self.fields_model.chosen_values()
        record: uuid.UUID = conflict.id
        self.resolve_button.setEnabled(False)
        self.message.setText(_("Resolving…"))
        self.job = jobs.run_job(
            self,
            lambda _context: resolve_conflict(self.store, record, values),
            on_done=lambda _version: self._resolved(conflict),
            on_error=self._refused,
            cancellable=False,
        )

    def _resolved(self, conflict: Conflict) -> None:
        self.job = None
        self.changed = True
        resolved = record_label(conflict, self.list_model.names)
        self.reload()
        left = len(self.list_model.conflicts)
        self.message.setText(
            _("{record} resolved; {n} conflicts left.").format(record=resolved, n=left)
        )

    def _refused(self, error: BaseException) -> None:
        self.job = None
        reason = str(error) if isinstance(error, ConflictError) else jobs.error_text(error)
        self.message.setText(_("Not resolved: {reason}").format(reason=reason))
        self.resolve_button.setEnabled(self.current() is not None)
