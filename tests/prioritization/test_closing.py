"""Reconciling a round's tally and closing it, with the note for the acta (issue 5)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.prioritization import PrioritizationRound, Vote
from planner_desktop.prioritization.closing import close_round, load_figures
from planner_desktop.prioritization.entry import correct_vote, record_vote
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import load_inputs


def _open_round(session) -> uuid.UUID:
    round_id = session.scalar(select(Vote.round_id).group_by(Vote.round_id)
                              .order_by(func.count().desc(), Vote.round_id).limit(1))
    session.get(PrioritizationRound, round_id).closed = False
    return round_id


def test_figures_count_the_live_ballots_and_dots(store):
    with store.session() as session:
        round_id = _open_round(session)
        before = load_figures(session, round_id)
        code = load_inputs(session, round_id).items[0]
        ballot = uuid.uuid4()
        vote = record_vote(session, round_id, code, "women", count=2, ballot_id=ballot)
        after = load_figures(session, round_id)
        assert (after.ballots_found, after.dots_cast) == \
               (before.ballots_found + 1, before.dots_cast + 2)
        correct_vote(session, vote.id, 0)
        assert load_figures(session, round_id).dots_cast == before.dots_cast


def test_a_mismatch_needs_a_note_which_is_stored_for_the_acta(store):
    with store.session() as session:
        round_id = _open_round(session)
        figures = load_figures(session, round_id)
        found = figures.ballots_found
        with pytest.raises(PrioritizationError, match="write a note for the acta"):
            close_round(session, round_id, found + 2, found, found + 5, "  ")
        assert not session.get(PrioritizationRound, round_id).closed
        check = close_round(session, round_id, found + 2, found, found + 5,
                            "dos boletas se anularon ")
        assert check.mismatch
    with store.session() as session:
        stored = session.get(PrioritizationRound, round_id)
        assert (stored.closed, stored.ballots_issued, stored.ballots_counted,
                stored.participants_present, stored.reconciliation_note) == \
               (True, found + 2, found, found + 5, "dos boletas se anularon")
        with pytest.raises(PrioritizationError, match="already closed"):
            close_round(session, round_id, found, found, found, "")


def test_a_tally_that_agrees_closes_without_a_note(store):
    with store.session() as session:
        round_id = _open_round(session)
        found = load_figures(session, round_id).ballots_found
        assert not close_round(session, round_id, found, found, found, "").mismatch
        assert session.get(PrioritizationRound, round_id).closed
