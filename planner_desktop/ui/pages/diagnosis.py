"""Diagnóstico: findings per dimension and kind, and the findings of the chosen community."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTabWidget, QVBoxLayout, QWidget

from planner_desktop.domain import labels, summaries
from planner_desktop.domain.enums import FindingKind, Phase
from planner_desktop.i18n import _, ngettext
from planner_desktop.ui import queries
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.models.grid import GridModel
from planner_desktop.ui.pages.base import (
    Page,
    counted,
    fit_columns,
    fit_height,
    section_label,
    set_heading,
    table_view,
)
from planner_desktop.ui.pages.finding_deletion import add_finding_deletion
from planner_desktop.ui.pages.self_diagnosis import SelfDiagnosisPanel


class DiagnosisPage(Page):
    phase = Phase.diagnosis
    follows_scope = True

    def build(self) -> None:
        self.matrix = GridModel(self)
        self.matrix_view = table_view(self.matrix, name="findingMatrix")
        self.matrix_view.verticalHeader().show()
        self.matrix_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_view.setSelectionMode(self.matrix_view.SelectionMode.NoSelection)
        self.findings = self.table_model(queries.findings(self.scope))
        self.findings_view = table_view(self.findings, name="findings")
        self.matrix_title = section_label()
        self.findings_title = section_label()

        overview = QWidget()
        layout = QVBoxLayout(overview)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.matrix_title)
        layout.addWidget(self.matrix_view)
        layout.addSpacing(4)
        layout.addWidget(self.findings_title)
        layout.addWidget(self.findings_view, 1)
        self.self_diagnosis = SelfDiagnosisPanel(self.context)
        self.delete_finding_button = add_finding_deletion(self.self_diagnosis)
        self._seen_community: object = None
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(overview, _("Overview"))
        self.tabs.addTab(self.self_diagnosis, _("Self-diagnosis"))
        self.body.addWidget(self.tabs, 1)
        hub_for(self.context.undo_stack, self.store).sig_changed.connect(self._changed)

    def _changed(self, table: str, _serial: int) -> None:
        if table in ("finding", "dimension"):
            self.refresh()

    def refresh(self) -> None:
        scope = self.scope
        if scope.community_id is not None and scope.community_id != self._seen_community:
            self.self_diagnosis.load_choices(scope.community_id)
        self._seen_community = scope.community_id
        with self.store.session() as session:
            summary = summaries.diagnosis_summary(
                session, district_id=scope.district_id, community_id=scope.community_id
            )
            dimensions = queries.dimensions(session)
        kinds = list(FindingKind)
        rows = []
        for dimension_id, _name in dimensions:
            counts = [summary.matrix.get((dimension_id, kind), 0) for kind in kinds]
            rows.append([*counts, sum(counts)])
        totals = [sum(row[column] for row in rows) for column in range(len(kinds) + 1)]
        self.matrix.set_grid(
            [name for _id, name in dimensions] + [_("Total")],
            [labels.label(kind) for kind in kinds] + [_("Total")],
            [*rows, totals],
            total_row=True,
            total_column=True,
        )
        where = scope.name or _("the whole municipality")
        set_heading(self.matrix_title, _("Findings by dimension and kind"))
        self.findings.reload(queries.findings(scope))
        set_heading(self.findings_title, _("Findings of {place}").format(place=where))
        self.set_summary(
            scope.name,
            counted(
                ngettext(
                    "{n} community self-diagnosis (autodiagnóstico)",
                    "{n} community self-diagnoses (autodiagnósticos)",
                    summary.self_diagnoses,
                ),
                summary.self_diagnoses,
            ),
            counted(
                ngettext("{n} community", "{n} communities", summary.communities),
                summary.communities,
            ),
            counted(ngettext("{n} finding", "{n} findings", summary.findings), summary.findings),
        )
        fit_columns(self.findings_view)
        fit_height(self.matrix_view)
