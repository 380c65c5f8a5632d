"""Start-up and work of the headless commands, against bare scripts of the same work (issue 17).

Each command runs as a person runs it, ``python -m planner_desktop ...`` in a fresh child
process, on a scale-1 demo database (and, for ``session verify``, a session file exported
from it), with the bytecode cache warm (every child runs once before the timed runs). Next
to each, in the same run and alternating with it so a busy moment slows both, a bare script
in a child process does the same work with nothing of the program:

* ``report pdm``: reads the PDM's tables with ``sqlite3`` and draws, with reportlab and the
  same embedded fonts, tables holding the very cell texts of the PDM's tables (one table per
  table of the PDM, header repeated on each page), A4, written to a file;
* ``xlsx export demands``: reads the demands with ``sqlite3`` (with their district,
  community and sector) and writes the same rows and columns with openpyxl's write-only
  workbook;
* ``check``: reads every row of the tables the checks read with ``sqlite3``;
* ``session verify``: opens the file with ``zipfile``, checks the Ed25519 signature of the
  manifest (``cryptography``), the SHA-256 and record count of every part, and parses every
  record with ``json``.

Prints the median milliseconds of ``--runs`` runs (wall clock, and the children's CPU time,
which a shared machine disturbs less) and the ratio of the command to its bare script,
against the goal of 2x.

Where a command's time goes (CPU ms, scale 1, on the machine of issue 17): importing
SQLAlchemy and its ORM about 170, declaring the domain models about 130, configuring every
mapper at the first ORM query about 50, the first compilation of each statement; then the
command's own imports (reportlab about 100, openpyxl about 80, pydantic and the session
records' models about 110) and its work. The bare scripts pay none of the first four, so a
command that keeps reading through the ORM stays above 2x of them however lean its imports
(``check`` most: its bare script reads 25 tables in 40 ms). What start-up no longer pays:
the garbage collector's passes over the objects of the imports (a fifth of each command,
see :func:`planner_desktop.commands.started`), numpy under openpyxl (150 ms), Babel's
English data for a country written in Spanish; and for ``session verify``, the ORM, the
domain models and the record models of tables its file does not carry (its records are
checked against the Core copy of the tables, :mod:`planner_desktop.store.core_tables`).
What verify still pays beyond its bare script: SQLAlchemy Core (the Core tables and the
references' reads need it, about 140), pydantic and the manifest's model (about 60), one
record model per table carried (about 2 each) and the value rules of every record.

    python bench/commands.py [--runs 5] [--only pdm,xlsx,check,verify]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL = 2.0

CHECK_TABLES = (
    "plan", "plan_level", "plan_element", "org_unit", "demand", "round_result", "round_item",
    "prioritization_round", "profile_demand", "project_profile", "component",
    "profile_funding", "multi_year_programming", "indicator", "indicator_target",
    "funding_source", "source_ceiling", "annual_plan", "management_objective", "operation",
    "progress", "community", "district", "municipality", "sector",
)  # fmt: skip
"""The tables the plan checks read (as ``bench/check.py`` counts them)."""

BARE_PDM = """
import json, sqlite3, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

db, shapes_file, fonts, out = sys.argv[1:5]
pdfmetrics.registerFont(TTFont("DejaVuSans", fonts + "/DejaVuSans.ttf"))
pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", fonts + "/DejaVuSans-Bold.ttf"))
connection = sqlite3.connect(db)
read = 0
for name in json.loads(open(shapes_file, encoding="utf-8").read())["tables"]:
    read += len(connection.execute(f'SELECT * FROM "{name}"').fetchall())
connection.close()
story = []
width = A4[0] - 144
style = TableStyle([
    ("FONT", (0, 0), (-1, -1), "DejaVuSans", 8),
    ("FONT", (0, 0), (-1, 0), "DejaVuSans-Bold", 8),
    ("GRID", (0, 0), (-1, -1), 0.4, (0.45, 0.45, 0.45)),
])
for rows in json.loads(open(shapes_file, encoding="utf-8").read())["rows"]:
    columns = max(len(row) for row in rows)
    data = [row + [""] * (columns - len(row)) for row in rows]
    table = Table(data, colWidths=[width / columns] * columns, repeatRows=1)
    table.setStyle(style)
    story.append(table)
