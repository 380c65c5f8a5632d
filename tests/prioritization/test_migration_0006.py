"""Migration 0006 (shared ranks, reopen log) keeps a round's data both ways (issue 12)."""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, func, select, text

from planner_desktop.domain.prioritization import PrioritizationRound, RoundResult
from planner_desktop.prioritization.results import recompute
from planner_desktop.store import migrate
from tests.helpers import dump_text, new_store


def _rows(engine, sql: str) -> list[tuple]:
    with engine.connect() as conn:
        return sorted(tuple(row) for row in conn.execute(text(sql)))


def test_round_data_survives_downgrade_to_0005_and_upgrade_again(tmp_path):
    """Rounds with their results (no plan: the demo's plan tree cannot go back below
    migration 0007, which refuses rather than lose it)."""
    from tests.exchange.builders import populate

    path = tmp_path / "rounds.sqlite"
    store = new_store(path)
    populate(store, communities=3)
    with store.session() as session:
        for round_ in session.scalars(select(PrioritizationRound)):
            round_.agreed_note = "Acordado por consenso"
            recompute(session, round_.id)
    with store.engine.begin() as conn:  # results as stored before 0006: no shared rank
        conn.execute(text("UPDATE round_result SET shared_rank = NULL"))
    before = dump_text(store)
    store.close()
    engine = create_engine(f"sqlite:///{path}")
    results = "SELECT id, round_id, item_id, grp, rank, score FROM round_result".replace(
        "grp", '"group"')
    rounds = "SELECT id, title, method, closed, agreed_note FROM prioritization_round"
    kept = _rows(engine, results), _rows(engine, rounds)
    assert kept[0] and kept[1]
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "0005_origin_by_batch")
    with engine.connect() as conn:
        columns = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(round_result)")}
    assert "shared_rank" not in columns and "tied" not in columns
    assert (_rows(engine, results), _rows(engine, rounds)) == kept
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    assert (_rows(engine, results), _rows(engine, rounds)) == kept
    engine.dispose()
    store = new_store(path)
    assert dump_text(store) == before
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with store.session() as session:
        round_id = session.scalars(select(PrioritizationRound.id).limit(1)).one()
        assert session.scalar(select(func.count()).where(
            RoundResult.round_id == round_id, RoundResult.shared_rank.is_(None))) > 0
        recompute(session, round_id)
        assert session.scalar(select(func.count()).where(
            RoundResult.round_id == round_id, RoundResult.deleted_at.is_(None),
            RoundResult.shared_rank.is_(None))) == 0
        assert session.get(PrioritizationRound, round_id).reopen_log == ""
    store.close()
