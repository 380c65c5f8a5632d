"""Undoable edits: QUndoCommand subclasses that change the store in the write worker.

``redo`` and ``undo`` queue their write on the single database-write worker of
:mod:`planner_desktop.ui.jobs` (so nothing blocks while saving and writes keep their
order) and announce the finished write on the :class:`ChangeHub`. Undoing a creation
tombstones the record; undoing an edit writes the previous values back. Every write runs
under :func:`~planner_desktop.capture.rule_checks.checking_writes`: a value that breaks the
one set of rules, whichever form let it through, fails the write (one line on the hub)
and nothing is saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtGui import QUndoCommand

from planner_desktop.capture import attendance, findings, records
from planner_desktop.capture.rule_checks import checking_writes
from planner_desktop.domain.base import Synced
from planner_desktop.store.database import Store
from planner_desktop.ui import jobs
from planner_desktop.ui.changes import ChangeHub


class StoreCommand(QUndoCommand):
    """A change to the store that can be undone; subclasses define ``apply``/``revert``."""

    tables: tuple[str, ...] = ()

    def __init__(self, hub: ChangeHub, text: str) -> None:
        super().__init__(text)
        self.hub = hub
        self.serial = 0
        """The serial of the last write queued by this command (models match it)."""

    @property
    def store(self) -> Store:
        return self.hub.store

    def apply(self, store: Store) -> None:
        raise NotImplementedError

    def revert(self, store: Store) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._queue(self.apply)

    def undo(self) -> None:
        self._queue(self.revert)

    def _queue(self, write: Callable[[Store], None]) -> None:
        serial = self.serial = self.hub.next_serial()
        hub, store, tables = self.hub, self.store, self.tables
        hub.started()
        def checked(_context: object) -> None:
            with checking_writes():
                write(store)

        jobs.run_job(
            hub,
            checked,
            on_done=lambda _result: hub.finished(tables, serial),
            on_error=lambda error: hub.failed(jobs.error_text(error), tables, serial),
            cancellable=False,
        )


class EditRecord(StoreCommand):
    """Change fields of one record; undo writes the values it had before."""

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        model: type[Synced],
        record_id: uuid.UUID,
        changes: Mapping[str, Any],
        previous: Mapping[str, Any],
    ) -> None:
        super().__init__(hub, text)
        self.model = model
        self.record_id = record_id
        self.changes = dict(changes)
        self.previous = dict(previous)
        self.tables = (model.__tablename__,)  # type: ignore[attr-defined]

    def apply(self, store: Store) -> None:
        records.update(store, self.model, self.record_id, self.changes)

    def revert(self, store: Store) -> None:
        records.update(store, self.model, self.record_id, self.previous)


class CreateRecord(StoreCommand):
    """Create one record (its id chosen now); undo tombstones it, redo brings it back."""

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        model: type[Synced],
        values: Mapping[str, Any],
        *,
        last_among: tuple[str, ...] = (),
    ) -> None:
        super().__init__(hub, text)
        self.model = model
        self.last_among = last_among
        """For a record placed last in a list: the fields its list shares (see
        :func:`records.create`); the position is chosen when the write runs."""
        self.values = dict(values)
        self.values.setdefault("id", uuid.uuid4())
        self.record_id: uuid.UUID = self.values["id"]
        self.tables = (model.__tablename__,)  # type: ignore[attr-defined]

    def apply(self, store: Store) -> None:
        records.create(store, self.model, self.values, last_among=self.last_among)

    def revert(self, store: Store) -> None:
        records.tombstone(store, self.model, self.record_id)


class RegisterAttendance(StoreCommand):
    """A person is present; undo appends a retraction (attendance is append-only)."""

    tables = ("attendance",)

    def __init__(
        self,
        hub: ChangeHub,
        text: str,
        event_id: uuid.UUID,
        person_id: uuid.UUID,
        person: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(hub, text)
        self.event_id = event_id
        self.person_id = person_id
        self.person = dict(person) if person else None
        """Values of a person created with this registration (undone with it)."""
        self.row_id: uuid.UUID | None = None

    def apply(self, store: Store) -> None:
        from planner_desktop.domain.actors import Person

        if self.person is not None:
            records.create(store, Person, self.person)
        self.row_id = attendance.register(store, self.event_id, self.person_id)

    def revert(self, store: Store) -> None:
        from planner_desktop.domain.actors import Person

        attendance.unregister(store, self.event_id, self.person_id)
        if self.person is not None:
            records.tombstone(store, Person, self.person_id)


class RemoveAttendance(StoreCommand):
    """Remove a person registered by mistake: a retraction appended; undo registers them
    again as they were, in their place."""

    tables = ("attendance",)

    def __init__(self, hub: ChangeHub, text: str, row_id: uuid.UUID) -> None:
        super().__init__(hub, text)
        self.row_id = row_id
        self.correction_id: uuid.UUID | None = None

    def apply(self, store: Store) -> None:
        self.correction_id = attendance.retract(store, self.row_id)

    def revert(self, store: Store) -> None:
        if self.correction_id is not None:
            self.row_id = attendance.reinstate(store, self.correction_id)


class MarkSigned(StoreCommand):
    """Mark who signed the paper sheet; both ways append a corrected attendance row."""

    tables = ("attendance",)

    def __init__(self, hub: ChangeHub, text: str, row_id: uuid.UUID, signed: bool) -> None:
        super().__init__(hub, text)
        self.row_id = row_id
        self.signed = signed

    def apply(self, store: Store) -> None:
        self.row_id = attendance.set_signed(store, self.row_id, self.signed)

    def revert(self, store: Store) -> None:
        self.row_id = attendance.set_signed(store, self.row_id, not self.signed)


class MoveFinding(StoreCommand):
    """Move a finding up or down its local rank."""

    tables = ("finding",)

    def __init__(self, hub: ChangeHub, text: str, finding_id: uuid.UUID, steps: int) -> None:
        super().__init__(hub, text)
        self.finding_id = finding_id
        self.steps = steps

    def apply(self, store: Store) -> None:
        findings.move(store, self.finding_id, self.steps)

    def revert(self, store: Store) -> None:
        findings.move(store, self.finding_id, -self.steps)


class CommandGroup(QUndoCommand):
    """Several commands undone and redone as one step (kept alive by this group)."""

    def __init__(self, text: str, commands: list[StoreCommand]) -> None:
        super().__init__(text)
        self.commands = commands

    def redo(self) -> None:
        for command in self.commands:
            command.redo()

    def undo(self) -> None:
        for command in reversed(self.commands):
            command.undo()
