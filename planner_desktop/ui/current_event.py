"""The current event: the one workshop whose captures the window links to.

One :class:`CurrentEvent` belongs to the window's undo stack (a child of it, as the change
hub is), so every page built on that stack reads the same event and hears when it changes.
The window remembers the choice per database in the settings; the core never reads it:
capture functions take the event id as a parameter.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget
from sqlalchemy import select

from planner_desktop.domain.events import Event, EventCommunity
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.choosers import find_data, select_data
from planner_desktop.ui.formatting import short_date

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from planner_desktop.settings import Settings


class CurrentEvent(QObject):
    """Holds the id of the current event (None: no event chosen)."""

    sig_current_event_changed = Signal(object)
    """Another event became current: its id (:class:`uuid.UUID`) or None."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentEvent")
        self.store = store
        self.event_id: uuid.UUID | None = None

    def set(self, event_id: uuid.UUID | None) -> None:
        """Make ``event_id`` current; announce it when it differs from the one before."""
        if event_id == self.event_id:
            return
        self.event_id = event_id
        self.sig_current_event_changed.emit(event_id)


def current_event_for(undo_stack: QUndoStack, store: Store) -> CurrentEvent:
    """The current event of ``undo_stack`` for ``store`` (made on first use)."""
    for holder in undo_stack.findChildren(CurrentEvent):
        if holder.store is store:
            return holder
        holder.setParent(None)
        holder.deleteLater()
    return CurrentEvent(store, undo_stack)


def database_key(store: Store) -> str:
    """The settings key of a database: its file, or its URL for a server."""
    return str(store.path.resolve()) if store.path is not None else str(store.url)


def recall(settings: Settings, store: Store) -> uuid.UUID | None:
    """The event last made current on this database, if it still exists and is live."""
    remembered = settings.get("current_events").get(database_key(store))
    try:
        event_id = uuid.UUID(str(remembered)) if remembered else None
    except ValueError:
        return None
    if event_id is None:
        return None
    with store.session() as session:
        event = session.get(Event, event_id)
        return event_id if event is not None and event.deleted_at is None else None


def remember(settings: Settings, store: Store, event_id: uuid.UUID | None) -> None:
    chosen = dict(settings.get("current_events"))
    if event_id is None:
        chosen.pop(database_key(store), None)
    else:
        chosen[database_key(store)] = str(event_id)
    settings.set("current_events", chosen)


def event_choices(session: Session) -> list[tuple[uuid.UUID, str]]:
    """Every live event, newest first, as "<title> · <date> · <communities>"."""
    names: dict[uuid.UUID, list[str]] = {}
    for event_id, name in session.execute(
        select(EventCommunity.event_id, Community.name)
        .join(Community, EventCommunity.community_id == Community.id)
        .where(live(EventCommunity), live(Community))
        .order_by(Community.name)
    ):
        names.setdefault(event_id, []).append(name)
    rows = session.execute(
        select(Event.id, Event.title, Event.date)
        .where(live(Event))
        .order_by(Event.date.desc(), Event.title)
    )
    return [
        (id_, " · ".join(p for p in (title, short_date(day), ", ".join(names.get(id_, []))) if p))
        for id_, title, day in rows
    ]


class CurrentEventBar(QWidget):
    """"Current event: <title> · <date> · <community>", changed from anywhere: a chooser
    in the status bar, always in view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentEventBar")
        self.holder: CurrentEvent | None = None
        self.caption = QLabel()
        self.chooser = QComboBox()
        self.chooser.setObjectName("currentEventChooser")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(28)
        self.caption.setBuddy(self.chooser)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.chooser)
        self.chooser.activated.connect(self._chosen)
        self.retranslate()

    def retranslate(self) -> None:
        self.caption.setText(_("Current &event:"))
        if self.chooser.count():
            self.chooser.setItemText(0, _("(none chosen)"))

    def attach(self, holder: CurrentEvent) -> None:
        """Show and change ``holder``'s event; read the events again when they change."""
        if self.holder is holder:
            return
        if self.holder is not None:
            self.holder.sig_current_event_changed.disconnect(self._show)
        self.holder = holder
        holder.sig_current_event_changed.connect(self._show)
        self.reload()

    def reload(self) -> None:
        if self.holder is None:
            return
        with self.holder.store.session() as session:
            choices = event_choices(session)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        self.chooser.addItem(_("(none chosen)"), None)
        for id_, text in choices:
            self.chooser.addItem(text, id_)
        self.chooser.blockSignals(False)
        if self.holder.event_id is not None and find_data(self.chooser, self.holder.event_id) < 0:
            self.holder.set(None)  # deleted: nothing is current any more
        self._show(self.holder.event_id)

    def _show(self, event_id: uuid.UUID | None) -> None:
        select_data(self.chooser, event_id)
        self.chooser.setToolTip(self.chooser.currentText())

    def _chosen(self, index: int) -> None:
        if self.holder is not None:
            value = self.chooser.itemData(index)
            self.holder.set(value if isinstance(value, uuid.UUID) else None)
