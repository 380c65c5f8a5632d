"""The import log window: every merged file, with "Undo import" for one batch."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.exchange.session import (
    ImportBatch,
    UndoError,
    UndoReport,
    preview_undo,
    undo_batch,
)
from planner_desktop.i18n import _
from planner_desktop.ui import jobs
from planner_desktop.ui.exchange.log_model import ImportLogModel
from planner_desktop.ui.exchange.undo_question import ask_undo

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class ImportLogDialog(QDialog):
    """A refused undo is one line shown in place, never a message box.

    ``changed`` is True once an undo went through (the window then reads again).
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importLog")
        self.setWindowTitle(_("Import log"))
        self.resize(1120, 480)
        self.store = store
        self.changed = False
        self.job: jobs.Job | None = None
        self.model = ImportLogModel(store, self)
        self.table = QTableView()
        self.table.setObjectName("importLogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setObjectName("importLogMessage")
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(_("Undo import"))
        self.undo_button.setObjectName("undoImport")
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.model.modelReset.connect(self._update_button)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.reload()

    def reload(self, select_batch: int | None = None) -> None:
        self.model.reload()
        if select_batch is not None and (row := self.model.row_of(select_batch)) >= 0:
            self.table.selectRow(row)
        if not self.model.batches:
            self.message.setText(_("No file has been imported into this database yet."))
        self._update_button()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _update_button(self) -> None:
        batch = self.model.batch(self.selected_row())
        running = self._running()
        self.undo_button.setEnabled(batch is not None and batch.undone_at is None and not running)

    def undo_selected(self) -> None:
        """Work out what undoing the chosen import removes, ask the person with those
        counts, and undo it only if they agree (a refusal is shown in place, unasked)."""
        batch = self.model.batch(self.selected_row())
        if batch is None or batch.undone_at is not None or self._running():
            return
        self.message.setText(
            _("Working out what undoing import {batch} removes…").format(batch=batch.id)
        )
        batch_id = batch.id
        self.job = jobs.run_job(
            self,
            lambda _context: preview_undo(self.store, batch_id),
            on_done=lambda report: self._confirm(batch, report),
            on_error=lambda error: self._refused(batch_id, error),
            cancellable=False,
        )
        self._update_button()

    def _running(self) -> bool:
        return self.job is not None and self.job.running

    def _confirm(self, batch: ImportBatch, report: UndoReport) -> None:
        self.job = None
        if not ask_undo(self, batch, self.model.laptop(batch).label, report):
            self.message.setText(_("Import {batch} was kept.").format(batch=batch.id))
            self._update_button()
            return
        self.message.setText(_("Undoing import {batch}…").format(batch=batch.id))
        batch_id = batch.id
        self.job = jobs.run_job(
            self,
            lambda _context: undo_batch(self.store, batch_id),
            on_done=self._undone,
            on_error=lambda error: self._refused(batch_id, error),
            cancellable=False,
        )
        self._update_button()

    def _undone(self, report: UndoReport) -> None:
        self.job = None
        self.changed = True
        self.reload(report.batch_id)
        self.message.setText(
            _("Import {batch} undone: {removed} records removed, {restored} restored.").format(
                batch=report.batch_id, removed=report.removed, restored=report.restored
            )
        )

    def _refused(self, batch_id: int, error: BaseException) -> None:
        self.job = None
        reason = str(error) if isinstance(error, UndoError) else jobs.error_text(error)
        self.message.setText(
            _("Import {batch} was not undone: {reason}").format(batch=batch_id, reason=reason)
        )
        self._update_button()
