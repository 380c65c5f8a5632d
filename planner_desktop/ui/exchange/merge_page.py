"""The import wizard's last step: merge with a progress bar and Cancel, then the summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from planner_desktop.exchange.apply import Counts
from planner_desktop.exchange.session import MergeReport, merge_files, total
from planner_desktop.i18n import _
from planner_desktop.ui import jobs
from planner_desktop.ui.exchange import checks as ck

if TYPE_CHECKING:
    from planner_desktop.store.database import Store


def counts_text(counts: Counts) -> str:
    return _(
        "added {added}, updated {updated}, unchanged {unchanged}, conflicts {conflicts}, "
        "rejected {rejected}"
    ).format(**counts.as_dict())


def report_line(report: MergeReport) -> str:
    name = report.path.name
    if report.status == "merged":
        return f"{name}: {counts_text(report.counts)}"
    if report.status == "already":
        return _("{name}: already merged (import {batch}), nothing changed").format(
            name=name, batch=report.batch_id
        )
    if report.status == "refused":
        return _("{name}: refused, nothing merged: {reason}").format(
            name=name, reason=report.reason.removeprefix(f"{name}: ")
        )
    return report.line()


class MergePage(QWizardPage):
    """Merges the files the check left mergeable (held ones are listed as held)."""

    sig_merged = Signal(object)
    """The merge ended (done or cancelled) with its list of :class:`MergeReport`."""

    def __init__(
        self,
        store: Store,
        checks: Callable[[], Sequence[ck.FileCheck]],
        trusted: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._checks = checks
        self._trusted = trusted
        self.job: jobs.Job | None = None
        self.reports: list[MergeReport] = []
        self.refused: list[ck.FileCheck] = []
        self.setTitle(_("Merge"))
        self.setFinalPage(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("mergeProgress")
        self.cancel_button = QPushButton(_("Cancel"))
        self.cancel_button.setObjectName("cancelMerge")
        self.cancel_button.clicked.connect(self.cancel)
        self.current = QLabel()
        self.current.setObjectName("mergeCurrent")
        self.lines = QListWidget()
        self.lines.setObjectName("mergeLines")
        self.lines.setWordWrap(True)  # a refusal's reason is one long line
        self.totals = QLabel()
        self.totals.setObjectName("mergeTotals")
        self.totals.setWordWrap(True)
        font = self.totals.font()
        font.setBold(True)
        self.totals.setFont(font)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.current)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.totals)

    @property
    def busy(self) -> bool:
        return self.job is not None and self.job.running

    def initializePage(self) -> None:
        chosen = list(self._checks())
        paths = [c.path for c in chosen if c.status in (ck.VALID, ck.HELD)]
        self.refused = [c for c in chosen if c.status == ck.REFUSED]
        self.lines.clear()
        self.totals.clear()
        self.progress.setRange(0, max(len(paths), 1))
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.current.setText(_("Merging {n} files…").format(n=len(paths)))
        policy = ck.trust_policy(self.store, self._trusted)

        def work(context: jobs.JobContext) -> list[MergeReport]:
            def step(done: int, count: int, path: Path) -> None:
                context.progress(done, count, path.name)

            return merge_files(
                self.store,
                paths,
                trust=policy,
                progress=step,
                cancelled=lambda: context.cancelled,
            )

        self.job = jobs.run_job(
            self,
            work,
            on_done=self._merged,
            on_error=self._failed,
            on_progress=self._progress,
        )

    def _progress(self, done: int, count: int, name: str) -> None:
        self.progress.setRange(0, max(count, 1))
        self.progress.setValue(done)
        self.current.setText(
            _("Merged {done} of {count}: {name}").format(done=done, count=count, name=name)
        )

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.current.setText(_("Cancelling: the file being merged will change nothing…"))

    def _merged(self, reports: list[MergeReport]) -> None:
        self.job = None
        self.reports = reports
        self.cancel_button.setEnabled(False)
        for report in reports:
            self.lines.addItem(report_line(report))
        for check in self.refused:
            self.lines.addItem(
                _("{name}: refused, nothing merged: {reason}").format(
                    name=check.path.name, reason=check.reason
                )
            )
        statuses = [r.status for r in reports]
        files = _(
            "Files merged: {merged}; already merged: {already}; refused: {refused}; "
            "held: {held}; cancelled: {cancelled}."
        ).format(
            merged=statuses.count("merged"),
            already=statuses.count("already"),
            refused=statuses.count("refused") + len(self.refused),
            held=statuses.count("held"),
            cancelled=statuses.count("cancelled"),
        )
        self.current.setText(files)
        self.totals.setText(_("Total: {counts}").format(counts=counts_text(total(reports))))
        self.progress.setValue(self.progress.maximum())
        self.sig_merged.emit(reports)
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.cancel_button.setEnabled(False)
        self.current.setText(_("The merge failed: {reason}").format(reason=jobs.error_text(error)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self.busy
