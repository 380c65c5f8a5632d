"""All demands across communities: filtered, sorted and paged in SQL.

Unlike :class:`~planner_desktop.ui.models.table.QueryTableModel`, this model never reads
every key: the filter and the sort run in the database and the rows arrive in pages
(``LIMIT``/``OFFSET``), so opening, sorting and filtering a list of 50,000+ demands costs
the same as a list of 500. Cells of sector, group, beneficiaries and cost are editable
(see :mod:`planner_desktop.ui.models.editing`).

The first screen comes first (issue 17): a reload reads the count and only
:data:`FIRST_PAGE` rows, a little more than the tallest screen shows; the view asks for
the next :data:`PAGE_SIZE` rows (``canFetchMore``/``fetchMore``) when it is scrolled to
the end. Until its first :meth:`~DemandListModel.reload` the model reads nothing: a
filter or a sort chosen while the list is being built is only remembered, so opening the
list reads the database once. The text of a cell is formatted when a view first asks for
it and kept until its row is read again.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from sqlalchemy import ColumnElement, Select, func, or_, select

from planner_desktop.capture.validation import (
    clean_text,
    parse_cost,
    parse_count,
    parse_required_text,
)
from planner_desktop.domain import labels
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, Group
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Community, District, Sector
from planner_desktop.i18n import N_, _, current_language
from planner_desktop.locales import current_country
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.editable import changed_cells
from planner_desktop.ui.models.editing import (
    CHOICES_ROLE,
    EditSupport,
    FieldSpec,
    Index,
    choose,
    group_choices,
    parse_group,
)
from planner_desktop.ui.models.marks import ConflictMarks, repaint_all
from planner_desktop.ui.models.table import KEY_ROLE, VALUE_ROLE

FIRST_PAGE = 100
"""Rows read by a reload: more than a maximised window shows on a tall screen."""
PAGE_SIZE = 500
"""Rows read each time the view is scrolled to the end of those read so far."""
__all__ = ["CHOICES_ROLE", "KEY_ROLE", "VALUE_ROLE", "DemandFilter", "DemandListModel"]
CHAIN = (
    DemandStatus.demand,
    DemandStatus.prioritized,
    DemandStatus.profiled,
    DemandStatus.in_pdm,
    DemandStatus.in_poa,
    DemandStatus.done,
)


@dataclass(frozen=True)
class DemandFilter:
    """What the list shows: every condition given must hold; ``text`` matches every
    typed word in the code, the description or the community's name."""

    district_id: uuid.UUID | None = None
    community_id: uuid.UUID | None = None
    sector_id: uuid.UUID | None = None
    group: Group | None = None
    status: DemandStatus | None = None
    text: str = ""


COLUMNS: tuple[tuple[Column, Any], ...] = (
    (Column(N_("Code")), Demand.code),
    (Column(N_("District")), District.name),
    (Column(N_("Community")), Community.name),
    (Column(N_("Sector")), Sector.name),
    (Column(N_("Demand"), stretch=True), Demand.description),
    (Column(N_("Raised by"), Kind.label), Demand.raising_group),
    (Column(N_("Women"), Kind.number), Demand.beneficiaries_women),
    (Column(N_("Men"), Kind.number), Demand.beneficiaries_men),
    (Column(N_("Estimated cost"), Kind.money), Demand.estimated_cost),
    (Column(N_("Status"), Kind.label), Demand.status),
)
CODE, DISTRICT, COMMUNITY, SECTOR, DESCRIPTION, GROUP, WOMEN, MEN, COST, STATUS = range(10)


def _joined(query: Select[Any]) -> Select[Any]:
    return query.join(Community, Demand.community_id == Community.id).join(
        District, Community.district_id == District.id
    )


def contains(column: Any, word: str, dialect: str) -> ColumnElement[bool]:
    """Dialect helper: ``column`` contains ``word``, ignoring case.

    SQLite's LIKE already ignores the case of ASCII letters and is several times faster
    than ``lower(column) LIKE`` over 50,000 rows; other databases use ILIKE.
    """
    if dialect == "sqlite":
        return column.contains(word, autoescape=True)  # type: ignore[no-any-return]
    return column.icontains(word, autoescape=True)  # type: ignore[no-any-return]


