"""The import wizard: choose files, check them, merge them (DESIGN §4, issue 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget, QWizard

from planner_desktop.exchange.session import MergeReport
from planner_desktop.i18n import _
from planner_desktop.ui.exchange.check_page import CheckPage
from planner_desktop.ui.exchange.choose_page import ChoosePage
from planner_desktop.ui.exchange.merge_page import MergePage

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


class ImportWizard(QWizard):
    """Closing it while a job runs cancels the job and closes when the job has ended.

    ``changed`` is True once a merge wrote something (the window then reads again).
    """

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(_("Import session files"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.changed = False
        self.choose_page = ChoosePage(store)
        self.check_page = CheckPage(store, self.choose_page.paths)
        self.merge_page = MergePage(
            store, lambda: self.check_page.model.checks, self.check_page.trusted
        )
        self.merge_page.sig_merged.connect(self._merged)
        for page in (self.choose_page, self.check_page, self.merge_page):
            self.addPage(page)
        self._closing = False

    def sizeHint(self) -> QSize:
        return QSize(980, 600)

    def _merged(self, reports: list[MergeReport]) -> None:
        if any(r.status == "merged" for r in reports):
            self.changed = True
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

    def done(self, result: int) -> None:
        self.check_page.discard_preview()
        super().done(result)

    def reject(self) -> None:
        running = [p.job for p in (self.check_page, self.merge_page) if p.busy and p.job]
        self.check_page.stopping = True
        if not running:
            super().reject()
            return
        if self._closing:
            return
        self._closing = True
        for job in running:
            job.cancel()
            job.sig_finished.connect(self._close_when_idle)

    def _close_when_idle(self) -> None:
        if not (self.check_page.busy or self.merge_page.busy):
            super().reject()
