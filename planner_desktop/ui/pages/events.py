"""The calendar of events on the Preparación page: create, edit, delete, make current.

Deleting names what was captured at the event (attendance aside, which is history) and
asks before deleting it with them; every step is undoable from the window's stack.
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from planner_desktop.domain.events import Event
from planner_desktop.i18n import _
from planner_desktop.ui import queries
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate
from planner_desktop.ui.models.table import QueryTableModel
from planner_desktop.ui.pages.base import PageContext, table_view
from planner_desktop.ui.pages.event_form import EventForm
from planner_desktop.ui.spreadsheet import refusal_line


class EventsPanel(QWidget):
    """The events table with its buttons and the form that creates or edits one."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsPanel")
        self.context = context
        self.hub = hub_for(context.undo_stack, context.store)
        self.model = QueryTableModel(context.store, queries.events(), self)
        self.view = table_view(self.model, name="events")
        self.view.doubleClicked.connect(lambda _index: self.make_current())
        self.form = EventForm(context, self)
        self.form.setObjectName("eventsPanelForm")
        self.form.hide()
        self.form.sig_created.connect(self._created)
        self.add_button = QPushButton(_("&New event"))
        self.add_button.setObjectName("addEvent")
        self.edit_button = QPushButton(_("Ed&it"))
        self.edit_button.setObjectName("editEvent")
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.setObjectName("deleteEvent")
        self.current_button = QPushButton(_("Make &current"))
        self.current_button.setObjectName("makeEventCurrent")
        self.add_button.clicked.connect(self.start_new)
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.current_button.clicked.connect(self.make_current)
        self.refusal = refusal_line("eventsRefusal")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.current_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refusal)
        decorate(
            self,
            {
                self.add_button: "mdi6.calendar-plus",
                self.edit_button: "mdi6.pencil",
                self.delete_button: "mdi6.delete-outline",
                self.current_button: "mdi6.calendar-check",
            },
        )

    def chosen(self) -> uuid.UUID | None:
        index = self.view.currentIndex()
        if not index.isValid():
            self.refusal.setText(_("Choose an event in the list first"))
            return None
        key = self.model.key(index.row())
        return key if isinstance(key, uuid.UUID) else None

    def start_new(self) -> None:
        self.refusal.clear()
        self.form.start_new()
        self.form.show()
        self.form.title_edit.setFocus()

    def edit_chosen(self) -> None:
        event_id = self.chosen()
        if event_id is not None and self.form.edit(event_id):
            self.refusal.clear()
            self.form.show()
            self.form.title_edit.setFocus()

    def _created(self, event_id: uuid.UUID) -> None:
        """A new event becomes the current one: it is what the facilitator runs next."""
        self.context.current_event.set(event_id)

    def make_current(self) -> None:
        event_id = self.chosen()
        if event_id is not None:
            self.refusal.clear()
            self.context.current_event.set(event_id)

    def delete_chosen(self) -> bool:
        from planner_desktop.ui.deleting import delete_record

        event_id = self.chosen()
        if event_id is None:
            return False
        with self.context.store.session() as session:
            event = session.get(Event, event_id)
            what = _("the event “{title}”").format(title=event.title) if event else ""
        if not what:
            return False
        self.refusal.clear()
        self.form.hide()
        deleted = delete_record(
            self, self.hub, self.context.undo_stack, Event, event_id, what
        )
        if deleted and self.context.current_event_id == event_id:
            self.context.current_event.set(None)
        return deleted
