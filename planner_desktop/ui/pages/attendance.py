"""Attendance at an event, typed fast: a name, then sex and age group in two keys.

Type a name (a registered person is offered as you type, with community and ID number),
press Enter or Tab, then one key for the sex (F or M, the same in every language) and one
digit 1–4 for the age group: the person is registered at once and the cursor is back in
the name. Picking a person already known registers them and clears the box. Totals by
sex and age group stay in view; Space on a row marks a signature on the paper sheet (a
correction appended, never an edit, and the row keeps its place); Delete removes a person
registered by mistake (undone with Ctrl+Z).
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.capture import attendance, persons
from planner_desktop.capture.validation import Invalid, duplicate_attendance_reason
from planner_desktop.domain import labels
from planner_desktop.domain.enums import AgeGroup, Sex
from planner_desktop.domain.summaries import current_municipality, event_community_ids
from planner_desktop.i18n import _
from planner_desktop.ui.changes import hub_for
from planner_desktop.ui.choosers import decorate, find_data
from planner_desktop.ui.commands import MarkSigned, RegisterAttendance, RemoveAttendance
from planner_desktop.ui.current_event import event_choices
from planner_desktop.ui.deleting import delete_action
from planner_desktop.ui.models.attendance import (
    AGE_KEYS,
    NAME,
    SIGNED,
    attendance_query,
    sex_keys,
)
from planner_desktop.ui.models.table import KEY_ROLE, VALUE_ROLE, QueryTableModel
from planner_desktop.ui.pages.base import PageContext, fit_columns, table_view
from planner_desktop.ui.pages.event_form import EventForm
from planner_desktop.ui.spreadsheet import refusal_line


class AttendancePanel(QWidget):
    """Registers who is present at the current event; every registration is undoable.

    The event box shows the window's current event and follows it; choosing another
    event there (or creating one) makes that one current, so what is typed here always
    belongs to the event the status bar shows."""

    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.setObjectName("attendancePanel")
        self.context = context
        self.store = context.store
        self.hub = hub_for(context.undo_stack, context.store)
        self._found: dict[str, uuid.UUID] = {}
        self._queued: set[tuple[uuid.UUID, uuid.UUID]] = set()
        self._sex: Sex | None = None
        self.last_totals = attendance.Totals()
        """The totals shown, as figures (the acta prints the same)."""
        with self.store.session() as session:
            municipality = current_municipality(session)
            self.municipality_id = municipality.id if municipality else None

        self.event_box = QComboBox()
        self.event_box.setObjectName("eventChooser")
        self.event_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.event_box.setMinimumContentsLength(12)
        self.event_box.setPlaceholderText(_("(none chosen)"))
        self.new_event = QPushButton(_("New event"))
        self.new_event.setObjectName("newEventButton")
        self.form = EventForm(context, self)
        self.form.hide()
        self.form.sig_created.connect(self._event_created)
        self.new_event.clicked.connect(lambda: self.form.setVisible(not self.form.isVisible()))

        self.name = QLineEdit()
        self.name.setObjectName("attendeeName")
        self.name.setPlaceholderText(_("Name, or pick a registered person"))
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        # the database already chose the matches (by name or ID number): show them all
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.activated.connect(self._suggestion_picked)
        self.name.setCompleter(completer)
        self.sex = QLineEdit()
        self.sex.setObjectName("attendeeSex")
        self.sex.setMaxLength(1)
        self.sex.setFixedWidth(self.sex.fontMetrics().horizontalAdvance("MM") * 3)
        self.age = QLineEdit()
        self.age.setObjectName("attendeeAge")
        self.age.setMaxLength(1)
        self.age.setFixedWidth(self.sex.width())
        self.sex_word = QLabel()
        self.sex_word.setObjectName("attendeeSexWord")
        self.hint = QLabel()
        self.hint.setObjectName("attendanceHint")
        self.hint.setStyleSheet("color: palette(mid);")
        keys = QFormLayout()
        entry = QHBoxLayout()
        entry.addWidget(self.name, 1)
        entry.addWidget(QLabel(_("Sex")))
        entry.addWidget(self.sex)
        entry.addWidget(self.sex_word)
        entry.addWidget(QLabel(_("Age group")))
        entry.addWidget(self.age)
        keys.addRow(_("Current event"), self._row(self.event_box, self.new_event))
        keys.addRow(_("Register attendance"), entry)
        keys.addRow("", self.hint)

        self.totals = QLabel()
        self.totals.setObjectName("attendanceTotals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)
        self.model = QueryTableModel(self.store, attendance_query(None), self)
        self.view = table_view(self.model, name="attendance")
        self.view.verticalHeader().show()
        self.view.installEventFilter(self)
        self.view.doubleClicked.connect(lambda index: self.toggle_signed(index.row()))
        self.delete = delete_action(self.view, self.remove_current)
        self.remove_button = QPushButton(_("Remove from the attendance"))
        self.remove_button.setObjectName("removeAttendee")
        self.remove_button.clicked.connect(self.remove_current)
        self.refusal = refusal_line()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(keys)
        layout.addWidget(self.form)
        layout.addWidget(self.totals)
        layout.addWidget(self.view, 1)
        below = QHBoxLayout()
        below.addWidget(self.refusal, 1)
        below.addWidget(self.remove_button)
        layout.addLayout(below)

        self.name.textEdited.connect(self._name_typed)
        self.name.returnPressed.connect(self._name_entered)
        self.sex.installEventFilter(self)
        self.age.installEventFilter(self)
        self.event_box.currentIndexChanged.connect(lambda _n: self.reload())
        self.event_box.activated.connect(lambda _n: self.choose_event(self.event_id()))
        context.sig_current_event_changed.connect(self._follow_current)
        self.hub.sig_changed.connect(self._changed)
        self.hub.sig_failed.connect(
            lambda reason: self.refusal.setText(_("Could not save: {reason}").format(reason=reason))
        )
        self.load_events()
        self._show_hint()
        decorate(
            self,
            {self.new_event: "mdi6.calendar-plus", self.remove_button: "mdi6.account-remove"},
        )

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for n, widget in enumerate(widgets):
            layout.addWidget(widget, 1 if n == 0 else 0)
        return row

    # --- events ------------------------------------------------------------------------

    def load_events(self) -> None:
        self.event_box.blockSignals(True)
        self.event_box.clear()
        with self.store.session() as session:
            for id_, text in event_choices(session):
                self.event_box.addItem(text, id_)
        self._show_current()
        self.event_box.blockSignals(False)
        self.reload()

    def _show_current(self) -> None:
        """The box shows the current event, or nothing when none is (or it was deleted)."""
        current = self.context.current_event_id
        self.event_box.setCurrentIndex(
            find_data(self.event_box, current) if current is not None else -1)

    def _follow_current(self, _event_id: object) -> None:
        """Another event became current (here, in the status bar or the events list): the
        attendance shown and typed is that event's."""
        self._show_current()

    def event_id(self) -> uuid.UUID | None:
        value = self.event_box.currentData()
        return value if isinstance(value, uuid.UUID) else None

    def _event_created(self, event_id: uuid.UUID) -> None:
        """A new event becomes the current one, as from the events list."""
        self.choose_event(event_id)

    def choose_event(self, event_id: uuid.UUID | None) -> None:
        """Make ``event_id`` the window's current event: attendance typed here, and
        everything captured elsewhere, belongs to it (issue 12, point 2)."""
        self.context.current_event.set(event_id)

    # --- registering -------------------------------------------------------------------

    def _name_typed(self, text: str) -> None:
        with self.store.session() as session:
            found = persons.suggestions(session, text)
        self._found = {label: id_ for id_, label in found}
        self.names.setStringList(list(self._found))

    def _suggestion_picked(self, label: str) -> None:
        """A registered person picked from the suggestions: registered, the box cleared."""
        person_id = self._found.get(label)
        if person_id is not None and not self._just_picked(person_id):
            self.register(person_id)

    def _just_picked(self, person_id: uuid.UUID) -> bool:
        """Enter on a suggestion both picks it and presses Enter in the box (in either
        order): the second of the two must not register the person again."""
        if (self.event_id(), person_id) in self._queued:
            self._clear_entry()
            return True
        return False

    def _name_entered(self) -> None:
        person_id = self._found.get(self.name.text().strip())
        if person_id is None:
            self.sex.setFocus()
        elif not self._just_picked(person_id):
            self.register(person_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.type() != QEvent.Type.KeyPress:
            return False
        key = event.text().upper()
        if watched is self.view and event.key() == Qt.Key.Key_Space:
            self.toggle_signed(self.view.currentIndex().row())
            return True
        if watched is self.sex and key and key.isprintable():
            if key in sex_keys():
                self._sex = sex_keys()[key]
                self.sex.setText(key)
                self.sex_word.setText(labels.label(self._sex))
                self.refusal.clear()
                self.age.setFocus()
            else:
                self._press_hint()
            return True
        if watched is self.age and key and key.isprintable():
            if key in AGE_KEYS:
                self.age.setText(key)
                self.register_new(self.name.text(), self._sex, AGE_KEYS[key])
            else:
                self.refusal.setText(_("Press 1–4 for the age group"))
            return True
        return False

    def _press_hint(self) -> None:
        self.refusal.setText(_("Press {keys} for the sex").format(keys="/".join(sex_keys())))

    def _show_hint(self) -> None:
        sexes = ", ".join(f"{key} {labels.label(sex)}" for key, sex in sex_keys().items())
        ages = ", ".join(f"{key} {labels.label(group)}" for key, group in AGE_KEYS.items())
        keys = _("The same keys in every language: {sexes} · {ages}")
        self.hint.setText(keys.format(sexes=sexes, ages=ages))
        self.hint.setWordWrap(True)

    def register_new(self, name: str, sex: Sex | None, age: AgeGroup | None) -> bool:
        """Register a person typed by name (a new person unless picked from the list)."""
        if self.municipality_id is None:
            return False
        person_id = self._found.get(name.strip())
        if person_id is not None:
            return self.register(person_id)
        try:
            values = persons.new_person(
                municipality_id=self.municipality_id,
                full_name=name,
                sex=sex,
                age_group=age,
                community_id=self._event_community(),
            )
        except Invalid as error:
            self.refusal.setText(error.reason)
            self.name.setFocus()
            return False
        return self.register(values["id"], values)

    def register(self, person_id: uuid.UUID, new_person: dict[str, Any] | None = None) -> bool:
        event_id = self.event_id()
        if event_id is None:
            self.refusal.setText(_("Choose the current event first"))
            return False
        with self.store.session() as session:
            saved = attendance.registration_of(session, event_id, person_id) is not None
        reason = duplicate_attendance_reason(saved or (event_id, person_id) in self._queued)
        if reason:
            self.refusal.setText(reason)
            self.name.selectAll()
            self.name.setFocus()
            return False
        self._queued.add((event_id, person_id))
        self.context.undo_stack.push(
            RegisterAttendance(self.hub, _("Register attendance"), event_id, person_id, new_person)
        )
        self.refusal.clear()
        self._clear_entry()
        return True

    def _clear_entry(self) -> None:
        self.name.clear()
        self.sex.clear()
        self.sex_word.clear()
        self.age.clear()
        self._sex = None
        self.name.setFocus()
        # QCompleter writes the picked text into the box after its signal: clear it after.
        QTimer.singleShot(0, self.name.clear)

    def _event_community(self) -> uuid.UUID | None:
        """The event's community when it has exactly one (the attendee's, by default)."""
        with self.store.session() as session:
            ids = event_community_ids(session, self.event_id())
        return ids[0] if len(ids) == 1 else None

    def toggle_signed(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            return
        row_id = self.model.index(row, 0).data(KEY_ROLE)
        signed = bool(self.model.index(row, SIGNED).data(VALUE_ROLE))
        text = _("Signed on paper") if not signed else _("Not signed")
        self.context.undo_stack.push(MarkSigned(self.hub, text, row_id, not signed))

    def remove_current(self) -> bool:
        """Remove the person of the current row from this event's attendance (registered
        by mistake): a retraction appended, undone with Ctrl+Z."""
        row = self.view.currentIndex().row()
        if row < 0 or row >= self.model.rowCount():
            self.refusal.setText(_("Choose a person in the list first"))
            return False
        row_id = self.model.index(row, 0).data(KEY_ROLE)
        name = self.model.index(row, NAME).data()
        text = _("Remove {name} from the attendance").format(name=name)
        self.refusal.clear()
        self.context.undo_stack.push(RemoveAttendance(self.hub, text, row_id))
        return True

    # --- reading -----------------------------------------------------------------------

    def _changed(self, table: str, _serial: int) -> None:
        if table in ("event", "event_community"):
            self.load_events()
        elif table in ("attendance", "person"):
            if self.hub.pending == 0:
                self._queued.clear()
            self.reload()

    def reload(self) -> None:
        event_id = self.event_id()
        self.model.reload(attendance_query(event_id))
        fit_columns(self.view)
        self.show_totals()

    def show_totals(self) -> None:
        event_id = self.event_id()
        if event_id is None:
            self.totals.setText("")
            return
        with self.store.session() as session:
            counts = attendance.totals(session, event_id)
        present = _("Present: {total}").format(total=counts.total)
        parts = [f"<b>{present}</b>"]
        parts += [f"{labels.label(sex)}: {counts.by_sex[sex]}" for sex in Sex]
        parts += [f"{labels.label(age)}: {counts.by_age[age]}" for age in AgeGroup]
        unknown = counts.by_sex[None] + counts.by_age[None]
        if unknown:
            unknown_text = _("Unknown")
            parts.append(f"{unknown_text}: {counts.by_sex[None]}/{counts.by_age[None]}")
        parts.append(_("Signed: {n}").format(n=counts.signed))
        self.totals.setText(" · ".join(parts))
        self.last_totals = counts
