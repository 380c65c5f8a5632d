"""``planner-desktop check --db PATH``: one line per rule (the count and the first few for
repeated findings), a summary, exit 1 on an error."""

from datetime import date

from planner_desktop.cli import main
from planner_desktop.domain.projects import IndicatorTarget
from planner_desktop.plan import check_execution
from tests.helpers import location
from tests.plan.helpers import first


def test_check_passes_on_the_demo_with_grouped_warnings(store, capsys):
    path = location(store)
    store.close()
    assert main(["--lang", "en", "check", "--db", path]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("check: 0 errors, ") and out[-1].endswith(" notes")
    heads = [line for line in out[:-1] if not line.startswith("  ")]
    assert all(line.startswith("WARNING ") for line in heads) and heads
    priorities = next(line for line in heads if "priority-a-without-profile" in line)
    assert priorities.endswith(" priorities without a project profile")
    assert len(out) < 20  # not one line per finding


def test_check_exits_1_on_an_error(store, capsys):
    with store.session() as session:
        first(session, IndicatorTarget, order=IndicatorTarget.year).target = "alta"
    path = location(store)
    store.close()
    assert main(["--lang", "en", "check", "--db", path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ERROR target-not-number: the 2026 target of indicator")
    assert out[-1].startswith("check: 1 errors, ")


def test_check_counts_progress_dated_in_the_future(store, capsys, monkeypatch):
    monkeypatch.setattr(check_execution, "today", lambda: date(2026, 12, 1))
    path = location(store)
    store.close()
    assert main(["--lang", "en", "check", "--db", path]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ERROR progress-in-future: ")
    assert out[0].endswith(" progress records dated in the future")
    assert out[1].startswith("  - progress of ") and out[1].endswith(", after today")


def test_check_refuses_a_missing_database(tmp_path, capsys):
    assert main(["--lang", "en", "check", "--db", str(tmp_path / "none.sqlite")]) == 1
    assert "there is no database" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
