"""The core runs with no Qt at all (DESIGN §3, STYLE.md 1)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

BLOCKER = textwrap.dedent(
    """
    import importlib.abc
    import pkgutil
    import sys

    BLOCKED = ("PySide6", "shiboken6", "qtawesome", "qtpy", "PyQt5", "PyQt6")

    class BlockQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"Qt is blocked in the core: {name}")
            return None

    sys.meta_path.insert(0, BlockQt())

    import planner_desktop

    imported = []
    for module in pkgutil.walk_packages(planner_desktop.__path__, "planner_desktop."):
        name = module.name
        if name.startswith("planner_desktop.ui") or ".migrations" in name:
            continue
        __import__(name)
        imported.append(name)
    print(len(imported))
    """
)


def test_every_core_module_imports_with_qt_blocked():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 10


def test_headless_demo_and_dump_with_qt_blocked(tmp_path: Path):
    db = tmp_path / "headless.sqlite"
    script = BLOCKER + textwrap.dedent(
        f"""
        from planner_desktop.cli import main
        assert main(["--lang", "en", "demo", "--db", {str(db)!r}]) == 0
        out = {str(tmp_path / "d.json")!r}
        assert main(["--lang", "en", "dump", "--db", {str(db)!r}, "--out", out]) == 0
        assert "PySide6" not in sys.modules
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert '"municipality"' in (tmp_path / "d.json").read_text(encoding="utf-8")
