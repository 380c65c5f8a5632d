"""The tally log of a round as the panel shows it, read entry by entry (no Qt).

A cumbre's Borda round holds thousands of ballot marks; reading them all again after every
entry would make the projection wait. :class:`EntryLog` keeps the log between entries and
reads only the rows written since (SQLite's row number), and reads everything again when a
row it holds is gone (a transaction rolled back) or on another database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from planner_desktop.domain.prioritization import RoundItem, Vote
from planner_desktop.prioritization.live import LiveRounds


@dataclass(frozen=True)
class Entry:
    """One line of the tally log: who entered what, when, and whether it still counts."""

    id: uuid.UUID
    when: datetime
    facilitator: str
    group: str
    code: str
    count: int
    retracted: bool
    corrects: uuid.UUID | None


def _query(round_id: uuid.UUID, after: int | None) -> Select[Any]:
    columns: list[ColumnElement[Any] | InstrumentedAttribute[Any]] = [
        Vote.id, Vote.created_at, Vote.facilitator, Vote.group, RoundItem.code, Vote.count,
        Vote.retracts_id]
    row = literal_column("vote.rowid", Integer)
    if after is not None:
        columns.append(row)
    query = (select(*columns).join(RoundItem, Vote.item_id == RoundItem.id)
             .where(Vote.round_id == round_id))
    if after is not None:
        query = query.where(row > after)
    return query


class EntryLog:
    """The entries of one round, newest first (entries of the same second in the order
    they were written: SQLite's row number; elsewhere the id, which is arbitrary)."""

    def __init__(self, round_id: uuid.UUID) -> None:
        self.round_id = round_id
        self.row = 0
        self.last: uuid.UUID | None = None
        self.by_id: dict[uuid.UUID, Entry] = {}
        self.order: dict[uuid.UUID, tuple[datetime, int]] = {}
        self.reads = 0

    def _reset(self) -> None:
        self.row = 0
        self.last = None
        self.by_id.clear()
        self.order.clear()
        self.reads += 1

    def _intact(self, session: Session) -> bool:
        """The rows held are all still there (none was rolled back)."""
        held = session.scalar(select(func.count()).where(Vote.round_id == self.round_id))
        if held is None or held < len(self.by_id):
            return False
        return self.last is None or session.scalar(
            select(func.count()).where(Vote.id == self.last)) == 1

    def entries(self, session: Session) -> tuple[Entry, ...]:
        sqlite = session.get_bind().dialect.name == "sqlite"
        if not sqlite or not self._intact(session):
            self._reset()
        corrections = []
        for row in session.execute(_query(self.round_id, self.row if sqlite else None)):
            key, when, who, group, code, count, retracts = row[:7]
            position = row[7] if sqlite else 0
            if position >= self.row:
                self.row, self.last = position, key
            self.by_id[key] = Entry(key, when, who, str(group), code, count, False, retracts)
            self.order[key] = (when, position)
            if retracts is not None:
                corrections.append(retracts)
        for corrected in corrections:
            entry = self.by_id.get(corrected)
            if entry is not None:
                self.by_id[corrected] = replace(entry, retracted=True)
        if not sqlite:
            by_id = sorted(self.by_id.values(), key=lambda entry: entry.id)
            return tuple(sorted(by_id, key=lambda entry: entry.when, reverse=True))
        newest_first = sorted(self.order, key=self.order.__getitem__, reverse=True)
        return tuple(self.by_id[key] for key in newest_first)


class Tracker(LiveRounds):
    """What the tally panel keeps between entries: the live rounds and their logs."""

    def __init__(self) -> None:
        super().__init__()
        self.logs: dict[uuid.UUID, EntryLog] = {}

    def log(self, round_id: uuid.UUID) -> EntryLog:
        found = self.logs.get(round_id)
        if found is None:
            found = self.logs[round_id] = EntryLog(round_id)
        return found


def read_entries(session: Session, round_id: uuid.UUID,
                 tracker: LiveRounds | None = None) -> tuple[Entry, ...]:
    """The round's tally log, newest first; kept between calls by a :class:`Tracker`."""
    log = tracker.log(round_id) if isinstance(tracker, Tracker) else EntryLog(round_id)
    return log.entries(session)
