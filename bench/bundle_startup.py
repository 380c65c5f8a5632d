"""Start-up of the PyInstaller bundle against the virtual environment, and the bundle's size.

Runs, alternating, after one warm-up run each (bytecode cache written, files in the page
cache), N times each (offscreen):

* ``--help``  the command line's help, to the end of the process;
* ``window``  ``--db DEMO`` with ``PLANNER_DESKTOP_EXIT_AFTER_SHOW=1``: from the moment
  this script starts the process to the moment the window is shown (the child prints the
  system's monotonic clock), and the whole process's wall time.

The venv is the one ``make wheel-test`` made from the wheel (build/venv-wheel), else the
development one (.venv). Prints the medians and the ratio bundle / venv, then the size of
the bundle's folder and of its tarball. Skips, saying so, when no bundle is built
(``make bundle``).

    python bench/bundle_startup.py [--runs 5]
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
sys.path.insert(0, str(ROOT))

from planner_desktop import APP_ID, __version__  # noqa: E402

BUNDLE_DIR = ROOT / "dist" / f"{APP_ID}-{__version__}"
TARBALL = ROOT / "dist" / f"{APP_ID}-{__version__}-linux-x86_64.tar.gz"
VENVS = (ROOT / "build" / "venv-wheel", ROOT / ".venv")


def executable(folder: Path) -> Path:
    return folder / (f"{APP_ID}-cli.exe" if os.name == "nt" else APP_ID)


def venv_command() -> Path | None:
    scripts = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    for venv in VENVS:
        command = venv / scripts / f"{APP_ID}{suffix}"
        if command.is_file():
            return command
    return None


def environment(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLANNER_DESKTOP_HOME": str(home)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_help(command: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([str(command), "--help"], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def run_window(command: Path, db: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds until the window is shown, seconds until the process ended)."""
    env = {**env, "PLANNER_DESKTOP_EXIT_AFTER_SHOW": "1"}
    start_clock, start = time.monotonic(), time.perf_counter()
    done = subprocess.run([str(command), "--db", str(db)], env=env, check=True,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    line = next((line for line in done.stdout.splitlines() if line.startswith("shown ")), "")
    if not line:
        raise SystemExit(f"{command}: the window did not say it was shown\n{done.stdout}")
    return float(line.split()[2]) - start_clock, wall


def size(path: Path) -> str:
    if path.is_dir():
        files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
        total = sum(p.stat().st_size for p in files)  # links once, as du counts them
    else:
        total = path.stat().st_size
    return f"{total / 2**20:.0f} MiB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bundle = executable(BUNDLE_DIR)
    if not bundle.is_file():
        print(f"bundle_startup: skipped, no bundle at {bundle.relative_to(ROOT)} (make bundle)")
        return 0
    venv = venv_command()
    if venv is None:
        print("bundle_startup: skipped, no venv with the program (make wheel-test)")
        return 0
    programs = {"bundle": bundle, "venv": venv}
    with tempfile.TemporaryDirectory(prefix="bundle-startup-") as tmp:
        home = Path(tmp) / "home"
        env = environment(home)
        db = Path(tmp) / "demo.sqlite"
        subprocess.run([str(venv), "demo", "--db", str(db)], env=env, check=True,
                       capture_output=True)
        for command in programs.values():  # warm-up
            run_help(command, env)
            run_window(command, db, env)
        helps: dict[str, list[float]] = {name: [] for name in programs}
        shown: dict[str, list[float]] = {name: [] for name in programs}
        walls: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.runs):
            for name, command in programs.items():
                helps[name].append(run_help(command, env))
                seconds, wall = run_window(command, db, env)
                shown[name].append(seconds)
                walls[name].append(wall)
    print(f"venv: {venv.relative_to(ROOT)}; bundle: {bundle.relative_to(ROOT)}; "
          f"median of {args.runs}")
    print(f"{'':16}{'bundle':>10}{'venv':>10}{'ratio':>8}")
    for label, figures in (("--help", helps), ("window shown", shown), ("window exit", walls)):
        b, v = statistics.median(figures["bundle"]), statistics.median(figures["venv"])
        print(f"{label:16}{b:9.2f}s{v:9.2f}s{b / v:8.2f}")
    print(f"bundle folder: {size(BUNDLE_DIR)}"
          + (f"; tarball: {size(TARBALL)}" if TARBALL.is_file() else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
