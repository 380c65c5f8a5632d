"""Reconciling a round's tally and closing it (no Qt).

The figures of the room (ballots issued, ballots counted, participants present) are
checked against each other and against the votes recorded; a mismatch is allowed only
with a note, which goes into the acta with the figures.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import Vote
from planner_desktop.i18n import _
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import get_round
from planner_desktop.prioritization.tally import TallyCheck, reconcile

DOTTED = (M.dots, M.budget_greedy)


@dataclass(frozen=True)
class Figures:
    """A round's reconciliation figures as stored, and what its recorded votes show.

    ``ballots_found`` is None when no vote was entered ballot by ballot (a tally sheet),
    ``dots_cast`` and ``dots_per_ballot`` are None for methods without dots.
    """

    issued: int
    counted: int
    present: int
    note: str
    ballots_found: int | None
    dots_cast: int | None
    dots_per_ballot: int | None

    def check(self, issued: int, counted: int, present: int) -> TallyCheck:
        return reconcile(issued, counted, present, self.ballots_found, self.dots_cast,
                         self.dots_per_ballot)


def load_figures(session: Session, round_id: uuid.UUID) -> Figures:
    round_ = get_round(session, round_id)
    retracted = select(Vote.retracts_id).where(
        Vote.round_id == round_id, Vote.retracts_id.is_not(None))
    ballots, dots = session.execute(
        select(func.count(func.distinct(Vote.ballot_id)), func.coalesce(func.sum(Vote.count), 0))
        .where(Vote.round_id == round_id, Vote.count > 0, Vote.id.not_in(retracted))).one()
    dotted = round_.method in DOTTED
    return Figures(
        round_.ballots_issued, round_.ballots_counted, round_.participants_present,
        round_.reconciliation_note, ballots or None, int(dots) if dotted else None,
        round_.dots_per_participant if dotted else None)


def close_round(session: Session, round_id: uuid.UUID, issued: int, counted: int,
                present: int, note: str) -> TallyCheck:
    """Store the figures and the note and close the round to further entries.

    Refused, with nothing written: a round already closed, negative figures, and a
    mismatch without a note.
    """
    round_ = get_round(session, round_id)
    if round_.closed:
        raise PrioritizationError(_("the round is already closed"))
    check = load_figures(session, round_id).check(issued, counted, present)
    check.require_note(note)
    round_.ballots_issued, round_.ballots_counted = issued, counted
    round_.participants_present = present
    round_.reconciliation_note = note.strip()
    round_.closed = True
    session.flush()
    return check
