"""Decisions by hand are stored with the round and recomputed from the database (issue 5)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import PriorityClass as P
from planner_desktop.domain.prioritization import (
    PrioritizationRound,
    RoundDecision,
    RoundItem,
    RoundResult,
    Vote,
)
from planner_desktop.domain.provenance import mark_deleted
from planner_desktop.prioritization.decisions import set_agreed_order, set_class
from planner_desktop.prioritization.errors import PrioritizationError
from planner_desktop.prioritization.records import load_inputs
from planner_desktop.prioritization.results import recompute
from tests.prioritization.test_live import _round, store  # noqa: F401 - fixture


def _voted(store):  # noqa: F811
    with store.session() as session:
        round_id, items, _criteria = _round(session, M.dots)
        for n, count in enumerate((5, 3, 2, 1)):
            session.add(Vote(round_id=round_id, group="women", item_id=items[n], count=count))
        recompute(session, round_id)
    return round_id, items


def _agreed(session, round_id):
    rows = session.execute(
        select(RoundItem.code, RoundResult.priority_class, RoundResult.class_reason)
        .join(RoundItem, RoundResult.item_id == RoundItem.id)
        .where(RoundResult.round_id == round_id, RoundResult.group == "agreed",
               RoundResult.deleted_at.is_(None))
        .order_by(RoundResult.rank))
    return [(code, klass, reason) for code, klass, reason in rows]


def test_a_class_set_by_hand_is_stored_and_recomputed_with_its_reason(store):  # noqa: F811
    round_id, _items = _voted(store)
    with store.session() as session:
        set_class(session, round_id, "d", P.a_plus, "  emergencia sanitaria ")
        recompute(session, round_id)
        agreed = _agreed(session, round_id)
    assert agreed[-1] == ("D", P.a_plus, "set by hand: emergencia sanitaria")
    with store.session() as session:  # read back from the database alone
        assert load_inputs(session, round_id).decisions.overrides["D"].klass is P.a_plus
        set_class(session, round_id, "D", None, "")
        recompute(session, round_id)
        assert not _agreed(session, round_id)[-1][2].startswith("set by hand")


def test_a_class_without_reason_or_on_another_demand_is_refused_and_nothing_written(
    store,  # noqa: F811
):
    round_id, _items = _voted(store)
    for code, reason, why in (("A", "  ", "reason"), ("Z", "porque sí", "Z is not")):
        with pytest.raises(PrioritizationError, match=why), store.session() as session:
            set_class(session, round_id, code, P.c, reason)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(RoundDecision)
                              .where(RoundDecision.round_id == round_id)) == 0


def test_an_agreed_order_by_hand_is_stored_and_lapses_when_the_items_change(store):  # noqa: F811
    round_id, items = _voted(store)
    with store.session() as session:
        with pytest.raises(PrioritizationError, match="note"):
            set_agreed_order(session, round_id, ["D", "C", "B", "A"], " ")
        with pytest.raises(PrioritizationError, match="exactly once"):
            set_agreed_order(session, round_id, ["D", "C", "B"], "consenso")
        set_agreed_order(session, round_id, ["d", "c", "b", "a"], "por consenso tras debate")
        recompute(session, round_id)
        assert [code for code, _k, _r in _agreed(session, round_id)] == ["D", "C", "B", "A"]
        assert session.get(PrioritizationRound, round_id).agreed_note == \
            "por consenso tras debate"
    with store.session() as session:  # a demand removed: the others keep the room's order
        mark_deleted(session.get(RoundItem, items[3]))
        session.flush()
        recompute(session, round_id)
        assert [code for code, _k, _r in _agreed(session, round_id)] == ["C", "B", "A"]
    with store.session() as session:  # a demand added: the computed order applies again
        used = select(RoundItem.demand_id).where(RoundItem.round_id == round_id)
        demand_id = session.scalar(select(Demand.id).where(Demand.id.not_in(used)).limit(1))
        session.add(RoundItem(round_id=round_id, demand_id=demand_id, code="E", position=9))
        session.flush()
        recompute(session, round_id)
        assert [code for code, _k, _r in _agreed(session, round_id)][:3] == ["A", "B", "C"]


def test_decisions_on_a_closed_round_are_refused(store):  # noqa: F811
    round_id, _items = _voted(store)
    with store.session() as session:
        session.get(PrioritizationRound, round_id).closed = True
    with pytest.raises(PrioritizationError, match="closed"), store.session() as session:
        set_class(session, round_id, "A", P.b, "cambio")
