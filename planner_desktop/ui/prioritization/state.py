"""What the tally panel and the projection show, read and written in a job (no Qt).

Every function here takes the store and returns plain frozen data, so it can run in the
database-write worker; the widgets only receive a :class:`RoundState`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PrioritizationMethod, PriorityClass
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from planner_desktop.domain.summaries import live
from planner_desktop.domain.territory import Sector
from planner_desktop.i18n import _
from planner_desktop.prioritization.choices import record_choice
from planner_desktop.prioritization.closing import Figures, close_round, load_figures
from planner_desktop.prioritization.compare import POOLED
from planner_desktop.prioritization.decisions import set_agreed_order, set_class
from planner_desktop.prioritization.entry import correct_vote, record_vote
from planner_desktop.prioritization.live import LiveRounds
from planner_desktop.prioritization.records import get_round, load_inputs, parse_groups
from planner_desktop.prioritization.results import AGREED, recompute
from planner_desktop.prioritization.run import RoundOutcome, run_round
from planner_desktop.prioritization.scores import record_ratings
from planner_desktop.store.database import Store
from planner_desktop.ui.prioritization.entry_log import Entry, read_entries

M = PrioritizationMethod
TALLIED = (M.dots, M.budget_greedy)
"""Methods whose input is a demand code and a number of dots, as a tally or by ballot."""
RANKED = (M.borda, M.consensus)
"""Methods whose typed number is a place (1 first), not a count."""


@dataclass(frozen=True)
class EntryMode:
    """How a round's entries are typed on the panel.

    ``typed``: they are typed here at all; ``ranked``: the number is a place;
    ``ballots``: True when only ballot by ballot, False when never, None when either;
    ``note``: what the facilitator needs to know (why nothing can be typed).
    """

    typed: bool
    ranked: bool
    ballots: bool | None
    note: str


def entry_mode(method: PrioritizationMethod) -> EntryMode:
    if method in TALLIED:
        return EntryMode(True, False, None, "")
    if method is M.approval:
        return EntryMode(True, False, True, _(
            "Approval is entered ballot by ballot: type each demand the ballot approves"))
    if method is M.borda:
        return EntryMode(True, True, True, _(
            "Borda is entered ballot by ballot: type each demand with its place, e.g. K 1"))
    if method is M.consensus:
        return EntryMode(True, True, False, _(
            "Type the order each group agreed: each demand with its place, e.g. K 1"))
    if method is M.pairwise:
        return EntryMode(False, False, False, _(
            "A pairwise comparison is not a tally: type each pair of the wall chart as the "
            "preferred demand > the other (e.g. A>C) with the reason the group gave"))
    return EntryMode(False, False, False, _(
        "Weighted criteria are rated, not tallied: choose the group, type the demand code "
        "and one rating per criterion in their order (e.g. A 4 2 5), then Enter; rating a "
        "demand again corrects it"))


@dataclass(frozen=True)
class RoundChoice:
    id: uuid.UUID
    title: str
    closed: bool
    method: PrioritizationMethod


@dataclass(frozen=True)
class Bar:
    """One bar of the projection; ``parts`` splits an agreed bar by group; ``rank`` is
    shared by equal scores and ``tied`` marks it (shown ``=2``)."""

    code: str
    label: str
    value: float
    rank: int
    tied: bool = False
    klass: str = ""
    parts: tuple[tuple[str, float], ...] = ()
    at_limit: bool = False
    """Equal scores that a class limit falls among: the room decides (shown marked)."""


@dataclass(frozen=True)
class RoundState:
    round_id: uuid.UUID
    title: str
    closed: bool
    method: PrioritizationMethod
    groups: tuple[str, ...]
    dots: int
    labels: Mapping[str, str]
    entries: tuple[Entry, ...]
    outcome: RoundOutcome
    last_vote: uuid.UUID | None = None
    last_ballot: uuid.UUID | None = None
    flags: tuple[str, ...] = field(default=())
    figures: Figures | None = None
    sectors: Mapping[str, str] = field(default_factory=dict)
    """Demand code → sector code, for the pictogram of each bar."""

    def bars(self, view: str) -> tuple[Bar, ...]:
        """The bars of one group, or of the agreed list (``view == AGREED``)."""
        outcome = self.outcome
        if view == AGREED:
            pooled = outcome.agreed is not None and outcome.agreed.how == POOLED
            scores = {g: r.score_of() for g, r in outcome.rankings.items()}
            return tuple(
                Bar(item.code, self.labels.get(item.code, ""), item.score, item.shared_rank,
                    item.tied, klass=str(item.klass),
                    parts=tuple((g, scores[g].get(item.code, 0.0)) for g in self.groups
                                if g in scores) if pooled else (),
                    at_limit=item.boundary_tie)
                for item in outcome.classes)
        ranking = outcome.rankings.get(view)
        if ranking is None:
            return ()
        return tuple(Bar(item.code, self.labels.get(item.code, ""), item.score,
                         item.shared_rank, item.tied) for item in ranking.items)

    def total(self, view: str) -> float:
        return sum(bar.value for bar in self.bars(view))


def list_rounds(store: Store, community_id: uuid.UUID | None,
                district_id: uuid.UUID | None) -> list[RoundChoice]:
    """The rounds of the scope, open ones first (the panel says how each is entered)."""
    query = select(PrioritizationRound.id, PrioritizationRound.title,
                   PrioritizationRound.closed, PrioritizationRound.method).where(
        live(PrioritizationRound))
    if community_id is not None:
        query = query.where(PrioritizationRound.community_id == community_id)
    elif district_id is not None:
        query = query.where(PrioritizationRound.district_id == district_id)
    query = query.order_by(PrioritizationRound.closed, PrioritizationRound.title)
    with store.session() as session:
        return [RoundChoice(*row) for row in session.execute(query)]


def _state(session: Session, round_id: uuid.UUID, outcome: RoundOutcome | None,
           last_vote: uuid.UUID | None = None,
           last_ballot: uuid.UUID | None = None,
           tracker: LiveRounds | None = None) -> RoundState:
    round_ = get_round(session, round_id)
    if outcome is None:
        outcome = run_round(load_inputs(session, round_id))
    rows = session.execute(
        select(RoundItem.code, Demand.description, Sector.code)
        .join(Demand, RoundItem.demand_id == Demand.id)
        .join(Sector, Demand.sector_id == Sector.id)
        .where(RoundItem.round_id == round_id, live(RoundItem))).all()
    labels = {code: text for code, text, _sector in rows}
    return RoundState(round_id, round_.title, round_.closed, round_.method,
                      parse_groups(round_.groups),
                      round_.dots_per_participant, labels, read_entries(session, round_id, tracker),
                      outcome, last_vote, last_ballot, outcome.inputs.flags,
                      load_figures(session, round_id),
                      {code: sector for code, _text, sector in rows})


def _recompute(session: Session, round_id: uuid.UUID, tracker: LiveRounds | None) -> RoundOutcome:
    """With ``tracker``, the outcome is only computed (:func:`store_results` stores it right
    after, in the same worker); without, it is stored at once."""
    if tracker is None:
        return recompute(session, round_id)
    return tracker[round_id].update(session)


def store_results(store: Store, round_id: uuid.UUID, tracker: LiveRounds) -> bool:
    """Store the results the projection already shows; False when nothing was waiting."""
    with store.session() as session:
        return tracker[round_id].flush(session)


def load_state(store: Store, round_id: uuid.UUID, tracker: LiveRounds | None = None) -> RoundState:
    """The round as it stands, its results computed but not written."""
    with store.session() as session:
        outcome = None if tracker is None else tracker[round_id].run(
            tracker[round_id].refresh(session))
        return _state(session, round_id, outcome, tracker=tracker)


def enter(store: Store, round_id: uuid.UUID, code: str, group: str, count: int,
          ballot: uuid.UUID | None = None, tracker: LiveRounds | None = None) -> RoundState:
    """Record one tally entry (or one mark of a paper ``ballot``) and recompute the results,
    in one transaction. For a ranked method ``count`` is the place typed. With ``tracker``
    (kept by the panel between entries) only what changed since the last entry is read and
    ranked again, and the results are stored by :func:`store_results`; without, at once."""
    with store.session() as session:
        ranked = get_round(session, round_id).method in RANKED
        vote = record_vote(session, round_id, code, group, 1 if ranked else count,
                           ballot_id=ballot, rank=count if ranked else None)
        outcome = _recompute(session, round_id, tracker)
        return _state(session, round_id, outcome, vote.id, ballot, tracker)


def retract(store: Store, round_id: uuid.UUID, vote_id: uuid.UUID,
            tracker: LiveRounds | None = None) -> RoundState:
    """Cancel an entry with a correction (count 0) kept in the log; recompute."""
    with store.session() as session:
        correct_vote(session, vote_id, 0)
        outcome = _recompute(session, round_id, tracker)
        return _state(session, round_id, outcome, tracker=tracker)


def choose(store: Store, round_id: uuid.UUID, group: str, winner: str, loser: str,
           reason: str, tracker: LiveRounds | None = None) -> RoundState:
    """Record one cell of the pairwise chart (``winner`` preferred to ``loser`` by
    ``group``, for ``reason``) and recompute, in one transaction."""
    with store.session() as session:
        record_choice(session, round_id, group, winner, loser, winner, reason)
        outcome = _recompute(session, round_id, tracker)
        return _state(session, round_id, outcome, tracker=tracker)


def rate(store: Store, round_id: uuid.UUID, group: str, code: str, values: list[float],
         tracker: LiveRounds | None = None) -> RoundState:
    """Record ``group``'s ratings of demand ``code`` on every criterion of a weighted
    round, and recompute, in one transaction."""
    with store.session() as session:
        record_ratings(session, round_id, group, code, values)
        outcome = _recompute(session, round_id, tracker)
        return _state(session, round_id, outcome, tracker=tracker)


def decide_class(store: Store, round_id: uuid.UUID, code: str, klass: PriorityClass | None,
                 reason: str, tracker: LiveRounds | None = None) -> RoundState:
    """Set (or clear, with None) the class of demand ``code`` by hand; recompute."""
    with store.session() as session:
        set_class(session, round_id, code, klass, reason)
        outcome = _recompute(session, round_id, tracker)
        return _state(session, round_id, outcome, tracker=tracker)


def decide_order(store: Store, round_id: uuid.UUID, codes: list[str] | None, note: str,
                 tracker: LiveRounds | None = None) -> RoundState:
    """Set the agreed order by hand (None: back to the computed order); recompute."""
    with store.session() as session:
        set_agreed_order(session, round_id, codes, note)
        outcome = _recompute(session, round_id, tracker)
        return _state(session, round_id, outcome, tracker=tracker)


def close(store: Store, round_id: uuid.UUID, issued: int, counted: int, present: int,
          note: str) -> RoundState:
    """Reconcile the tally and close the round; a mismatch needs ``note`` (for the acta)."""
    with store.session() as session:
        close_round(session, round_id, issued, counted, present, note)
        return _state(session, round_id, None)
