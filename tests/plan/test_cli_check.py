"""``planner-desktop check --db PATH``: one line per finding, a summary, exit 1 on an error."""

from planner_desktop.cli import main
from planner_desktop.domain.projects import IndicatorTarget
from tests.plan.helpers import first


def test_check_passes_on_the_demo_with_warnings(store, capsys):
    path = str(store.path)
    store.close()
    assert main(["--lang", "en", "check", "--db", path]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("check: 0 errors, ") and out[-1].endswith(" warnings")
    assert all(line.startswith("WARNING ") for line in out[:-1]) and len(out) > 1


def test_check_exits_1_on_an_error(store, capsys):
    with store.session() as session:
        first(session, IndicatorTarget, order=IndicatorTarget.year).target = "alta"
    path = str(store.path)
    store.close()
    assert main(["--lang", "en", "check", "--db", path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ERROR target-not-number: the 2026 target of indicator")
    assert out[-1].startswith("check: 1 errors, ")


def test_check_refuses_a_missing_database(tmp_path, capsys):
    assert main(["--lang", "en", "check", "--db", str(tmp_path / "none.sqlite")]) == 1
    assert "there is no database" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
