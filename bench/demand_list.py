"""The all-demands list on a large database: open, sort, filter as you type.

Measures, in one process and offscreen, the milliseconds of each step of
:class:`~planner_desktop.ui.models.demand_list.DemandListModel` (rows read and the first
screen of cells formatted), against the same operation on a plain Python list of the
same rows already in memory (the ratio's baseline). Then the same filter again after
scrolling through ten pages, to show that no step grows with the number of rows shown.
Goals: opening under 200 ms, filtering under 100 ms.

    python bench/demand_list.py [--db SCALE10.sqlite] [--scale 10] [--runs 5]

Without ``--db``, a demo database of ``--scale`` is made in a temporary folder first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

OPEN_GOAL_MS = 200
FILTER_GOAL_MS = 100
VISIBLE_ROWS = 40
WORD = "agua"


def median_ms(step: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_screen(model: Any) -> None:
    """What a view does right after a reset: format the cells of one screen."""
    for row in range(min(VISIBLE_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            model.index(row, column).data()


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from planner_desktop.context import open_database
    from planner_desktop.ui.models import demand_list as dl

    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = args.db
        if db is None:
            print(f"making a scale-{args.scale} demo database…", flush=True)
            db = make_demo(args.scale, Path(folder))
        store = open_database(db, must_exist=True)
        try:
            with store.session() as session:
                every = session.execute(dl.rows_query(dl.DemandFilter())).all()
            rows = [dl._typed(row) for row in every]
            print(f"{len(rows)} demands in {db.name}")

            def model_open() -> Any:
                model = dl.DemandListModel(store)
                model.reload()
                first_screen(model)
                return model

            start = time.perf_counter()
            model = model_open()
            first_ms = (time.perf_counter() - start) * 1000
            verdict = "ok" if first_ms < OPEN_GOAL_MS else "MISSED"
            print(f"first open in this process (cold statement cache): {first_ms:.1f} ms {verdict}")

            def model_sort() -> None:
                model.sort(dl.COMMUNITY, Qt.SortOrder.AscendingOrder)
                first_screen(model)
                model.sort(dl.CODE, Qt.SortOrder.AscendingOrder)

            def model_filter() -> None:
                for typed in (WORD[:2], WORD[:3], WORD):
                    model.set_text(typed)
                first_screen(model)
                model.set_text("")

            def list_open() -> None:
                sorted(rows, key=lambda r: (r[dl.CODE + 1], r[0]))[: dl.PAGE_SIZE]

            def list_sort() -> None:
                sorted(rows, key=lambda r: (r[dl.COMMUNITY + 1], r[0]))[: dl.PAGE_SIZE]
                sorted(rows, key=lambda r: (r[dl.CODE + 1], r[0]))[: dl.PAGE_SIZE]

            def list_filter() -> None:
                for typed in (WORD[:2], WORD[:3], WORD):
                    found = [
                        r
                        for r in rows
                        if typed in r[dl.DESCRIPTION + 1].lower()
                        or typed in r[dl.CODE + 1].lower()
                        or typed in r[dl.COMMUNITY + 1].lower()
                    ]
                    found.sort(key=lambda r: (r[dl.CODE + 1], r[0]))

            steps = [
                ("open (first page + count + one screen)", model_open, list_open, 1, OPEN_GOAL_MS),
                ("sort by community, then by code", model_sort, list_sort, 2, None),
                (
                    f"filter typing '{WORD}' (3 filters)",
                    model_filter,
                    list_filter,
                    3,
                    FILTER_GOAL_MS,
                ),
            ]
            print(f"{'step':44} {'model ms':>9} {'list ms':>8} {'ratio':>6}  goal")
            for name, in_model, in_list, per, goal in steps:
                model_ms = median_ms(in_model, args.runs)
                list_ms = median_ms(in_list, args.runs)
                each = model_ms / per
                verdict = "" if goal is None else ("ok" if each < goal else "MISSED")
                goal_text = "" if goal is None else f"< {goal} ms each: {each:.1f} {verdict}"
                print(
                    f"{name:44} {model_ms:9.1f} {list_ms:8.1f} {model_ms / list_ms:6.2f}  "
                    f"{goal_text}"
                )

            model.set_text("")
            shallow = median_ms(lambda: (model.set_text(WORD), model.set_text("")), args.runs)
            for _ in range(10):
                model.fetchMore(QModelIndex())
            shown = model.rowCount()
            deep = median_ms(lambda: (model.set_text(WORD), model.set_text("")), args.runs)
            print(
                f"filter and clear with {dl.PAGE_SIZE} rows shown: {shallow:.1f} ms; after "
                f"scrolling to {shown} rows shown: {deep:.1f} ms (the filter starts again at "
                "one page)"
            )
        finally:
            store.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
