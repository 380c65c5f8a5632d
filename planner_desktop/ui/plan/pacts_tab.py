"""The management model: pacts and alliances of the current plan, one row each (who,
for which element of the plan — at any level, shown with its level's name —, what they
commit, what they contribute, from when to when)."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.capture import plan_records
from planner_desktop.domain.actors import Organization
from planner_desktop.domain.plan import Pact
from planner_desktop.i18n import N_, _
from planner_desktop.plan.ordering import bytewise
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.plan.annex_base import AnnexTab
from planner_desktop.ui.plan.preparation_tab import date_column, dates_in_order, text_column
from planner_desktop.ui.plan.record_list import ListSpec, RecordList, choice_column


def organization_choices(session: Session, municipality_id: uuid.UUID) -> list[tuple[Any, str]]:
    rows = session.execute(
        select(Organization.id, Organization.name)
        .where(Organization.municipality_id == municipality_id, Organization.deleted_at.is_(None))
        .order_by(bytewise(Organization.name), Organization.id)
    )
    return [(key, name) for key, name in rows]


class PactsTab(AnnexTab):
    """The pacts of the current plan; organisations and elements offered from lists."""

    watched = frozenset({"pact", "organization", "plan_element", "plan_level"})

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(store, hub, undo_stack, parent)
        self.setObjectName("pactsTab")
        self.organizations: list[tuple[Any, str]] = []
        self.elements: list[tuple[Any, str]] = []
        spec = ListSpec(
            Pact,
            "plan_id",
            (
                choice_column("organization_id", N_("Organization"), lambda: self.organizations),
                choice_column("element_id", N_("Plan element"), lambda: self.elements, True),
                text_column("commitment", N_("Commitment"), limit=None),
                text_column("contribution", N_("Contribution"), limit=None),
                date_column("start_date", N_("Start")),
                date_column("end_date", N_("End")),
            ),
            lambda _session, plan_id, organization_id: plan_records.pact_values(
                plan_id, organization_id
            ),
            _("Add a pact: choose the organization…"),
            check=dates_in_order,
        )
        self.pacts = RecordList(spec, _("Pacts and alliances"), hub, undo_stack, "pacts")
        hint = QLabel(
            _(
                "Who commits what to which element of the plan. The organizations "
                "are those of the actors by phase."
            )
        )
        hint.setWordWrap(True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(hint)
        layout.addWidget(self.pacts, 1)
        self.set_content(content)

    def load(self) -> None:
        plan_id, municipality_id = self.owner.plan_id, self.owner.municipality_id
        assert plan_id is not None and municipality_id is not None
        with self.store.session() as session:
            self.organizations = organization_choices(session, municipality_id)
            self.elements = plan_records.element_choices(session, plan_id)
        self.pacts.load(self.store, plan_id)
        model = self.pacts.model
        if model.rowCount():
            model.dataChanged.emit(model.index(0, 0), model.index(model.rowCount() - 1, 1))
