"""Re-prioritisation (issue 6): dropped or postponed demands sent back into a new round,
with who, when and why kept, and undone."""

from datetime import date

import pytest
from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import DemandStatus, PrioritizationMethod
from planner_desktop.domain.prioritization import PrioritizationRound, RoundItem
from planner_desktop.plan import reprioritize
from planner_desktop.plan.derive import PlanRefused


def test_candidates_are_dropped_or_postponed(store):
    with store.session() as session:
        ids = reprioritize.candidates(session)
        statuses = {session.get(Demand, i).status for i in ids}
        dropped = session.scalars(select(Demand.id).where(
            Demand.status == DemandStatus.dropped, Demand.deleted_at.is_(None))).all()
    assert set(dropped) <= set(ids)
    assert len(ids) > len(dropped), "demands of the postponed profile too"
    assert DemandStatus.dropped in statuses


def test_send_back_makes_an_open_round_and_undo_puts_it_back(store):
    with store.session() as session:
        chosen = reprioritize.candidates(session)[:3]
        before = {i: session.get(Demand, i).status for i in chosen}
        sent = reprioritize.send_back(session, chosen, reason="  nuevo presupuesto  ",
                                      on=date(2028, 2, 1))
    with store.session() as session:
        round_ = session.get(PrioritizationRound, sent.round_id)
        assert not round_.closed and round_.method is PrioritizationMethod.dots
        # the date as the language writes it
        assert "nuevo presupuesto" in round_.title and "2/1/2028" in round_.title
        assert "nuevo presupuesto" in round_.reconciliation_note
        assert round_.facilitator is not None and round_.created_at is not None
        items = session.scalars(select(RoundItem).where(RoundItem.round_id == round_.id)
                                .order_by(RoundItem.position)).all()
        assert [i.demand_id for i in items] == chosen
        assert [i.code for i in items] == ["A", "B", "C"]
        assert {session.get(Demand, i).status for i in chosen} == {DemandStatus.demand}
        assert not set(chosen) & set(reprioritize.candidates(session)), "not offered twice"
        reprioritize.undo_send_back(session, sent)
    with store.session() as session:
        assert session.get(PrioritizationRound, sent.round_id).deleted_at is not None
        assert {i: session.get(Demand, i).status for i in chosen} == before
        again = reprioritize.send_back(session, chosen, reason="otra vez", on=date(2028, 2, 2),
                                       round_id=sent.round_id)
        assert again.round_id == sent.round_id
        assert session.get(PrioritizationRound, sent.round_id).deleted_at is None


def test_refusals_write_nothing(store):
    with store.session() as session:
        candidate = reprioritize.candidates(session)[0]
        prioritized = session.scalar(select(Demand.id).where(
            Demand.status == DemandStatus.prioritized))
        rounds = len(session.scalars(select(PrioritizationRound.id)).all())
        assert reprioritize.refusal(session, [], "x").startswith("choose")
        assert reprioritize.refusal(session, [candidate], "   ").startswith("say why")
        assert "neither dropped nor postponed" in reprioritize.refusal(
            session, [prioritized], "x")
        with pytest.raises(PlanRefused):
            reprioritize.send_back(session, [prioritized], reason="x", on=date(2028, 1, 1))
        assert len(session.scalars(select(PrioritizationRound.id)).all()) == rounds
