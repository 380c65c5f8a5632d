"""Undoable writes of the plan pages: a programming cell, a ceiling, a POA adjustment and
sending demands back into a new round. Each runs on the write worker (see
:class:`~planner_desktop.ui.commands.StoreCommand`); the values are checked before the
command is pushed, so a refusal in the worker is only a race and reaches the hub."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from planner_desktop.plan import derived, operations, programming, reprioritize
from planner_desktop.store.database import Store
from planner_desktop.ui.changes import ChangeHub
from planner_desktop.ui.commands import StoreCommand


class SetProgramming(StoreCommand):
    """One cell of the five-year programming (project × year × source)."""

    tables = ("multi_year_programming",)

    def __init__(self, hub: ChangeHub, text: str, profile_id: uuid.UUID, year: int,
                 source_id: uuid.UUID, amount: Decimal, previous: Decimal) -> None:
        super().__init__(hub, text)
        self.key = (profile_id, year, source_id)
        self.amount, self.previous = amount, previous

    def _write(self, store: Store, amount: Decimal) -> None:
        with store.session() as session:
            programming.set_amount(session, *self.key, amount)

    def apply(self, store: Store) -> None:
        self._write(store, self.amount)

    def revert(self, store: Store) -> None:
        self._write(store, self.previous)


class SetCeiling(StoreCommand):
    """One source's ceiling for one year (None: no ceiling)."""

    tables = ("source_ceiling",)

    def __init__(self, hub: ChangeHub, text: str, source_id: uuid.UUID, year: int,
                 amount: Decimal | None, previous: Decimal | None) -> None:
        super().__init__(hub, text)
        self.source_id, self.year = source_id, year
        self.amount, self.previous = amount, previous

    def _write(self, store: Store, amount: Decimal | None) -> None:
        with store.session() as session:
            programming.set_ceiling(session, self.source_id, self.year, amount)

    def apply(self, store: Store) -> None:
        self._write(store, self.amount)

    def revert(self, store: Store) -> None:
        self._write(store, self.previous)


Adjust = Callable[[Session], tuple[uuid.UUID, operations.Undo]]
"""Makes one adjustment in a session; returns its id and how to undo it."""


class AdjustPlan(StoreCommand):
    """An adjustment of an approved POA (cancel, vary a target or budget, add an objective),
    kept in its history; undo tombstones it and puts back what it changed, redo brings
    back the same history row (same id) and the change."""

    tables = ("plan_adjustment", "operation", "management_objective")

    def __init__(self, hub: ChangeHub, text: str, adjust: Adjust) -> None:
        super().__init__(hub, text)
        self.adjust = adjust
        self.made: tuple[uuid.UUID, operations.Undo] | None = None

    def apply(self, store: Store) -> None:
        with store.session() as session:
            if self.made is None:
                self.made = self.adjust(session)
            else:
                operations.redo_adjustment(session, *self.made)

    def revert(self, store: Store) -> None:
        if self.made is None:
            return
        with store.session() as session:
            operations.undo_adjustment(session, *self.made)


class DerivePoa(StoreCommand):
    """The POA of a year made from the PDM; undo withdraws it (tombstones), redo brings
    back the same records."""

    tables = ("annual_plan", "operation", "management_objective")

    def __init__(self, hub: ChangeHub, text: str, fiscal_year: int) -> None:
        super().__init__(hub, text)
        self.fiscal_year = fiscal_year
        self.made: derived.Derived | None = None

    def apply(self, store: Store) -> None:
        with store.session() as session:
            if self.made is None:
                self.made = derived.derive(session, self.fiscal_year)
            else:
                derived.bring_back(session, self.made)

    def revert(self, store: Store) -> None:
        if self.made is not None:
            with store.session() as session:
                derived.withdraw(session, self.made)


class SendBack(StoreCommand):
    """Dropped or postponed demands into a new prioritisation round (one undo step)."""

    tables = ("prioritization_round", "round_item", "demand")

    def __init__(self, hub: ChangeHub, text: str, demand_ids: Sequence[uuid.UUID],
                 reason: str, on: date) -> None:
        super().__init__(hub, text)
        self.demand_ids = list(demand_ids)
        self.reason, self.on = reason, on
        self.round_id = uuid.uuid4()
        self.sent: reprioritize.SentBack | None = None

    def apply(self, store: Store) -> None:
        with store.session() as session:
            self.sent = reprioritize.send_back(session, self.demand_ids, reason=self.reason,
                                               on=self.on, round_id=self.round_id)

    def revert(self, store: Store) -> None:
        if self.sent is not None:
            with store.session() as session:
                reprioritize.undo_send_back(session, self.sent)
