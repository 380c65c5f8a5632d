"""Generating a large demo municipality, against plain ``sqlite3`` inserts of as many rows.

For each scale (default 10) runs ``python -m planner_desktop demo --db TMP --scale N`` in a
child process and measures the wall time of the whole process (start-up, migration,
generation, commit) and the child's peak resident memory (``os.wait4`` rusage, no psutil).
Then counts the rows written, and as a baseline inserts the same number of demand + vote +
attendance rows with plain ``sqlite3`` ``executemany`` into a minimal table (text primary
key, a reference and a value), in one transaction, with the same journal settings.

    python bench/demo_scale.py [--scale 10] [--scale 1 ...]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE_TABLES = ("demand", "vote", "attendance")
BATCH = 5000


def run_demo(db: Path, scale: int, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and the last output line of one demo child.

    The child is reaped with ``os.wait4`` so that its own rusage is read, not the maximum
    over every child so far.
    """
    command = [sys.executable, "-m", "planner_desktop", "demo", "--db", str(db)]
    command += ["--scale", str(scale)]
    out_path, err_path = db.with_suffix(".out"), db.with_suffix(".err")
    with out_path.open("w") as out, err_path.open("w") as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
    child.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit(f"demo --scale {scale} failed ({code}): {err_path.read_text().strip()}")
    rss_kb = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    lines = out_path.read_text(encoding="utf-8").strip().splitlines()
    return wall, rss_kb / 1024, lines[-1] if lines else ""


def count_rows(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {
            name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
        }
    finally:
        conn.close()


def baseline(db: Path, rows: int) -> float:
    """Seconds to insert ``rows`` minimal rows with ``executemany`` in one transaction."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE item (id TEXT PRIMARY KEY, parent TEXT, value INTEGER)")
        started = time.perf_counter()
        parent = uuid.uuid4().hex
        conn.execute("BEGIN")
        for first in range(0, rows, BATCH):
            batch = [
                (uuid.uuid4().hex, parent, number)
                for number in range(first, min(rows, first + BATCH))
            ]
            conn.executemany("INSERT INTO item (id, parent, value) VALUES (?, ?, ?)", batch)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def measure(scale: int, folder: Path, env: dict[str, str]) -> None:
    db = folder / f"demo-{scale}.sqlite"
    wall, rss_mb, summary = run_demo(db, scale, env)
    counts = count_rows(db)
    total = sum(counts.values())
    compared = sum(counts.get(name, 0) for name in BASELINE_TABLES)
    plain = baseline(folder / f"baseline-{scale}.sqlite", compared)
    print(f"scale {scale}")
    print(f"  demo command        {wall:8.2f} s wall, peak RSS {rss_mb:6.0f} MB")
    print(
        f"  rows written        {total:8d} in {len(counts)} tables; "
        f"communities={counts.get('community', 0)} demands={counts.get('demand', 0)} "
        f"votes={counts.get('vote', 0)} attendance={counts.get('attendance', 0)}"
    )
    print(f"  demo per row        {wall / total * 1e6:8.1f} µs (all tables, process included)")
    print(f"  baseline            {plain:8.2f} s for {compared} minimal rows (sqlite3)")
    print(f"  ratio demo/baseline {wall / plain:8.1f} ×  (same row count: demand+vote+attendance)")
    if summary:
        print(f"  output: {summary[:100]}…")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, action="append", help="scale (repeatable)")
    args = parser.parse_args()
    scales = args.scale or [10]
    with tempfile.TemporaryDirectory(prefix="planner-bench-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        env["PLANNER_DESKTOP_HOME"] = str(folder / "home")
        env.pop("PLANNER_DESKTOP_DB", None)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        for scale in scales:
            measure(scale, folder, env)


if __name__ == "__main__":
    main()
