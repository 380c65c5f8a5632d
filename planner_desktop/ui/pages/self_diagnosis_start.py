"""Starting a self-diagnosis for a community at the current event (one per community and
event: a second start opens the one already there)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from planner_desktop.capture import self_diagnoses
from planner_desktop.capture.validation import Invalid
from planner_desktop.domain.diagnosis import SelfDiagnosis
from planner_desktop.i18n import _
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate, select_data
from planner_desktop.ui.commands import CreateRecord
from planner_desktop.ui.pages.base import PageContext


class StartSelfDiagnosis(QWidget):
    """A community of the current event and a button that starts (or opens) its
    self-diagnosis; refusals go to ``sig_refused`` as one line."""

    sig_chosen = Signal(object)
    """The self-diagnosis to show (its id): just started, or found already started."""
    sig_refused = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startSelfDiagnosis")
        self.context = context
        self.hub = hub_for(context.undo_stack, context.store)
        self._started: dict[tuple[uuid.UUID, uuid.UUID], uuid.UUID] = {}
        """Self-diagnoses started here whose write may not be finished yet."""
        self.community = QComboBox()
        self.community.setObjectName("selfDiagnosisCommunity")
        self.community.setMinimumContentsLength(16)
        self.start_button = QPushButton(_("&Start a self-diagnosis"))
        self.start_button.setObjectName("startSelfDiagnosisButton")
        self.start_button.clicked.connect(self.start)
        caption = QLabel(_("Co&mmunity at the current event"))
        caption.setBuddy(self.community)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.community, 1)
        layout.addWidget(self.start_button)
        context.sig_current_event_changed.connect(lambda _id: self.load())
        self.hub.sig_changed.connect(self._changed)
        self.load()
        decorate(self, {self.start_button: "mdi6.clipboard-plus-outline"})

    def _changed(self, table: str, _serial: int) -> None:
        if table in ("event_community", "community"):
            self.load()

    def load(self) -> None:
        """The communities of the current event (all of them when it names none)."""
        current = self.community.currentData()
        self.community.clear()
        with self.context.store.session() as session:
            choices = self_diagnoses.event_communities(session, self.context.current_event_id)
        for id_, name in choices:
            self.community.addItem(name, id_)
        select_data(self.community, current)

    def start(self) -> uuid.UUID | None:
        event_id = self.context.current_event_id
        community_id = self.community.currentData()
        pending = self._started.get((community_id, event_id)) if event_id else None
        try:
            with self.context.store.session() as session:
                found, values = self_diagnoses.start(session, community_id, event_id)
                if found is None and pending is not None:
                    # started here a moment ago, still being saved (not undone since)
                    found = pending if session.get(SelfDiagnosis, pending) is None else None
        except Invalid as error:
            self.sig_refused.emit(error.reason)
            return None
        if found is not None:
            self.sig_chosen.emit(found)
            return found
        command = CreateRecord(self.hub, _("Start a self-diagnosis"), SelfDiagnosis, values)
        self._started[(values["community_id"], values["event_id"])] = command.record_id
        self.context.undo_stack.push(command)
        self.sig_chosen.emit(command.record_id)
        return command.record_id
