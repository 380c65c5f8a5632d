"""What every phase page shares: a title, a one-line summary and lazy tables."""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain import labels, summaries
from planner_desktop.domain.enums import Phase
from planner_desktop.ui import formatting
from planner_desktop.ui.models.table import QueryTableModel
from planner_desktop.ui.queries import MUNICIPALITY, Scope, TableQuery

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtGui import QShowEvent, QUndoStack

    from planner_desktop.store.database import Store
    from planner_desktop.ui.current_event import CurrentEvent

MAX_COLUMN_WIDTH = 260
MIN_STRETCH_WIDTH = 220


@dataclass(frozen=True)
class PageContext:
    """What a page may use: the open store, the window's undo stack and the current event.

    The current event is shared by every page on the same undo stack: read
    ``current_event_id`` when capturing, and connect ``sig_current_event_changed`` (it
    carries the new id or None) to follow another choice.
    """

    store: Store
    undo_stack: QUndoStack

    @property
    def current_event(self) -> CurrentEvent:
        from planner_desktop.ui.current_event import current_event_for

        return current_event_for(self.undo_stack, self.store)

    @property
    def current_event_id(self) -> uuid.UUID | None:
        return self.current_event.event_id

    @property
    def sig_current_event_changed(self) -> SignalInstance:
        return self.current_event.sig_current_event_changed


class Page(QWidget):
    """One phase of the planning cycle.

    Subclasses set ``phase``, build their widgets in :meth:`build` and read the database
    in :meth:`refresh`. A page is built the first time it is shown; with
    ``follows_scope`` it reads again when another part of the territory is chosen.
    """

    phase: ClassVar[Phase]
    follows_scope: ClassVar[bool] = False
    count_tables: ClassVar[frozenset[str]] = frozenset()
    """Tables whose saved changes (any page's, undo and redo included) alter the counts in
    the summary and the tabs: :meth:`show_counts` runs once those writes are announced, so
    a header never says "13 profiles" after the 14th was saved."""

    def __init__(self, context: PageContext, scope: Scope = MUNICIPALITY) -> None:
        super().__init__()
        self.setObjectName(f"page_{self.phase.value}")
        self.context = context
        self.scope = scope
        self._currency: str | None = None
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        self.heading = QLabel(f"<h2>{self.title()}</h2>")
        self.heading.setObjectName("pageTitle")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.summary = QLabel()
        self.summary.setObjectName("pageSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        layout.addLayout(self.body, 1)
        self.build()
        self.refresh()
        if self.count_tables:
            from planner_desktop.ui.changes import hub_for

            self._counts_due = QTimer(self)
            self._counts_due.setSingleShot(True)
            self._counts_due.timeout.connect(self.show_counts)
            hub_for(context.undo_stack, self.store).sig_changed.connect(self._count_changed)

    @property
    def store(self) -> Store:
        return self.context.store

    def title(self) -> str:
        return labels.label(self.phase)

    def build(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def show_counts(self) -> None:
        """Show the summary and tab counts again (by default, read the whole page)."""
        self.refresh()

    def _count_changed(self, table: str, _serial: int) -> None:
        if table in self.count_tables:
            self._counts_due.start(0)  # once for the writes announced together

    def set_scope(self, scope: Scope) -> None:
        """Look at another part of the territory; a hidden page reads when next shown."""
        if scope == self.scope:
            return
        self.scope = scope
        if not self.follows_scope:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def set_summary(self, *parts: str) -> None:
        self.summary.setText("  ·  ".join(part for part in parts if part))

    def table_model(self, query: TableQuery) -> QueryTableModel:
        return QueryTableModel(self.store, query, self)

    def currency(self) -> str:
        """The currency code of the municipality (``BOB`` when none is recorded yet)."""
        if self._currency is None:
            with self.store.session() as session:
                municipality = summaries.current_municipality(session)
                self._currency = municipality.currency if municipality else "BOB"
        return self._currency


def table_view(model: QAbstractItemModel, *, name: str = "") -> QTableView:
    """A read-only, row-selecting table with sensible column widths."""
    view = QTableView()
    if name:
        view.setObjectName(name)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setResizeContentsPrecision(60)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return view


def fit_columns(view: QTableView | QTreeView, maximum: int = MAX_COLUMN_WIDTH) -> None:
    """Size columns to their visible contents, none wider than ``maximum`` pixels."""
    model = view.model()
    if model is None:
        return
    stretch: set[int] = model.stretch_columns() if hasattr(model, "stretch_columns") else set()
    for column in range(model.columnCount()):
        view.resizeColumnToContents(column)
        if column not in stretch and view.columnWidth(column) > maximum:
            view.setColumnWidth(column, maximum)
    if stretch and isinstance(view, QTableView):
        fitter = view.findChild(_LeftoverWidth)
        if fitter is None:
            fitter = _LeftoverWidth(view, min(stretch))
        fitter.fit()


class _LeftoverWidth(QObject):
    """Gives one column of a table the width the others leave, but never less than
    :data:`MIN_STRETCH_WIDTH` (then the table scrolls sideways)."""

    def __init__(self, view: QTableView, column: int) -> None:
        super().__init__(view)
        self.view = view
        self.column = column
        view.horizontalHeader().setStretchLastSection(False)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        view = self.view
        others = sum(
            view.columnWidth(column)
            for column in range(view.model().columnCount())
            if column != self.column and not view.isColumnHidden(column)
        )
        view.setColumnWidth(self.column, max(MIN_STRETCH_WIDTH, view.viewport().width() - others))


def tree_view(model: QAbstractItemModel, *, name: str = "") -> QTreeView:
    view = QTreeView()
    if name:
        view.setObjectName(name)
    view.setModel(model)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


def section_label(text: str = "") -> QLabel:
    """A small bold heading above a table."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    set_heading(label, text)
    return label


def set_heading(label: QLabel, text: str) -> None:
    """Show ``text`` (plain, escaped) in bold."""
    label.setText(f"<b>{html.escape(text)}</b>" if text else "")


def fit_height(view: QTableView, max_rows: int = 50) -> None:
    """Make a short table as tall as its rows (up to ``max_rows``), leaving no empty space."""
    header = view.horizontalHeader()
    height = max(header.sizeHint().height(), header.height()) + 2 * view.frameWidth()
    rows = min(max(view.model().rowCount(), 1), max_rows)
    height += sum(view.rowHeight(row) for row in range(rows))
    if view.horizontalScrollBar().isVisible():
        height += view.horizontalScrollBar().height()
    view.setFixedHeight(height + 2)


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def counted(text: str, n: int) -> str:
    """Fill ``{n}`` of a message chosen with ``ngettext`` with the number, localised."""
    return text.format(n=formatting.number(n))
