"""Undoable changes to a round as a whole: opening it, reopening it with a reason.

Deleting a round uses the shared delete action (:mod:`planner_desktop.ui.deleting`).
"""

from __future__ import annotations

import uuid

from planner_desktop.capture import deletion, records
from planner_desktop.domain.prioritization import PrioritizationRound
from planner_desktop.i18n import _
from planner_desktop.prioritization.opening import RoundSpec, open_round, reopen_round
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand

ROUND_TABLES = ("prioritization_round", "round_item", "criterion")


class OpenRound(StoreCommand):
    """Open a round (checked before it is pushed); undo deletes it with its items and
    criteria, redo brings exactly those back."""

    tables = ROUND_TABLES

    def __init__(self, hub: ChangeHub, spec: RoundSpec) -> None:
        super().__init__(hub, _("Open the round {title}").format(title=spec.title.strip()))
        self.spec = spec
        self.round_id = uuid.uuid4()
        self.deleted: deletion.Deletion | None = None

    def apply(self, store: Store) -> None:
        if self.deleted is None:
            with store.session() as session:
                open_round(session, self.spec, self.round_id)
        else:
            deletion.restore(store, self.deleted)

    def revert(self, store: Store) -> None:
        self.deleted = deletion.delete(store, PrioritizationRound, self.round_id,
                                       with_dependents=True)


class ReopenRound(StoreCommand):
    """Reopen a closed round with the reason the room gave (logged with the time);
    undo closes it again and takes the line off the log."""

    tables = ("prioritization_round",)

    def __init__(self, hub: ChangeHub, round_id: uuid.UUID, reason: str) -> None:
        super().__init__(hub, _("Reopen the round"))
        self.round_id = round_id
        self.reason = reason
        self.before: dict[str, object] = {}

    def apply(self, store: Store) -> None:
        self.before = records.read(store, PrioritizationRound, self.round_id,
                                   ["closed", "reopen_log"])
        with store.session() as session:
            reopen_round(session, self.round_id, self.reason)

    def revert(self, store: Store) -> None:
        records.update(store, PrioritizationRound, self.round_id, self.before)
