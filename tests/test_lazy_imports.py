"""Each command loads only what it uses (issue 17, point 2: every command quick to start).

Every case runs one command line as the ``planner-desktop`` command runs it, in a fresh
process (``cli.main()`` reading ``sys.argv``), on a scale-1 demo database or a session file
exported from it, then lists what that process loaded. A module named here was imported
before, or is heavy and unused by the command: importing it again fails the test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    """
    import gc, json, sys

    report, argv = sys.argv[1], json.loads(sys.argv[2])
    sys.argv = ["planner-desktop", *argv]
    from planner_desktop import cli

    code = cli.main()
    configured = None
    if "planner_desktop.domain.base" in sys.modules:
        from planner_desktop.domain.base import Base

        configured = sum(mapper.configured for mapper in Base.registry.mappers)
    localedata = sys.modules.get("babel.localedata")
    with open(report, "w", encoding="utf-8") as out:
        json.dump(
            {
                "code": code,
                "modules": sorted(sys.modules),
                "configured": configured,
                "locales": sorted(getattr(localedata, "_cache", {})),
                "collecting": gc.isenabled(),
                "frozen": gc.get_freeze_count(),
            },
            out,
        )
    """
)

NEVER = ("PySide6", "shiboken6", "qtawesome", "planner_desktop.ui", "alembic", "numpy")
"""No command line that does not open the window loads Qt; none that opens a database at
the program's schema loads Alembic; none loads numpy (openpyxl would, for nothing)."""


def _run(home: Path, report: Path, *argv: str) -> dict[str, Any]:
    env = dict(os.environ, PLANNER_DESKTOP_HOME=str(home))
    env.pop("PLANNER_DESKTOP_DB", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(report), json.dumps(["--lang", "es", *argv])],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A scale-1 demo database, a session file exported from it, and the home folder."""
    folder = tmp_path_factory.mktemp("lazy")
    home, db, session = folder / "home", folder / "demo.sqlite", folder / "demo.cumbre"
    env = dict(os.environ, PLANNER_DESKTOP_HOME=str(home))
    env.pop("PLANNER_DESKTOP_DB", None)
    command = [sys.executable, "-m", "planner_desktop", "--lang", "en"]
    for argv in (
        ["demo", "--db", str(db)],
        ["session", "export", "--db", str(db), "--out", str(session)],
    ):
        subprocess.run(
            [*command, *argv], env=env, cwd=ROOT, check=True, capture_output=True, timeout=300
        )
    return home, db, session


def _loaded(modules: list[str], name: str) -> bool:
    return any(module == name or module.startswith(name + ".") for module in modules)


CASES: dict[str, tuple[list[str], tuple[str, ...]]] = {
    # command line ({db}, {session}, {out} filled in) and what it must not load
    "report pdm": (
        ["report", "pdm", "--db", "{db}", "--out", "{out}.pdf"],
        ("openpyxl", "pydantic", "cryptography", "planner_desktop.exchange.records"),
    ),
    "xlsx export demands": (
        ["xlsx", "export", "demands", "--db", "{db}", "--out", "{out}.xlsx"],
        ("reportlab", "pydantic", "cryptography", "planner_desktop.exchange.records"),
    ),
    "check": (
        ["check", "--db", "{db}"],
        ("reportlab", "openpyxl", "pydantic", "cryptography", "PIL"),
    ),
    "session verify": (
        ["session", "verify", "{session}"],
        (
            "reportlab",
            "openpyxl",
            "planner_desktop.store.database",
            "planner_desktop.reports",
            "sqlalchemy.orm",
            "planner_desktop.domain.models",
        ),
    ),
}


@pytest.mark.parametrize(
    "absent",
    [(name, module) for name, (_argv, mods) in CASES.items() for module in NEVER + mods],
    ids=lambda absent: f"{absent[0]}: {absent[1]}",
)
def test_command_does_not_load(absent: tuple[str, str], loaded: Any) -> None:
    name, module = absent
    modules = loaded(name)["modules"]
    assert _loaded(modules, "planner_desktop.commands")  # the child did run the command
    assert not _loaded(modules, module), f"{name} loads {module}"


@pytest.fixture(scope="module")
def loaded(demo: tuple[Path, Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Any:
    """What each command's process loaded (each command run once, when first asked)."""
    home, db, session = demo
    folder = tmp_path_factory.mktemp("reports")
    results: dict[str, dict[str, Any]] = {}

    def of(name: str) -> dict[str, Any]:
        if name not in results:
            argv = [
                word.format(db=db, session=session, out=folder / name.replace(" ", "-"))
                for word in CASES[name][0]
            ]
            results[name] = _run(home, folder / f"{name}.json", *argv)
            assert results[name]["code"] in (0, 1)  # check exits 1 when the plan has errors
        return results[name]

    return of


def test_verify_configures_no_mapper(loaded: Any) -> None:
    """A session file's records are checked against the Core copy of the tables alone:
    the declarative base is not even loaded, so no ORM mapper is declared or configured."""
    assert loaded("session verify")["configured"] is None


def test_report_reads_babel_data_of_its_locale_only(loaded: Any) -> None:
    """A Bolivian plan's PDM in Spanish reads Bolivian Spanish number and date data; English
    territory names are read only for a country Spanish does not name."""
    locales = loaded("report pdm")["locales"]
    assert "es_BO" in locales
    assert "en" not in locales


@pytest.mark.parametrize("name", list(CASES))
def test_collector_runs_again_with_start_up_frozen(name: str, loaded: Any) -> None:
    """The garbage collector, paused while the command starts, runs again once it works,
    with what start-up made frozen out of its passes."""
    result = loaded(name)
    assert result["collecting"] is True
    assert result["frozen"] > 10_000


def test_refused_command_leaves_collector_running(
    demo: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    home, _db, _session = demo
    missing = tmp_path / "missing.sqlite"
    env = dict(os.environ, PLANNER_DESKTOP_HOME=str(home))
    script = CHILD.replace("code = cli.main()", "code = cli.main()\nassert code == 1, code")
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "r.json"),
         json.dumps(["check", "--db", str(missing)])],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert result["collecting"] is True
    assert result["frozen"] == 0


def test_in_process_command_leaves_collector_as_it_was(
    demo: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    """A caller that runs a command in its own process (tests, the hostile corpus) keeps
    its collector: nothing paused, nothing frozen."""
    import gc

    from planner_desktop.cli import main

    _home, db, _session = demo
    was_enabled = gc.isenabled()  # a window test of the same process may have paused it
    gc.enable()
    try:
        frozen = gc.get_freeze_count()
        assert main(["--lang", "en", "xlsx", "export", "demands", "--db", str(db),
                     "--out", str(tmp_path / "d.xlsx")]) == 0  # fmt: skip
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        if not was_enabled:
            gc.disable()


def test_record_models_are_built_per_table_when_used() -> None:
    """A table's record model is built the first time one of its records is checked, and
    only that table's: ``session verify`` of a file that carries few tables builds few."""
    from planner_desktop.exchange.records import TableSpecs

    specs = TableSpecs()
    assert "vote" in specs and len(specs) > 40
    assert "no_such_table" not in specs
    demand = specs["demand"]
    assert list(specs._made) == ["demand"]
    assert "adapter" not in demand.__dict__
    with pytest.raises(Exception, match="field"):
        demand.validate_line(b'{"id": 1}')
    assert "adapter" in demand.__dict__
    assert list(specs._made) == ["demand"]
