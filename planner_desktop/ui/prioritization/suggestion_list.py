"""The suggested groups of similar demands: one row each, its member demands below with
a tick to leave one out, an editable title, and confirm or reject."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.i18n import _
from planner_desktop.prioritization.aggregate import GroupSuggestion
from planner_desktop.ui import formatting
from planner_desktop.ui.spreadsheet import refusal_line

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
WIDE_COLUMN = 300
SIMILARITY = 5
"""The column of a suggestion's similarity: its weakest link, as a percentage."""


@dataclass
class Proposal:
    """A suggestion as shown: its sector's and district's names, the title a person may
    edit and the demands they left out (ids)."""

    suggestion: GroupSuggestion
    sector: str
    district: str
    title: str
    left_out: set[str]

    @property
    def key(self) -> frozenset[str]:
        return frozenset(member.id for member in self.suggestion.members)

    def chosen(self) -> list[str]:
        return [m.id for m in self.suggestion.members if m.id not in self.left_out]


def _cell(text: str, align: Qt.AlignmentFlag | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if align is not None:
        item.setTextAlignment(align)
    return item


def _table(name: str, wide: int) -> QTableWidget:
    """Columns fit their contents, the text column ``wide`` is resizable by hand and the
    last one takes what is left (the numbers stay in sight on a small screen)."""
    table = QTableWidget()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    table.setProperty("wide", wide)
    return table


def _widen(table: QTableWidget) -> None:
    wide = int(table.property("wide"))
    table.horizontalHeader().setSectionResizeMode(wide, QHeaderView.ResizeMode.Interactive)
    table.setColumnWidth(wide, min(WIDE_COLUMN, max(120, table.sizeHintForColumn(wide))))


class SuggestionList(QWidget):
    """Shows proposals; ``sig_confirm(proposal)`` and ``sig_reject(proposal)`` when a
    person decides (the panel checks and writes)."""

    sig_confirm = Signal(object)
    sig_reject = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposals: list[Proposal] = []
        self.table = _table("groupSuggestions", 0)
        self.table.setColumnCount(8)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.members = _table("suggestionMembers", 2)
        self.members.setColumnCount(6)
        self.members.itemChanged.connect(self._ticked)
        self.title = QLineEdit()
        self.title.setObjectName("suggestionTitle")
        self.title.setPlaceholderText(_("Title of the group (required)"))
        self.title.textChanged.connect(self._retitled)
        self.confirm = QPushButton(_("Confirm group"))
        self.confirm.setObjectName("confirmSuggestion")
        self.confirm.clicked.connect(lambda: self._decide(self.sig_confirm))
        self.reject = QPushButton(_("Reject"))
        self.reject.setObjectName("rejectSuggestion")
        self.reject.setToolTip(_("Hide this suggestion until the program is closed"))
        self.reject.clicked.connect(lambda: self._decide(self.sig_reject))
        self.title.returnPressed.connect(self.confirm.click)
        self.refusal = refusal_line("groupingRefusal")

        decide = QHBoxLayout()
        decide.addWidget(QLabel(_("Title")))
        decide.addWidget(self.title, 1)
        decide.addWidget(self.confirm)
        decide.addWidget(self.reject)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.members, 1)
        lower_layout.addLayout(decide)
        lower_layout.addWidget(self.refusal)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate()
        self._enable()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            _("Proposed group"), _("Demands"), _("Communities"), _("Beneficiaries"),
            _("Votes"), _("Similarity"), _("Sector"), _("District")])
        similarity = self.table.horizontalHeaderItem(SIMILARITY)
        if similarity is not None:
            similarity.setToolTip(_(
                "How alike the least alike demands linked in the group are: the share of "
                "letters their meaningful words have in common (a typing slip costs a "
                "letter, a different word the whole word)"))
        self.members.setHorizontalHeaderLabels([
            _("In group"), _("Code"), _("Community"), _("Beneficiaries"), _("Votes"),
            _("Demand")])

    def show_proposals(self, proposals: Sequence[Proposal], row: int = 0) -> None:
        """Show ``proposals``, the one at ``row`` (or the last) chosen."""
        self.proposals = list(proposals)
        self.table.clearContents()
        self.table.setColumnCount(8)
        self.table.setRowCount(len(self.proposals))
        for index, proposal in enumerate(self.proposals):
            self._fill(index, proposal)
        self.retranslate()
        _widen(self.table)
        self._show_members(None)
        if self.proposals:
            self.table.selectRow(max(0, min(row, len(self.proposals) - 1)))

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else 0

    def _fill(self, row: int, proposal: Proposal) -> None:
        members = [m for m in proposal.suggestion.members if m.id not in proposal.left_out]
        values = (
            proposal.title,
            formatting.number(len(members)),
            formatting.number(len({m.community for m in members})),
            formatting.number(sum(m.beneficiaries for m in members)),
            formatting.number(sum(m.votes for m in members)),
            formatting.percent(100 * proposal.suggestion.similarity),
            proposal.sector, proposal.district)
        for column, text in enumerate(values):
            self.table.setItem(row, column, _cell(text, RIGHT if 1 <= column <= 5 else None))

    def current(self) -> Proposal | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proposals[rows[0].row()] if rows else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _chosen(self) -> None:
        self.refusal.clear()
        self._show_members(self.current())

    def _show_members(self, proposal: Proposal | None) -> None:
        self.members.blockSignals(True)
        self.members.clearContents()
        self.members.setColumnCount(6)
        members = sorted(proposal.suggestion.members, key=lambda m: m.code) if proposal else []
        left_out = proposal.left_out if proposal else set()
        self.members.setRowCount(len(members))
        for row, member in enumerate(members):
            tick = _cell("")
            tick.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            tick.setCheckState(Qt.CheckState.Unchecked if member.id in left_out
                               else Qt.CheckState.Checked)
            tick.setData(Qt.ItemDataRole.UserRole, member.id)
            self.members.setItem(row, 0, tick)
            self.members.setItem(row, 1, _cell(member.code))
            self.members.setItem(row, 2, _cell(member.place))
            self.members.setItem(row, 3, _cell(formatting.number(member.beneficiaries), RIGHT))
            self.members.setItem(row, 4, _cell(formatting.number(member.votes), RIGHT))
            self.members.setItem(row, 5, _cell(member.text))
        self.members.blockSignals(False)
        self.title.setText(proposal.title if proposal else "")
        self._enable()

    def _ticked(self, item: QTableWidgetItem) -> None:
        proposal = self.current()
        if proposal is None or item.column() != 0:
            return
        member_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            proposal.left_out.discard(member_id)
        else:
            proposal.left_out.add(member_id)
        self._fill(self.proposals.index(proposal), proposal)

    def _retitled(self, text: str) -> None:
        proposal = self.current()
        if proposal is not None and proposal.title != text:
            proposal.title = text
            cell = self.table.item(self.proposals.index(proposal), 0)
            if cell is not None:
                cell.setText(text)

    def _decide(self, signal: SignalInstance) -> None:
        proposal = self.current()
        if proposal is not None:
            signal.emit(proposal)

    def _enable(self) -> None:
        chosen = self.current() is not None
        for widget in (self.title, self.confirm, self.reject):
            widget.setEnabled(chosen)
