"""Smoke test of an installed Planner Desktop: the wheel in a fresh venv, or the bundle.

    python packaging/smoke_test.py COMMAND [ARG...] [--jobs N]

COMMAND is how the program is started, e.g. ``build/venv-wheel/bin/planner-desktop`` or
``dist/planner-desktop-0.1.0/planner-desktop``. In a temporary data folder
(``PLANNER_DESKTOP_HOME``) it runs ``--help``, ``demo``, every ``report`` kind, every ``xlsx
export`` kind and every ``xlsx import`` kind, ``session export``, ``verify`` and ``merge``
into a second database, ``check``, and the window offscreen until its first page shows its
data (``PLANNER_DESKTOP_EXIT_AFTER_SHOW=ready``). It checks that the Spanish interface is
Spanish (and the English one English), and that Qt's own Spanish catalogue is installed.

A step fails on a traceback, an unexpected exit code, a missing output file or a time-out.
One line per step with its time; exit 0 when every step passed. Standard library only: it
must run beside a bundle that has no Python of its own to lend. The lists of kinds below
are compared with the program's registries by tests/test_packaging.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

REPORT_KINDS = (
    "attendance-sheet",
    "diagnosis-form",
    "ballot",
    "tally-sheet",
    "pairwise-chart",
    "acta",
    "profile",
    "diagnosis",
    "pdm",
    "poa",
    "progress",
    "self-assessment",
    "actors",
    "acta-proofs",
)
XLSX_EXPORT_KINDS = (
    "demands", "priorities", "programming", "poa", "attendance", "template", "plan"
)  # fmt: skip
XLSX_IMPORT_KINDS = ("communities", "demands", "plan")

# The option a report needs to know what to print (filled from the demo database).
REPORT_NEEDS = {
    "diagnosis-form": "--community",
    "ballot": "--community",
    "tally-sheet": "--community",
    "pairwise-chart": "--community",
    "acta": "--event",
    "profile": "--project",
}

# Words that only the Spanish catalogue prints (the English text is beside each).
SPANISH_DEMO = "municipio de demostración creado"  # "demo municipality created"
SPANISH_REFUSAL = "necesita --event"  # "this document needs --event ID"
ENGLISH_REFUSAL = "needs --event"

TRACEBACK = "Traceback (most recent call last)"
TIMEOUT = 240.0


class Failed(Exception):
    """A step did not do what it should: the message says what."""


@dataclass
class Step:
    """One run of the program: its arguments, the exit codes that count as an answer, and
    an optional check of its output."""

    name: str
    args: Sequence[str] | Callable[[], Sequence[str]]
    codes: tuple[int, ...] = (0,)
    check: Callable[[str], None] | None = None
    env: dict[str, str] = field(default_factory=dict)
    outputs: Sequence[Path] = ()
    before: Callable[[], None] | None = None


class Runner:
    """Runs steps of one program in one temporary folder and prints a line for each."""

    def __init__(self, command: Sequence[str], folder: Path) -> None:
        self.command = list(command)
        self.folder = folder
        self.failures: list[str] = []
        self._lock = threading.Lock()
        self.env = {
            **os.environ,
            "PLANNER_DESKTOP_HOME": str(folder / "home"),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        for name in ("PLANNER_DESKTOP_DB", "PLANNER_DESKTOP_RESOURCES",
                     "PLANNER_DESKTOP_TRANSLATIONS", "PLANNER_DESKTOP_EXIT_AFTER_SHOW"):
            self.env.pop(name, None)  # the installed program must find its own files

    def run(self, step: Step) -> bool:
        start = time.perf_counter()
        try:
            if step.before is not None:
                step.before()
            args = step.args() if callable(step.args) else step.args
            self._run_one(step, list(args))
        except Failed as error:
            self._line("FAIL", time.perf_counter() - start, step.name, str(error))
            return False
        self._line("ok", time.perf_counter() - start, step.name)
        return True

    def _run_one(self, step: Step, args: list[str]) -> None:
        try:
            done = subprocess.run(
                [*self.command, *args],
                cwd=self.folder,
                env={**self.env, **step.env},
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=TIMEOUT,
            )
        except subprocess.TimeoutExpired:
            raise Failed(f"no answer after {TIMEOUT:.0f} s") from None
        except OSError as error:
            raise Failed(f"cannot start {self.command[0]}: {error}") from None
        output = done.stdout + done.stderr
        if TRACEBACK in output:
            raise Failed("traceback:\n" + _indent(output))
        if done.returncode not in step.codes:
            raise Failed(f"exit code {done.returncode}, expected {step.codes}:\n"
                         + _indent(output))
        for path in step.outputs:
            if not path.is_file() or path.stat().st_size == 0:
                raise Failed(f"{path.name} was not written:\n" + _indent(output))
        if step.check is not None:
            try:
                step.check(output)
            except Failed as error:
                raise Failed(f"{error}:\n" + _indent(output)) from None

    def chain(self, steps: Sequence[Step]) -> None:
        """Run *steps* one after the other, stopping at the first failure."""
        for step in steps:
            if not self.run(step):
                return

    def _line(self, status: str, seconds: float, name: str, detail: str = "") -> None:
        with self._lock:
            print(f"{status:4} {seconds:6.2f}s  {name}", flush=True)
            if detail:
                print(detail, flush=True)
                self.failures.append(name)


def _indent(text: str, limit: int = 40) -> str:
    lines = text.strip().splitlines()
    if len(lines) > limit:
        lines = [*lines[: limit // 2], "…", *lines[-limit // 2 :]]
    return "\n".join(f"    | {line}" for line in lines)


def _contains(*words: str) -> Callable[[str], None]:
    def check(output: str) -> None:
        for word in words:
            if word not in output:
                raise Failed(f"the output lacks {word!r}")

    return check


def first_row(db: Path, query: str) -> str:
    """The first column of the first row of *query* on the database file *db*."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = connection.execute(query).fetchone()
    finally:
        connection.close()
    if row is None:
        raise Failed(f"the demo database has no row for: {query}")
    return str(row[0])