SimpleDocTemplate(out, pagesize=A4).build(story)
print(read)
"""

BARE_XLSX = """
import sqlite3, sys
sys.modules["numpy"] = None  # as where numpy is not installed (a person's installation)
from openpyxl import Workbook

db, out = sys.argv[1:3]
connection = sqlite3.connect(db)
rows = connection.execute(
    "SELECT district.name, community.name, demand.code, sector.name, demand.description,"
    " demand.raising_group, demand.beneficiaries_women, demand.beneficiaries_men,"
    " demand.estimated_cost, demand.status,"
    " demand.id FROM demand JOIN community ON community.id = demand.community_id"
    " JOIN district ON district.id = community.district_id"
    " JOIN sector ON sector.id = demand.sector_id WHERE demand.deleted_at IS NULL"
    " ORDER BY demand.code"
)
book = Workbook(write_only=True)
sheet = book.create_sheet("Demandas")
sheet.append(["Distrito", "Comunidad", "Código", "Sector", "Descripción", "Grupo",
              "Mujeres", "Hombres", "Costo", "Estado", "Prioridad"])
for row in rows:
    sheet.append(list(row))
book.save(out)
"""

BARE_CHECK = """
import sqlite3, sys

connection = sqlite3.connect(sys.argv[1])
read = 0
for name in sys.argv[2:]:
    read += len(connection.execute(f'SELECT * FROM "{name}"').fetchall())
print(read)
"""

BARE_VERIFY = """
import hashlib, json, sys, zipfile
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

with zipfile.ZipFile(sys.argv[1]) as archive:
    raw = archive.read("manifest.json")
    manifest = json.loads(raw)
    key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(manifest["public_key"]))
    key.verify(bytes.fromhex(archive.read("signature").decode("ascii").strip()), raw)
    records = 0
    for name, part in sorted(manifest["parts"].items()):
        data = archive.read(name)
        assert hashlib.sha256(data).hexdigest() == part["sha256"], name
        lines = data.splitlines()
        assert len(lines) == part["records"], name
        for line in lines:
            json.loads(line)
        records += len(lines)
