"""The panel's tally log read entry by entry equals the log read whole (issue 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import RoundItem, Vote
from planner_desktop.prioritization.entry import correct_vote
from planner_desktop.ui.prioritization.entry_log import EntryLog, Tracker, read_entries
from tests.prioritization.test_live import Undo, _round, store  # noqa: F401 - fixture


def _whole(session, round_id):
    return EntryLog(round_id).entries(session)


def test_the_log_read_entry_by_entry_equals_the_log_read_whole(store):  # noqa: F811
    with store.session() as session:
        round_id, items, _criteria = _round(session, M.dots)
    tracker = Tracker()
    added = []
    for n in range(4):
        with store.session() as session:
            vote = Vote(round_id=round_id, group="women", item_id=items[n % 2], count=n + 1)
            session.add(vote)
            session.flush()
            added.append(vote.id)
            assert read_entries(session, round_id, tracker) == _whole(session, round_id)
    with store.session() as session:
        correct_vote(session, added[1], 0)
        session.flush()
        shown = read_entries(session, round_id, tracker)
        assert shown == _whole(session, round_id)
    assert [entry.retracted for entry in shown if entry.id == added[1]] == [True]
    assert tracker.log(round_id).reads == 0, "nothing was read twice"


def test_a_rolled_back_entry_leaves_the_log(store):  # noqa: F811
    with store.session() as session:
        round_id, items, _criteria = _round(session, M.dots)
        session.add(Vote(round_id=round_id, group="men", item_id=items[0], count=1))
    tracker = Tracker()
    with pytest.raises(Undo), store.session() as session:
        session.add(Vote(round_id=round_id, group="men", item_id=items[1], count=9))
        session.flush()
        assert len(read_entries(session, round_id, tracker)) == 2
        raise Undo
    with store.session() as session:  # the next row takes the rolled-back row's number
        session.add(Vote(round_id=round_id, group="men", item_id=items[2], count=2))
        session.flush()
        shown = read_entries(session, round_id, tracker)
        assert shown == _whole(session, round_id)
        codes = dict(session.execute(select(RoundItem.id, RoundItem.code)).all())
    assert sorted(entry.count for entry in shown) == [1, 2]
    assert codes[items[2]] in {entry.code for entry in shown}
