"""Results kept up to date one entry at a time equal a full recompute (issue 5)."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from planner_desktop.demo import generate
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import RoundLevel
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
from planner_desktop.domain.territory import Municipality
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.live import LiveRound
from planner_desktop.prioritization.pairwise import PairChoice, PairTally, pairwise
from planner_desktop.prioritization.records import load_inputs
from planner_desktop.prioritization.results import _wanted
from planner_desktop.prioritization.run import run_round
from tests.helpers import new_store

CODES = ("A", "B", "C", "D")


class Undo(Exception):
    """Raised to roll a transaction back after the live round has read it."""

GROUPS = ("women", "men")
MODELS = {M.pairwise: PairwiseChoice, M.criteria: Score}
FIELDS = ("rank", "score", "priority_class", "class_reason", "dissent", "shared_rank", "tied")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    opened = new_store(tmp_path_factory.mktemp("live") / "live.sqlite")
    with opened.raw_session() as session:
        generate(session, seed=3, scale=1)
    yield opened
    opened.close()


def _round(session, method: M) -> tuple[uuid.UUID, list[uuid.UUID], list[uuid.UUID]]:
    demands = session.scalars(select(Demand.id).order_by(Demand.code).limit(len(CODES))).all()
    round_ = PrioritizationRound(
        municipality_id=session.scalar(select(Municipality.id)), level=RoundLevel.municipality,
        method=method, title="Prueba en vivo", groups=",".join(GROUPS),
        dots_per_participant=3, max_choices=2)
    session.add(round_)
    session.flush()
    items = [RoundItem(round_id=round_.id, demand_id=demand, code=code, position=n)
             for n, (code, demand) in enumerate(zip(CODES, demands, strict=True))]
    criteria = [Criterion(round_id=round_.id, name="urgencia", weight=60),
                Criterion(round_id=round_.id, name="costo", weight=40)]
    session.add_all(items + criteria)
    session.flush()
    return round_.id, [item.id for item in items], [c.id for c in criteria]


def _stored(session, round_id):
    """The live result rows of the round, as :func:`results._wanted` gives them."""
    rows = session.execute(
        select(RoundResult.group, RoundItem.code, RoundResult.rank, RoundResult.score,
               RoundResult.priority_class, RoundResult.class_reason, RoundResult.dissent,
               RoundResult.shared_rank, RoundResult.tied)
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .where(RoundResult.round_id == round_id, RoundResult.deleted_at.is_(None)))
    return {(group, code): dict(zip(FIELDS, values, strict=True))
            for group, code, *values in rows}


def _outcome(run, inputs):
    try:
        return run(inputs)
    except PrioritizationError as refusal:  # e.g. every demand removed
        return str(refusal)


def _same(a, b) -> None:
    """Everything a person sees of an outcome (the order entries are held in aside)."""
    if isinstance(a, str) or isinstance(b, str):
        assert a == b
        return
    assert a.refused == b.refused
    assert {g: (r.items, r.flags) for g, r in a.rankings.items()} == \
           {g: (r.items, r.flags) for g, r in b.rankings.items()}
    assert a.agreed == b.agreed or (a.agreed.items, a.agreed.note, a.agreed.dissent) == \
           (b.agreed.items, b.agreed.note, b.agreed.dissent)
    assert a.classes == b.classes
    assert a.selection == b.selection
    assert a.inputs.flags == b.inputs.flags


entries = st.lists(st.tuples(
    st.sampled_from(("add", "add", "add", "fix", "remove", "rollback")),
    st.integers(0, 1), st.integers(0, 3), st.integers(0, 3), st.integers(0, 5),
    st.integers(0, 2)), min_size=1, max_size=15)


def _entry(method: M, round_id, items, criteria, group, a, b, value, ballot):
    if method is M.pairwise:
        winner = (items[a], items[b], items[(a + 1) % len(items)])[ballot]
        return PairwiseChoice(round_id=round_id, group=group, item_a_id=items[a],
                              item_b_id=items[b], winner_id=winner, reason="más urgente")
    if method is M.criteria:
        return Score(round_id=round_id, group=group, item_id=items[a],
                     criterion_id=criteria[b % 2], value=float(value))
    return Vote(round_id=round_id, group=group, item_id=items[a], count=1 + value % 2,
                ballot_id=uuid.UUID(int=ballot + 1) if ballot else None,
                rank=1 + b if method in (M.borda, M.consensus) else None)


def _correction(method: M, old):
    fields = {c.key: getattr(old, c.key) for c in type(old).__table__.columns
              if c.key not in ("id", "device_id", "facilitator", "created_at", "retracts_id")}
    if method is M.pairwise:
        fields["winner_id"] = old.item_b_id
    elif method is M.criteria:
        fields["value"] = 6 - old.value
    else:
        fields["count"] = 0 if old.count > 1 else 2
    return type(old)(**fields, retracts_id=old.id)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(list(M)), entries)
def test_entry_by_entry_equals_a_full_recompute(store, method, steps):
    with store.session() as session:
        round_id, items, criteria = _round(session, method)
    live, written = LiveRound(round_id), []
    for kind, group, a, b, value, ballot in steps:
        try:
            with store.session() as session:
                if kind == "remove":
                    mark_deleted(session.get(RoundItem, items[a]))
                elif kind == "fix" and written:
                    old = session.get(MODELS.get(method, Vote), written[value % len(written)])
                    session.add(_correction(method, old))
                else:
                    row = _entry(method, round_id, items, criteria, GROUPS[group], a, b,
                                 value, ballot)
                    session.add(row)
                    session.flush()
                    if kind != "rollback":
                        written.append(row.id)
                session.flush()
                full = _outcome(run_round, load_inputs(session, round_id))
                _same(_outcome(live.recompute, session), full)
                if not isinstance(full, str):
                    assert _stored(session, round_id) == _wanted(full)
                if kind == "rollback":
                    raise Undo
        except Undo:
            pass
    with store.session() as session:
        _same(_outcome(live.run, live.refresh(session)),
              _outcome(run_round, load_inputs(session, round_id)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4), st.booleans(),
                          st.booleans()), max_size=40))
def test_pair_tally_delta_equals_pairwise_from_scratch(moves):
    items = ("A", "B", "C", "D", "E")
    tally, live = PairTally(items), []
    for a, b, first, take_back in moves:
        if a == b:
            continue
        if take_back and live:
            tally.remove(live.pop(a % len(live)))
        else:
            choice = PairChoice(items[a], items[b], items[a] if first else items[b])
            tally.add(choice)
            live.append(choice)
        assert tally.ranking(live) == pairwise(items, live)


def test_the_live_round_reads_only_new_entries(store):
    with store.session() as session:
        round_id, items, _criteria = _round(session, M.dots)
    live = LiveRound(round_id)
    for n in range(3):
        with store.session() as session:
            session.add(Vote(round_id=round_id, group="women", item_id=items[n], count=1))
            session.flush()
            outcome = live.recompute(session)
    assert live.starts == 1
    assert outcome.rankings["women"].score_of() == {"A": 1.0, "B": 1.0, "C": 1.0, "D": 0.0}
    with store.session() as session:  # a removed demand reads the round again
        mark_deleted(session.get(RoundItem, items[0]))
        session.flush()
        outcome = live.recompute(session)
    assert live.starts == 2
    assert outcome.inputs.flags == ("1 entries for the removed demand A are not counted",)


def test_the_projection_is_computed_first_and_the_results_stored_right_after(store):
    with store.session() as session:
        round_id, items, _criteria = _round(session, M.dots)
    live = LiveRound(round_id)
    with store.session() as session:
        assert live.flush(session), "a new round stores its first results"
        before = _stored(session, round_id)
    with store.session() as session:
        session.add(Vote(round_id=round_id, group="women", item_id=items[1], count=2))
        session.flush()
        shown = live.update(session)
        assert _stored(session, round_id) == before, "the update alone stores nothing"
    assert shown.rankings["women"].score_of()["B"] == 2.0
    with store.session() as session:
        assert live.flush(session)
        assert _stored(session, round_id) == _wanted(run_round(load_inputs(session, round_id)))
        assert not live.flush(session), "nothing waits a second time"


def test_an_entry_rolled_back_after_the_projection_never_reaches_the_stored_results(store):
    with store.session() as session:
        round_id, items, _criteria = _round(session, M.dots)
    live = LiveRound(round_id)
    with pytest.raises(Undo), store.session() as session:
        session.add(Vote(round_id=round_id, group="men", item_id=items[2], count=3))
        session.flush()
        assert live.update(session).rankings["men"].score_of()["C"] == 3.0
        raise Undo
    with store.session() as session:
        live.flush(session)
        stored = _stored(session, round_id)
        assert stored == _wanted(run_round(load_inputs(session, round_id)))
    assert not session_votes(store, round_id)
    assert all(row["score"] != 3.0 for (group, code), row in stored.items() if code == "C")


def session_votes(store, round_id) -> list[uuid.UUID]:
    with store.session() as session:
        return list(session.scalars(select(Vote.id).where(Vote.round_id == round_id)))
