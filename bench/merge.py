"""Benchmark of session-file consolidation (issues 4 and 17). Prints figures; not a test.

From a scale-10 demo database: export one session file per community, merge them all into
an empty database (in a subprocess that only merges, so its peak RSS is the merge's), then
merge them all again (a re-merge: it must change nothing). Two floors are measured in the
same run, each with WAL, ``synchronous=FULL`` and one transaction per file, as the merge
commits:

* the **bare floor** (issue 17's baseline): plain ``sqlite3`` ``executemany`` of the same
  rows into tables that have only a UUID text primary key (the canonical 36 characters),
  no other index, constraint or type;
* the **project floor**: the same ``executemany`` into the real schema (its indexes and
  foreign keys), also timed in one transaction overall.

The merge also writes what those floors do not: its provenance (a few packed
``origin_pack`` rows per file), the ancestry edges and the import log. With ``--rounds N``
the merge and the floors alternate N times, each round into a fresh copy of the empty
database, and the medians are printed. Times are wall-clock (the machine's disk counts);
CPU times are printed beside.

    python bench/merge.py [--scale 10] [--rounds 1] [--work DIR] [--keep] [--reuse-files]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

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

    figures: dict[str, Any] = {}
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


def _added_rows(merged: Path) -> dict[int, list[tuple[str, list[str], list[tuple]]]]:
    """Batch → (table, columns, rows) of the rows that batch added, in merge order."""
    from planner_desktop.exchange.records import dependency_order
    from planner_desktop.store.ledger import PAIR

    source = sqlite3.connect(merged)
    added: dict[str, int] = {}
    packs = source.execute(
        "SELECT batch_id, pairs FROM origin_pack WHERE change = 'added' ORDER BY batch_id, part"
    )
    for batch_id, pairs in packs:
        for start in range(0, len(pairs), PAIR):
            added[pairs[start : start + 16].hex()] = batch_id
    per_batch: dict[int, list[tuple[str, list[str], list[tuple]]]] = {}
    for table in dependency_order():
        columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
        key = columns.index("id")
        selected = ", ".join(f'"{c}"' for c in columns)
        for values in source.execute(f'SELECT {selected} FROM "{table}" ORDER BY rowid'):
            batch_id = added.get(values[key])
            if batch_id is None:
                continue
            group = per_batch.setdefault(batch_id, [])
            if not group or group[-1][0] != table:
                group.append((table, columns, []))
            group[-1][2].append(values)
    source.close()
    return dict(sorted(per_batch.items()))


def _bare_schema(conn: sqlite3.Connection, merged: Path) -> None:
    from planner_desktop.exchange.records import dependency_order

    source = sqlite3.connect(merged)
    for table in dependency_order():
        columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
        listed = ", ".join("id TEXT PRIMARY KEY" if c == "id" else f'"{c}"' for c in columns)
        conn.execute(f'CREATE TABLE "{table}" ({listed})')
    source.close()


def floor(merged: Path, empty: Path, work: Path) -> dict[str, float]:
    """Plain executemany of the rows the first merge added: bare, and into the real schema."""
    per_batch = _added_rows(merged)
    bare_batches = [
        [
            (
                table,
                [
                    tuple(_uuid_text(v, c) for v, c in zip(row, columns, strict=True))
                    for row in rows
                ],
            )
            for table, columns, rows in group
        ]
        for group in per_batch.values()
    ]
    results: dict[str, float] = {}
    for label in ("bare", "per_file", "single"):
        target = work / f"floor-{label}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        if label != "bare":
            shutil.copyfile(empty, target)
        conn = _connect(target)
        if label == "bare":
            _bare_schema(conn, merged)
            batches = bare_batches
        else:
            batches = [[(t, rows) for t, _c, rows in group] for group in per_batch.values()]
        inserts = {
            table: _insert_sql(table, columns)
            for group in per_batch.values()
            for table, columns, _rows in group
        }
        start, cpu = time.perf_counter(), time.process_time()
        if label == "single":
            conn.execute("BEGIN")
        for group in batches:
            if label != "single":
                conn.execute("BEGIN")
            for table, rows in group:
                conn.executemany(inserts[table], rows)
            if label != "single":
                conn.execute("COMMIT")
        if label == "single":
            conn.execute("COMMIT")
        results[label] = time.perf_counter() - start
        results[f"{label}_cpu"] = time.process_time() - cpu
        conn.close()
    results["rows"] = sum(len(rows) for group in per_batch.values() for _t, _c, rows in group)
    return results


def _insert_sql(table: str, columns: list[str]) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'


def _uuid_text(value: object, column: str) -> object:
    """A key as UUID text (the project stores 32 hex digits; the bare floor the 36 of
    the canonical form)."""
    if column == "id" and isinstance(value, str) and len(value) == 32:
        return str(uuid.UUID(hex=value))
    return value


def _round(work: Path, files_dir: Path, empty: Path, env: dict[str, str]) -> dict[str, float]:
    """Merge every file twice into a fresh copy of the empty database, then measure the
    floors; print the figures and return them."""
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
    second = figures["second"]
    print(
        f"bare floor, sqlite3 executemany of the {base['rows']:,} added rows into tables with "
        f"only a UUID text key, one transaction per file: {base['bare']:.2f} s "
        f"({base['bare_cpu']:.2f} s of CPU)"
    )
    print(
        f"project floor, the same into the real schema: {base['per_file']:.2f} s "
        f"({base['per_file_cpu']:.2f} s of CPU) with one transaction per file, "
        f"{base['single']:.2f} s ({base['single_cpu']:.2f} s of CPU) in one transaction"
    )
    ratio = first / base["bare"]
    print(
        f"ratio first merge / bare floor: {ratio:.2f}x (goal <= 3x); / project floor: "
        f"{first / base['per_file']:.2f}x (per-file commits), "
        f"{first / base['single']:.2f}x (single transaction)"
    )
    unchanged = second["counts"]["added"] == second["counts"]["updated"] == 0
    print(
        f"re-merge: {second['seconds']:.2f} s, changes nothing: "
        f"{unchanged and second['counts']['conflicts'] == 0}; "
        f"faster than the first: {second['seconds'] < first}"
    )
    return {
        "ratio": ratio,
        "project_ratio": first / base["per_file"],
        "first": first,
        "bare": base["bare"],
        "project": base["per_file"],
        "second": second["seconds"],
        "peak_rss_mb": figures["peak_rss_mb"],
    }


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
    rounds: list[dict[str, float]] = []
    for round_number in range(1, args.rounds + 1):
        if args.rounds > 1:
            print(f"round {round_number} of {args.rounds}")
        rounds.append(_round(work, files_dir, empty, env))
    if len(rounds) > 1:

        def median(key: str) -> float:
            return statistics.median(r[key] for r in rounds)

        print(
            f"medians of {len(rounds)} alternating rounds: first merge {median('first'):.2f} s, "
            f"bare floor {median('bare'):.2f} s, project floor {median('project'):.2f} s, "
            f"re-merge {median('second'):.2f} s, peak RSS {median('peak_rss_mb'):.0f} MB"
        )
        ratios = ", ".join(f"{r['ratio']:.2f}" for r in rounds)
        print(
            f"ratio first merge / bare floor: median {median('ratio'):.2f}x ({ratios}); "
            f"goal <= 3x; / project floor: median {median('project_ratio'):.2f}x"
        )
    if not args.keep and args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
