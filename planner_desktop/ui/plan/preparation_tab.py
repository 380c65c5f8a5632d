"""How the plan is prepared: its work plan, its agreement (*convenio*) and its technical
team, three lists of the current plan typed in like spreadsheets."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QSplitter, QWidget
from sqlalchemy.orm import Session

from planner_desktop.capture import plan_records
from planner_desktop.capture.plan_records import check_dates
from planner_desktop.domain.plan import Agreement, TeamMember, WorkActivity
from planner_desktop.i18n import N_, _
from planner_desktop.store.database import Store
from planner_desktop.ui import formatting
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan.annex_base import AnnexTab
from planner_desktop.ui.plan.record_list import ListColumn, ListSpec, RecordList


def text_column(
    field: str, title: str, *, required: bool = False, limit: int | None = 200
) -> ListColumn:
    if required:
        return ListColumn(
            field, title, lambda value: plan_records.required_text(field, value, limit)
        )
    return ListColumn(field, title, lambda value: plan_records.optional_text(field, value, limit))


def date_column(field: str, title: str) -> ListColumn:
    return ListColumn(
        field, title, lambda value: plan_records.parse_date(field, value), formatting.short_date
    )


def dates_in_order(row: dict[str, Any]) -> None:
    check_dates(row.get("start_date"), row.get("end_date"))


def _activity(session: Session, plan_id: uuid.UUID, text: Any) -> dict[str, Any]:
    return plan_records.work_activity_values(session, plan_id, text)


def _agreement(_session: Session, plan_id: uuid.UUID, text: Any) -> dict[str, Any]:
    return plan_records.agreement_values(plan_id, text)


def _member(session: Session, plan_id: uuid.UUID, text: Any) -> dict[str, Any]:
    return plan_records.team_member_values(session, plan_id, text)


def work_plan_spec() -> ListSpec:
    return ListSpec(
        WorkActivity,
        "plan_id",
        (
            text_column("activity", N_("Activity"), required=True, limit=None),
            date_column("start_date", N_("Start")),
            date_column("end_date", N_("End")),
            text_column("responsible", N_("Responsible")),
        ),
        _activity,
        _("Add an activity…"),
        check=dates_in_order,
        ordered=True,
    )


def agreement_spec() -> ListSpec:
    return ListSpec(
        Agreement,
        "plan_id",
        (
            text_column("title", N_("Title"), required=True),
            text_column("parties", N_("Parties"), limit=None),
            date_column("signed_on", N_("Signed on")),
            text_column("signatories", N_("Signatories"), limit=None),
        ),
        _agreement,
        _("Add an agreement…"),
    )


def team_spec() -> ListSpec:
    return ListSpec(
        TeamMember,
        "plan_id",
        (
            text_column("name", N_("Name"), required=True),
            text_column("role", N_("Role")),
            text_column("institution", N_("Institution")),
        ),
        _member,
        _("Add a member…"),
        ordered=True,
    )


class PreparationTab(AnnexTab):
    """The work plan, the agreement and the technical team of the current plan."""

    watched = frozenset({"work_activity", "agreement", "team_member"})

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hub, undo_stack, parent)
        self.setObjectName("preparationTab")
        self.work_plan = RecordList(work_plan_spec(), _("Work plan"), hub, undo_stack, "workPlan")
        self.agreements = RecordList(
            agreement_spec(), _("Agreement (convenio)"), hub, undo_stack, "agreements"
        )
        self.team = RecordList(team_spec(), _("Technical team"), hub, undo_stack, "team")
        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        for part in (self.work_plan, self.agreements, self.team):
            split.addWidget(part)
        split.setSizes([300, 150, 200])
        self.set_content(split)

    def load(self) -> None:
        plan_id = self.owner.plan_id
        assert plan_id is not None
        for part in (self.work_plan, self.agreements, self.team):
            part.load(self.store, plan_id)
