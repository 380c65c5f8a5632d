"""Benchmark of the PDM draft (issue 7). Prints figures; not a test.

From a scale-10 demo database, print the PDM draft and compare it with a bare reportlab
loop run in the same process: one ``Table`` (header repeated on every page) holding the
same rows with the same cell texts as all the PDM's tables together, as plain strings in
the same embedded font (no database, no wrapping, no letterhead, no page totals).
Seconds are the best of ``--repeat`` runs; peak memory is the peak of Python allocations
(tracemalloc) in a separate run of each, so the tracing does not slow the timed runs.

    python bench/reports.py [--db scale10.sqlite] [--scale 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _pdm(db: Path, split: dict[str, float]) -> Callable[[], int]:
    """The whole ``report pdm``: open the database, query, lay out, write the file.

    ``split`` receives the seconds of the last run spent building the document from the
    database (``data``) and laying it out and writing it (``layout``).
    """
    from planner_desktop.context import open_database
    from planner_desktop.reports import registry
    from planner_desktop.reports.common import ReportOptions

    def run() -> int:
        store = open_database(db, must_exist=True)
        out = Path(tempfile.mkdtemp()) / "pdm.pdf"
        original = registry.render

        def timed_render(*args: object) -> None:
            split["data"] = time.perf_counter() - start
            began = time.perf_counter()
            original(*args)  # type: ignore[arg-type]
            split["layout"] = time.perf_counter() - began

        registry.render = timed_render  # type: ignore[assignment]
        try:
            start = time.perf_counter()
            with store.raw_session() as session:
                registry.write_report("pdm", session, ReportOptions(), out)
        finally:
            registry.render = original  # type: ignore[assignment]
            store.close()
        size = out.stat().st_size
        out.unlink()
        return size

    return run


def _table_rows(db: Path) -> list[list[str]]:
    """The text of every row of the PDM's tables (headers not repeated)."""
    from reportlab.platypus import Paragraph, Table

    from planner_desktop.context import open_database
    from planner_desktop.reports.common import ReportOptions
    from planner_desktop.reports.layout import register_fonts
    from planner_desktop.reports.pdm import build

    register_fonts()
    store = open_database(db, must_exist=True)
    try:
        with store.raw_session() as session:
            document = build(session, ReportOptions())
    finally:
        store.close()
    rows: list[list[str]] = []
    for table in (f for f in document.flowables if isinstance(f, Table)):
        for row in table._cellvalues[table.repeatRows :]:
            rows.append([c.getPlainText() if isinstance(c, Paragraph) else str(c) for c in row])
    return rows


def _bare(rows: list[list[str]]) -> Callable[[], int]:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from planner_desktop.reports.layout import FONT, register_fonts

    register_fonts()

    columns = max(len(row) for row in rows)
    width, _height = landscape(A4)

    def run() -> int:
        data = [[f"Columna {c}" for c in range(columns)]]
        data += [row + [""] * (columns - len(row)) for row in rows]
        table = Table(data, colWidths=[(width - 144) / columns] * columns, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT, 8),
                    ("GRID", (0, 0), (-1, -1), 0.4, (0.45, 0.45, 0.45)),
                ]
            )
        )
        buffer = io.BytesIO()
        SimpleDocTemplate(buffer, pagesize=landscape(A4)).build([table])
        return len(buffer.getvalue())

    return run


def _measure(run: Callable[[], int], repeat: int) -> tuple[float, float, int]:
    """Best seconds, peak MB of Python allocations, and output bytes."""
    size = run()  # warm-up: imports, font registration, caches
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return best, peak / 1e6, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="a demo database (made when missing)")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp()) / f"demo-{args.scale}.sqlite"
    if not db.exists():
        print(f"creating a scale-{args.scale} demo database…", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "planner_desktop",
                "demo",
                "--db",
                str(db),
                "--scale",
                str(args.scale),
            ],
            check=True,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
    rows = _table_rows(db)
    split: dict[str, float] = {}
    pdm_s, pdm_mb, pdm_bytes = _measure(_pdm(db, split), args.repeat)
    bare_s, bare_mb, bare_bytes = _measure(_bare(rows), args.repeat)
    _pdm(db, split)()  # once more without tracing, for the split
    print(f"table rows: {len(rows)} (the same cell texts in the bare loop, unwrapped)")
    print(f"PDM draft:   {pdm_s:7.2f} s  peak {pdm_mb:7.1f} MB  {pdm_bytes / 1e3:8.0f} kB")
    print(f"bare loop:   {bare_s:7.2f} s  peak {bare_mb:7.1f} MB  {bare_bytes / 1e3:8.0f} kB")
    print(
        f"ratio:       {pdm_s / bare_s:7.2f} ×  time   {pdm_mb / bare_mb:5.2f} × memory"
        "   (goal ≤ 2×)"
    )
    print(
        f"one more PDM run: {split['data']:.2f} s reading the database, {split['layout']:.2f} s "
        f"laying out and writing ({split['layout'] / bare_s:.2f} × the bare loop)"
    )


if __name__ == "__main__":
    main()