def report_target(db: Path, option: str) -> str:
    """An id or code of the demo database for a report's ``--community``/``--event``/
    ``--project``."""
    queries = {
        "--community": "SELECT code FROM community WHERE deleted_at IS NULL ORDER BY code",
        "--event": "SELECT event_id FROM minutes WHERE deleted_at IS NULL ORDER BY event_id",
        "--project": "SELECT code FROM project_profile WHERE deleted_at IS NULL ORDER BY code",
    }
    return first_row(db, queries[option])


def fill_template(template: Path, db: Path, out: Path) -> None:
    """Copy the blank import template with one community on its second sheet and one
    demand of it on its third (the required columns come first on each); the district and
    sector codes are the demo database's."""
    district = first_row(db, "SELECT code FROM district WHERE deleted_at IS NULL ORDER BY code")
    sector = first_row(db, "SELECT code FROM sector WHERE deleted_at IS NULL ORDER BY code")
    rows = {
        1: [district, "SMOKE-01", "Comunidad de prueba"],
        2: ["SMOKE-01", "SMOKE-D01", sector, "Agua potable de prueba"],
    }
    sheets = _sheet_files(template)
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            for index, values in rows.items():
                if item.filename == sheets[index]:
                    data = _add_row(data.decode("utf-8"), values).encode("utf-8")
            target.writestr(item, data, zipfile.ZIP_DEFLATED)


