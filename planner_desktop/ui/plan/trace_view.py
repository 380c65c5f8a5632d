"""Traceability: the whole chain of one demand, each link a way to its record."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner_desktop.domain import labels
from planner_desktop.domain.enums import Group
from planner_desktop.domain.summaries import AGREED
from planner_desktop.i18n import _
from planner_desktop.plan import records
from planner_desktop.plan.follow import ProgressPoint
from planner_desktop.plan.trace import DemandTrace, Link, ProfileStep, trace_demand
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting

LINK_ROLE = Qt.ItemDataRole.UserRole


def _group(code: str) -> str:
    """Who ranked: the room's agreed order, or one group's own."""
    if code == AGREED:
        return _("agreed")
    try:
        return labels.label(Group(code))
    except ValueError:
        return code


class TraceView(QWidget):
    """Type a demand code (or be given a demand) to see its chain; ``sig_jump(table, id)``
    on a double-click, ``sig_new_profile(demand_id)`` to answer the demand with a profile."""

    sig_jump = Signal(str, object)
    sig_new_profile = Signal(object)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.setObjectName("traceView")
        self.store = store
        self.demand_id: uuid.UUID | None = None
        self.code = QLineEdit()
        self.code.setObjectName("traceCode")
        self.code.setPlaceholderText(_("Demand code, then Enter"))
        self.code.returnPressed.connect(self._code_typed)
        self.new_profile = QPushButton(_("New profile from this demand"))
        self.new_profile.setObjectName("traceNewProfile")
        self.new_profile.setEnabled(False)
        self.new_profile.clicked.connect(
            lambda: self.sig_new_profile.emit(self.demand_id) if self.demand_id else None
        )
        self.message = QLabel()
        self.message.setObjectName("traceMessage")
        self.tree = QTreeWidget()
        self.tree.setObjectName("traceTree")
        self.tree.setHeaderLabels([_("Link"), _("Detail")])
        self.tree.setAlternatingRowColors(True)
        self.tree.itemDoubleClicked.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Demand")))
        top.addWidget(self.code, 1)
        top.addWidget(self.new_profile)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)

    def _code_typed(self) -> None:
        with self.store.session() as session:
            demand_id = records.demand_by_code(session, self.code.text())
        if demand_id is None:
            self.message.setText(_("No demand has that code"))
            self.tree.clear()
            self.demand_id = None
            self.new_profile.setEnabled(False)
            return
        self.show_demand(demand_id)

    def show_demand(self, demand_id: uuid.UUID) -> None:
        with self.store.session() as session:
            trace = trace_demand(session, demand_id)
        self.tree.clear()
        self.demand_id = demand_id if trace is not None else None
        self.new_profile.setEnabled(trace is not None)
        if trace is None:
            self.message.setText(_("This demand no longer exists"))
            return
        self.code.setText(trace.demand.label.split(" ", 1)[0])
        self.message.setText(_("Double-click a link to open it."))
        self._fill(trace)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _item(
        self, parent: QTreeWidget | QTreeWidgetItem, kind: str, link: Link | None, detail: str = ""
    ) -> QTreeWidgetItem:
        text = f"{kind}: {link.label}" if link is not None else kind
        item = QTreeWidgetItem(parent, [text, detail])
        if link is not None:
            item.setData(0, LINK_ROLE, link)
            item.setToolTip(0, link.label)
        return item

    def _fill(self, trace: DemandTrace) -> None:
        root = self._item(self.tree, _("Demand"), trace.demand, labels.label(trace.status))
        self._item(root, _("Community"), trace.community)
        for step in trace.priorities:
            cls = labels.label(step.priority_class) if step.priority_class else ""
            self._item(
                root,
                _("Priority"),
                step.round,
                _("{group}: rank {rank} {cls}")
                .format(group=_group(step.group), rank=step.rank, cls=cls)
                .strip(),
            )
        if not trace.profiles:
            self._item(root, _("No project profile answers this demand yet"), None)
        for profile in trace.profiles:
            self._profile(root, profile)

    def _profile(self, root: QTreeWidgetItem, step: ProfileStep) -> None:
        years = ", ".join(
            f"{year}: {formatting.money(amount)}"
            for year, amount in sorted(step.programmed.items())
        )
        item = self._item(root, _("Profile"), step.profile, years or _("not programmed"))
        parent = item
        for level, link in step.elements:  # the element, then each one above it
            parent = self._item(parent, level, link)
        for operation in step.operations:
            detail = _("POA {year}, budget {amount}").format(
                year=operation.fiscal_year, amount=formatting.money(operation.budget)
            )
            if operation.cancelled:
                detail += " — " + _("cancelled")
            op_item = self._item(item, _("Operation"), operation.operation, detail)
            for point in operation.progress:
                self._progress(op_item, point)
        for point in step.progress:
            self._progress(item, point)

    def _progress(self, parent: QTreeWidgetItem, point: ProgressPoint) -> None:
        detail = _("{percent} % physical, {amount} executed").format(
            percent=formatting.number(point.physical_percent),
            amount=formatting.money(point.financial_executed),
        )
        self._item(
            parent,
            _("Progress"),
            Link("progress", point.id, formatting.short_date(point.date)),
            detail,
        )

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        link = item.data(0, LINK_ROLE)
        if isinstance(link, Link):
            self.sig_jump.emit(link.table, link.id)
