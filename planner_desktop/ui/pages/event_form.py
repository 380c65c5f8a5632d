"""A small form to create an event: kind, date, title, place, facilitator, agenda and the
communities involved. One undoable step creates the event and its communities."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.capture.validation import clean_text, validate_required
from planner_desktop.domain import labels
from planner_desktop.domain.enums import EventKind
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate
from planner_desktop.ui.commands import CommandGroup, CreateRecord
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.spreadsheet import refusal_line


class EventForm(QGroupBox):
    sig_created = Signal(object)
    """An event was created (its id); it is saved in the background."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(_("New event"), parent)
        self.setObjectName("eventForm")
        self.context = context
        self.kind = QComboBox()
        self.kind.setObjectName("eventKind")
        for kind in EventKind:
            self.kind.addItem(labels.label(kind), kind)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("eventDate")
        self.day.setCalendarPopup(True)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("eventTitle")
        self.place = QLineEdit()
        self.place.setObjectName("eventPlace")
        self.facilitator = QLineEdit()
        self.facilitator.setObjectName("eventFacilitator")
        self.agenda = QPlainTextEdit()
        self.agenda.setObjectName("eventAgenda")
        self.agenda.setFixedHeight(self.agenda.fontMetrics().height() * 4)
        self.communities = QStandardItemModel(self)
        with context.store.session() as session:
            municipality = current_municipality(session)
            self.municipality_id = municipality.id if municipality else None
            for id_, name in session.execute(
                select(Community.id, Community.name).where(live(Community)).order_by(Community.name)
            ):
                item = QStandardItem(name)
                item.setData(id_, Qt.ItemDataRole.UserRole)
                item.setCheckable(True)
                item.setEditable(False)
                self.communities.appendRow(item)
        self.community_list = QListView()
        self.community_list.setObjectName("eventCommunities")
        self.community_list.setModel(self.communities)
        self.community_list.setFixedHeight(self.agenda.height() * 2)
        self.create_button = QPushButton(_("Create the event"))
        self.create_button.setObjectName("createEvent")
        self.refusal = refusal_line("eventRefusal")
        form = QFormLayout(self)
        form.addRow(_("Type"), self.kind)
        form.addRow(_("Date"), self.day)
        form.addRow(_("Title"), self.title_edit)
        form.addRow(_("Place"), self.place)
        form.addRow(_("Facilitator"), self.facilitator)
        form.addRow(_("Agenda"), self.agenda)
        form.addRow(_("Communities involved"), self.community_list)
        form.addRow(self.refusal, self.create_button)
        self.create_button.clicked.connect(self.submit)
        decorate(self, {self.create_button: "mdi6.check"})

    def chosen_communities(self) -> list[uuid.UUID]:
        return [
            self.communities.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.communities.rowCount())
            if self.communities.item(row).checkState() == Qt.CheckState.Checked
        ]

    def submit(self) -> uuid.UUID | None:
        reason = validate_required(self.title_edit.text())
        if reason or self.municipality_id is None:
            self.refusal.setText(reason or "")
            self.title_edit.setFocus()
            return None
        hub = hub_for(self.context.undo_stack, self.context.store)
        qdate = self.day.date()
        event_id = uuid.uuid4()
        commands = [
            CreateRecord(
                hub,
                _("New event"),
                Event,
                {
                    "id": event_id,
                    "municipality_id": self.municipality_id,
                    "kind": self.kind.currentData(),
                    "title": clean_text(self.title_edit.text()),
                    "date": date(qdate.year(), qdate.month(), qdate.day()),
                    "place": clean_text(self.place.text()),
                    "facilitator_name": clean_text(self.facilitator.text()),
                    "agenda": self.agenda.toPlainText().strip(),
                },
            )
        ]
        commands += [
            CreateRecord(
                hub,
                _("New event"),
                EventCommunity,
                {"event_id": event_id, "community_id": community_id},
            )
            for community_id in self.chosen_communities()
        ]
        self.sig_created.emit(event_id)
        self.context.undo_stack.push(CommandGroup(_("New event"), commands))
        self.refusal.clear()
        self.title_edit.clear()
        self.agenda.clear()
        self.hide()
        return event_id
