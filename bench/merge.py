"""Benchmark of session-file consolidation (issue 4). Prints figures; not a test.

From a scale-10 demo database: export one session file per community, merge them all into
an empty database (in a subprocess that only merges, so its peak RSS is the merge's), then
merge them all again. The floor is the time plain ``sqlite3`` ``executemany`` takes to insert
the same rows into the same schema with the same pragmas, measured in the same run both
with one transaction per file (as the merge commits) and with one transaction overall.
The merge also writes what that floor does not: one ``record_origin`` row per record it
carried (about as many rows again, appended in the order of its key, batch first), the
ancestry edges and the import log; a third figure, for information only, adds the
``record_origin`` rows to the per-file floor. With ``--rounds N`` the merge and the floor
alternate N times, each round into a fresh copy of the empty database, and every ratio is
printed. Times are wall-clock (the machine's disk counts); CPU times are printed beside.

    python bench/merge.py [--scale 10] [--rounds 1] [--work DIR] [--keep] [--reuse-files]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def _peak_rss_mb() -> float:
    """This process's own peak RSS in MB, as :func:`_rss_mb` (``ru_maxrss`` would count the
    parent's at the fork)."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def merge_worker(db: str, files_dir: str) -> None:
    """Runs in its own process: merge every file twice, print JSON figures."""
    from planner_desktop.domain.provenance import Provenance
    from planner_desktop.exchange.merge import merge_files, total
    from planner_desktop.exchange.trust import TrustPolicy
    from planner_desktop.store.database import open_store

    files = sorted(Path(files_dir).glob("*.cumbre"))
    store = open_store(db, Provenance(uuid.uuid4()))
    rss: list[float] = []
    trust = TrustPolicy(trust_new=True)

    def progress(done: int, _total: int, _path: Path) -> None:
        if done % 100 == 0:
            rss.append(round(_rss_mb(), 1))

    figures = {}
    for label in ("first", "second"):
        start, cpu = time.perf_counter(), time.process_time()
        reports = merge_files(store, files, trust=trust, progress=progress)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        counts = total(reports).as_dict()
        figures[label] = {
            "seconds": elapsed,
            "cpu_seconds": cpu,
            "files": len(files),
            "bad": [r.line() for r in reports if not r.ok][:3],
            "counts": counts,
            "records": sum(counts.values()),
        }
    store.close()
    figures["rss_mb_every_100_files"] = rss
    figures["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(figures))


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA journal_mode=WAL")
    return conn


def floor(merged: Path, empty: Path, work: Path) -> dict[str, float]:
    """Plain executemany of the rows the first merge added, into the same empty schema."""
    from planner_desktop.exchange.records import dependency_order

    source = sqlite3.connect(merged)
    per_batch: dict[int, list[tuple[str, str, list[tuple]]]] = {}
    for table in dependency_order():
        columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
        names = ", ".join(f'"{c}"' for c in columns)
        sql = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        selected = ", ".join(f't."{c}"' for c in columns)
        rows = source.execute(
            f'SELECT o.batch_id, {selected} FROM "{table}" t JOIN record_origin o '
            "ON o.record_id = t.id AND o.change = 'added' ORDER BY o.batch_id, t.rowid"
        )
        for batch_id, *values in rows:
            group = per_batch.setdefault(batch_id, [])
            if not group or group[-1][0] != table:
                group.append((table, sql, []))
            group[-1][2].append(tuple(values))
    origins: dict[int, list[tuple]] = {}
    for batch_id, *values in source.execute(
        "SELECT batch_id, record_id, version_id, batch_id, device_id, change FROM record_origin "
        "ORDER BY batch_id, rowid"
    ):
        origins.setdefault(batch_id, []).append(tuple(values))
    source.close()
    origin_sql = (
        "INSERT INTO record_origin (record_id, version_id, batch_id, device_id, change) "
        "VALUES (?, ?, ?, ?, ?)"
    )
    results = {}
    variants = (("per_file", True, False), ("single", False, False), ("ledger", True, True))
    for label, per_file, ledger in variants:
        target = work / f"floor-{label}.sqlite"
        shutil.copyfile(empty, target)
        conn = _connect(target)
        start, cpu = time.perf_counter(), time.process_time()
        if not per_file:
            conn.execute("BEGIN")
        for batch_id in sorted(per_batch):
            if per_file:
                conn.execute("BEGIN")
            for _table, sql, rows in per_batch[batch_id]:
                conn.executemany(sql, rows)
            if ledger:
                conn.executemany(origin_sql, origins.get(batch_id, []))
            if per_file:
                conn.execute("COMMIT")
        if not per_file:
            conn.execute("COMMIT")
        results[label] = time.perf_counter() - start
        results[f"{label}_cpu"] = time.process_time() - cpu
        conn.close()
    results["rows"] = sum(len(r) for g in per_batch.values() for _t, _s, r in g)
    results["origins"] = sum(len(rows) for rows in origins.values())
    return results


def _round(work: Path, files_dir: Path, empty: Path, env: dict[str, str]) -> float:
    """Merge every file twice into a fresh copy of the empty database, then measure the
    floor; print the figures and return the ratio of the first merge to the floor."""
    merged = work / "merged.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{merged}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(empty, merged)
    worker = subprocess.run(
        [sys.executable, __file__, "--worker", str(merged), str(files_dir)],
        check=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    figures = json.loads(worker.stdout.strip().splitlines()[-1])
    for label in ("first", "second"):
        f = figures[label]
        rate = f["records"] / f["seconds"]
        print(
            f"{label} merge: {f['files']} files in {f['seconds']:.1f} s "
            f"({f['cpu_seconds']:.1f} s of CPU) = "
            f"{f['files'] / f['seconds']:.1f} files/s, {rate:,.0f} records/s; "
            f"{' '.join(f'{k}={v}' for k, v in f['counts'].items())}"
            + (f"; refused: {f['bad']}" if f["bad"] else "")
        )
    print(
        f"peak RSS of the merging process: {figures['peak_rss_mb']:.0f} MB "
        f"(RSS every 100 files: {figures['rss_mb_every_100_files']})"
    )
    base = floor(merged, empty, work)
    first = figures["first"]["seconds"]
    print(
        f"floor, plain sqlite3 executemany of the {base['rows']:,} added rows: "
        f"{base['per_file']:.2f} s ({base['per_file_cpu']:.2f} s of CPU) with one transaction "
        f"per file, {base['single']:.2f} s ({base['single_cpu']:.2f} s of CPU) in one transaction"
    )
    print(
        f"ratio first merge / floor: {first / base['per_file']:.2f}x (per-file commits), "
        f"{first / base['single']:.2f}x (single transaction); goal <= 3x"
    )
    print(
        f"for information, the floor with the merge's own record_origin rows too "
        f"({base['origins']:,} rows, one transaction per file): {base['ledger']:.2f} s "
        f"({base['ledger_cpu']:.2f} s of CPU); ratio {first / base['ledger']:.2f}x"
    )
    second = figures["second"]
    unchanged = second["counts"]["added"] == second["counts"]["updated"] == 0
    print(
        f"second merge changes nothing: {unchanged and second['counts']['conflicts'] == 0}; "
        f"faster than the first: {second['seconds'] < first}"
    )
    return first / base["per_file"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--reuse-files", action="store_true", help="keep files already exported")
    parser.add_argument("--rounds", type=int, default=1, help="alternate merge and floor N times")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        merge_worker(*args.worker)
        return

    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from sqlalchemy import select

    from planner_desktop.domain.models import Community
    from planner_desktop.domain.provenance import Provenance
    from planner_desktop.exchange.export import export_session
    from planner_desktop.exchange.manifest import Scope
    from planner_desktop.store.database import open_store

    work = args.work or Path(tempfile.mkdtemp(prefix="merge-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PLANNER_DESKTOP_HOME=str(work / "home"))
    source_db = work / f"demo-{args.scale}.sqlite"
    if not source_db.exists():
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "planner_desktop",
                "demo",
                "--db",
                str(source_db),
                "--scale",
                str(args.scale),
            ],
            check=True,
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        print(f"demo scale {args.scale}: {time.perf_counter() - start:.1f} s")

    files_dir = work / "files"
    if not (args.reuse_files and files_dir.exists()):
        shutil.rmtree(files_dir, ignore_errors=True)
        files_dir.mkdir()
        source = open_store(source_db, Provenance(uuid.uuid4()))
        key = Ed25519PrivateKey.generate()
        with source.engine.connect() as conn:
            communities = list(conn.scalars(select(Community.id).order_by(Community.id)))
        start = time.perf_counter()
        for community in communities:
            export_session(
                source,
                files_dir / f"{community}.cumbre",
                scope=Scope(kind="community", community_id=community),
                key=key,
            )
        export_seconds = time.perf_counter() - start
        source.close()
        size = sum(p.stat().st_size for p in files_dir.iterdir())
        print(
            f"export: {len(communities)} files, {size / 1e6:.1f} MB, {export_seconds:.1f} s "
            f"({len(communities) / export_seconds:.1f} files/s)"
        )

    empty = work / "empty.sqlite"
    empty.unlink(missing_ok=True)
    open_store(empty, Provenance(uuid.uuid4())).close()
    ratios: list[float] = []
    for round_number in range(1, args.rounds + 1):
        if args.rounds > 1:
            print(f"round {round_number} of {args.rounds}")
        ratios.append(_round(work, files_dir, empty, env))
    if len(ratios) > 1:
        print(
            f"ratio first merge / floor (per-file commits) over {len(ratios)} alternating "
            f"rounds: {', '.join(f'{r:.2f}' for r in ratios)} "
            f"(min {min(ratios):.2f}, max {max(ratios):.2f}); goal <= 3x"
        )
    if not args.keep and args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