print(records)
"""


@dataclass
class Pair:
    """A command as a person runs it and the bare script of the same work."""

    key: str
    """The name ``--only`` takes."""
    name: str
    command: list[str]
    bare: list[str]


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _run(argv: list[str], env: dict[str, str], *, findings: bool = False) -> tuple[float, float]:
    """Wall and CPU milliseconds of one child process; any exit but 0 stops the benchmark,
    except 1 with ``findings`` (``check`` exits 1 when the plan has errors)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0 and not (findings and done.returncode == 1):
        sys.exit(f"{' '.join(argv[1:])} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall * 1000, cpu * 1000


def _prepare(folder: Path, env: dict[str, str]) -> tuple[Path, Path]:
    """A scale-1 demo database and a session file exported from it."""
    db = folder / "demo.sqlite"
    session = folder / "demo.cumbre"
    command = _python("-m", "planner_desktop")
    for argv in (
        ["demo", "--db", str(db)],
        ["session", "export", "--db", str(db), "--out", str(session)],
    ):
        subprocess.run([*command, *argv], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return db, session


def _pdm_shapes(db: Path, env: dict[str, str], out: Path) -> None:
    """The cell texts of every table of the PDM (built once, in a child) and its tables."""
    script = (
        "import json, sys\n"
        "from reportlab.platypus import Paragraph, Table\n"
        "from planner_desktop.context import open_database\n"
        "from planner_desktop.reports.common import ReportOptions\n"
        "from planner_desktop.reports.layout import register_fonts\n"
        "from planner_desktop.reports.pdm import PDM_TABLES, build\n"
        "register_fonts()\n"
        "store = open_database(sys.argv[1], must_exist=True)\n"
        "with store.raw_session() as session:\n"
        "    document = build(session, ReportOptions())\n"
        "store.close()\n"
        "rows = [[[c.getPlainText() if isinstance(c, Paragraph) else str(c) for c in row]\n"
        "         for row in f._cellvalues] for f in document.flowables if isinstance(f, Table)]\n"
        "json.dump({'tables': PDM_TABLES, 'rows': rows}, open(sys.argv[2], 'w'))\n"
    )
    subprocess.run(_python("-c", script, str(db), str(out)), env=env, cwd=ROOT, check=True)


def _pairs(folder: Path, db: Path, session: Path, env: dict[str, str]) -> list[Pair]:
    command = _python("-m", "planner_desktop")
    scripts: dict[str, Path] = {}
    bare = {"pdm": BARE_PDM, "xlsx": BARE_XLSX, "check": BARE_CHECK, "verify": BARE_VERIFY}
    for key, text in bare.items():
        scripts[key] = folder / f"bare_{key}.py"
        scripts[key].write_text(text, encoding="utf-8")
    shapes = folder / "pdm_tables.json"
    _pdm_shapes(db, env, shapes)
    fonts = str(ROOT / "resources" / "fonts")
    return [
        Pair(
            "pdm",
            "report pdm",
            [*command, "report", "pdm", "--db", str(db), "--out", str(folder / "pdm.pdf")],
            _python(str(scripts["pdm"]), str(db), str(shapes), fonts, str(folder / "bare.pdf")),
        ),
        Pair(
            "xlsx",
            "xlsx export demands",
            [
                *command,
                "xlsx",
                "export",
                "demands",
                "--db",
                str(db),
                "--out",
                str(folder / "demands.xlsx"),
            ],
            _python(str(scripts["xlsx"]), str(db), str(folder / "bare.xlsx")),
        ),
        Pair(
            "check",
            "check",
            [*command, "check", "--db", str(db)],
            _python(str(scripts["check"]), str(db), *CHECK_TABLES),
        ),
        Pair(
            "verify",
            "session verify",
            [*command, "session", "verify", str(session)],
            _python(str(scripts["verify"]), str(session)),
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help="comma-separated: pdm, xlsx, check, verify")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = dict(os.environ, PLANNER_DESKTOP_HOME=str(folder / "home"))
        env.pop("PLANNER_DESKTOP_DB", None)
        print("creating a scale-1 demo database and a session file…", flush=True)
        db, session = _prepare(folder, env)
        pairs = _pairs(folder, db, session, env)
        if args.only:
            wanted = {word.strip() for word in args.only.split(",")}
            pairs = [pair for pair in pairs if pair.key in wanted]
        for pair in pairs:  # warm the bytecode cache and the file system cache
            _run(pair.command, env, findings=pair.key == "check")
            _run(pair.bare, env)
        print(
            f"{'':22} {'command ms':>11} {'bare ms':>8} {'ratio':>6}   "
            f"{'cpu ms':>7} {'bare':>6} {'ratio':>6}   goal ≤ {GOAL:.0f}×"
        )
        for pair in pairs:
            walls: dict[str, list[float]] = {"command": [], "bare": []}
            cpus: dict[str, list[float]] = {"command": [], "bare": []}
            for _ in range(args.runs):
                for kind, argv in (("command", pair.command), ("bare", pair.bare)):
                    wall, cpu = _run(argv, env, findings=pair.key == "check")
                    walls[kind].append(wall)
                    cpus[kind].append(cpu)
            wall_c, wall_b = (statistics.median(walls[k]) for k in ("command", "bare"))
            cpu_c, cpu_b = (statistics.median(cpus[k]) for k in ("command", "bare"))
            ratio = wall_c / wall_b
            verdict = "meets" if ratio <= GOAL else f"misses by {ratio / GOAL:.2f}×"
            print(
                f"{pair.name:22} {wall_c:11.0f} {wall_b:8.0f} {ratio:5.2f}×   "
                f"{cpu_c:7.0f} {cpu_b:6.0f} {cpu_c / cpu_b:5.2f}×   {verdict}",
                flush=True,
            )


if __name__ == "__main__":
    main()
