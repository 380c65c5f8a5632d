"""Plan checks and five-year totals on a scale-10 demo municipality.

Builds a demo database (``--scale``, default 10) in a temporary folder, or uses ``--db``,
then times, median of ``--runs``, each in a fresh session over the same open store:

* ``count``   one ``SELECT count(*)`` pass over every table the checks read (the baseline);
* ``check``   every plan check (:func:`planner_desktop.plan.checks.run_checks`);
* ``totals``  the five-year totals per year × source and under every element of the plan;

and prints each as a ratio to ``count``, the first (cold) run of ``check``, the slowest
checks, and the wall time of the whole ``planner-desktop check`` command in a child process.
Goal: the whole check under 2 s.

    python bench/check.py [--scale 10] [--db FILE] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from planner_desktop.demo import generate
from planner_desktop.domain.provenance import Provenance
from planner_desktop.plan.checks import CHECKS, run_checks
from planner_desktop.plan.totals import element_totals, five_year_totals
from planner_desktop.store.database import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
GOAL_S = 2.0
TABLES = (
    "plan",
    "plan_level",
    "plan_element",
    "org_unit",
    "demand",
    "round_result",
    "round_item",
    "prioritization_round",
    "profile_demand",
    "project_profile",
    "component",
    "profile_funding",
    "multi_year_programming",
    "indicator",
    "indicator_target",
    "funding_source",
    "source_ceiling",
    "annual_plan",
    "management_objective",
    "operation",
)


def timed(function: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def count_pass(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            t: int(conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() or 0) for t in TABLES
        }


def check_once(store: Store) -> int:
    with store.session() as session:
        return len(run_checks(session).findings)


def totals_once(store: Store) -> None:
    with store.session() as session:
        five_year_totals(session)
        element_totals(session)


def per_check(store: Store, runs: int) -> list[tuple[float, str]]:
    result = []
    with store.session() as session:
        for check in CHECKS:
            median = statistics.median(timed(lambda c=check: c(session), runs))
            result.append((median, check.__name__))
    return sorted(result, reverse=True)


def command_wall(db: Path, home: Path) -> tuple[float, str]:
    env = dict(os.environ, PLANNER_DESKTOP_HOME=str(home))
    env.pop("PLANNER_DESKTOP_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "planner_desktop", "--lang", "en", "check", "--db", str(db)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    lines = done.stdout.strip().splitlines()
    return wall, f"exit {done.returncode}: {lines[-1] if lines else done.stderr.strip()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--db", type=Path, help="an existing planning database to measure")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        folder = Path(tmp)
        db = args.db or folder / "demo.sqlite"
        store = open_store(db, Provenance(uuid.uuid4(), "bench"))
        if args.db is None:
            started = time.perf_counter()
            with store.raw_session() as session:
                generate(session, seed=1, scale=args.scale)
            print(f"demo scale {args.scale} built in {time.perf_counter() - started:.1f} s")
        cold_start = time.perf_counter()
        findings = check_once(store)
        cold = time.perf_counter() - cold_start
        counts = count_pass(store)
        print(
            "rows: "
            + ", ".join(
                f"{t}={counts[t]}"
                for t in (
                    "demand",
                    "round_result",
                    "project_profile",
                    "multi_year_programming",
                    "operation",
                )
            )
        )
        base = statistics.median(timed(lambda: count_pass(store), args.runs))
        check = statistics.median(timed(lambda: check_once(store), args.runs))
        totals = statistics.median(timed(lambda: totals_once(store), args.runs))
        slowest = per_check(store, args.runs)[:3]
        store.close()
        wall, summary = command_wall(db, folder / "home")
    print(f"count(*) pass over {len(TABLES)} tables {base * 1e3:8.1f} ms  (baseline)")
    print(
        f"check ({findings} findings)      {check * 1e3:8.1f} ms  = {check / base:6.1f} × "
        f"baseline; cold first run {cold * 1e3:.1f} ms"
    )
    print(
        f"five-year totals              {totals * 1e3:8.1f} ms  = {totals / base:6.1f} × baseline"
    )
    print("slowest checks: " + ", ".join(f"{name} {t * 1e3:.1f} ms" for t, name in slowest))
    print(f"planner-desktop check command {wall:8.2f} s wall ({summary})")
    verdict = "met" if max(check, cold, wall) < GOAL_S else "MISSED"
    print(f"goal: whole check under {GOAL_S:.0f} s: {verdict}")


if __name__ == "__main__":
    main()