def _sheet_files(book: Path) -> list[str]:
    """The worksheet file of each sheet of an .xlsx, in the workbook's order."""
    with zipfile.ZipFile(book) as source:
        workbook = source.read("xl/workbook.xml").decode("utf-8")
        rels = source.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {}
    for tag in re.findall(r"<Relationship [^>]*>", rels):
        rid, target = re.search(r'Id="([^"]+)"', tag), re.search(r'Target="([^"]+)"', tag)
        if rid and target:
            targets[rid.group(1)] = target.group(1)
    ids = re.findall(r'<sheet [^>]*r:id="([^"]+)"', workbook)
    return ["xl/" + targets[rid].removeprefix("/xl/").removeprefix("xl/") for rid in ids]


def _add_row(sheet: str, values: Sequence[str]) -> str:
    cells = "".join(
        f'<c r="{chr(ord("A") + column)}2" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        for column, value in enumerate(values)
    )
    sheet = re.sub(r'(<dimension ref="A1:[A-Z]+)1"', r'\g<1>2"', sheet)
    return sheet.replace("</sheetData>", f'<row r="2">{cells}</row></sheetData>', 1).replace(
        "<sheetData/>", f'<sheetData><row r="2">{cells}</row></sheetData>', 1)


def qt_translation(command: Sequence[str]) -> Callable[[], None]:
    """A check that Qt's own Spanish catalogue (qtbase_es.qm) is where Qt looks for it:
    loaded by the venv's Python beside the command, or found in the bundle's folder."""

    def check() -> None:
        program = Path(shutil.which(command[0]) or command[0])
        python = program.parent / ("python.exe" if os.name == "nt" else "python")
        if python.is_file():
            code = ("from PySide6.QtCore import QLibraryInfo, QTranslator;"
                    "folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath);"
                    "raise SystemExit(0 if QTranslator().load('qtbase_es', folder) else 1)")
            if subprocess.run([str(python), "-c", code], timeout=TIMEOUT).returncode != 0:
                raise Failed("Qt's qtbase_es catalogue does not load in the venv")
            return
        # PySide6/Qt/translations on Linux and macOS, PySide6/translations on Windows.
        if not any(program.parent.glob("**/PySide6/**/translations/qtbase_es.qm")):
            raise Failed(f"no PySide6 translations/qtbase_es.qm under {program.parent}")

    return check