def conditions(demand_filter: DemandFilter, dialect: str = "sqlite") -> list[ColumnElement[bool]]:
    """The SQL conditions of a filter (shared by the rows and the count)."""
    f = demand_filter
    where: list[ColumnElement[bool]] = [live(Demand)]
    if f.community_id is not None:
        where.append(Demand.community_id == f.community_id)
    elif f.district_id is not None:
        where.append(
            Demand.community_id.in_(
                select(Community.id).where(Community.district_id == f.district_id)
            )
        )
    if f.sector_id is not None:
        where.append(Demand.sector_id == f.sector_id)
    if f.group is not None:
        where.append(Demand.raising_group == f.group)
    if f.status is not None:
        where.append(Demand.status == f.status)
    for word in clean_text(f.text).split():
        communities = select(Community.id).where(contains(Community.name, word, dialect))
        where.append(
            or_(
                contains(Demand.description, word, dialect),
                contains(Demand.code, word, dialect),
                Demand.community_id.in_(communities),
            )
        )
    return where


def rows_query(
    demand_filter: DemandFilter,
    sort_column: int = CODE,
    descending: bool = False,
    dialect: str = "sqlite",
) -> Select[Any]:
    """Every matching demand, sorted (ties broken by id so pages never overlap)."""
    expression = COLUMNS[sort_column][1]
    order = expression.desc() if descending else expression.asc()
    query = select(Demand.id, *(expression for _column, expression in COLUMNS))
    query = _joined(query).join(Sector, Demand.sector_id == Sector.id)
    return query.where(*conditions(demand_filter, dialect)).order_by(order, Demand.id)


def count_query(demand_filter: DemandFilter, dialect: str = "sqlite") -> Select[Any]:
    """How many demands match (no join: every condition is on the demand itself).

    ``count(*)``, not ``count(id)``: SQLite then counts over a covering index of the
    demand table instead of its rows (3 times faster at 56,000 demands).
    """
    return select(func.count()).select_from(Demand).where(*conditions(demand_filter, dialect))


def chain_text(status: DemandStatus) -> str:
    """The chain demand → priority → profile → PDM → POA → done, with this one marked."""
    if status is DemandStatus.dropped:
        return labels.label(status)
    reached = CHAIN.index(status)
    return " → ".join(
        f"[{labels.label(step)}]" if n == reached else labels.label(step)
        for n, step in enumerate(CHAIN)
    )


