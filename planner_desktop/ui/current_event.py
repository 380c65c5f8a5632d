"""The current event: the one workshop whose captures the window links to.

One :class:`CurrentEvent` belongs to the window's undo stack (a child of it, as the change
hub is), so every page built on that stack reads the same event and hears when it changes.
The window remembers the choice per database in the settings; the core never reads it:
capture functions take the event id as a parameter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from planner_desktop.i18n import _

if TYPE_CHECKING:
    import uuid

    from sqlalchemy.orm import Session

    from planner_desktop.settings import Settings
    from planner_desktop.store.database import Store

# The window builds the bar before its first frame: the database layer (SQLAlchemy and the
# domain, ~0.4 s), uuid and html are imported where events are read or shown, once a
# database is open.


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
    import uuid

    remembered = settings.get("current_events").get(database_key(store))
    try:
        event_id = uuid.UUID(str(remembered)) if remembered else None
    except ValueError:
        return None
    if event_id is None:
        return None
    from planner_desktop.domain.events import Event

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
    from sqlalchemy import select

    from planner_desktop.domain.events import Event, EventCommunity
    from planner_desktop.domain.summaries import live
    from planner_desktop.domain.territory import Community
    from planner_desktop.plan.ordering import bytewise
    from planner_desktop.ui.formatting import short_date  # its alignments name Qt's enums

    names: dict[uuid.UUID, list[str]] = {}
    for event_id, name in session.execute(
        select(EventCommunity.event_id, Community.name)
        .join(Community, EventCommunity.community_id == Community.id)
        .where(live(EventCommunity), live(Community))
        .order_by(bytewise(Community.name), Community.id)
    ):
        names.setdefault(event_id, []).append(name)
    rows = session.execute(
        select(Event.id, Event.title, Event.date)
        .where(live(Event))
        .order_by(Event.date.desc(), bytewise(Event.title), Event.id)
    )
    return [
        (id_, " · ".join(p for p in (title, short_date(day), ", ".join(names.get(id_, []))) if p))
        for id_, title, day in rows
    ]


class CurrentEventBar(QLabel):
    """"Current event: <title> · <date> · <communities>" in the status bar, always in view,
    with a "change" link that lists the events to choose another (or none).

    A label rather than a chooser, so the status bar keeps its height."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("currentEventBar")
        self.holder: CurrentEvent | None = None
        self.choices: list[tuple[uuid.UUID, str]] = []
        self.menu: QMenu | None = None
        # Rich text and links that answer the mouse are a QLabel's defaults: naming them
        # here would build Qt's namespace of enums before the first frame.
        self.linkActivated.connect(lambda _link: self.open_menu())

    def retranslate(self) -> None:
        self._show(self.holder.event_id if self.holder else None)

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
            self.choices = event_choices(session)
        if self.holder.event_id is not None and self.holder.event_id not in dict(self.choices):
            self.holder.set(None)  # deleted: nothing is current any more
        self._show(self.holder.event_id)

    def current_text(self) -> str:
        """What is shown for the current event: its title, date and communities."""
        event_id = self.holder.event_id if self.holder else None
        found = dict(self.choices).get(event_id) if event_id else None
        return found or _("(none chosen)")

    def _show(self, _event_id: object = None) -> None:
        if self.holder is None:
            self.setText("")
            return
        import html

        text = _("Current event: {event}").format(event=html.escape(self.current_text()))
        change = html.escape(_("change…"))
        self.setText(f'{text} <a href="change">{change}</a>')
        self.setToolTip(self.current_text())

    def open_menu(self) -> QMenu:
        """The events to choose from (the current one ticked), shown under the label."""
        menu = self.menu = QMenu(self)
        menu.setObjectName("currentEventMenu")
        current = self.holder.event_id if self.holder else None
        for event_id, text in [(None, _("(none chosen)")), *self.choices]:
            action = menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(event_id == current)
            action.triggered.connect(lambda _on=False, chosen=event_id: self.choose(chosen))
        menu.popup(self.mapToGlobal(self.rect().topLeft()))
        return menu

    def choose(self, event_id: uuid.UUID | None) -> None:
        if self.holder is not None:
            self.holder.set(event_id)
