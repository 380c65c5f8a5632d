"""The all-demands list on a large database: its first open in a fresh process, then
sort and filter as you type.

**First open in a fresh process** (the figure of record, issue 17). Each run starts two
child processes, alternating:

* ``list``: the program's window as a person has it just before opening the list: the
  window shown, the database opened by the window's own background job, the first page
  (preparation, a fresh settings folder) and the icons loaded. Then the clock starts and
  the demand list is opened as a page of the window (the panel built, made current and
  shown) until its view has painted a first screen of rows. The same child then opens the
  list four more times (a new panel each time: the later opens of one session).
* ``bare``: the floor, measured the same way: a bare PySide6 window shown, then the clock
  starts, ``sqlite3`` reads the count and the first screen of the same query (same joins,
  same order), a ``QStandardItemModel`` is filled and a ``QTableView`` shows it, sized to
  its contents, until painted.

The medians of ``--runs`` runs each are printed in milliseconds with their ratio. Goal:
the list's first open, and every later one, under 200 ms.

**In one process**: the milliseconds of sorting and filtering the model (rows read and
the first screen of cells formatted) against the same operation on a plain Python list of
every row already in memory. Goal: filtering under 100 ms.

    python bench/demand_list.py [--db SCALE10.sqlite] [--scale 10] [--runs 5]

Without ``--db``, a demo database of ``--scale`` is made in a temporary folder first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPEN_GOAL_MS = 200
FILTER_GOAL_MS = 100
VISIBLE_ROWS = 40
LATER_OPENS = 4
WORD = "agua"
WAIT_SECONDS = 60

BARE_COUNT = "SELECT count(id) FROM demand WHERE deleted_at IS NULL"
BARE_ROWS = """
SELECT demand.id, demand.code, district.name, community.name, sector.name,
       demand.description, demand.raising_group, demand.beneficiaries_women,
       demand.beneficiaries_men, demand.estimated_cost, demand.status
