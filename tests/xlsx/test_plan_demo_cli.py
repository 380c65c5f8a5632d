"""The plan workbook of the demo municipality (a Bolivian PDM with five levels), and the
``xlsx export plan`` / ``xlsx import plan`` commands (issue 14)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner_desktop.exchange.xlsx.export import export
from planner_desktop.exchange.xlsx.plan_import import import_plan
from planner_desktop.i18n import set_language
from planner_desktop.store.database import Store
from tests.helpers import dump_text, new_store
from tests.test_cli import run
from tests.xlsx.plan_books import copied, edit, plan_dump, versions


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    set_language("en")
    yield


@pytest.fixture(scope="module")
def demo_plan(demo: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan-demo") / "pdm.xlsx"
    export(demo, "plan", path)
    return path


def test_the_demo_plan_round_trips_and_imports_again_unchanged(
    demo, demo_plan, empty_file, fresh, tmp_path
):
    store = new_store(copied(empty_file, tmp_path / "empty.sqlite"))
    try:
        import_plan(store, demo_plan)
        assert plan_dump(store) == plan_dump(demo)
        before = versions(store)
        assert import_plan(store, demo_plan).changed == 0
        assert versions(store) == before
    finally:
        store.close()
    text = dump_text(fresh)
    result = import_plan(fresh, demo_plan)
    assert (result.added, result.changed) == (0, 0)
    assert dump_text(fresh) == text, "no version bumped in the database that wrote it"


def test_the_demo_workbook_names_its_levels_and_scores(demo_plan):
    book = load_workbook(demo_plan, read_only=True)
    levels = [row for row in book["Levels"].iter_rows(min_row=2, values_only=True)]
    assert levels == [(1, "Eje"), (2, "Objetivo"), (3, "Política"), (4, "Lineamiento"),
                      (5, "Programa")]  # fmt: skip
    scores = {v for row in book["Self-assessment"].iter_rows(min_row=2, values_only=True)
              for v in row[1:-1]}  # fmt: skip
    assert any(isinstance(v, float) for v in scores), "scored cells are numbers"


def test_cli_exports_then_imports_into_a_new_database(demo_file, tmp_path):
    out = tmp_path / "pdm.xlsx"
    result = run("xlsx", "export", "plan", "--db", str(demo_file), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "rows written" in result.stdout
    target = tmp_path / "nuevo.sqlite"
    first = run("xlsx", "import", "plan", "--db", str(target), str(out))
    assert first.returncode == 0, first.stderr
    assert "changed" in first.stdout and target.exists()
    again = run("xlsx", "import", "plan", "--db", str(target), str(out))
    assert again.returncode == 0 and "; 0 added, 0 changed," in again.stdout, again.stdout


def test_cli_refusal_is_one_line_and_leaves_no_database(demo_file, tmp_path):
    out = tmp_path / "pdm.xlsx"
    assert run("xlsx", "export", "plan", "--db", str(demo_file), "--out", str(out)).returncode == 0
    bad = edit(out, "Levels", ("Level", 2), "Level", "dos", tmp_path / "bad.xlsx")
    target = tmp_path / "nuevo.sqlite"
    result = run("xlsx", "import", "plan", "--db", str(target), str(bad))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.xlsx, sheet «Levels», row 3, column A («Level»)" in lines[0]
    assert not target.exists(), "the database made for the refused import is taken back"
