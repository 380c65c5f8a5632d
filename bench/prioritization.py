"""Recomputing a cumbre-sized prioritisation after one more vote, per method.

Builds, in a temporary SQLite database opened with the project's store, a demo
municipality and then one round per method over 200 of its demands with 600
participants in five groups (120 each): dots (3 per person), budget-greedy dots,
approval (up to 5), Borda (partial ballots of 10), consensus (each group orders all
200), weighted criteria (4 criteria, every demand rated by every group) and pairwise
(every one of the 19,900 pairs, per group).

For each round it times, median of ``--runs``, the two alternating:

* ``read``    reading the round's entries (votes, ratings or choices) from the database;
* ``update``  one transaction that records one more entry (the entry a correction
  replaces is chosen before, as a person chooses it in the list), brings the round's live
  state up to date (:class:`LiveRound`, as the tally panel keeps it: only the entries
  written since are read), ranks the groups that changed, agrees and classifies,
  committed: everything the live projection waits for;
* ``store``   the transaction that stores the changed results, which the tally panel
  queues right behind the entry in the same write worker (the projection does not wait
  for it; a Borda ballot rewrites every demand's score in its group and the agreed list).

and prints ``update`` as a ratio to ``read``, with the split load / run, and ``store``.
Then, for the methods typed on the tally panel, ``panel``: the whole job the panel's
projection waits for after an entry (``state.enter``: the entry, the live update and the
round's state with its tally log, read entry by entry), and the ``store`` job behind it.
With ``--full`` it also times ``full``, the same update reading and ranking the whole
round again (``run_round(load_inputs(...))``), for comparison. Goal: ``update`` under
50 ms.

    python bench/prioritization.py [--runs 15] [--full]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from datetime import datetime
from decimal import Decimal
from itertools import combinations
from pathlib import Path

from sqlalchemy import insert, select

from planner_desktop.demo import generate
from planner_desktop.domain.demands import Demand
from planner_desktop.domain.enums import Group, RoundLevel
from planner_desktop.domain.enums import PrioritizationMethod as M
from planner_desktop.domain.prioritization import (
    Criterion,
    PairwiseChoice,
    PrioritizationRound,
    RoundItem,
    Score,
    Vote,
)
from planner_desktop.domain.provenance import Provenance
from planner_desktop.domain.territory import Municipality
from planner_desktop.prioritization.entry import correct_vote, record_vote
from planner_desktop.prioritization.live import LiveRound
from planner_desktop.prioritization.records import load_inputs
from planner_desktop.prioritization.results import write_results
from planner_desktop.prioritization.run import run_round
from planner_desktop.store.database import Store, open_store

DEMANDS = 200
PARTICIPANTS = 600
GROUPS = tuple(group.value for group in Group)
GOAL_MS = 50.0
DEVICE = uuid.UUID(int=7, version=4)
WHEN = datetime(2026, 11, 21, 9, 0)
ENTRIES = {M.pairwise: PairwiseChoice, M.criteria: Score}


def _stamp(rows: list[dict]) -> list[dict]:
    for row in rows:
        row.update(
            id=uuid.uuid4(),
            device_id=DEVICE,
            facilitator="bench",
            created_at=WHEN,
            retracts_id=None,
        )
    return rows


def build_round(store: Store, method: M, rng: random.Random) -> uuid.UUID:
    """One round of ``method`` over 200 demands, its entries inserted in bulk."""
    with store.session() as session:
        municipality = session.scalar(select(Municipality.id))
        demands = session.scalars(select(Demand.id).order_by(Demand.code).limit(DEMANDS)).all()
        round_ = PrioritizationRound(
            municipality_id=municipality,
            level=RoundLevel.municipality,
            method=method,
            title=f"Cumbre {method.value}",
            groups=",".join(GROUPS),
            dots_per_participant=3,
            allow_stacking=True,
            max_choices=5,
            budget_ceiling=Decimal(2_000_000) if method is M.budget_greedy else None,
        )
        session.add(round_)
        session.flush()
        items = [
            RoundItem(round_id=round_.id, demand_id=demand, code=f"D{n:03}", position=n)
            for n, demand in enumerate(demands, start=1)
        ]
        criteria = [
            Criterion(round_id=round_.id, name=name, weight=weight, position=n)
            for n, (name, weight) in enumerate(
                (("beneficiarios", 40), ("urgencia", 30), ("costo", 20), ("plan", 10))
            )
        ]
        session.add_all(items + criteria)
        session.flush()
        ids = [item.id for item in items]
        round_id = round_.id
    per_group = PARTICIPANTS // len(GROUPS)
    rows: list[dict] = []
    for group in GROUPS:
        base = dict(round_id=round_id, group=group)
        if method in (M.dots, M.budget_greedy, M.approval, M.borda):
            for _person in range(per_group):
                ballot = uuid.uuid4()
                size = {M.approval: rng.randint(1, 5), M.borda: 10}.get(method, 3)
                picks = rng.sample(ids, size) if method is not M.dots else rng.choices(ids, k=3)
                for rank, item in enumerate(picks, start=1):
                    rows.append(
                        dict(
                            base,
                            item_id=item,
                            ballot_id=ballot,
                            count=1,
                            rank=rank if method is M.borda else None,
                        )
                    )
        elif method is M.consensus:
            order = rng.sample(ids, len(ids))
            rows += [
                dict(base, item_id=item, ballot_id=None, count=1, rank=rank)
                for rank, item in enumerate(order, start=1)
            ]
        elif method is M.criteria:
            rows += [
                dict(base, item_id=item, criterion_id=criterion.id, value=float(rng.randint(1, 5)))
                for item in ids
                for criterion in criteria
            ]
        else:
            rows += [
                dict(
                    base,
                    item_a_id=a,
                    item_b_id=b,
                    winner_id=rng.choice((a, b)),
                    reason="más familias beneficiadas",
                )
                for a, b in combinations(ids, 2)
            ]
    with store.raw_session() as session:
        session.execute(insert(ENTRIES.get(method, Vote)), _stamp(rows))
    return round_id


def read_entries(store: Store, round_id: uuid.UUID, method: M) -> float:
    model = ENTRIES.get(method, Vote)
    started = time.perf_counter()
    with store.session() as session:
        session.execute(select(*model.__table__.columns).where(model.round_id == round_id)).all()
    return time.perf_counter() - started


def pick(session, round_id: uuid.UUID, method: M) -> list[uuid.UUID]:
    """The entries a person points at to correct (untimed: a click in the list)."""
    if method in ENTRIES:
        model = ENTRIES[method]
        retracted = select(model.retracts_id).where(model.retracts_id.is_not(None))
        return [session.scalars(
            select(model.id)
            .where(model.round_id == round_id, model.id.not_in(retracted))
            .order_by(model.created_at.desc(), model.id)
            .limit(1)
        ).one()]
    if method is M.consensus:  # the room swaps its first two places
        retracted = select(Vote.retracts_id).where(Vote.retracts_id.is_not(None))
        return list(session.scalars(
            select(Vote.id)
            .where(
                Vote.round_id == round_id,
                Vote.group == Group.men,
                Vote.rank.in_((1, 2)),
                Vote.id.not_in(retracted),
            )
            .order_by(Vote.rank)
        ).all())
    return []


def one_more(session, round_id: uuid.UUID, method: M, rng: random.Random,
             picked: list[uuid.UUID]) -> None:
    """One more entry: a tally, a ballot mark, or a corrected rating or choice."""
    if method in ENTRIES:
        old = session.get(ENTRIES[method], picked[0])
        if method is M.criteria:
            session.add(
                Score(
                    round_id=round_id,
                    item_id=old.item_id,
                    group=old.group,
                    criterion_id=old.criterion_id,
                    value=float(rng.randint(1, 5)),
                    retracts_id=old.id,
                )
            )
        else:
            session.add(
                PairwiseChoice(
                    round_id=round_id,
                    group=old.group,
                    item_a_id=old.item_a_id,
                    item_b_id=old.item_b_id,
                    winner_id=old.item_b_id,
                    reason="corrección",
                    retracts_id=old.id,
                )
            )
        return
    if method is M.consensus:
        first, second = picked
        correct_vote(session, first, count=1, rank=2)
        correct_vote(session, second, count=1, rank=1)
        return
    code = f"D{rng.randint(1, DEMANDS):03}"
    if method is M.borda:
        record_vote(session, round_id, code, rng.choice(GROUPS), ballot_id=uuid.uuid4(), rank=1)
    else:
        record_vote(session, round_id, code, rng.choice(GROUPS), ballot_id=uuid.uuid4())


def update(store: Store, live: LiveRound, method: M, rng: random.Random) -> list[float]:
    """Seconds for: the update the projection waits for, its load and run parts, and the
    storing of the results that follows it (a second transaction, as the tally panel
    queues it right behind the entry in the same write worker)."""
    round_id = live.round_id
    with store.session() as session:
        picked = pick(session, round_id, method)
    started = time.perf_counter()
    with store.session() as session:
        one_more(session, round_id, method, rng, picked)
        session.flush()
        loaded = time.perf_counter()
        inputs = live.refresh(session)
        ran = time.perf_counter()
        outcome = live.run(inputs)
    shown = time.perf_counter()
    with store.session() as session:
        stored = live.flush(session)
    done = time.perf_counter()
    assert not outcome.refused, outcome.refused
    assert stored, "the results of the entry were stored"
    return [shown - started, ran - loaded, shown - ran, done - shown]


def full_update(store: Store, round_id: uuid.UUID, method: M, rng: random.Random) -> float:
    """Seconds for the same update reading and ranking the whole round."""
    with store.session() as session:
        picked = pick(session, round_id, method)
    started = time.perf_counter()
    with store.session() as session:
        one_more(session, round_id, method, rng, picked)
        session.flush()
        write_results(session, round_id, run_round(load_inputs(session, round_id)))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--full", action="store_true", help="also time the full recompute")
    args = parser.parse_args()
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "cumbre.sqlite", Provenance(DEVICE, "bench"))
        with store.raw_session() as session:
            generate(session, seed=11, scale=1)
        print(
            f"{DEMANDS} demands, {PARTICIPANTS} participants, groups {', '.join(GROUPS)}; "
            f"median of {args.runs} runs"
        )
        print(
            f"{'method':<14}{'entries':>8}{'read ms':>9}{'update ms':>11}{'ratio':>7}"
            f"{'load':>8}{'run':>8}{'store':>8}{'full ms':>9}  goal"
        )
        for method in M:
            round_id = build_round(store, method, rng)
            live = LiveRound(round_id)  # as the tally panel keeps it between entries
            with store.session() as session:  # first results, then time the updates
                live.recompute(session)
            reads, parts, fulls = [], [], []
            for _ in range(args.runs):
                reads.append(read_entries(store, round_id, method))
                parts.append(update(store, live, method, rng))
                if args.full:
                    fulls.append(full_update(store, round_id, method, rng))
            assert live.starts == 1, "an update read the whole round again"
            read = statistics.median(reads) * 1000
            whole, load, run, store_ms = (
                statistics.median(p[i] for p in parts) * 1000 for i in range(4)
            )
            with store.session() as session:
                model = ENTRIES.get(method, Vote)
                entries = session.query(model).filter(model.round_id == round_id).count()
            verdict = "ok" if whole < GOAL_MS else "over"
            full = f"{statistics.median(fulls) * 1000:>9.1f}" if fulls else f"{'-':>9}"
            print(
                f"{method.value:<14}{entries:>8}{read:>9.1f}{whole:>11.1f}{whole / read:>7.1f}"
                f"{load:>8.1f}{run:>8.1f}{store_ms:>8.1f}{full}  {verdict}"
            )
        panel(store, rng, args.runs)
        store.close()


def panel(store: Store, rng: random.Random, runs: int) -> None:
    """The tally panel's own jobs, for the methods typed there."""
    from planner_desktop.ui.prioritization import state
    from planner_desktop.ui.prioritization.entry_log import Tracker

    print(f"{'panel':<14}{'entry ms':>9}{'store ms':>9}  goal")
    for method in (M.dots, M.budget_greedy, M.approval, M.borda, M.consensus):
        round_id = build_round(store, method, rng)
        tracker = Tracker()
        state.load_state(store, round_id, tracker)
        state.store_results(store, round_id, tracker)
        with store.session() as session:
            codes = list(session.scalars(
                select(RoundItem.code).where(RoundItem.round_id == round_id)))
        entries, stores = [], []
        for _ in range(runs):
            code, group = rng.choice(codes), rng.choice(GROUPS)
            number = rng.randint(1, 10) if method in (M.borda, M.consensus) else 1
            started = time.perf_counter()
            state.enter(store, round_id, code, group, number, None, tracker)
            entered = time.perf_counter()
            state.store_results(store, round_id, tracker)
            entries.append(entered - started)
            stores.append(time.perf_counter() - entered)
        entry = statistics.median(entries) * 1000
        verdict = "ok" if entry < GOAL_MS else "over"
        print(f"{method.value:<14}{entry:>9.1f}{statistics.median(stores) * 1000:>9.1f}  {verdict}")


if __name__ == "__main__":
    main()
