"""The checks panel: the plan's coherence and viability findings, each a way to the fix.

Findings of one rule and severity are one line with a count ("199 priorities without a
project profile") that expands to the list; a rule with one finding shows the finding
itself. The second column names the rule in the interface language. The checks run in a
background job (read-only) when the panel is first shown and again a moment after any
saved change (at once when shown, else when next shown); a double-click or Enter on a
finding asks to go to its record, on a group opens or closes it.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QShowEvent
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
from planner_desktop.plan.grouping import FindingGroup, group_findings
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.pages.base import tree_view

Index = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, FINDING_ROLE)``: the :class:`Finding` of the row (None on a group)."""
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, GROUP_ROLE)``: the :class:`FindingGroup` of a top-level row."""
RERUN_MS = 700
COLUMNS = (N_("Finding"), N_("Rule"))
ICONS = {
    Severity.error: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.warning: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.note: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class FindingsModel(QAbstractItemModel):
    """The findings of one run grouped by rule, errors first: a top-level row per group,
    the group's findings under it when there is more than one. Never opens a dialog."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[FindingGroup] = []

    def set_findings(self, findings: list[Finding]) -> None:
        self.beginResetModel()
        self.groups = group_findings(findings)
        self.endResetModel()

    @property
    def findings(self) -> list[Finding]:
        """Every finding shown, in the order of the rows."""
        return [finding for group in self.groups for finding in group.findings]

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        findings = self.groups[parent.row()].findings
        return len(findings) if len(findings) > 1 else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def _row(self, index: Index) -> tuple[FindingGroup, Finding | None]:
        """The group of the row and its finding (None on a group of several)."""
        if index.internalId() == 0:
            group = self.groups[index.row()]
            return group, group.findings[0] if len(group.findings) == 1 else None
        group = self.groups[index.internalId() - 1]
        return group, group.findings[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group, finding = self._row(index)
        top = index.internalId() == 0
        if role == FINDING_ROLE:
            return finding
        if role == GROUP_ROLE:
            return group if top else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 1:
                return group.title if top else None
            return finding.message if finding is not None else group.summary
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0 and top:
            return QApplication.style().standardIcon(ICONS[group.severity])
        if role == Qt.ItemDataRole.FontRole and top and finding is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section]) if 0 <= section < len(COLUMNS) else None
        return None

    def index_of(self, record_id: uuid.UUID, code: str | None = None) -> QModelIndex:
        """The row of the (first) finding on ``record_id`` (of rule ``code`` if given)."""
        for row, group in enumerate(self.groups):
            if code is not None and group.code != code:
                continue
            for child, finding in enumerate(group.findings):
                if finding.record_id != record_id:
                    continue
                top = self.index(row, 0)
                return top if len(group.findings) == 1 else self.index(child, 0, top)
        return QModelIndex()

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
        self.view = tree_view(self.model, name="findings")
        self.view.setUniformRowHeights(False)
        self.view.setExpandsOnDoubleClick(False)  # activation opens a group (Enter too)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.view.activated.connect(self._activated)
        self.counts = QLabel()
        self.counts.setObjectName("checkCounts")
        self.severity = QComboBox()
        self.severity.setObjectName("checkFilter")
        for value, text in ((None, _("All findings")), (Severity.error, _("Errors only")),
                            (Severity.warning, _("Warnings only")),
                            (Severity.note, _("Notes only"))):
            self.severity.addItem(text, value)
        self.severity.currentIndexChanged.connect(lambda _n: self._show())
        self.run_button = QPushButton(_("Check the plan"))
        self.run_button.setObjectName("runChecks")
        self.run_button.clicked.connect(self.run)
        hint = QLabel(_("Double-click a finding to go where it is fixed."))
        hint.setStyleSheet("color: palette(mid);")
        scale = QLabel(_("Errors block the approval of a POA; warnings ask for a look; "
                         "notes inform."))
        scale.setObjectName("checkScale")
        scale.setStyleSheet("color: palette(mid);")
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(hint)
        top.addWidget(self.severity)
        top.addWidget(self.run_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scale)
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
        notes = ngettext("{n} note", "{n} notes", report.notes).format(n=report.notes)
        verdict = (_("the plan passes the checks") if report.ok
                   else _("the plan has errors: a POA cannot be approved"))
        self.counts.setText(f"<b>{errors}</b>, {warnings}, {notes} — {verdict}")
        self.sig_checked.emit(report)
        if self._again:
            self._again = False
            self.run()

    def _show(self) -> None:
        """The findings of the last run, of the severity chosen (open groups stay open)."""
        opened = {
            (group.severity, group.code)
            for row, group in enumerate(self.model.groups)
            if self.view.isExpanded(self.model.index(row, 0))
        }
        severity = self.severity.currentData()
        findings = self.report.findings if self.report is not None else []
        self.model.set_findings(
            [f for f in findings if severity is None or f.severity == severity]
        )
        for row, group in enumerate(self.model.groups):
            if (group.severity, group.code) in opened:
                self.view.expand(self.model.index(row, 0))

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self.run_button.setEnabled(True)
        self.counts.setText(_("The checks failed: {reason}").format(reason=jobs.error_text(error)))

    def _activated(self, index: QModelIndex) -> None:
        finding = index.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.sig_jump.emit(finding.table, finding.record_id)
            return
        first = index.siblingAtColumn(0)
        self.view.setExpanded(first, not self.view.isExpanded(first))


def _check(store: Store) -> CheckReport:
    """In a worker: every check, in one read-only session."""
    with store.session() as session:
        return run_checks(session)
