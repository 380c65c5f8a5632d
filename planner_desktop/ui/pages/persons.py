"""The persons who take part: found by name or ID number as you type, edited in place,
deleted (with undo) when typed by mistake."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from planner_desktop.domain.actors import Person
from planner_desktop.i18n import _
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate
from planner_desktop.ui.deleting import delete_action, delete_record
from planner_desktop.ui.models import actors
from planner_desktop.ui.models.editable import EditableQueryModel
from planner_desktop.ui.pages.base import PageContext, fit_columns
from planner_desktop.ui.spreadsheet import refusal_line, spreadsheet_view

DEBOUNCE_MS = 150


class PersonsPanel(QWidget):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("personsPanel")
        self.context = context
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(_("Search persons by name or ID number…"))
        self.model = EditableQueryModel(
            context.store, actors.persons(), Person, actors.person_fields(), self
        )
        self.model.attach(hub_for(context.undo_stack, context.store), context.undo_stack)
        self.view = spreadsheet_view(self.model, name="persons")
        self.refusal = refusal_line()
        self.delete = delete_action(self.view, self.delete_current)
        self.delete_button = QPushButton(_("Delete person"))
        self.delete_button.setObjectName("deletePerson")
        self.delete_button.clicked.connect(self.delete_current)
        decorate(self, {self.delete_button: "mdi6.account-remove"})
        hub_for(context.undo_stack, context.store).sig_failed.connect(self.show_failure)
        self.model.sig_refused.connect(self.refusal.setText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        below = QHBoxLayout()
        below.addWidget(self.refusal, 1)
        below.addWidget(self.delete_button)
        layout.addLayout(below)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.apply_search()

    def apply_search(self) -> None:
        self._debounce.stop()
        self.model.reload(actors.persons(self.search.text()))
        fit_columns(self.view)

    def delete_current(self) -> bool:
        """Delete the person of the current row; their attendance stays as history but
        counts nowhere. A confirmation names what refers to them."""
        index = self.view.currentIndex()
        person_id = self.model.key(index.row()) if index.isValid() else None
        if person_id is None:
            self.refusal.setText(_("Choose a person in the list first"))
            return False
        name = " ".join(
            str(self.model.index(index.row(), column).data() or "")
            for column in (actors.FIRST, actors.LAST)
        ).strip()
        self.refusal.clear()
        hub = hub_for(self.context.undo_stack, self.context.store)
        return delete_record(self, hub, self.context.undo_stack, Person, person_id, name)

    def show_failure(self, reason: str) -> None:
        """A save failed in the background (the table shows what is really saved)."""
        self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