def steps(runner: Runner) -> list[list[list[Step]]]:
    """The phases of the test: in each, chains that may run side by side."""
    folder = runner.folder
    demo, imported, window_db = (folder / f"{name}.sqlite" for name in ("demo", "import", "w"))
    merged, plan_db = folder / "merged.sqlite", folder / "plan.sqlite"
    session = folder / "laptop.cumbre"
    db = ["--db", str(demo)]

    def report(kind: str) -> Step:
        out = folder / f"{kind}.pdf"
        option = REPORT_NEEDS.get(kind)

        def args() -> list[str]:
            extra = [option, report_target(demo, option)] if option else []
            return ["report", kind, *db, *extra, "--out", str(out)]

        return Step(f"report {kind}", args, outputs=[out])

    def export(kind: str) -> Step:
        out = folder / f"{kind}.xlsx"
        return Step(f"xlsx export {kind}", ["xlsx", "export", kind, *db, "--out", str(out)],
                    outputs=[out])

    def copy(source: Path, target: Path) -> Callable[[], None]:
        def run() -> None:
            shutil.copyfile(source, target)

        return run

    filled = folder / "filled.xlsx"
    shapes, shapes_db = folder / "district.geojson", folder / "shapes.sqlite"

    def prepare_shapes() -> None:
        shutil.copyfile(demo, shapes_db)
        write_district_shape(shapes, first_row(demo, "SELECT code FROM district ORDER BY code"))

    def prepare_import() -> None:
        shutil.copyfile(demo, imported)
        fill_template(folder / "template.xlsx", demo, filled)

    imports = {
        "communities": Step(
            "xlsx import communities",
            ["xlsx", "import", "communities", "--db", str(imported), str(filled)],
            check=_contains("1"),
            before=prepare_import,
        ),
        "demands": Step(
            "xlsx import demands",
            ["xlsx", "import", "demands", "--db", str(imported), str(filled)],
        ),
        "plan": Step(
            "xlsx import plan (new database)",
            ["xlsx", "import", "plan", "--db", str(plan_db), str(folder / "plan.xlsx")],
        ),
    }
    assert set(imports) == set(XLSX_IMPORT_KINDS)
    refusal = ["report", "acta", *db, "--out", str(folder / "refused.pdf")]
    return [
        [[
            Step("--help", ["--help"], check=_contains("planner-desktop")),
            Step("demo (Spanish)", ["demo", *db], check=_contains(SPANISH_DEMO),
                 outputs=[demo]),
        ]],
        [
            *[[report(kind)] for kind in REPORT_KINDS],
            *[[export(kind)] for kind in XLSX_EXPORT_KINDS],
            [Step("check", ["check", *db], codes=(0, 1), check=_contains("check:"))],
            [Step("refusal in Spanish", refusal, codes=(1,), check=_contains(SPANISH_REFUSAL))],
            [Step("refusal in English", ["--lang", "en", *refusal], codes=(1,),
                  check=_contains(ENGLISH_REFUSAL))],
            [Step("Qt's Spanish catalogue", ["--version"], before=qt_translation(runner.command))],
        ],
        [
            [
                Step("session export", ["session", "export", *db, "--out", str(session)],
                     outputs=[session]),
                Step("session verify", ["session", "verify", str(session)]),
                Step("session merge (second database)",
                     ["session", "merge", "--db", str(merged), "--trust-new", str(session)],
                     check=_check_merged),
            ],
            [imports["communities"], imports["demands"]],
            [imports["plan"]],
            [Step("territory import-geometry (UTM 19S GeoJSON)",
                  ["--lang", "en", "territory", "import-geometry", str(shapes), "--db",
                   str(shapes_db), "--level", "district", "--apply"],
                  check=_contains("EPSG:32719", "1 geometry written"), before=prepare_shapes)],
            [Step("window until its first page shows data", ["--db", str(window_db)],
                  env={"PLANNER_DESKTOP_EXIT_AFTER_SHOW": "ready"}, check=_contains("ready "),
                  before=copy(demo, window_db))],
        ],
    ]


def write_district_shape(path: Path, code: str) -> None:
    """A GeoJSON file of one district's square, in UTM zone 19S (an old-style crs member),
    so the import needs pyproj and its PROJ database."""
    east, north = 800_000.0, 8_070_000.0
    ring = [[east, north], [east + 5000, north], [east + 5000, north + 5000],
            [east, north + 5000], [east, north]]  # fmt: skip
    path.write_text(json.dumps({
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32719"}},
        "features": [{"type": "Feature", "properties": {"code": code},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}}],
    }), encoding="utf-8")  # fmt: skip


def _check_merged(output: str) -> None:
    added = re.search(r"added=(\d+)", output)
    if added is None or int(added.group(1)) == 0:
        raise Failed("the merge added nothing")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", nargs="+", help="the program, with any leading arguments")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                        help="steps run side by side (default: the cores, at most 4)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    program = shutil.which(args.command[0])
    if program is None:
        print(f"smoke test: no program {args.command[0]}", file=sys.stderr)
        return 2
    command = [str(Path(program).absolute()), *args.command[1:]]
    start = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="planner-smoke-"))
    runner = Runner(command, folder)
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            for phase in steps(runner):
                list(pool.map(runner.chain, phase))
                if runner.failures:
                    break
    finally:
        if args.keep:
            print(f"smoke test: files kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    seconds = time.perf_counter() - start
    if runner.failures:
        print(f"smoke test: FAILED ({', '.join(runner.failures)}) in {seconds:.1f}s")
        return 1
    print(f"smoke test: every step passed in {seconds:.1f}s ({' '.join(command)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
