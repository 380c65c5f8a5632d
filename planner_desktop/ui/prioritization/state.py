"""What the tally panel and the projection show, read and written in a job (no Qt).

Every function here takes the store and returns plain frozen data, so it can run in the
database-write worker; the widgets only receive a :class:`RoundState`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PrioritizationMethod
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem, Vote
from planner_desktop.domain.summaries import live
from planner_desktop.prioritization.compare import POOLED
from planner_desktop.prioritization.entry import correct_vote, record_vote
from planner_desktop.prioritization.records import get_round, load_inputs, parse_groups
from planner_desktop.prioritization.results import AGREED, recompute
from planner_desktop.prioritization.run import RoundOutcome, run_round
from planner_desktop.store.database import Store

TALLIED = (PrioritizationMethod.dots, PrioritizationMethod.budget_greedy)
"""Methods whose input is a demand code and a number of dots (what the panel enters)."""


@dataclass(frozen=True)
class RoundChoice:
    id: uuid.UUID
    title: str
    closed: bool


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


@dataclass(frozen=True)
class Bar:
    """One bar of the projection; ``parts`` splits an agreed bar by group."""

    code: str
    label: str
    value: float
    rank: int
    tied: bool = False
    klass: str = ""
    parts: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class RoundState:
    round_id: uuid.UUID
    title: str
    closed: bool
    groups: tuple[str, ...]
    dots: int
    labels: Mapping[str, str]
    entries: tuple[Entry, ...]
    outcome: RoundOutcome
    last_vote: uuid.UUID | None = None
    last_ballot: uuid.UUID | None = None
    flags: tuple[str, ...] = field(default=())

    def bars(self, view: str) -> tuple[Bar, ...]:
        """The bars of one group, or of the agreed list (``view == AGREED``)."""
        outcome = self.outcome
        if view == AGREED:
            pooled = outcome.agreed is not None and outcome.agreed.how == POOLED
            scores = {g: r.score_of() for g, r in outcome.rankings.items()}
            return tuple(
                Bar(item.code, self.labels.get(item.code, ""), item.score, item.rank,
                    klass=str(item.klass),
                    parts=tuple((g, scores[g].get(item.code, 0.0)) for g in self.groups
                                if g in scores) if pooled else ())
                for item in outcome.classes)
        ranking = outcome.rankings.get(view)
        if ranking is None:
            return ()
        return tuple(Bar(item.code, self.labels.get(item.code, ""), item.score, item.rank,
                         item.tied) for item in ranking.items)

    def total(self, view: str) -> float:
        return sum(bar.value for bar in self.bars(view))


def list_rounds(store: Store, community_id: uuid.UUID | None,
                district_id: uuid.UUID | None) -> list[RoundChoice]:
    """The rounds of the scope that are entered as a tally, open ones first."""
    query = select(PrioritizationRound.id, PrioritizationRound.title,
                   PrioritizationRound.closed).where(
        live(PrioritizationRound), PrioritizationRound.method.in_(TALLIED))
    if community_id is not None:
        query = query.where(PrioritizationRound.community_id == community_id)
    elif district_id is not None:
        query = query.where(PrioritizationRound.district_id == district_id)
    query = query.order_by(PrioritizationRound.closed, PrioritizationRound.title)
    with store.session() as session:
        return [RoundChoice(*row) for row in session.execute(query)]


def _entries(session: Session, round_id: uuid.UUID) -> tuple[Entry, ...]:
    # Times are stored to the second: entries of the same second keep the order they
    # were written in (SQLite's row number; elsewhere the id, which is arbitrary).
    sqlite = session.get_bind().dialect.name == "sqlite"
    tie = literal_column("vote.rowid").desc() if sqlite else Vote.id
    rows = session.execute(
        select(Vote.id, Vote.created_at, Vote.facilitator, Vote.group, RoundItem.code,
               Vote.count, Vote.retracts_id)
        .join(RoundItem, Vote.item_id == RoundItem.id)
        .where(Vote.round_id == round_id)
        .order_by(Vote.created_at.desc(), tie)
    ).all()
    retracted = {row.retracts_id for row in rows if row.retracts_id is not None}
    return tuple(Entry(key, when, who, str(group), code, count, key in retracted, retracts)
                 for key, when, who, group, code, count, retracts in rows)


def _state(session: Session, round_id: uuid.UUID, outcome: RoundOutcome | None,
           last_vote: uuid.UUID | None = None,
           last_ballot: uuid.UUID | None = None) -> RoundState:
    round_ = get_round(session, round_id)
    if outcome is None:
        outcome = run_round(load_inputs(session, round_id))
    labels = {code: text for code, text in session.execute(
        select(RoundItem.code, Demand.description)
        .join(Demand, RoundItem.demand_id == Demand.id)
        .where(RoundItem.round_id == round_id, live(RoundItem)))}
    return RoundState(round_id, round_.title, round_.closed, parse_groups(round_.groups),
                      round_.dots_per_participant, labels, _entries(session, round_id),
                      outcome, last_vote, last_ballot, outcome.inputs.flags)


def load_state(store: Store, round_id: uuid.UUID) -> RoundState:
    """The round as it stands, its results computed but not written."""
    with store.session() as session:
        return _state(session, round_id, None)


def enter(store: Store, round_id: uuid.UUID, code: str, group: str, count: int,
          ballot: uuid.UUID | None = None) -> RoundState:
    """Record one tally entry (or one mark of a paper ``ballot``), recompute and store the
    results, in one transaction."""
    with store.session() as session:
        vote = record_vote(session, round_id, code, group, count, ballot_id=ballot)
        outcome = recompute(session, round_id)
        return _state(session, round_id, outcome, vote.id, ballot)


def retract(store: Store, round_id: uuid.UUID, vote_id: uuid.UUID) -> RoundState:
    """Cancel an entry with a correction (count 0) kept in the log; recompute."""
    with store.session() as session:
        correct_vote(session, vote_id, 0)
        outcome = recompute(session, round_id)
        return _state(session, round_id, outcome)