FROM demand JOIN community ON demand.community_id = community.id
JOIN district ON community.district_id = district.id
JOIN sector ON demand.sector_id = sector.id
WHERE demand.deleted_at IS NULL ORDER BY demand.code, demand.id LIMIT ?
"""


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


# --- the child processes ---------------------------------------------------------------


def wait_until(app: Any, done: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not done():
        if time.monotonic() > deadline:
            sys.exit(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.001)


class Painted:
    """Watches a view's viewport: true once it has painted with rows in its model."""

    def __init__(self, view: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.view = view
        self.done = False
        paint = QEvent.Type.Paint
        watcher = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                if event.type() == paint and watcher.view.model().rowCount() > 0:
                    watcher.done = True
                return False

        self._filter = Filter(view)
        view.viewport().installEventFilter(self._filter)


def child_list(db: str) -> None:
    """The program's window, ready, then the demand list opened as a page, five times."""
    from planner_desktop.ui.app import prepare_qt

    prepare_qt()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from planner_desktop import paths
    from planner_desktop.settings import Settings
    from planner_desktop.ui.language import apply_language

    apply_language("es")
    from planner_desktop.ui.main_window import MainWindow

    window = MainWindow(Settings.load(paths.config_dir()))
    window.show()
    window.open_database(db, must_exist=True)
    wait_until(app, lambda: window.store is not None and window.icons.loaded, "the window")
    settle = time.monotonic() + 0.3
    wait_until(app, lambda: time.monotonic() > settle, "the window to settle")

    from planner_desktop.ui import jobs

    opens: list[float] = []
    for _open in range(1 + LATER_OPENS):
        start = time.perf_counter()
        from planner_desktop.ui.pages.base import PageContext
        from planner_desktop.ui.pages.demands import DemandsPanel

        assert window.store is not None
        panel = DemandsPanel(PageContext(window.store, window.undo_stack))
        window.stack.addWidget(panel)
        window.stack.setCurrentWidget(panel)
        painted = Painted(panel.view)
        wait_until(app, lambda painted=painted: painted.done, "the list")  # type: ignore[misc]
        opens.append((time.perf_counter() - start) * 1000)
        window.stack.removeWidget(panel)
        panel.deleteLater()
        app.processEvents()
    print("opens " + " ".join(f"{ms:.1f}" for ms in opens), flush=True)
    jobs.wait_for_all()
    window.hide()
    if window.store is not None:
        window.store.close()


def child_bare(db: str) -> None:
    """The floor: sqlite3 and a QTableView over a QStandardItemModel of the first screen."""
    import sqlite3

    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QTableView

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.setCentralWidget(QLabel("…"))  # text drawn before the clock, as in the program
    window.statusBar().showMessage("…")
    window.show()
    settle = time.monotonic() + 0.3
    wait_until(app, lambda: time.monotonic() > settle, "the window to settle")

    start = time.perf_counter()
    connection = sqlite3.connect(db)
    total = connection.execute(BARE_COUNT).fetchone()[0]
    rows = connection.execute(BARE_ROWS, (VISIBLE_ROWS,)).fetchall()
    model = QStandardItemModel(len(rows), len(rows[0]) - 1)
    for r, row in enumerate(rows):
        for c, value in enumerate(row[1:]):
            model.setItem(r, c, QStandardItem(str(value)))
    view = QTableView()
    view.setModel(model)
    view.resizeColumnsToContents()
    window.setWindowTitle(f"{total}")
    window.setCentralWidget(view)
    painted = Painted(view)
    wait_until(app, lambda: painted.done, "the bare list")
    print(f"opens {(time.perf_counter() - start) * 1000:.1f}", flush=True)
    connection.close()


def run_child(kind: str, db: Path, env: dict[str, str]) -> list[float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    for line in done.stdout.splitlines():
        if line.startswith("opens "):
            return [float(ms) for ms in line.split()[1:]]
    sys.exit(f"the {kind} child failed ({done.returncode}): {done.stderr.strip()[-800:]}")


def fresh_process(db: Path, runs: int, folder: Path) -> None:
    env = dict(os.environ)
    env.pop("PLANNER_DESKTOP_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a person's machine keeps its .pyc files
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))

    def home(n: int) -> dict[str, str]:
        return {**env, "PLANNER_DESKTOP_HOME": str(folder / f"home{n}")}

    run_child("list", db, home(0))  # warm the disk cache and the .pyc files
    run_child("bare", db, env)
    firsts: list[float] = []
    laters: list[float] = []
    bares: list[float] = []
    for n in range(runs):
        opens = run_child("list", db, home(n + 1))
        firsts.append(opens[0])
        laters.extend(opens[1:])
        bares.append(run_child("bare", db, env)[0])
    bare = statistics.median(bares)
    first = statistics.median(firsts)
    later = statistics.median(laters)
    worst = max(firsts + laters)
    print(f"first open in a fresh process, medians of {runs} runs (each a new process):")
    print(f"  bare PySide6 table of one screen (sqlite3):  {bare:7.1f} ms")
    print(f"  the demand list, first open:                 {first:7.1f} ms ({first / bare:.2f}x)")
    print(f"  the demand list, later opens ({len(laters):2d}):          {later:7.1f} ms")
    print(
        f"  first opens {min(firsts):.1f} to {max(firsts):.1f} ms; later opens "
        f"{min(laters):.1f} to {max(laters):.1f} ms"
    )
    verdict = "met" if worst < OPEN_GOAL_MS else "NOT met by every single open"
    median_verdict = "met" if max(first, later) < OPEN_GOAL_MS else "NOT met"
    print(
        f"goal < {OPEN_GOAL_MS} ms: medians {median_verdict}; slowest single open "
        f"{worst:.1f} ms ({verdict})"
    )


# --- sort and filter in one process ------------------------------------------------------


def in_process(db: Path, runs: int) -> None:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from planner_desktop.context import open_database
    from planner_desktop.ui.models import demand_list as dl

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = open_database(db, must_exist=True)
    try:
        with store.session() as session:
            every = session.execute(dl.rows_query(dl.DemandFilter())).all()
        rows = [dl._typed(row) for row in every]
        print(f"in one process, {len(rows)} demands in {db.name}:")
        model = dl.DemandListModel(store)
        model.reload()

        def model_sort() -> None:
            model.sort(dl.COMMUNITY, Qt.SortOrder.AscendingOrder)
            first_screen(model)
            model.sort(dl.CODE, Qt.SortOrder.AscendingOrder)

        def model_filter() -> None:
            for typed in (WORD[:2], WORD[:3], WORD):
                model.set_text(typed)
            first_screen(model)
            model.set_text("")

        def list_sort() -> None:
            sorted(rows, key=lambda r: (r[dl.COMMUNITY + 1], r[0]))[:VISIBLE_ROWS]
            sorted(rows, key=lambda r: (r[dl.CODE + 1], r[0]))[:VISIBLE_ROWS]

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
            ("sort by community, then by code", model_sort, list_sort, 2, None),
            (f"filter typing '{WORD}' (3 filters)", model_filter, list_filter, 3, FILTER_GOAL_MS),
        ]
        print(f"  {'step':42} {'model ms':>9} {'list ms':>8} {'ratio':>6}  goal")
        for name, in_model, in_list, per, goal in steps:
            model_ms = median_ms(in_model, runs)
            list_ms = median_ms(in_list, runs)
            each = model_ms / per
            verdict = "" if goal is None else ("ok" if each < goal else "MISSED")
            goal_text = "" if goal is None else f"< {goal} ms each: {each:.1f} {verdict}"
            print(
                f"  {name:42} {model_ms:9.1f} {list_ms:8.1f} {model_ms / list_ms:6.2f}  "
                f"{goal_text}"
            )

        def filter_and_clear() -> None:
            model.set_text(WORD)
            model.set_text("")

        model.set_text("")
        shallow = median_ms(filter_and_clear, runs)
        for _ in range(10):
            model.fetchMore(QModelIndex())
        shown = model.rowCount()
        deep = median_ms(filter_and_clear, runs)
        print(
            f"  filter and clear with the first page shown: {shallow:.1f} ms; after scrolling "
            f"to {shown} rows shown: {deep:.1f} ms (the filter starts again at one page)"
        )
    finally:
        store.close()
    del app


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("list", "bare"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        (child_list if args.child == "list" else child_bare)(str(args.db))
        return 0

    with tempfile.TemporaryDirectory(prefix="planner-demand-list-") as tmp:
        folder = Path(tmp)
        db = args.db
        if db is None:
            print(f"making a scale-{args.scale} demo database…", flush=True)
            db = make_demo(args.scale, folder)
        fresh_process(db, args.runs, folder)
        in_process(db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
