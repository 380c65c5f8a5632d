"""The office's view of which actas are proven by the photo of their signed page.

One row per community and acta (:func:`planner_desktop.evidence.proof.community_proofs`):
the community, the event, its date, the verdict and its reason. The list is computed in a
background job when the dialog opens and when Refresh is pressed (photos attached or
results changed meanwhile); a verdict and a text filter narrow it; Open photo shows the
photo the verdict rests on; Print the list writes the ``acta-proofs`` report to a PDF.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.evidence.proof import CommunityProof, Status, status_label
from planner_desktop.i18n import _
from planner_desktop.locales import short_date
from planner_desktop.ui import jobs
from planner_desktop.ui.printing.style import show_message

if TYPE_CHECKING:
    from planner_desktop.store.database import Store
    from planner_desktop.ui.main_window import MainWindow

Index = QModelIndex | QPersistentModelIndex
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


class ProofModel(QAbstractTableModel):
    """The rows computed by the last job (read only)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CommunityProof] = []

    def set_rows(self, rows: list[CommunityProof]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Community / OTB"), _("Event"), _("Date"), _("Verdict"), _("Reason"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == STATUS_ROLE:
            return row.acta.status.value
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return row.acta.reason
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values: tuple[str | date, ...] = (
            row.community_name or _("(no community)"),
            row.acta.event_title,
            short_date(row.acta.event_date),
            status_label(row.acta.status),
            row.acta.reason,
        )
        return values[index.column()]


class ProofFilter(QSortFilterProxyModel):
    """A verdict (None: any) and words that every shown row contains somewhere."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status: Status | None = None
        self.words: list[str] = []

    def set_filter(self, status: Status | None, text: str) -> None:
        self.beginFilterChange()
        self.status, self.words = status, text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if self.status is not None:
            index = model.index(source_row, 0, source_parent)
            if model.data(index, STATUS_ROLE) != self.status.value:
                return False
        text = " ".join(
            str(model.data(model.index(source_row, column, source_parent)))
            for column in range(model.columnCount())
        ).casefold()
        return all(word in text for word in self.words)


class ActaProofsDialog(QDialog):
    """Lists the actas and their verdicts; every read and write runs in a job."""

    sig_loaded = Signal(int)
    """The list was computed (its number of rows)."""
    sig_printed = Signal(str)
    """The list was printed to this file."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actaProofsDialog")
        self.setWindowTitle(_("Actas: proven, missing, disagreeing"))
        self.resize(980, 520)
        self.store = store
        self.job: jobs.Job | None = None
        self.model = ProofModel(self)
        self.proxy = ProofFilter(self)
        self.proxy.setSourceModel(self.model)

        self.status = QComboBox()
        self.status.setObjectName("proofStatus")
        self.status.addItem(_("Every verdict"), None)
        for status in Status:
            self.status.addItem(status_label(status), status)
        self.search = QLineEdit()
        self.search.setObjectName("proofSearch")
        self.search.setPlaceholderText(_("Filter by community, event or reason"))
        self.search.setClearButtonEnabled(True)
        self.status.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)

        self.table = QTableView()
        self.table.setObjectName("proofTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.doubleClicked.connect(lambda _index: self.open_photo())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._buttons())

        self.summary = QLabel()
        self.summary.setObjectName("proofSummary")
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(_("Open photo"))
        self.open_button.setObjectName("proofOpenPhoto")
        self.open_button.clicked.connect(self.open_photo)
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.setObjectName("proofRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton(_("Print the list…"))
        self.print_button.setObjectName("proofPrint")
        self.print_button.clicked.connect(self.choose_pdf)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(self.status)
        filters.addWidget(self.search, 1)
        actions = QHBoxLayout()
        for button in (self.open_button, self.refresh_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        self._buttons()
        self.refresh()

    def refresh(self) -> None:
        from planner_desktop.evidence.proof import community_proofs

        store = self.store

        def work(_context: jobs.JobContext) -> list[CommunityProof]:
            with store.session() as session:
                return community_proofs(session)

        show_message(self.summary, _("Checking the actas…"), "busy")
        self.job = jobs.run_job(self, work, on_done=self._loaded, cancellable=False,
                                writes=False)

    def _loaded(self, rows: list[CommunityProof]) -> None:
        self.model.set_rows(rows)
        from planner_desktop.evidence.proof import counts
        from planner_desktop.reports.acta_proofs import summary_line

        actas = {row.acta.event_id: row.acta for row in rows}
        if actas:
            show_message(self.summary, _("Events: {summary}").format(
                summary=summary_line(counts(actas.values()))))
        else:
            show_message(self.summary, _("No event has an acta yet."))
        self._buttons()
        self.sig_loaded.emit(len(rows))

    def _filter(self) -> None:
        self.proxy.set_filter(self.status.currentData(), self.search.text())
        self._buttons()

    def selected(self) -> CommunityProof | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def _buttons(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(chosen is not None and chosen.acta.photo_id is not None)
        self.print_button.setEnabled(bool(self.model.rows))

    def open_photo(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen.acta.photo_id is None:
            return
        from planner_desktop.ui.acta_proofs_photo import PhotoViewer

        viewer = PhotoViewer(self.store, chosen.acta.photo_id, chosen.acta.event_title,
                             chosen.acta.reason, self)
        viewer.finished.connect(lambda _result: viewer.deleteLater())
        viewer.open()

    def choose_pdf(self) -> None:
        from planner_desktop.ui.file_dialogs import save_file

        path = save_file(self, _("Print the list of actas"), Path("actas-probadas.pdf"),
                         _("PDF documents (*.pdf)"))
        if path:
            self.print_to(Path(path))

    def print_to(self, out: Path) -> None:
        """Write the ``acta-proofs`` report to ``out`` in a job."""
        from planner_desktop.reports.common import ReportOptions
        from planner_desktop.reports.registry import write_report

        store = self.store

        def work(_context: jobs.JobContext) -> str:
            with store.session() as session:
                write_report("acta-proofs", session, ReportOptions(), out)
            return str(out)

        self.job = jobs.run_job(self, work, on_done=self.sig_printed.emit, cancellable=False,
                                writes=False)


def open_acta_proofs(window: MainWindow) -> ActaProofsDialog | None:
    if window.store is None:
        return None
    dialog = ActaProofsDialog(window.store, window)
    dialog.finished.connect(lambda _result: dialog.deleteLater())
    dialog.open()
    return dialog
