"""``xlsx export`` and ``xlsx import`` on the command line: exit codes and one-line refusals."""

from __future__ import annotations

import shutil

from openpyxl import load_workbook

from tests.helpers import file_digest
from tests.test_cli import run
from tests.xlsx.books import COMMUNITY, filled


def test_export_writes_the_file_and_says_how_many_rows(demo_file, tmp_path):
    out = tmp_path / "demandas.xlsx"
    result = run("xlsx", "export", "demands", "--db", str(demo_file), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "rows written" in result.stdout
    assert load_workbook(out, read_only=True).sheetnames == ["Demands"]


def test_import_then_refuse_the_same_file_again(demo_file, fresh, tmp_path):
    path = filled(fresh, tmp_path, "Communities", [COMMUNITY])
    db = tmp_path / "cli.sqlite"
    fresh.close()
    shutil.copyfile(demo_file, db)
    result = run("xlsx", "import", "communities", "--db", str(db), str(path))
    assert result.returncode == 0, result.stderr
    assert "1 row imported" in result.stdout
    before = file_digest(db)
    again = run("xlsx", "import", "communities", "--db", str(db), str(path))
    assert again.returncode == 1
    lines = again.stderr.strip().splitlines()
    assert len(lines) == 1 and "in.xlsx, sheet «Communities», row 2, column B" in lines[0]
    assert file_digest(db) == before


def test_wrong_usage_exits_2(demo_file, tmp_path):
    assert run("xlsx", "export", "votes", "--db", str(demo_file), "--out", "x.xlsx").returncode == 2
    assert run("xlsx", "import", "demands", "--db", str(demo_file)).returncode == 2
    assert run("xlsx").returncode == 2
