"""Keeping a round's results up to date one entry at a time (no Qt; SQLite row numbers).

Entries are append-only, so after one full reading a :class:`LiveRound` reads only the
entries written since and applies each as a change: a new entry joins its group, a
correction takes out the entry it retracts. Only the groups that changed are ranked
again (pairwise from its tally, whatever the number of cells); the others keep their
ranking. When anything else changed (the round's settings, items, criteria or costs) or
the entries read before are gone (a transaction rolled back), it starts over. The
outcome is the one of ``run_round(load_inputs(...))``, and :meth:`LiveRound.write`
stores only the results of the groups ranked again, and the agreed list. On a database
without row numbers (not SQLite) every update reads the whole round.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from typing import Generic

from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.prioritization.classes import Override, Rule
from planner_desktop.prioritization.criteria import Rating
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.feeds import (
    CHOICES,
    RATINGS,
    VOTES,
    Feed,
    Lookup,
    P,
    Read,
    entry_at,
)
from planner_desktop.prioritization.pairwise import PairChoice, PairTally, pairwise
from planner_desktop.prioritization.ranking import Ranking
from planner_desktop.prioritization.records import (
    RoundFrame,
    flag_removed,
    load_frame,
    load_inputs,
)
from planner_desktop.prioritization.results import write_results
from planner_desktop.prioritization.run import RoundInputs, RoundOutcome, VoteRow, run_round


class _Feed(Generic[P]):
    """The live entries of one table for one round, per group, in the order written."""

    def __init__(self, kind: Feed[P]) -> None:
        self.kind: Feed[P] = kind
        self.row = 0
        self.last: str | None = None
        self.live: dict[str, Read[P]] = {}
        self.retracted: set[str] = set()
        self.groups: dict[str, dict[str, P]] = {}
        self.lost: Counter[str] = Counter()
        self.lists: dict[str, list[P]] = {}

    def intact(self, session: Session) -> bool:
        return self.row == 0 or entry_at(session, self.kind.table, self.row) == self.last

    def rows(self, group: str) -> list[P]:
        rows = self.lists.get(group)
        if rows is None:
            rows = self.lists[group] = list(self.groups.get(group, {}).values())
        return rows

    def by_group(self) -> dict[str, list[P]]:
        return {group: self.rows(group) for group in self.groups}


class LiveRound:
    """One round's entries and rankings held between updates; not thread-safe (use it
    from the one worker that writes the round)."""

    def __init__(self, round_id: uuid.UUID) -> None:
        self.round_id = round_id
        self.frame: RoundFrame | None = None
        self.look: Lookup | None = None
        self.votes = _Feed(VOTES)
        self.ratings = _Feed(RATINGS)
        self.choices = _Feed(CHOICES)
        self.tallies: dict[str, PairTally] = {}
        self.invalid: dict[str, set[str]] = {}
        self.rankings: dict[str, Ranking | PrioritizationError] = {}
        self.changed: set[str] = set()
        self.unwritten: set[str] | None = None
        self.starts = 0

    def _start(self, frame: RoundFrame) -> None:
        self.frame = frame
        self.look = Lookup(frame.items, frame.criteria)
        self.votes, self.ratings, self.choices = _Feed(VOTES), _Feed(RATINGS), _Feed(CHOICES)
        self.tallies = {group: PairTally(tuple(frame.items.ids)) for group in frame.groups
                        if frame.method is M.pairwise}
        self.invalid = {group: set() for group in self.tallies}
        self.rankings.clear()
        self.changed = set(frame.groups)
        self.unwritten = None
        self.starts += 1

    @property
    def feeds(self) -> tuple[_Feed[VoteRow], _Feed[Rating], _Feed[PairChoice]]:
        return self.votes, self.ratings, self.choices

    def _take(self, feed: _Feed[P], read: Read[P], step: int) -> None:
        if read.lost is not None:
            feed.lost[read.lost] += step
            if not feed.lost[read.lost]:
                del feed.lost[read.lost]
            return
        payload = read.payload
        assert payload is not None
        group = feed.groups.setdefault(read.group, {})
        if step > 0:
            group[read.key] = payload
        else:
            del group[read.key]
        feed.lists.pop(read.group, None)
        self.changed.add(read.group)
        tally = self.tallies.get(read.group)
        if tally is None or not isinstance(payload, PairChoice):
            return
        invalid = self.invalid[read.group]
        if read.key in invalid:
            if step < 0:
                invalid.discard(read.key)
            return
        if step < 0:
            tally.remove(payload)
            return
        try:
            tally.check(payload)
        except PrioritizationError:
            invalid.add(read.key)
            return
        tally.add(payload)

    def _read(self, session: Session, feed: _Feed[P], look: Lookup) -> None:
        for read in feed.kind.read(session, self.round_id, feed.row, look):
            self._apply(feed, read)

    def _apply(self, feed: _Feed[P], read: Read[P]) -> None:
        feed.row, feed.last = read.row, read.key
        if read.retracts is not None:
            feed.retracted.add(read.retracts)
            old = feed.live.pop(read.retracts, None)
            if old is not None:
                self._take(feed, old, -1)
        if read.key in feed.retracted or (read.payload is None and read.lost is None):
            return
        feed.live[read.key] = read
        self._take(feed, read, 1)

    def refresh(self, session: Session) -> RoundInputs:
        """Read what was written since the last call; the round's inputs as they stand."""
        frame = load_frame(session, self.round_id)
        if session.get_bind().dialect.name != "sqlite":
            self._start(frame)
            self.tallies.clear()
            return load_inputs(session, self.round_id)
        if frame != self.frame or not all(f.intact(session) for f in self.feeds):
            self._start(frame)
        look = self.look
        assert look is not None
        self._read(session, self.votes, look)
        self._read(session, self.ratings, look)
        self._read(session, self.choices, look)
        flags: list[str] = []
        for feed in self.feeds:
            flag_removed(feed.lost, flags)
        return frame.inputs(self.votes.by_group(), self.ratings.by_group(),
                            self.choices.by_group(), flags)

    def _known(self, inputs: RoundInputs) -> dict[str, Ranking | PrioritizationError]:
        known = {group: done for group, done in self.rankings.items()
                 if group not in self.changed}
        for group, tally in self.tallies.items():
            if group not in self.changed:
                continue
            choices = inputs.choices.get(group, [])
            try:
                known[group] = pairwise(inputs.items, choices, group) if self.invalid[group] \
                    else tally.ranking(choices, group)
            except PrioritizationError as refusal:
                known[group] = refusal
        return known

    def run(self, inputs: RoundInputs, rule: Rule | None = None,
            overrides: Mapping[str, Override] | None = None) -> RoundOutcome:
        """Rank again the groups that changed since the last run, agree and classify."""
        outcome = run_round(inputs, rule, overrides, self._known(inputs))
        self.rankings = {group: outcome.rankings[group] if group in outcome.rankings
                         else PrioritizationError(outcome.refused[group])
                         for group in inputs.groups}
        if self.unwritten is not None:
            self.unwritten |= self.changed
        self.changed.clear()
        return outcome

    def write(self, session: Session, outcome: RoundOutcome) -> None:
        """Store the results of the groups ranked again since the last write (all of
        them after a start), and the agreed list."""
        write_results(session, self.round_id, outcome, self.unwritten)
        self.unwritten = set()

    def update(self, session: Session, rule: Rule | None = None,
               overrides: Mapping[str, Override] | None = None) -> RoundOutcome:
        """Read what is new and rank again, without storing the results: what the live
        projection shows at once. :meth:`flush` stores them right after."""
        return self.run(self.refresh(session), rule, overrides)

    def flush(self, session: Session) -> bool:
        """Store the results not stored since the last update; False when none waited.

        The round is brought up to date first (cheap when nothing is new), so an entry
        whose transaction was rolled back never reaches the stored results.
        """
        outcome = self.update(session)
        if self.unwritten == set():
            return False
        self.write(session, outcome)
        return True

    def recompute(self, session: Session, rule: Rule | None = None,
                  overrides: Mapping[str, Override] | None = None) -> RoundOutcome:
        """Like :func:`results.recompute`: bring the stored results up to date."""
        outcome = self.update(session, rule, overrides)
        self.write(session, outcome)
        return outcome


class LiveRounds:
    """The rounds followed live, by id."""

    def __init__(self) -> None:
        self.rounds: dict[uuid.UUID, LiveRound] = {}

    def __getitem__(self, round_id: uuid.UUID) -> LiveRound:
        found = self.rounds.get(round_id)
        if found is None:
            found = self.rounds[round_id] = LiveRound(round_id)
        return found

    def recompute(self, session: Session, round_id: uuid.UUID, rule: Rule | None = None,
                  overrides: Mapping[str, Override] | None = None) -> RoundOutcome:
        return self[round_id].recompute(session, rule, overrides)
