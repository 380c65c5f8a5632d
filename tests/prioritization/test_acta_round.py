"""The acta prints a round's ties, the classes the room decided and every reopening
(issue 12, points 4 and 6)."""

from __future__ import annotations

from sqlalchemy import select

from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.enums import PriorityClass, RoundLevel
from planner_desktop.domain.events import EventCommunity
from planner_desktop.prioritization.closing import close_round
from planner_desktop.prioritization.decisions import set_class
from planner_desktop.prioritization.entry import record_vote
from planner_desktop.prioritization.opening import RoundSpec, open_round, reopen_round
from planner_desktop.prioritization.results import recompute
from tests.reports.conftest import print_report


def test_the_acta_shows_shared_ranks_decisions_and_reopenings(store, tmp_path):
    with store.session() as session:
        event_id, community_id = session.execute(
            select(EventCommunity.event_id, EventCommunity.community_id)
            .join(Demand, Demand.community_id == EventCommunity.community_id)
            .where(EventCommunity.deleted_at.is_(None)).limit(1)).one()
        demands = list(session.scalars(select(Demand.id).where(
            Demand.community_id == community_id, Demand.deleted_at.is_(None)).limit(3)))
        round_id = open_round(session, RoundSpec(
            "Ronda del empate", RoundLevel.community, community_id, M.dots, demands,
            ["women"], event_id=event_id))
        record_vote(session, round_id, "A", "women", 2)
        record_vote(session, round_id, "B", "women", 2)
        set_class(session, round_id, "B", PriorityClass.a, "sorteo en plenaria")
        recompute(session, round_id)
        close_round(session, round_id, 2, 2, 2, "")
        reopen_round(session, round_id, "faltó una boleta")
        close_round(session, round_id, 2, 2, 2, "")
    printed = print_report(store, "acta", tmp_path, event=str(event_id))
    assert printed.has("Ronda del empate")
    assert printed.has("=1 A (2)") and printed.has("=1 B (2)")
    assert printed.has("B class A: sorteo en plenaria")
    assert printed.has("faltó una boleta")
