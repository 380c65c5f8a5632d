"""Benchmark of the PDM draft (issue 7). Prints figures; not a test.

From a scale-10 demo database, print the PDM draft and compare it with a bare reportlab
loop run in the same process: one ``Table`` (header repeated on every page) holding the
same rows with the same cell texts as all the PDM's tables together, as plain strings in
the same embedded font (no database, no wrapping, no letterhead, no page totals).
The PDM run is the whole ``report pdm``: open the database, query, lay out, write the file.

The two runs alternate ``--repeat`` times, so that a busy moment of the machine slows both
rather than only the one measured then; the ratio is given for the best seconds of each and
for the medians (on a shared machine the medians move by ±30 % between runs, the best
seconds much less). Peak memory is the peak of Python allocations (tracemalloc) in a
separate run of each, so the tracing does not slow the timed runs. The last line splits one
more PDM run into reading the database (opening it, the summary queries and building the
flowables) and laying out and writing.

What keeps the PDM near the bare loop: the demand and findings totals are read from
covering indexes (migration 0003) in one GROUP BY each, and the territory in one GROUP BY
instead of two queries per district; the table cells share a few reportlab cell styles
instead of one style command per cell range (applying those commands cost more than
drawing the tables); and cell widths are summed from the font's advance widths at C speed
before deciding whether a cell must wrap. (An index for the agreed priority classes was
tried and left out: SQLite then used it for the demand matrix's per-demand subquery, which
made the spreadsheet export many times slower.)

    python bench/reports.py [--db scale10.sqlite] [--scale 10] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
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


def _measure(runs: dict[str, Callable[[], int]], repeat: int) -> dict[str, tuple[float, ...]]:
    """Best and median seconds, peak MB of Python allocations, and output bytes of each run.

    The runs alternate (one of each, ``repeat`` times), so that a busy moment of the machine
    slows them alike instead of only the one measured then.
    """
    sizes = {name: run() for name, run in runs.items()}  # warm-up: imports, fonts, caches
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    figures: dict[str, tuple[float, ...]] = {}
    for name, run in runs.items():
        tracemalloc.start()
        run()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures[name] = (min(times[name]), statistics.median(times[name]), peak / 1e6, sizes[name])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="a demo database (made when missing)")
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=5)
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
    figures = _measure({"pdm": _pdm(db, split), "bare": _bare(rows)}, args.repeat)
    pdm_s, pdm_median, pdm_mb, _size = figures["pdm"]
    bare_s, bare_median, bare_mb, _size = figures["bare"]
    _pdm(db, split)()  # once more without tracing, for the split
    print(f"table rows: {len(rows)} (the same cell texts in the bare loop, unwrapped)")
    print(f"{'':12} {'best s':>7} {'median s':>9} {'peak MB':>8} {'size kB':>8}")
    for name, (best, median, mb, size) in (("PDM draft:", figures["pdm"]),
                                           ("bare loop:", figures["bare"])):
        print(f"{name:12} {best:7.3f} {median:9.3f} {mb:8.1f} {size / 1e3:8.0f}")
    print(
        f"ratio:       {pdm_s / bare_s:7.2f} ×  time (best), {pdm_median / bare_median:.2f} × "
        f"(median)   {pdm_mb / bare_mb:5.2f} × memory   (goal ≤ 2×)"
    )
    print(
        f"one more PDM run: {split['data']:.2f} s reading the database, {split['layout']:.2f} s "
        f"laying out and writing ({split['layout'] / bare_s:.2f} × the bare loop)"
    )


if __name__ == "__main__":
    main()
