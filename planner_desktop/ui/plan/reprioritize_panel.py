"""Re-prioritisation: dropped or postponed demands, chosen and sent back into a new
prioritisation round with the reason (one undoable step)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.territory import Community
from planner_desktop.i18n import N_, _, ngettext
from planner_desktop.plan import reprioritize
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.columns import Column, Kind
from planner_desktop.ui.models.table import QueryTableModel
from planner_desktop.ui.pages.base import fit_columns, table_view
from planner_desktop.ui.plan.plan_commands import SendBack
from planner_desktop.ui.queries import TableQuery
from planner_desktop.ui.spreadsheet import refusal_line

WATCHED = ("demand", "prioritization_round", "round_item", "project_profile",
           "profile_demand")


def candidates_query() -> TableQuery:
    return TableQuery(
        columns=(Column(N_("Code")), Column(N_("Demand"), stretch=True),
                 Column(N_("Community")), Column(N_("Status"), Kind.label)),
        ids=reprioritize.candidate_ids(),
        rows=lambda keys: select(Demand.id, Demand.code, Demand.description, Community.name,
                                 Demand.status)
        .join(Community, Demand.community_id == Community.id).where(Demand.id.in_(keys)),
    )


class ReprioritizePanel(QWidget):
    """Choose demands (several rows), say why, and send them back into a new round."""

    def __init__(self, store: Store, hub: ChangeHub, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reprioritizePanel")
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.model = QueryTableModel(store, candidates_query(), self)
        self.view = table_view(self.model, name="reprioritizeDemands")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.reason = QLineEdit()
        self.reason.setObjectName("reprioritizeReason")
        self.reason.setPlaceholderText(_("Why they go back (required)"))
        self.send = QPushButton(_("Send back into a new round"))
        self.send.setObjectName("reprioritizeSend")
        self.send.clicked.connect(self.send_back)
        self.refusal = refusal_line("reprioritizeRefusal")
        self.done = QLabel()
        self.done.setObjectName("reprioritizeDone")
        hint = QLabel(_("Demands dropped, or whose project was postponed. Choose one or "
                        "more and send them back into a new prioritisation round."))
        hint.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(_("Reason")))
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.refusal)
        layout.addWidget(self.done)
        self.last: SendBack | None = None
        hub.sig_changed.connect(self._saved)

    def refresh(self) -> None:
        self.model.reload()
        fit_columns(self.view)

    def _saved(self, table: str, _serial: int) -> None:
        if table in WATCHED:
            self.model.reload()

    def chosen(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return [key for key in (self.model.key(row) for row in rows) if key is not None]

    def choose(self, demand_ids: Sequence[uuid.UUID]) -> None:
        """Select the rows of these demands (as a person would with Ctrl+click)."""
        self.view.clearSelection()
        selection = self.view.selectionModel()
        for demand_id in demand_ids:
            row = self.model.row_of(demand_id)
            if row >= 0:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)

    def send_back(self) -> None:
        """Refuse in place with the reason, or push one undoable step."""
        chosen, reason = self.chosen(), self.reason.text()
        with self.store.session() as session:
            refused = reprioritize.refusal(session, chosen, reason)
        if refused:
            field = _("Reason") if chosen and not reason.strip() else _("Demands")
            self.refusal.setText(_("{field}: {reason}").format(field=field, reason=refused))
            return
        self.refusal.clear()
        command = SendBack(self.hub, _("Send demands back into a new round"), chosen,
                           reason, date.today())
        self.last = command
        self.undo_stack.push(command)
        self.reason.clear()
        self.done.setText(ngettext(
            "{n} demand sent back into a new round; it is on the prioritisation page.",
            "{n} demands sent back into a new round; it is on the prioritisation page.",
            len(chosen)).format(n=len(chosen)))
