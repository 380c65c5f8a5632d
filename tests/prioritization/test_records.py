"""The database layer of prioritisation on a demo database (issue 5)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.enums import PrioritizationMethod
from planner_desktop.domain.prioritization import (
    Criterion,
    PairwiseChoice,
    PrioritizationRound,
    RoundItem,
    RoundResult,
    Score,
    Vote,
)
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.prioritization.entry import correct_vote, record_vote
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import load_inputs, parse_groups
from planner_desktop.prioritization.results import recompute
from tests.prioritization.conftest import FACILITATOR


def _round(store, open_it: bool = True) -> uuid.UUID:
    """The dots round with the most votes, opened again for entry."""
    with store.session() as session:
        round_id = session.scalar(
            select(Vote.round_id).group_by(Vote.round_id)
            .order_by(func.count().desc(), Vote.round_id).limit(1))
        if open_it:
            session.get(PrioritizationRound, round_id).closed = False
    return round_id


def _results(session, round_id, group):
    rows = session.execute(
        select(RoundItem.code, RoundResult.rank, RoundResult.score, RoundResult.version_id)
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .where(RoundResult.round_id == round_id, RoundResult.group == group,
               RoundResult.deleted_at.is_(None))).all()
    return {row.code: row for row in rows}


def test_recompute_reproduces_the_demo_tally_and_is_stable(store):
    round_id = _round(store, open_it=False)
    with store.session() as session:
        before = {g: _results(session, round_id, g) for g in ("women", "men", "agreed")}
        outcome = recompute(session, round_id)
    assert outcome.inputs.method is PrioritizationMethod.dots
    assert outcome.refused == {}
    with store.session() as session:
        for group in ("women", "men", "agreed"):
            after = _results(session, round_id, group)
            assert {c: r.score for c, r in after.items()} == \
                   {c: r.score for c, r in before[group].items()}
        assert recompute(session, round_id).agreed is not None
    with store.session() as session:
        again = _results(session, round_id, "agreed")
        recompute(session, round_id)
    with store.session() as session:
        assert _results(session, round_id, "agreed") == again  # nothing rewritten


def test_a_new_vote_updates_results_in_place(store):
    round_id = _round(store)
    with store.session() as session:
        inputs = load_inputs(session, round_id)
        code = inputs.items[-1]
        before = _results(session, round_id, "women")[code]
        vote = record_vote(session, round_id, code.lower(), "women", count=2)
        recompute(session, round_id)
    assert vote.facilitator == FACILITATOR and vote.created_at is not None
    with store.session() as session:
        after = _results(session, round_id, "women")[code]
        total = session.scalar(select(func.count()).select_from(RoundResult)
                               .where(RoundResult.round_id == round_id))
        live = session.scalar(select(func.count()).select_from(RoundResult)
                              .where(RoundResult.round_id == round_id,
                                     RoundResult.deleted_at.is_(None)))
    assert after.score == before.score + 2
    assert after.version_id != before.version_id
    assert total == live  # updated, not duplicated


def test_a_correction_is_logged_and_replaces_the_vote(store):
    round_id = _round(store)
    with store.session() as session:
        code = load_inputs(session, round_id).items[0]
        before = _results(session, round_id, "men")[code].score
        vote = record_vote(session, round_id, code, "men", count=3)
        recompute(session, round_id)
        assert _results(session, round_id, "men")[code].score == before + 3
        fix = correct_vote(session, vote.id, count=1)
        recompute(session, round_id)
        assert _results(session, round_id, "men")[code].score == before + 1
        assert fix.retracts_id == vote.id and fix.facilitator == FACILITATOR
        with pytest.raises(PrioritizationError, match="already corrected"):
            correct_vote(session, vote.id, count=0)


def test_ballot_limits_are_checked_at_entry(store):
    round_id = _round(store)
    ballot = uuid.uuid4()
    with store.session() as session:
        codes = load_inputs(session, round_id).items
        record_vote(session, round_id, codes[0], "youth", count=2, ballot_id=ballot)
        with pytest.raises(PrioritizationError, match=r"4 dots, but only 3 are allowed"):
            record_vote(session, round_id, codes[1], "youth", count=2, ballot_id=ballot)
        session.get(PrioritizationRound, round_id).allow_stacking = False
        with pytest.raises(PrioritizationError, match=f"dots on {codes[0]}, but stacking"):
            record_vote(session, round_id, codes[0], "youth", ballot_id=ballot)


@pytest.mark.parametrize(
    ("code", "group", "reason"),
    [("ZZ", "women", "ZZ is not an item of this round"),
     ("A", "mixed", "group mixed does not vote in this round")],
)
def test_entry_refusals(store, code, group, reason):
    round_id = _round(store)
    with store.session() as session, pytest.raises(PrioritizationError, match=reason):
        record_vote(session, round_id, code, group)


def test_a_closed_round_refuses_votes(store):
    round_id = _round(store, open_it=False)
    with store.session() as session, pytest.raises(PrioritizationError, match="closed"):
        record_vote(session, round_id, "A", "women")


def test_a_removed_demand_is_refused_and_its_votes_flagged(store):
    round_id = _round(store)
    with store.session() as session:
        item = session.scalars(select(RoundItem).where(RoundItem.round_id == round_id)
                               .order_by(RoundItem.position)).first()
        mark_deleted(item)
    with store.session() as session:
        with pytest.raises(PrioritizationError, match=f"demand {item.code} was removed"):
            record_vote(session, round_id, item.code, "women")
        outcome = recompute(session, round_id)
        assert any(f"removed demand {item.code} are not counted" in flag
                   for flag in outcome.inputs.flags)
        assert item.code not in outcome.agreed.codes()
        stale = session.scalar(select(func.count()).select_from(RoundResult).where(
            RoundResult.item_id == item.id, RoundResult.deleted_at.is_(None)))
    assert stale == 0


def test_groups_are_parsed_and_checked():
    assert parse_groups("women, men,women,youth") == ("women", "men", "youth")
    with pytest.raises(PrioritizationError, match="unknown group children"):
        parse_groups("women,children")
    with pytest.raises(PrioritizationError, match="no voting groups"):
        parse_groups(" , ")


def _new_round(session, method, codes=("A", "B", "C")):
    """A round of ``method`` over three demands of the demo, for the women only."""
    source = session.get(PrioritizationRound, session.scalar(select(PrioritizationRound.id)))
    demands = session.scalars(select(RoundItem.demand_id).where(
        RoundItem.round_id == source.id).order_by(RoundItem.position).limit(len(codes))).all()
    round_ = PrioritizationRound(municipality_id=source.municipality_id, level=source.level,
                                 method=method, title="Prueba", groups="women")
    session.add(round_)
    session.flush()
    items = [RoundItem(round_id=round_.id, demand_id=demand, code=code, position=n)
             for n, (code, demand) in enumerate(zip(codes, demands, strict=True))]
    session.add_all(items)
    session.flush()
    return round_, {item.code: item for item in items}


def test_criteria_round_with_a_corrected_rating(store):
    with store.session() as session:
        round_, items = _new_round(session, PrioritizationMethod.criteria)
        urgency = Criterion(round_id=round_.id, name="urgencia", weight=60)
        cost = Criterion(round_id=round_.id, name="costo", weight=40)
        session.add_all([urgency, cost])
        session.flush()
        scores = {}
        for code, (u, c) in {"A": (5, 1), "B": (3, 5), "C": (1, 1)}.items():
            for criterion, value in ((urgency, u), (cost, c)):
                scores[(code, criterion.name)] = Score(
                    round_id=round_.id, item_id=items[code].id, criterion_id=criterion.id,
                    group="women", value=value)
        session.add_all(scores.values())
        session.flush()
        outcome = recompute(session, round_.id)
        assert outcome.rankings["women"].score_of() == {"A": 60.0, "B": 70.0, "C": 0.0}
        old = scores[("B", "urgencia")]
        session.add(Score(round_id=round_.id, item_id=old.item_id, criterion_id=urgency.id,
                          group="women", value=1, retracts_id=old.id))
        session.flush()
        assert recompute(session, round_.id).agreed.codes() == ["A", "B", "C"]
        session.add(Score(round_id=round_.id, item_id=old.item_id, criterion_id=urgency.id,
                          group="women", value=9))
        session.flush()
        outcome = recompute(session, round_.id)
    assert outcome.refused == {"women": "rating of B on urgencia: 9 is outside the scale 1–5"}
    with store.session() as session:
        live = session.scalar(select(func.count()).select_from(RoundResult).where(
            RoundResult.round_id == round_.id, RoundResult.deleted_at.is_(None)))
    assert live == 0  # no result stands on refused input


def test_pairwise_round_from_the_database(store):
    with store.session() as session:
        round_, items = _new_round(session, PrioritizationMethod.pairwise)
        for a, b, winner in (("A", "B", "B"), ("A", "C", "A"), ("B", "C", "B")):
            session.add(PairwiseChoice(round_id=round_.id, group="women",
                                       item_a_id=items[a].id, item_b_id=items[b].id,
                                       winner_id=items[winner].id, reason="más urgente"))
        session.flush()
        outcome = recompute(session, round_.id)
    assert outcome.agreed.codes() == ["B", "A", "C"]
    assert outcome.rankings["women"].inputs["choices"][0].reason == "más urgente"
    assert outcome.rankings["women"].flags == ()
