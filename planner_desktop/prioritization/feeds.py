"""Reading a round's entries in the order they were written, from a point on (no Qt).

Each entry becomes a plain :class:`Read`: its key, the key of the entry it retracts, the
group it counts for and what it says (a :class:`VoteRow`, a :class:`Rating` or a
:class:`PairChoice`). An entry on a demand removed from the round counts for no group
(``lost`` names the demand); one that does not belong to the round's items or criteria
says nothing. The filtering is the one of :func:`records.load_inputs`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import Integer, literal_column, select
from sqlalchemy.orm import Session

from planner_desktop.domain.prioritization import PairwiseChoice, Score, Vote
from planner_desktop.prioritization.criteria import CriterionSpec, Rating
from planner_desktop.prioritization.pairwise import PairChoice
from planner_desktop.prioritization.records import RoundItems, hex_id
from planner_desktop.prioritization.run import VoteRow

Payload = VoteRow | Rating | PairChoice
P = TypeVar("P", VoteRow, Rating, PairChoice)
"""What the entries of one table say: each table has its own kind."""


@dataclass(frozen=True)
class Read(Generic[P]):
    """One entry as read; ``payload`` is None when it counts for nothing."""

    row: int
    key: str
    retracts: str | None
    group: str
    payload: P | None = None
    lost: str | None = None


def key(value: object) -> str:
    """The same text for an id read as a UUID or as raw text."""
    return str(value).replace("-", "").lower()


def _key(value: object | None) -> str | None:
    return None if value is None else key(value)


class Lookup:
    """Item and criterion ids of a round, by the text form of their id."""

    def __init__(self, items: RoundItems, criteria: Mapping[uuid.UUID, CriterionSpec]) -> None:
        self.codes = {key(item): code for item, code in items.codes.items()}
        self.removed = {key(item): code for item, code in items.removed.items()}
        self.criteria = {key(item): spec.name for item, spec in criteria.items()}


def _rows(session: Session, model: Any, round_id: uuid.UUID, after: int,
          *columns: Any) -> Any:
    row = literal_column(f"{model.__tablename__}.rowid", Integer)
    return session.execute(
        select(row, hex_id(model.id), hex_id(model.retracts_id), model.group, *columns)
        .where(model.round_id == round_id, row > after).order_by(row))


def _votes(session: Session, round_id: uuid.UUID, after: int,
           look: Lookup) -> Iterator[Read[VoteRow]]:
    for row, entry, retracts, group, item, ballot, count, rank in _rows(
            session, Vote, round_id, after, hex_id(Vote.item_id), hex_id(Vote.ballot_id),
            Vote.count, Vote.rank):
        base: Read[VoteRow] = Read(row, key(entry), _key(retracts), str(group))
        item = key(item)
        if count <= 0:
            yield base
        elif item in look.removed:
            yield Read(*_head(base), lost=look.removed[item])
        elif item in look.codes:
            key_ = None if ballot is None else str(ballot)
            yield Read(*_head(base), payload=VoteRow(look.codes[item], key_, count, rank))
        else:
            yield base


def _ratings(session: Session, round_id: uuid.UUID, after: int,
             look: Lookup) -> Iterator[Read[Rating]]:
    for row, entry, retracts, group, item, criterion, value in _rows(
            session, Score, round_id, after, hex_id(Score.item_id), hex_id(Score.criterion_id),
            Score.value):
        base: Read[Rating] = Read(row, key(entry), _key(retracts), str(group))
        item, criterion = key(item), key(criterion)
        if item in look.removed:
            yield Read(*_head(base), lost=look.removed[item])
        elif item in look.codes and criterion in look.criteria:
            yield Read(*_head(base), payload=Rating(look.codes[item], look.criteria[criterion],
                                                    value))
        else:
            yield base


def _choices(session: Session, round_id: uuid.UUID, after: int,
             look: Lookup) -> Iterator[Read[PairChoice]]:
    for row, entry, retracts, group, *pair, reason in _rows(
            session, PairwiseChoice, round_id, after, hex_id(PairwiseChoice.item_a_id),
            hex_id(PairwiseChoice.item_b_id), hex_id(PairwiseChoice.winner_id),
            PairwiseChoice.reason):
        base: Read[PairChoice] = Read(row, key(entry), _key(retracts), str(group))
        keys = [key(value) for value in pair]
        gone = [look.removed[k] for k in keys if k in look.removed]
        if gone:
            yield Read(*_head(base), lost=gone[0])
        elif all(k in look.codes for k in keys):
            a, b, winner = (look.codes[k] for k in keys)
            yield Read(*_head(base), payload=PairChoice(a, b, winner, reason))
        else:
            yield base


def _head(read: Read[P]) -> tuple[int, str, str | None, str]:
    return read.row, read.key, read.retracts, read.group


Model = type[Vote] | type[Score] | type[PairwiseChoice]


@dataclass(frozen=True)
class Feed(Generic[P]):
    """One kind of entry: its table, its model and its reader."""

    table: str
    model: Model
    read: Callable[[Session, uuid.UUID, int, Lookup], Iterator[Read[P]]]


VOTES = Feed("vote", Vote, _votes)
RATINGS = Feed("score", Score, _ratings)
CHOICES = Feed("pairwise_choice", PairwiseChoice, _choices)
FEEDS: dict[str, Model] = {VOTES.table: VOTES.model, RATINGS.table: RATINGS.model,
                           CHOICES.table: CHOICES.model}
"""The three kinds of entry, by table: the model."""


def entry_at(session: Session, table: str, row: int) -> str | None:
    """The key of the entry at row ``row``, to check that what was read is still there."""
    model = FEEDS[table]
    found = session.scalar(select(hex_id(model.id)).where(
        literal_column(f"{model.__tablename__}.rowid", Integer) == row))
    return None if found is None else key(found)
