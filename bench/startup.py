"""Start-up time of the window against a bare PySide6 window.

Runs, alternating, N times each (offscreen):

* ``bare``   a PySide6 script that shows an empty QMainWindow and quits;
* ``window`` ``planner-desktop --db DEMO`` (the command ``make run`` starts) until its
  main window is shown;
* ``-m``     the same through ``python -m planner_desktop``;
* ``first``  the same as the very first start of an installation (no window layout saved
  yet: the window is fitted to the screen and its bars placed by hand);
* ``ready``  the same, until the database is open and the first page shows its data;
* ``run()``  the window entry point ``planner_desktop.ui.app.run`` called directly, without
  the command-line front end (to see what the command line adds).

The programs run as they do on a person's machine after ``make run``: the message
catalogues compiled (``make mo``) and Python's bytecode cache written on the first (warm-up)
run, so ``PYTHONDONTWRITEBYTECODE`` is removed from their environment.

Every program quits through ``PLANNER_DESKTOP_EXIT_AFTER_SHOW`` (the bare script does the
same with a zero timer) and prints the system's monotonic clock at the moment its window was
shown. The figure of record is the issue's: from the moment this script starts the process
to the moment its window is shown (the child's clock reading minus the parent's, the same
clock). The whole process's wall time, exit included, is printed beside it. Goal (issue
17): ``first`` (the issue's measure: no saved layout) and ``window`` each ≤ 1.5 × ``bare``.

    python bench/startup.py [--runs 7] [--scale 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL = 1.5

BARE = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def since_start():
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime", encoding="ascii") as uptime:
            now = float(uptime.read().split()[0])
        return now - int(fields[19]) / __import__("os").sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.show()

def shown():
    print(f"shown {since_start():.3f} {time.monotonic():.6f}", flush=True)
    QTimer.singleShot(0, app.quit)

QTimer.singleShot(0, shown)
sys.exit(app.exec())
"""

SCRIPT = Path(sys.executable).with_name("planner-desktop")
COMMAND = [str(SCRIPT)] if SCRIPT.is_file() else [sys.executable, "-m", "planner_desktop"]
"""What ``make run`` starts: the installed ``planner-desktop`` command of this environment."""

RUN_DIRECT = "import sys; from planner_desktop.ui.app import run; sys.exit(run(sys.argv[1], None))"


def make_demo(folder: Path, scale: int, env: dict[str, str]) -> Path:
    db = folder / "demo.sqlite"
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "planner_desktop", "demo", "--db", str(db), "--scale", str(scale)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"cannot make the demo database: {done.stderr.strip() or done.stdout.strip()}")
    print(f"demo database (scale {scale}) made in {time.perf_counter() - started:.1f} s")
    return db


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Wall time of the whole process, and from its start to the shown/ready it printed."""
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    to_shown = None
    for line in done.stdout.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[0] in ("shown", "ready"):
            try:
                to_shown = float(fields[2]) - started
            except ValueError:
                to_shown = None
    return wall, to_shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument(
        "--quick", action="store_true", help="only bare, window and first (while tuning)"
    )
    args = parser.parse_args()

    compiled = subprocess.run(["make", "-s", "mo"], cwd=ROOT, capture_output=True, check=False)
    if compiled.returncode != 0:
        print("could not compile the message catalogues; the program compiles them in memory")
    with tempfile.TemporaryDirectory(prefix="planner-startup-") as tmp:
        folder = Path(tmp)
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PLANNER_DESKTOP_HOME"] = str(folder / "home")
        env.pop("PLANNER_DESKTOP_DB", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a person's machine keeps its .pyc files
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        db = make_demo(folder, args.scale, env)
        shown_env = {**env, "PLANNER_DESKTOP_EXIT_AFTER_SHOW": "1"}
        ready_env = {**env, "PLANNER_DESKTOP_EXIT_AFTER_SHOW": "ready"}
        programs = {
            "bare": ([sys.executable, "-c", BARE], env),
            "window": ([*COMMAND, "--db", str(db)], shown_env),
            "-m": ([sys.executable, "-m", "planner_desktop", "--db", str(db)], shown_env),
            "first": ([*COMMAND, "--db", str(db)], {**shown_env, "PLANNER_DESKTOP_HOME": str(
                folder / "first")}),
            "ready": ([*COMMAND, "--db", str(db)], ready_env),
            "run()": ([sys.executable, "-c", RUN_DIRECT, str(db)], shown_env),
        }
        if args.quick:
            programs = {name: programs[name] for name in ("bare", "window", "first")}
        # A person's every start but the first finds the window's layout saved: let one
        # start close its window normally, as a session ends, before measuring.
        timed([*COMMAND, "--db", str(db)], {**env, "PLANNER_DESKTOP_EXIT_AFTER_SHOW": "close"})
        for command, program_env in programs.values():  # warm the disk cache and .pyc files
            timed(command, program_env)
        walls: dict[str, list[float]] = {name: [] for name in programs}
        printed: dict[str, list[float]] = {name: [] for name in programs}
        for _run in range(args.runs):
            for name, (command, program_env) in programs.items():
                wall, at = timed(command, program_env)
                walls[name].append(wall)
                if at is not None:
                    printed[name].append(at)

    bare = statistics.median(printed["bare"])
    bare_wall = statistics.median(walls["bare"])
    print(f"runs: {args.runs} each, alternating; medians")
    print("           start to shown (ratio)     whole process with exit (ratio)")
    for name in programs:
        at = statistics.median(printed[name])
        wall = statistics.median(walls[name])
        print(
            f"  {name:7s}  {at:.3f} s ({at / bare:.2f})"
            f"           {wall:.3f} s ({wall / bare_wall:.2f})"
        )
    for name, what in (("first", "first start (no saved layout)"), ("window", "window")):
        ratio = statistics.median(printed[name]) / bare
        verdict = "met" if ratio <= GOAL else "NOT met"
        fastest = min(printed[name]) / min(printed["bare"])
        spread = sorted(at / bare for at in printed[name])
        print(
            f"{what} shown vs bare PySide6: {ratio:.2f}x (goal <= {GOAL}x: {verdict}); "
            f"single runs {spread[0]:.2f}x to {spread[-1]:.2f}x; fastest of each {fastest:.2f}x"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
