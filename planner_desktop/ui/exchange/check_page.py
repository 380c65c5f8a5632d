"""The import wizard's second step: verify every file, ask about untrusted laptops, and
show what merging each valid file would add, update or leave in conflict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner_desktop.exchange.merge_preview import MergePreview
from planner_desktop.exchange.session import trust_key
from planner_desktop.exchange.signing import grouped_fingerprint
from planner_desktop.i18n import _
from planner_desktop.ui import jobs
from planner_desktop.ui.exchange import checks as ck
from planner_desktop.ui.exchange.files_model import FILE, STATUS, FilesModel

if TYPE_CHECKING:
    from planner_desktop.exchange.session import MergeReport
    from planner_desktop.store.database import Store


def _ignore(_result: object) -> None:
    pass


class CheckPage(QWizardPage):
    """Verification runs in the read pool, the preview (which locks the database) in the
    write pool; the page is complete when both ended and at least one file can merge."""

    def __init__(
        self, store: Store, paths: Callable[[], list[Path]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._paths = paths
        self.trusted: set[str] = set()
        """Fingerprints a person agreed to trust in this wizard."""
        self.preview = MergePreview(store)
        """The files' merge, counted on a copy of the database (used in the write pool)."""
        self.job: jobs.Job | None = None
        self.stopping = False
        self._generation = 0
        """Bumped each time the page starts again: outcomes of older jobs are dropped."""
        """The wizard is closing: start no further job."""
        self.setTitle(_("Check the files"))
        self.setSubTitle(
            _(
                "Each file is verified before anything is written; the numbers show what "
                "merging it would do after the files above it."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, _("&Merge"))
        self.model = FilesModel(self)
        self.table = QTableView()
        self.table.setObjectName("fileChecks")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.progress = QProgressBar()
        self.progress.setObjectName("checkProgress")
        self.status = QLabel()
        self.status.setObjectName("checkStatus")
        self.status.setWordWrap(True)
        self.trust_button = QPushButton(_("Trust this laptop…"))
        self.trust_button.setObjectName("trustLaptop")
        self.trust_button.setEnabled(False)
        self.trust_button.clicked.connect(self.ask_trust)
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.trust_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(row)

    # --- jobs -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def initializePage(self) -> None:
        self._generation += 1
        self.discard_preview()
        paths = self._paths()
        self.model.set_checks([ck.FileCheck(p) for p in paths])
        self.status.setText(_("Verifying {n} files…").format(n=len(paths)))
        policy = ck.trust_policy(self.store, self.trusted)
        store = self.store

        def work(context: jobs.JobContext) -> list[ck.FileCheck]:
            return ck.verify_all(paths, policy, context.progress, lambda: context.cancelled, store)

        self._start(work, self._verified, writes=False)

    def _start(
        self,
        work: Callable[[jobs.JobContext], Any],
        on_done: Callable[[Any], None],
        *,
        writes: bool,
    ) -> None:
        generation = self._generation

        def current(callback: Callable[..., None]) -> Callable[..., None]:
            def call(*args: Any) -> None:
                if generation == self._generation:
                    callback(*args)

            return call

        self.progress.setRange(0, 0)
        self.job = jobs.run_job(
            self,
            work,
            on_done=current(on_done),
            on_error=current(self._failed),
            on_progress=current(self._progress),
            on_cancelled=current(self._stopped),
            writes=writes,
        )
        self._update_buttons()
        self.completeChanged.emit()

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _verified(self, checks: list[ck.FileCheck]) -> None:
        self.job = None
        self.model.set_checks(checks)
        self._plan()

    def _plan(self) -> None:
        todo = [c.path for c in self.model.checks if c.mergeable and c.plan is None]
        if self.stopping or not todo:
            self._ended()
            return
        self.status.setText(_("Working out what each file would change…"))
        policy = ck.trust_policy(self.store, self.trusted)
        preview = self.preview

        def work(context: jobs.JobContext) -> tuple[dict[Path, MergeReport], list[Path]]:
            plans = ck.plan(preview, todo, policy, context.progress, lambda: context.cancelled)
            return plans, list(preview.order)

        self._start(work, self._planned, writes=True)

    def discard_preview(self) -> None:
        """Delete the preview's copy of the database once the write pool gets to it (after
        a preview still running)."""
        preview = self.preview
        jobs.run_job(None, lambda _context: preview.close(), on_done=_ignore, cancellable=False)

    def _planned(self, planned: tuple[dict[Path, MergeReport], list[Path]]) -> None:
        plans, order = planned
        for check in self.model.checks:
            report = plans.get(check.path)
            if report is None:
                continue
            check.plan = report
            if report.status == "refused":
                reason = report.reason.removeprefix(f"{check.path.name}: ")
                check.status, check.reason = ck.REFUSED, reason
        self.model.set_checks(ck.in_preview_order(self.model.checks, order))
        self._ended()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(_("The check failed: {reason}").format(reason=jobs.error_text(error)))
        self._ended(keep_status=True)

    def _stopped(self) -> None:
        self._ended()

    def _ended(self, *, keep_status: bool = False) -> None:
        self.job = None
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.model.refresh()
        if not keep_status:
            self.status.setText(self.counts_text())
        self._update_buttons()
        self.completeChanged.emit()

    def counts_text(self) -> str:
        statuses = [c.status for c in self.model.checks]
        found = {s: statuses.count(s) for s in (ck.VALID, ck.REFUSED, ck.HELD)}
        text = _("{valid} valid, {refused} refused, {held} held.").format(**found)
        if found[ck.HELD]:
            text += " " + _("Select a held file to trust its laptop, or merge without it.")
        return text

    # --- trust ------------------------------------------------------------------------

    def selected(self) -> ck.FileCheck | None:
        rows = self.table.selectionModel().selectedRows(FILE)
        return self.model.checks[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        check = self.selected()
        self.trust_button.setEnabled(
            not self.busy and check is not None and check.status == ck.HELD
        )

    def ask_trust(self) -> None:
        check = self.selected()
        if check is None or check.status != ck.HELD:
            return
        answer = QMessageBox.question(
            self,
            _("Trust this laptop?"),
            _(
                "{file} was signed by a laptop this database does not know yet.\n\n"
                "Facilitator: {facilitator}\nLaptop: {device}\nKey fingerprint:\n{key}\n\n"
                "Trust it only if this fingerprint is the one shown in that laptop's "
                "export window (or printed by its session export command). Its files "
                "will then be merged, now and later."
            ).format(
                file=check.path.name,
                facilitator=check.facilitator or "—",
                device=check.device_id,
                key=grouped_fingerprint(check.fingerprint),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes or check.manifest is None:
            return
        manifest, fingerprint = check.manifest, check.fingerprint
        self.status.setText(_("Trusting the laptop…"))
        self._start(
            lambda _context: trust_key(self.store, manifest),
            lambda _fingerprint: self._trusted(fingerprint),
            writes=True,
        )

    def _trusted(self, fingerprint: str) -> None:
        """The key is stored as trusted (kept even if the wizard is closed now): its held
        files become valid and are planned."""
        self.trusted.add(fingerprint)
        for other in self.model.checks:
            if other.status == ck.HELD and other.fingerprint == fingerprint:
                other.status, other.reason, other.trusted_now = ck.VALID, "", True
        self.model.refresh()
        self._plan()

    def cleanupPage(self) -> None:
        """Back to the choice of files: whatever is still running is cancelled and ignored."""
        self._generation += 1
        if self.job is not None:
            self.job.cancel()
        self.job = None
        self.discard_preview()
        super().cleanupPage()

    def isComplete(self) -> bool:
        return not self.busy and any(c.mergeable for c in self.model.checks)
