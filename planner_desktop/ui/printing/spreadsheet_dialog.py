"""Spreadsheets from the File menu: export one kind, or import communities or demands.

The file is written or read in a background job; a refusal (which file, sheet, row and
column, and why) is shown as one line in the dialog, and an import that added rows marks
the dialog ``changed`` so the window reads the database again when it closes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.exchange.xlsx.errors import SpreadsheetRefused
from planner_desktop.i18n import N_, _, ngettext
from planner_desktop.ui import jobs
from planner_desktop.ui.file_dialogs import document_name, free_path, open_file, save_file
from planner_desktop.ui.printing.style import show_message

if TYPE_CHECKING:
    from planner_desktop.store.database import Store

EXPORT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("demands", N_("Consolidated demand matrix"), "demandas"),
    ("priorities", N_("Priorities per group"), "prioridades"),
    ("programming", N_("Five-year programming"), "programacion"),
    ("poa", N_("POA"), "poa"),
    ("attendance", N_("Attendance statistics"), "asistencia"),
    ("template", N_("Blank import template"), "plantilla"),
)
IMPORT_KINDS: tuple[tuple[str, str, str], ...] = (
    ("communities", N_("Communities"), "comunidades"),
    ("demands", N_("Demands"), "demandas"),
)
_FILTER = N_("Excel spreadsheets (*.xlsx)")


def _export(store: Store, kind: str, path: Path) -> int:
    from planner_desktop.exchange.xlsx.export import export

    return export(store, kind, path)


def _import(store: Store, kind: str, path: Path) -> int:
    from planner_desktop.exchange.xlsx.importer import IMPORTS

    return IMPORTS[kind](store, path).rows


class SpreadsheetDialog(QDialog):
    """Export (``importing=False``) or import (``importing=True``) one spreadsheet."""

    sig_finished_file = Signal(object)
    """A spreadsheet was written or read (its path)."""

    def __init__(self, store: Store, *, importing: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.importing = importing
        self.setObjectName("importSpreadsheet" if importing else "exportSpreadsheet")
        self.setWindowTitle(_("Import spreadsheet") if importing else _("Export spreadsheet"))
        self.setMinimumWidth(520)
        self.store = store
        self.changed = False
        self.job: jobs.Job | None = None
        self.kinds = IMPORT_KINDS if importing else EXPORT_KINDS
        self.kind = QComboBox()
        self.kind.setObjectName("spreadsheetKind")
        for code, title, _stem in self.kinds:
            self.kind.addItem(_(title), code)
        form = QFormLayout()
        form.addRow(_("What to import:") if importing else _("What to export:"), self.kind)
        hint = QLabel(_(
            "Write the blank template from Export spreadsheet, fill it in, then import it. "
            "A file with any error is refused whole: nothing is imported."
        ) if importing else _("The spreadsheet opens in Excel and LibreOffice."))
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("spreadsheetMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.run_button = self.buttons.addButton(
            _("&Import…") if importing else _("&Export…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.run_button.setObjectName("spreadsheetRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(self.run)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.buttons)

    def _stem(self) -> str:
        code = self.kind.currentData()
        return next(stem for kind, _title, stem in self.kinds if kind == code)

    def ask_path(self) -> Path | None:
        if self.importing:
            path = open_file(self, _("Import spreadsheet"), str(Path.home()), _(_FILTER))
        else:
            path = save_file(self, _("Export spreadsheet"),
                             free_path(Path.home() / document_name(
                                 self._stem(), "", date.today(), ".xlsx")),
                             _(_FILTER))
        if not path:
            return None
        chosen = Path(path)
        return chosen if chosen.suffix or self.importing else free_path(
            chosen.with_suffix(".xlsx"))

    def run(self) -> None:
        """Ask for the file, then write or read it in a background job."""
        if self.job is not None and self.job.running:
            return
        path = self.ask_path()
        if path is None:
            return
        kind, store, importing = str(self.kind.currentData()), self.store, self.importing
        work = _import if importing else _export
        self.run_button.setEnabled(False)
        busy = _("Reading {file}…") if importing else _("Writing {file}…")
        show_message(self.message, busy.format(file=path.name), "busy")
        self.job = jobs.run_job(
            self,
            lambda _context: work(store, kind, path),
            on_done=lambda count: self._done(path, int(count)),
            on_error=self._failed,
            cancellable=False,
            writes=importing,
        )

    def _done(self, path: Path, count: int) -> None:
        self.run_button.setEnabled(True)
        if self.importing:
            self.changed = self.changed or count > 0
            text = ngettext("{file}: {count} row imported.", "{file}: {count} rows imported.",
                            count)
        elif self.kind.currentData() == "template":
            text = _("{file}: blank template written.")
        else:
            text = ngettext("{file}: {count} row written.", "{file}: {count} rows written.",
                            count)
        show_message(self.message, text.format(file=path.name, count=count), "ok")
        self.sig_finished_file.emit(path)

    def _failed(self, error: BaseException) -> None:
        self.run_button.setEnabled(True)
        reason: Any = jobs.error_text(error)
        if isinstance(error, OSError):
            reason = error.strerror or reason
        elif not isinstance(error, SpreadsheetRefused):
            reason = _("unexpected error: {reason}").format(reason=reason)
        show_message(self.message, _("Refused: {reason}").format(reason=reason), "error")
