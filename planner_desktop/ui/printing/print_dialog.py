"""The dialog of one document: its options, the PDF written in a job, then Open or Save as."""

from __future__ import annotations

import logging
import shutil
import uuid
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _, ngettext
from planner_desktop.reports.common import ReportRefused
from planner_desktop.reports.preview import PagePicture, render_pages
from planner_desktop.ui import jobs
from planner_desktop.ui.file_dialogs import document_name, free_path, save_file
from planner_desktop.ui.printing.choices import Choice, choices_for, picker_label
from planner_desktop.ui.printing.documents import PAPERS, DocumentKind, Need
from planner_desktop.ui.printing.output import preview_folder, print_document
from planner_desktop.ui.printing.preview import PAGE_WIDTH, PreviewPages
from planner_desktop.ui.printing.style import show_message
from planner_desktop.ui.screen_fit import resize_within

if TYPE_CHECKING:
    from planner_desktop.settings import Settings
    from planner_desktop.store.database import Store

log = logging.getLogger(__name__)


class PrintDialog(QDialog):
    """Choose the record and the paper, write the PDF in a background job, then look at
    its pages in the dialog, open it in the system's viewer or save a copy."""

    sig_printed = Signal(object)
    """The PDF was written (its path)."""

    def __init__(
        self,
        store: Store,
        document: DocumentKind,
        parent: QWidget | None = None,
        settings: Settings | None = None,
        current_event: uuid.UUID | None = None,
    ) -> None:
        """``current_event`` (the window's) puts its rounds first in the picker."""
        super().__init__(parent)
        self.setObjectName("printDialog")
        self.setWindowTitle(_("Print: {title}").format(title=_(document.title)))
        self.setMinimumWidth(520)
        self.store = store
        self.document = document
        self.settings = settings
        self.job: jobs.Job | None = None
        self.pdf: Path | None = None

        heading = QLabel(_(document.title))
        font = QFont(heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        self.picker = QComboBox()
        self.picker.setObjectName("printPicker")
        self.picker.setMinimumContentsLength(30)
        self.paper = QComboBox()
        self.paper.setObjectName("printPaper")
        for code, name in PAPERS:
            self.paper.addItem(_(name), code)
        saved = settings.get("paper") if settings is not None else PAPERS[0][0]
        self.paper.setCurrentIndex(max(self.paper.findData(saved), 0))
        form = QFormLayout()
        if document.need is not Need.none:
            form.addRow(picker_label(document.need), self.picker)
            with store.session() as session:
                for choice in choices_for(session, document.need, current_event):
                    self.picker.addItem(choice.label, choice)
        form.addRow(_("Paper:"), self.paper)

        self.message = QLabel()
        self.message.setObjectName("printMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.print_button = self._button("printGenerate", _("Generate &PDF"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.generate)
        self.open_button = self._button("printOpen", _("&Open"))
        self.open_button.clicked.connect(self.open_pdf)
        self.save_button = self._button("printSave", _("&Save as…"))
        self.save_button.clicked.connect(self.save_as)

        self.preview = PreviewPages(self)
        self.preview.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.preview.note)
        layout.addWidget(self.buttons)
        self.picker.currentIndexChanged.connect(self._forget_pdf)
        self.paper.currentIndexChanged.connect(self._forget_pdf)
        self.paper.currentIndexChanged.connect(self._remember_paper)
        self._forget_pdf()
        if document.need is not Need.none and self.picker.count() == 0:
            self.print_button.setEnabled(False)
            show_message(self.message, _("Nothing to print yet: {what}").format(
                what=_nothing(document.need)), "error")

    def _button(self, name: str, text: str) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(name)
        return button

    def choice(self) -> Choice:
        found = self.picker.currentData()
        return found if isinstance(found, Choice) else Choice("")

    def file_name(self) -> str:
        """The document, what it is about (community or event) and the date."""
        choice = self.choice()
        return document_name(self.document.file_stem, choice.about,
                             choice.day or date.today(), ".pdf")

    def generate(self) -> None:
        """Write the PDF in a background job (the dialog stays responsive)."""
        if self.job is not None and self.job.running:
            return
        self._forget_pdf()
        out = preview_folder() / self.file_name()
        kind, choice, paper = self.document.kind, self.choice(), str(self.paper.currentData())
        store = self.store
        self.print_button.setEnabled(False)
        show_message(self.message, _("Writing the document…"), "busy")
        def write(_context: object) -> tuple[int, list[PagePicture] | None]:
            pages = print_document(store, kind, choice, paper, out)
            return pages, render_pages(out, PAGE_WIDTH)

        self.job = jobs.run_job(
            self,
            write,
            on_done=lambda done: self._printed(out, *done),
            on_error=self._failed,
            cancellable=False,
            writes=False,
        )

    def _printed(self, out: Path, pages: int, pictures: list[PagePicture] | None) -> None:
        self.pdf = out
        self.print_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.save_button.setEnabled(True)
        text = ngettext("Ready: {count} page.", "Ready: {count} pages.", pages).format(count=pages)
        if pictures:
            self.preview.show_pages(pictures, pages)
            self.preview.show()
            self._grow(PAGE_WIDTH + 80, 820)
            text += " " + _("Open it in your PDF viewer to print it, or save a copy.")
        else:
            text += " " + _("Open it to look at it, or save a copy.")
        show_message(self.message, text, "ok")
        self.sig_printed.emit(out)

    def _failed(self, error: BaseException) -> None:
        self.print_button.setEnabled(True)
        if isinstance(error, ReportRefused):
            text = _("Not printed: {reason}").format(reason=jobs.error_text(error))
        else:
            text = _("The document could not be written: {reason}").format(
                reason=jobs.error_text(error))
        show_message(self.message, text, "error")

    def _grow(self, width: int, height: int) -> None:
        """Grow to show a page, never past the screen (a 1366×768 laptop included)."""
        resize_within(self, max(self.width(), width), max(self.height(), height))

    def _remember_paper(self) -> None:
        """The paper chosen becomes the default of every document (and of ``report``)."""
        if self.settings is None:
            return
        self.settings.set("paper", str(self.paper.currentData()))
        try:
            self.settings.save()
        except OSError as error:
            log.warning("cannot save the settings: %s", error.strerror)

    def _forget_pdf(self) -> None:
        self.pdf = None
        self.preview.clear()
        self.preview.hide()
        self.open_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self.message.clear()

    def open_pdf(self) -> None:
        if self.pdf is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf)))

    def save_as(self) -> None:
        if self.pdf is None:
            return
        target = save_file(self, _("Save the document"),
                           free_path(Path.home() / self.file_name()),
                           _("PDF documents (*.pdf)"))
        if not target:
            return
        # the dialog asked before replacing the name typed; one it did not see gets a number
        path = Path(target) if Path(target).suffix else free_path(Path(target + ".pdf"))
        try:
            shutil.copyfile(self.pdf, path)
        except OSError as error:
            show_message(self.message, _("Cannot save {file}: {reason}").format(
                file=path.name, reason=error.strerror or type(error).__name__), "error")
            return
        show_message(self.message, _("Saved as {file}.").format(file=path.name), "ok")


def _nothing(need: Need) -> str:
    texts = {
        Need.event: _("there is no event"),
        Need.rounds: _("there is no prioritisation round"),
        Need.community: _("there is no community"),
        Need.project: _("there is no project profile"),
        Need.year: _("there is no POA"),
    }
    return texts.get(need, "")
