"""A small form to create or edit an event: kind, date, title, place, facilitator, agenda
and the communities involved. One undoable step creates (or changes) the event and its
communities."""

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

from planner_desktop.capture import records
from planner_desktop.capture.rule_checks import FieldRefused, refuse_row
from planner_desktop.capture.validation import clean_text, validate_required
from planner_desktop.domain import labels
from planner_desktop.domain.enums import EventKind
from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.summaries import current_municipality, live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub, hub_for
from planner_desktop.ui.choosers import decorate, select_data
from planner_desktop.ui.commands import CommandGroup, CreateRecord, EditRecord, StoreCommand
from planner_desktop.ui.pages.base import PageContext
from planner_desktop.ui.rule_ranges import fit_date
from planner_desktop.ui.spreadsheet import refusal_line

EVENT_FIELDS = ("kind", "title", "date", "place", "facilitator_name", "agenda")


class UnlinkCommunity(StoreCommand):
    """A community no longer takes part in an event; undo links it again."""

    tables = ("event_community",)

    def __init__(self, hub: ChangeHub, text: str, link_id: uuid.UUID) -> None:
        super().__init__(hub, text)
        self.link_id = link_id

    def apply(self, store: Store) -> None:
        records.tombstone(store, EventCommunity, self.link_id)

    def revert(self, store: Store) -> None:
        records.restore(store, EventCommunity, self.link_id)


class EventForm(QGroupBox):
    sig_created = Signal(object)
    """An event was created (its id); it is saved in the background."""
    sig_edited = Signal(object)
    """An event was changed (its id); it is saved in the background."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(_("New event"), parent)
        self.setObjectName("eventForm")
        self.context = context
        self.editing: uuid.UUID | None = None
        """The event being edited (None: a new one)."""
        self._before: dict[str, object] = {}
        self._links: dict[uuid.UUID, uuid.UUID] = {}
        self.kind = QComboBox()
        self.kind.setObjectName("eventKind")
        for kind in EventKind:
            self.kind.addItem(labels.label(kind), kind)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("eventDate")
        self.day.setCalendarPopup(True)
        fit_date(self.day, "event", "date")
        self.day.setDisplayFormat(formatting.date_format())
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
        self.municipality_id: uuid.UUID | None = None
        self.load_communities()
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

    def load_communities(self) -> None:
        """Read the municipality and its communities again (both may be new)."""
        self.communities.clear()
        with self.context.store.session() as session:
            municipality = current_municipality(session)
            self.municipality_id = municipality.id if municipality else None
            for id_, name in session.execute(
                select(Community.id, Community.name)
                .where(live(Community))
                .order_by(bytewise(Community.name), Community.id)
            ):
                item = QStandardItem(name)
                item.setData(id_, Qt.ItemDataRole.UserRole)
                item.setCheckable(True)
                item.setEditable(False)
                self.communities.appendRow(item)

    def chosen_communities(self) -> list[uuid.UUID]:
        return [
            self.communities.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.communities.rowCount())
            if self.communities.item(row).checkState() == Qt.CheckState.Checked
        ]

    def start_new(self) -> None:
        """Empty the form for a new event."""
        self.editing = None
        self._before, self._links = {}, {}
        self.setTitle(_("New event"))
        self.create_button.setText(_("Create the event"))
        self.title_edit.clear()
        self.place.clear()
        self.agenda.clear()
        self.refusal.clear()
        self.load_communities()

    def edit(self, event_id: uuid.UUID) -> bool:
        """Show an existing event to change it; False when it no longer exists."""
        with self.context.store.session() as session:
            event = session.get(Event, event_id)
            if event is None or event.deleted_at is not None:
                return False
            self._before = {name: getattr(event, name) for name in EVENT_FIELDS}
            self._links = {
                link.community_id: link.id
                for link in session.scalars(
                    select(EventCommunity).where(
                        EventCommunity.event_id == event_id, live(EventCommunity)
                    )
                )
            }
        self.editing = event_id
        self.setTitle(_("Edit event"))
        self.create_button.setText(_("Save the event"))
        select_data(self.kind, self._before["kind"])
        day = self._before["date"]
        assert isinstance(day, date)
        self.day.setDate(QDate(day.year, day.month, day.day))
        self.title_edit.setText(str(self._before["title"]))
        self.place.setText(str(self._before["place"]))
        self.facilitator.setText(str(self._before["facilitator_name"]))
        self.agenda.setPlainText(str(self._before["agenda"]))
        self.refusal.clear()
        self.load_communities()
        self._check_communities(set(self._links))
        return True

    def _check_communities(self, chosen: set[uuid.UUID]) -> None:
        for row in range(self.communities.rowCount()):
            item = self.communities.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def typed_values(self) -> dict[str, object]:
        qdate = self.day.date()
        return {
            "kind": self.kind.currentData(),
            "title": clean_text(self.title_edit.text()),
            "date": date(qdate.year(), qdate.month(), qdate.day()),
            "place": clean_text(self.place.text()),
            "facilitator_name": clean_text(self.facilitator.text()),
            "agenda": self.agenda.toPlainText().strip(),
        }

    def save_changes(self, event_id: uuid.UUID) -> uuid.UUID:
        """One undoable step: the changed fields and the communities added or removed."""
        hub = hub_for(self.context.undo_stack, self.context.store)
        text = _("Edit event")
        values = self.typed_values()
        changes = {k: v for k, v in values.items() if v != self._before.get(k)}
        commands: list[StoreCommand] = []
        if changes:
            previous = {k: self._before[k] for k in changes}
            commands.append(EditRecord(hub, text, Event, event_id, changes, previous))
        chosen = set(self.chosen_communities())
        commands += [
            CreateRecord(hub, text, EventCommunity, {"event_id": event_id, "community_id": c})
            for c in self.chosen_communities()
            if c not in self._links
        ]
        commands += [
            UnlinkCommunity(hub, text, link)
            for community, link in self._links.items()
            if community not in chosen
        ]
        if commands:
            self.context.undo_stack.push(CommandGroup(text, commands))
        self.sig_edited.emit(event_id)
        self.refusal.clear()
        self.hide()
        return event_id

    def submit(self) -> uuid.UUID | None:
        reason = validate_required(self.title_edit.text())
        if reason or self.municipality_id is None:
            self.refusal.setText(
                _("{field}: {reason}").format(field=_("Title"), reason=reason)
                if reason
                else _("Create the municipality first")
            )
            self.title_edit.setFocus()
            return None
        try:
            refuse_row("event", self.typed_values())
        except FieldRefused as refused:
            self.refusal.setText(refused.reason)
            fields: dict[str, QWidget] = {
                "date": self.day,
                "place": self.place,
                "facilitator_name": self.facilitator,
                "agenda": self.agenda,
            }
            fields.get(refused.field, self.title_edit).setFocus()
            return None
        if self.editing is not None:
            return self.save_changes(self.editing)
        hub = hub_for(self.context.undo_stack, self.context.store)
        event_id = uuid.uuid4()
        commands: list[StoreCommand] = [
            CreateRecord(
                hub,
                _("New event"),
                Event,
                {"id": event_id, "municipality_id": self.municipality_id, **self.typed_values()},
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
