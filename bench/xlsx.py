"""The demand-matrix spreadsheet of a large database, against a bare openpyxl loop.

Writes the consolidated demand matrix (``xlsx export demands``) of a scale-10 demo
municipality (55,000+ demands), then a bare openpyxl write-only loop that appends the same
number of rows and columns of similar values (unique texts, whole numbers, amounts) and
saves. The two alternate ``--runs`` times (so a busy moment slows both); seconds are the
median. Peak memory is the peak of Python allocations (tracemalloc) during one more run of
each, and the growth of the peak resident size of a fresh process during one run (which
also counts SQLite's own memory). Goal: the ratios at most 2.

The fresh process has opened the database, configured the mappers and loaded the message
catalogue before it measures: each happens once per process, before any export (the window
and the command line show translated text long before). Loading the catalogue inside the
measured run used to count for about 3 MiB of the 3.4-5.3 MiB "growth" (more when the
``.po`` is newer than the ``.mo`` and is compiled in memory).

Reading 55,000 demands would fill the connection's SQLite page cache to its default
2,000 KiB whatever the export streams (rows are read in batches of 100 and appended to a
write-only sheet; Python's own peak is the bare loop's), so the export bounds that cache
for its length (``planner_desktop.store.dialect.bounded_page_cache``).

    python bench/xlsx.py [--db SCALE10.sqlite] [--scale 10] [--runs 3]

Without ``--db``, a demo database of ``--scale`` is made in a temporary folder first.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GOAL = 2.0


def make_demo(scale: int, folder: Path) -> Path:
    from planner_desktop.context import open_database
    from planner_desktop.demo import generate

    path = folder / f"demo-scale{scale}.sqlite"
    store = open_database(path)
    try:
        with store.raw_session() as session:
            generate(session, seed=1, scale=scale)
    finally:
        store.close()
    return path


def bare_loop(path: Path, rows: int, columns: int) -> None:
    """What openpyxl costs by itself: a write-only sheet of plain values, then save."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Demandas")
    sheet.append([f"Columna {n}" for n in range(columns)])
    texts = columns - 4
    for n in range(rows):
        line: list[Any] = [f"Texto {n % 997} de la fila {n}" for _ in range(texts)]
        line.extend((n % 500, n % 300, Decimal(n % 100000) * 10, "A"))
        sheet.append(line)
    workbook.save(path)


def measure(steps: dict[str, Callable[[], Any]], runs: int) -> dict[str, tuple[float, ...]]:
    """Median seconds of each step over ``runs`` (the steps alternate, so a busy moment of
    the machine slows both), then the peak MiB of Python allocations in one more run."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(runs):
        for name, step in steps.items():
            start = time.perf_counter()
            step()
            times[name].append(time.perf_counter() - start)
    figures: dict[str, tuple[float, ...]] = {}
    for name, step in steps.items():
        tracemalloc.start()
        step()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures[name] = (statistics.median(times[name]), peak / 2**20)
    return figures


def _resident_kib(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def child(which: str, db: Path, out: Path, rows: int, columns: int) -> None:
    """Run one export in this fresh process; print how much its peak resident size grew."""
    if which == "export":
        from sqlalchemy.orm import configure_mappers

        from planner_desktop.context import open_database
        from planner_desktop.exchange.xlsx.export import export
        from planner_desktop.i18n import _

        store = open_database(db, must_exist=True)
        configure_mappers()  # once per process, not part of any one export
        _("Demands")  # the message catalogue too: loaded once per process, on the first message
        before = _resident_kib("VmRSS")
        export(store, "demands", out)
        store.close()
    else:
        import openpyxl  # noqa: F401 - loaded before measuring, as the export loads its modules

        before = _resident_kib("VmRSS")
        bare_loop(out, rows, columns)
    print(_resident_kib("VmHWM") - before)


def resident_growth(which: str, db: Path, out: Path, rows: int, columns: int) -> float:
    """MiB the peak resident size of a fresh process grows by during one run."""
    if not Path("/proc/self/status").exists():
        return float("nan")
    result = subprocess.run(
        [sys.executable, __file__, "--child", which, "--db", str(db), "--out", str(out),
         "--rows", str(rows), "--columns", str(columns)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(result.stdout.split()[-1]) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=("export", "bare"), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--columns", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.db, args.out, args.rows, args.columns)
        return 0

    from planner_desktop.context import open_database
    from planner_desktop.exchange.xlsx.export import export
    from planner_desktop.exchange.xlsx.export_demands import demand_columns

    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            print(f"making a scale-{args.scale} demo database…", flush=True)
            db = make_demo(args.scale, Path(folder))
        store = open_database(db, must_exist=True)
        out = Path(folder) / "demands.xlsx"
        bare = Path(folder) / "bare.xlsx"
        try:
            rows = export(store, "demands", out)
            columns = len(demand_columns())
            print(f"{rows} demand rows × {columns} columns from {db.name}")
            figures = measure(
                {
                    "export": lambda: export(store, "demands", out),
                    "bare": lambda: bare_loop(bare, rows, columns),
                },
                args.runs,
            )
            ours, base = figures["export"], figures["bare"]
        finally:
            store.close()
        ours += (resident_growth("export", db, out, rows, columns),)
        base += (resident_growth("bare", db, bare, rows, columns),)
        print(f"{'':28} {'export':>9} {'bare loop':>10} {'ratio':>6}")
        ok = True
        figures = (
            ("seconds", 0),
            ("peak Python memory (MiB)", 1),
            ("peak resident growth (MiB)", 2),
        )
        for name, index in figures:
            ratio = ours[index] / base[index]
            ok = ok and ratio <= GOAL
            verdict = "ok" if ratio <= GOAL else "MISSED"
            print(
                f"{name:28} {ours[index]:9.2f} {base[index]:10.2f} {ratio:6.2f}  "
                f"goal ≤ {GOAL:.0f}×: {verdict}"
            )
        sizes = out.stat().st_size // 1024, bare.stat().st_size // 1024
        print(f"file sizes: export {sizes[0]} KiB, bare loop {sizes[1]} KiB")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
