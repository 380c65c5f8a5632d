"""What the annex tabs of the PDM page share: reading again after a saved change (when
shown), saying plainly when there is no plan yet, and two undoable steps (a row moved up
or down a list; an organisation's role in one phase set)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QShowEvent, QUndoStack
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from planner_desktop.capture import actor_roles, plan_records
from planner_desktop.domain.base import Synced
from planner_desktop.domain.enums import ActorPhase
from planner_desktop.i18n import _
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand
from planner_desktop.ui.models.editing import REFUSED_COLOR


@dataclass(frozen=True)
class Owner:
    """Whose records a tab shows: the municipality and its current plan (either None)."""

    municipality_id: uuid.UUID | None
    plan_id: uuid.UUID | None


def current_owner(store: Store) -> Owner:
    with store.session() as session:
        municipality_id = plan_records.current_municipality_id(session)
        plan = plan_records.current_plan(session)
    return Owner(municipality_id, plan.id if plan is not None else None)


class MoveRecord(StoreCommand):
    """Move a row of an ordered list ``steps`` places; undo moves it back."""

    def __init__(
        self, hub: ChangeHub, text: str, model: type[Synced], record_id: uuid.UUID, steps: int
    ) -> None:
        super().__init__(hub, text)
        self.model, self.record_id, self.steps = model, record_id, steps
        self.tables = (model.__tablename__,)  # type: ignore[attr-defined]
        self.moved = False

    def apply(self, store: Store) -> None:
        self.moved = plan_records.move(store, self.model, self.record_id, self.steps)

    def revert(self, store: Store) -> None:
        if self.moved:
            plan_records.move(store, self.model, self.record_id, -self.steps)


class SetActorRole(StoreCommand):
    """One organisation's role in one phase; undo writes back the one it had."""

    tables = ("actor_role",)

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        organization_id: uuid.UUID,
        phase: ActorPhase,
        role: str,
        previous: str,
    ) -> None:
        super().__init__(hub, text)
        self.organization_id, self.phase = organization_id, phase
        self.role, self.previous = role, previous

    def apply(self, store: Store) -> None:
        actor_roles.set_role(store, self.organization_id, self.phase, self.role)

    def revert(self, store: Store) -> None:
        actor_roles.set_role(store, self.organization_id, self.phase, self.previous)


class AnnexTab(QStackedWidget):
    """A tab that shows ``content`` for the current plan, or a plain sentence when there
    is no plan (or no municipality) yet. Subclasses read in :meth:`load`; a saved change to
    one of ``watched`` tables reads again once every queued write is saved when shown,
    else when next shown."""

    watched: frozenset[str] = frozenset()
    needs_plan = True

    def __init__(
        self, store: Store, hub: ChangeHub, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.hub, self.undo_stack = store, hub, undo_stack
        self.owner = Owner(None, None)
        self.missing = QLabel()
        self.missing.setObjectName("noPlan")
        self.missing.setWordWrap(True)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.missing.setMargin(12)
        self.addWidget(self.missing)
        self._stale = True
        hub.sig_changed.connect(self._changed)
        hub.sig_pending_changed.connect(self._reload_when_saved)

    def set_content(self, content: QWidget) -> None:
        self.addWidget(content)
        self.content = content

    def missing_text(self) -> str:
        if self.owner.municipality_id is None:
            return _("There is no municipality yet: create it first.")
        return _(
            "There is no plan yet. Create the plan on this page first; then this part of it "
            "is written here."
        )

    def reload(self) -> None:
        self._stale = False
        self.owner = current_owner(self.store)
        ready = self.owner.municipality_id is not None and (
            self.owner.plan_id is not None or not self.needs_plan
        )
        if not ready:
            self.missing.setText(self.missing_text())
            self.setCurrentWidget(self.missing)
            return
        self.setCurrentWidget(self.content)
        self.load()

    def load(self) -> None:
        raise NotImplementedError

    def _changed(self, table: str, _serial: int) -> None:
        if table in self.watched or table in ("plan", "municipality"):
            self._stale = True
            self._reload_when_saved()

    def _reload_when_saved(self, _pending: int = 0) -> None:
        """Read again once every queued write is saved: a list read while some are still
        queued would drop rows and values just typed (shown at once, saved in order)."""
        if self._stale and self.isVisible() and self.hub.pending == 0:
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)


class RefusingTableModel(QAbstractTableModel):
    """A table whose one refused cell is painted, carries its reason as a tooltip and is
    announced on ``sig_refused`` (an empty text once a later edit is saved)."""

    sig_refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.refused: tuple[int, int, str] | None = None

    def refusal_data(self, index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
        """The refused cell's colour or reason for ``role``; None for any other cell."""
        if self.refused is None or self.refused[:2] != (index.row(), index.column()):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(REFUSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.refused[2]
        return None

    def refuse(self, index: QModelIndex | QPersistentModelIndex, reason: str) -> bool:
        """Mark ``index`` refused for ``reason``; False, as ``setData`` returns then."""
        self.refused = (index.row(), index.column(), reason)
        self.dataChanged.emit(index, index)
        self.sig_refused.emit(reason)
        return False

    def _clear_refusal(self) -> None:
        if self.refused is not None:
            row, column, _reason = self.refused
            self.refused = None
            self.dataChanged.emit(self.index(row, column), self.index(row, column))
            self.sig_refused.emit("")
