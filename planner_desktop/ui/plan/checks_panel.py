"""The checks panel: the plan's coherence and viability findings, each a way to the fix.

The checks run in a background job (read-only) when the panel is first shown and again a
moment after any saved change (at once when shown, else when next shown); a double-click
on a finding asks to go to its record.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import N_, _, ngettext
from planner_desktop.plan.checks import CheckReport, run_checks
from planner_desktop.plan.findings import Finding, Severity
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.pages.base import table_view

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, FINDING_ROLE)``: the :class:`Finding` of the row."""
RERUN_MS = 700
COLUMNS = (N_("Finding"), N_("Check"))


class FindingsModel(QAbstractTableModel):
    """The findings of one run, errors first. Never opens a dialog."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.findings: list[Finding] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.findings = list(findings)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.findings)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.findings):
            return None
        finding = self.findings[index.row()]
        if role == FINDING_ROLE:
            return finding
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return finding.message if index.column() == 0 else finding.code
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            pixmap = (
                QStyle.StandardPixmap.SP_MessageBoxCritical
                if finding.is_error
                else QStyle.StandardPixmap.SP_MessageBoxWarning
            )
            return QApplication.style().standardIcon(pixmap)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def for_records(self, record_ids: set[uuid.UUID]) -> list[Finding]:
        return [finding for finding in self.findings if finding.record_id in record_ids]


class ChecksPanel(QWidget):
    """Lists the findings of :func:`run_checks`; ``sig_jump(table, record_id)`` on a
    double-click or Enter, ``sig_checked(report)`` after each run."""

    sig_jump = Signal(str, object)
    sig_checked = Signal(object)

    def __init__(self, store: Store, hub: ChangeHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checksPanel")
        self.store = store
        self.report: CheckReport | None = None
        self.job: jobs.Job | None = None
        self._again = False
        self._stale = False
        self.model = FindingsModel(self)
        self.view = table_view(self.model, name="findings")
        header = self.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        self.counts = QLabel()
        self.counts.setObjectName("checkCounts")
        self.severity = QComboBox()
        self.severity.setObjectName("checkFilter")
        for value, text in ((None, _("All findings")), (Severity.error, _("Errors only")),
                            (Severity.warning, _("Warnings only"))):
            self.severity.addItem(text, value)
        self.severity.currentIndexChanged.connect(lambda _n: self._show())
        self.run_button = QPushButton(_("Check the plan"))
        self.run_button.setObjectName("runChecks")
        self.run_button.clicked.connect(self.run)
        hint = QLabel(_("Double-click a finding to go where it is fixed."))
        hint.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(hint)
        top.addWidget(self.severity)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RERUN_MS)
        self._timer.timeout.connect(self._rerun)
        hub.sig_changed.connect(self._changed)

    def _changed(self, _table: str, _serial: int) -> None:
        """A saved change: check again a moment later (bound, so it ends with the panel)."""
        self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        if (self.report is None or self._stale) and self.job is None:
            self.run()
        super().showEvent(event)

    def _rerun(self) -> None:
        """After saved changes: check again now if shown, else when next shown."""
        self._stale = not self.isVisible()
        if not self._stale:
            self.run()

    def run(self) -> None:
        """Run every check in the background (again at the end, if asked meanwhile)."""
        self._stale = False
        if self.job is not None:
            self._again = True
            return
        self.counts.setText(_("Checking the plan…"))
        self.run_button.setEnabled(False)
        store = self.store
        self.job = jobs.run_job(
            self, lambda _context: _check(store), on_done=self._done,
            on_error=self._failed, writes=False,
        )

    def _done(self, report: CheckReport) -> None:
        self.job = None
        self.report = report
        self.run_button.setEnabled(True)
        self._show()
        errors = ngettext("{n} error", "{n} errors", report.errors).format(n=report.errors)
        warnings = ngettext("{n} warning", "{n} warnings", report.warnings).format(
            n=report.warnings
        )
        verdict = _("the plan passes the checks") if report.ok else _("the plan has errors")
        self.counts.setText(f"<b>{errors}</b>, {warnings} — {verdict}")
        self.sig_checked.emit(report)
        if self._again:
            self._again = False
            self.run()

    def _show(self) -> None:
        """The findings of the last run, of the severity chosen."""
        severity = self.severity.currentData()
        findings = self.report.findings if self.report is not None else []
        self.model.set_findings(
            [f for f in findings if severity is None or f.severity == severity]
        )

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.run_button.setEnabled(True)
        self.counts.setText(_("The checks failed: {reason}").format(reason=jobs.error_text(error)))

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.sig_jump.emit(finding.table, finding.record_id)


def _check(store: Store) -> CheckReport:
    """In a worker: every check, in one read-only session."""
    with store.session() as session:
        return run_checks(session)
