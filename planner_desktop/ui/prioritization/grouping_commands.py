"""The undoable confirmation of a group of similar demands (see
:class:`~planner_desktop.ui.commands.StoreCommand`). The grouping is checked before the
command is pushed, so a refusal in the write worker is only a race and reaches the hub."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from planner_desktop.domain.enums import RoundLevel
from planner_desktop.prioritization import grouping
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand


class ConfirmGroup(StoreCommand):
    """Store a group and point its demands at it; undo tombstones the group and frees the
    demands, redo brings back the same group (same id) with the same demands."""

    tables = ("demand_group", "demand")

    def __init__(self, hub: ChangeHub, text: str, demand_ids: Sequence[uuid.UUID],
                 title: str, level: RoundLevel) -> None:
        super().__init__(hub, text)
        self.demand_ids = list(demand_ids)
        self.title, self.level = title, level
        self.group_id = uuid.uuid4()
        self.made = False

    def apply(self, store: Store) -> None:
        with store.session() as session:
            if self.made:
                grouping.regroup(session, self.group_id, self.demand_ids)
            else:
                grouping.confirm_group(session, self.demand_ids, self.title, self.level,
                                       group_id=self.group_id)
                self.made = True

    def revert(self, store: Store) -> None:
        if self.made:
            with store.session() as session:
                grouping.ungroup(session, self.group_id)
