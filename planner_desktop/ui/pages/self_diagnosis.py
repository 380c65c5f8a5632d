"""The community self-diagnosis (autodiagnóstico) typed during the workshop.

One self-diagnosis (a community at an event) at a time: its findings grouped by dimension
and kind, with cause, effect and the group that raised them, typed in place. Ctrl+Up and
Ctrl+Down move a finding in its local rank; a finding becomes a demand with one button.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.capture import demands, findings
from planner_desktop.capture.validation import Invalid, clean_text, validate_required
from planner_desktop.domain import labels
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.diagnosis import Finding, SelfDiagnosis
from planner_desktop.domain.enums import FindingKind
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, Sector
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.ui import formatting, queries
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate, select_data
from planner_desktop.ui.commands import CreateRecord, MoveFinding
from planner_desktop.ui.keyboard import TypeAheadCombo
from planner_desktop.ui.models.editing import group_choices
from planner_desktop.ui.models.findings import (
    DESCRIPTION,
    FindingsModel,
    finding_fields,
    findings_query,
)
from planner_desktop.ui.pages.base import PageContext, fit_columns
from planner_desktop.ui.pages.self_diagnosis_start import StartSelfDiagnosis
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

COLUMN_WIDTH = 140
"""The widest a column other than the finding may be (1366 pixels wide screens)."""


class SelfDiagnosisPanel(QWidget):
    sig_demand_created = Signal(object)
    """A demand was made from a finding (its id)."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("selfDiagnosisPanel")
        self.context = context
        self.store = context.store
        self.hub = hub_for(context.undo_stack, context.store)
        self._ranks_queued: dict[tuple[uuid.UUID, uuid.UUID, object], int] = {}
        """The last rank handed out per diagnosis, dimension and kind, until saved."""
        self.hub.sig_pending_changed.connect(
            lambda pending: self._ranks_queued.clear() if pending == 0 else None
        )
        self._follow: uuid.UUID | None = None
        self._wanted: uuid.UUID | None = None
        """A self-diagnosis just started, shown as soon as it is saved."""
        self._follow_column = DESCRIPTION

        self.diagnosis = QComboBox()
        self.diagnosis.setObjectName("diagnosisChooser")
        self.diagnosis.setMinimumContentsLength(16)
        self.diagnosis.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.dimensions_button = QPushButton(_("Dimensions…"))
        self.dimensions_button.setObjectName("dimensionsButton")
        self.dimensions_button.clicked.connect(self.edit_dimensions)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Self-diagnosis")))
        top.addWidget(self.diagnosis, 1)
        top.addWidget(self.dimensions_button)

        self.model = FindingsModel(
            self.store, findings_query(None), Finding, finding_fields(), self
        )
        self.model.attach(self.hub, context.undo_stack)
        self.model.also_reload_on = {"dimension"}
        self.model.follow_order = True  # moving a finding is what reorders it
        self.view = spreadsheet_view(self.model, name="selfDiagnosisFindings")
        # widths follow what is shown: the kind and dimension never cut to "Pr..."
        self.model.sig_loaded.connect(lambda _n: fit_columns(self.view, COLUMN_WIDTH))
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.model.sig_move_requested.connect(self.move_finding)
        self.refusal = refusal_line()
        hub_for(context.undo_stack, context.store).sig_failed.connect(self.show_failure)
        self.model.sig_refused.connect(self.refusal.setText)
        self.model.sig_loaded.connect(lambda _n: self._reselect())
        self.starter = StartSelfDiagnosis(context, self)
        self.starter.sig_chosen.connect(self.show_diagnosis)
        self.starter.sig_refused.connect(self.refusal.setText)

        self.dimension = QComboBox()
        self.dimension.setObjectName("newFindingDimension")
        self.kind = TypeAheadCombo()  # typing P chooses Problema before Potencialidad
        self.kind.setObjectName("newFindingKind")
        for kind in FindingKind:
            self.kind.addItem(labels.label(kind), kind)
        self.group = QComboBox()
        self.group.setObjectName("newFindingGroup")
        for group, label in group_choices():
            self.group.addItem(label, group)
        self.group.setCurrentIndex(self.group.count() - 1)
        self.description = QLineEdit()
        self.description.setObjectName("newFinding")
        self.description.setPlaceholderText(_("New finding: describe it and press Enter"))
        self.description.returnPressed.connect(self.add_finding)
        entry = QHBoxLayout()
        for widget in (self.dimension, self.kind, self.group):
            entry.addWidget(widget)
        entry.addWidget(self.description, 1)

        self.up = QPushButton(_("Move up"))
        self.up.setObjectName("moveUp")
        self.up.setToolTip("Ctrl+↑")
        self.down = QPushButton(_("Move down"))
        self.down.setObjectName("moveDown")
        self.down.setToolTip("Ctrl+↓")
        self.to_demand = QPushButton(_("Turn into a demand"))
        self.to_demand.setObjectName("findingToDemand")
        self.message = QLabel()
        self.message.setObjectName("selfDiagnosisMessage")
        actions = QHBoxLayout()
        for button in (self.up, self.down, self.to_demand):
            actions.addWidget(button)
        actions.addWidget(self.message, 1)
        self.up.clicked.connect(lambda: self.move_current(-1))
        self.down.clicked.connect(lambda: self.move_current(1))
        self.to_demand.clicked.connect(self.make_demand)
        for keys, steps in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=steps: self.move_current(s))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.starter)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal)
        layout.addLayout(entry)
        layout.addLayout(actions)
        from planner_desktop.domain.enums import PhotoKind
        from planner_desktop.ui.photo_strip import PhotoStrip

        title = _("Photos of the mapa parlante")
        self.photos = PhotoStrip(context.store, context.undo_stack, PhotoKind.talking_map, title)
        layout.addWidget(self.photos)
        self.diagnosis.currentIndexChanged.connect(lambda _n: self.reload())
        self.hub.sig_changed.connect(self._changed)
        self.load_choices()
        decorate(
            self,
            {
                self.up: "mdi6.arrow-up",
                self.down: "mdi6.arrow-down",
                self.to_demand: "mdi6.clipboard-arrow-right-outline",
                self.dimensions_button: "mdi6.shape-outline",
            },
        )

    # --- reading -----------------------------------------------------------------------

    def load_choices(self, community_id: uuid.UUID | None = None) -> None:
        """Fill the choosers; show the first self-diagnosis of ``community_id`` if given."""
        current = self.diagnosis.currentData()
        self.diagnosis.blockSignals(True)
        self.diagnosis.clear()
        with self.store.session() as session:
            rows = session.execute(
                select(
                    SelfDiagnosis.id, SelfDiagnosis.community_id, Community.name, SelfDiagnosis.date
                )
                .join(Community, SelfDiagnosis.community_id == Community.id)
                .where(live(SelfDiagnosis))
                .order_by(bytewise(Community.name), SelfDiagnosis.date, SelfDiagnosis.id)
            )
            wanted = None
            for id_, community, name, day in rows:
                self.diagnosis.addItem(f"{name} · {formatting.short_date(day)}", id_)
                if community == community_id and wanted is None:
                    wanted = id_
            dimensions = queries.dimensions(session)
        chosen = self._wanted or wanted or current
        select_data(self.diagnosis, chosen)
        self.diagnosis.blockSignals(False)
        self._fill_dimensions(dimensions)
        self.reload()

    def _fill_dimensions(self, dimensions: list[tuple[uuid.UUID, str]]) -> None:
        current = self.dimension.currentData()
        self.dimension.clear()
        for id_, name in dimensions:
            self.dimension.addItem(name, id_)
        select_data(self.dimension, current)

    def diagnosis_id(self) -> uuid.UUID | None:
        value = self.diagnosis.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def reload(self) -> None:
        self.model.reload(findings_query(self.diagnosis_id()))
        self.photos.set_owner(self.diagnosis_id())
        fit_columns(self.view, COLUMN_WIDTH)

    def show_diagnosis(self, diagnosis_id: uuid.UUID) -> None:
        """Show one self-diagnosis (once saved, for one just started)."""
        self.refusal.clear()
        self._wanted = diagnosis_id
        if select_data(self.diagnosis, diagnosis_id):
            self._wanted = None
        self.description.setFocus()

    def _changed(self, table: str, _serial: int) -> None:
        if table == "self_diagnosis":
            self.load_choices()
            if self.diagnosis_id() == self._wanted:
                self._wanted = None
        elif table == "dimension":
            with self.store.session() as session:
                self._fill_dimensions(queries.dimensions(session))

    def _reselect(self) -> None:
        if self._follow is None:
            return
        row = self.model.row_of(self._follow)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, self._follow_column))

    def current_finding(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None

    # --- writing -----------------------------------------------------------------------

    def add_finding(self) -> bool:
        diagnosis_id, dimension_id = self.diagnosis_id(), self.dimension.currentData()
        reason = validate_required(self.description.text())
        if reason or diagnosis_id is None or dimension_id is None:
            self.refusal.setText(reason or "")
            return False
        kind = self.kind.currentData()
        with self.store.session() as session:
            rank = findings.next_rank(session, diagnosis_id, dimension_id, kind)
        # Findings typed faster than they are saved must not share a rank (nor be ordered
        # by their random ids): the ranks handed out since the last save count too.
        key = (diagnosis_id, dimension_id, kind)
        rank = max(rank, self._ranks_queued.get(key, 0) + 1)
        self._ranks_queued[key] = rank
        values = {
            "self_diagnosis_id": diagnosis_id,
            "dimension_id": dimension_id,
            "kind": kind,
            "description": clean_text(self.description.text()),
            "raising_group": self.group.currentData(),
            "rank": rank,
        }
        command = CreateRecord(self.hub, _("New finding"), Finding, values)
        self._follow = command.record_id
        self.context.undo_stack.push(command)
        self.refusal.clear()
        self.description.clear()
        return True

    def move_current(self, steps: int) -> None:
        """Move the current finding (Ctrl+Up / Ctrl+Down, the buttons)."""
        finding_id = self.current_finding()
        if finding_id is not None:
            self.move_finding(finding_id, steps)

    def move_finding(self, finding_id: uuid.UUID, steps: int) -> None:
        self._follow = finding_id
        column = self.view.currentIndex().column()
        self._follow_column = column if column >= 0 else DESCRIPTION
        self.context.undo_stack.push(MoveFinding(self.hub, _("Move a finding"), finding_id, steps))

    def make_demand(self) -> uuid.UUID | None:
        """A demand from the chosen finding, in the first sector (change it in the list)."""
        finding_id = self.current_finding()
        if finding_id is None:
            self.refusal.setText(_("Choose a finding first"))
            return None
        with self.store.session() as session:
            sector = session.scalars(
                select(Sector.id).where(live(Sector)).order_by(bytewise(Sector.name), Sector.id)
            )
            sector_id = sector.first()
            if sector_id is None:
                self.refusal.setText(_("The municipality has no sectors yet"))
                return None
            try:
                values = demands.from_finding(session, finding_id, sector_id)
            except Invalid as error:
                self.refusal.setText(error.reason)
                return None
        command = CreateRecord(self.hub, _("Demand made from a finding"), Demand, values)
        self.context.undo_stack.push(command)
        self.message.setText(_("Demand {code} made from the finding").format(code=values["code"]))
        self.sig_demand_created.emit(command.record_id)
        return command.record_id

    def edit_dimensions(self) -> None:
        from planner_desktop.ui.pages.dimensions_dialog import DimensionsDialog

        dialog = DimensionsDialog(self.context, self)
        dialog.open()

    def show_failure(self, reason: str) -> None:
        """A save failed in the background (the table shows what is really saved)."""
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