class DemandListModel(QAbstractTableModel):
    """The all-demands list; never opens a dialog."""

    sig_loaded = Signal(int)
    """The rows were read again; the number of demands that match the filter."""
    sig_refused = Signal(str)
    """A typed value was refused, with the reason ("" when the refusal is cleared)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._dialect = store.engine.dialect.name
        self.filter = DemandFilter()
        self.sort_column = CODE
        self.descending = False
        self.total = 0
        self.loaded = False
        """Whether the rows were read once (before that, nothing is read)."""
        self._rows: list[tuple[Any, ...]] = []
        self._texts: dict[tuple[Any, int], str] = {}
        """The shown text of cells already asked for, by (row key, column)."""
        self._texts_style = ("", "")
        """The language and country those texts were written for."""
        self._more = False
        self._sectors: list[tuple[Any, str]] | None = None
        self.editing = EditSupport(
            self,
            Demand,
            {
                SECTOR: FieldSpec("sector_id", self._parse_sector, N_("Sector"), self.sectors),
                DESCRIPTION: FieldSpec("description", parse_required_text, N_("Demand")),
                GROUP: FieldSpec("raising_group", parse_group, N_("Raised by"), group_choices),
                WOMEN: FieldSpec("beneficiaries_women", parse_count, N_("Women")),
                MEN: FieldSpec("beneficiaries_men", parse_count, N_("Men")),
                COST: FieldSpec("estimated_cost", parse_cost, N_("Estimated cost")),
            },
            self.key,
            self.sig_refused.emit,
        )
        self.conflicts = ConflictMarks(store, Demand.__tablename__)

    # --- editing -----------------------------------------------------------------------

    def attach(self, hub: ChangeHub, undo_stack: QUndoStack) -> None:
        """Make the list editable: edits become undoable commands on ``undo_stack``."""
        self.editing.attach(hub, undo_stack)
        hub.sig_changed.connect(self._changed)

    def sectors(self) -> list[tuple[Any, str]]:
        if self._sectors is None:
            with self._store.session() as session:
                rows = session.execute(
                    select(Sector.id, Sector.name)
                    .where(live(Sector))
                    .order_by(bytewise(Sector.name), Sector.id)
                )
                self._sectors = [(id_, name) for id_, name in rows]
        return self._sectors

    def _parse_sector(self, value: Any) -> uuid.UUID:
        return choose(self.sectors(), value)  # type: ignore[no-any-return]

    def _changed(self, table: str, serial: int) -> None:
        if table == "merge_conflict":
            self.refresh()
        if table != "demand":
            return
        self.editing.saved(serial)
        self.refresh()

    # --- loading -------------------------------------------------------------------

    def set_filter(self, demand_filter: DemandFilter) -> None:
        if demand_filter != self.filter:
            self.filter = demand_filter
            if self.loaded:
                self.reload()

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self.filter, text=text))

    def reload(self) -> None:
        """Read the first page of the filtered, sorted list and the number matching."""
        self.beginResetModel()
        self.loaded = True
        self.conflicts.reload()
        self._texts.clear()
        with self._store.session() as session:
            self.total = int(session.scalar(count_query(self.filter, self._dialect)) or 0)
            self._rows = self._page(session, 0, FIRST_PAGE)
        self.endResetModel()
        self.sig_loaded.emit(self.total)

    def refresh(self) -> None:
        """Read the shown rows again after a write, keeping their place (no jump)."""
        if not self.loaded:
            return
        if not self._rows:
            self.reload()
            return
        if self.conflicts.reload():
            repaint_all(self)
        with self._store.session() as session:
            total = int(session.scalar(count_query(self.filter, self._dialect)) or 0)
            if total != self.total:
                self.reload()
                return
            keys = [row[0] for row in self._rows]
            fresh: dict[Any, tuple[Any, ...]] = {}
            for start in range(0, len(keys), PAGE_SIZE):
                block = keys[start : start + PAGE_SIZE]
                query = rows_query(DemandFilter()).where(Demand.id.in_(block))
                fresh.update({row[0]: _typed(row) for row in session.execute(query)})
        before, self._rows = self._rows, [fresh.get(row[0], row) for row in self._rows]
        for row, (old, new) in enumerate(zip(before, self._rows, strict=True)):
            if old != new:
                for column in range(len(COLUMNS)):
                    self._texts.pop((new[0], column), None)
                changed_cells(self, row, old[1:], new[1:])

    def _page(self, session: Any, offset: int, size: int) -> list[tuple[Any, ...]]:
        query = rows_query(self.filter, self.sort_column, self.descending, self._dialect)
        rows = [_typed(row) for row in session.execute(query.offset(offset).limit(size + 1))]
        self._more = len(rows) > size
        return rows[:size]

    def key(self, row: int) -> uuid.UUID | None:
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, key: uuid.UUID) -> int:
        for row, values in enumerate(self._rows):
            if values[0] == key:
                return row
        return -1

    # --- Qt model --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        with self._store.session() as session:
            more = self._page(session, len(self._rows), PAGE_SIZE)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_column = column
        self.descending = order == Qt.SortOrder.DescendingOrder
        if self.loaded:  # else the first reload reads in this order
            self.reload()

    def flags(self, index: Index) -> Qt.ItemFlag:
        return self.editing.flags(index, super().flags(index))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self.editing.set_data(index, value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None  # a view asks each cell for a dozen roles; most are none of ours
        handled, value = self.editing.data(index, role)
        if handled:
            return value
        row = self._rows[index.row()]
        number = index.column()
        handled, value = self.conflicts.data(row[0], number, role)
        if handled:
            return value
        if role in _TEXT:
            style = (current_language(), current_country())
            if style != self._texts_style:  # numbers written for another language or country
                self._texts.clear()
                self._texts_style = style
            text = self._texts.get((row[0], number))
            if text is None:
                text = formatting.display(COLUMNS[number][0].kind, row[number + 1])
                self._texts[(row[0], number)] = text
            return text
        value = row[number + 1]
        if role == KEY_ROLE:
            return row[0]
        if role == VALUE_ROLE:
            return value
        if role == _ALIGNMENT:
            return formatting.alignment(COLUMNS[number][0].kind)
        if role == _TOOLTIP:
            if number == STATUS:
                return chain_text(value)
            if number == DESCRIPTION:
                return str(value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0].title)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return formatting.alignment(COLUMNS[section][0].kind)
        return None

    def stretch_columns(self) -> set[int]:
        return {DESCRIPTION}


_TEXT = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole)})
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = _TEXT | {
    _ALIGNMENT,
    _TOOLTIP,
    int(Qt.ItemDataRole.BackgroundRole),
    int(Qt.ItemDataRole.DecorationRole),
    int(KEY_ROLE),
    int(VALUE_ROLE),
    int(CHOICES_ROLE),
}
"""Every role this model or its editing and conflict marks may answer."""


def _typed(row: Any) -> tuple[Any, ...]:
    """A row with its codes as enum members (a plain select returns them as text)."""
    values = list(row)
    values[GROUP + 1] = Group(values[GROUP + 1])
    values[STATUS + 1] = DemandStatus(values[STATUS + 1])
    return tuple(values)
