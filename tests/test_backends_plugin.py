"""The test run's own PostgreSQL machinery: what happens without a server, and the counts
printed per backend (tests/postgres_server.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest

from tests.postgres_server import BackendCounts, find_bindir, required_bindir


def test_without_server_binaries_the_tests_are_skipped_saying_how_to_install():
    with pytest.raises(pytest.skip.Exception, match=r"apt-get install postgresql"):
        required_bindir(None, {})


def test_without_server_binaries_under_ci_the_tests_fail():
    with pytest.raises(pytest.fail.Exception, match=r"CI is set and .*initdb"):
        required_bindir(None, {"CI": "true"})


def test_found_binaries_are_used():
    assert required_bindir(Path("/opt/pg/bin"), {"CI": "1"}) == Path("/opt/pg/bin")
    found = find_bindir()
    if found is not None:
        assert (found / "initdb").is_file() and (found / "postgres").is_file()


class Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.config = object()

    def section(self, title: str) -> None:
        self.lines.append(f"== {title}")

    def write_line(self, line: str) -> None:
        self.lines.append(line)


When = Literal["setup", "call", "teardown"]
Outcome = Literal["passed", "failed", "skipped"]


def _report(name: str, backend: str | None, when: When, outcome: Outcome) -> pytest.TestReport:
    properties = [("backend", backend)] if backend else []
    return pytest.TestReport(
        f"t.py::{name}", ("t.py", 1, name), {}, outcome, None, when, user_properties=properties
    )


def test_each_test_is_counted_once_by_its_worst_phase_on_its_backend():
    counts = BackendCounts()
    for report in (
        _report("a[sqlite]", "sqlite", "setup", "passed"),
        _report("a[sqlite]", "sqlite", "call", "passed"),
        _report("a[sqlite]", "sqlite", "teardown", "passed"),
        _report("b[sqlite]", "sqlite", "call", "failed"),
        _report("b[sqlite]", "sqlite", "teardown", "failed"),  # an error after a failure
        _report("a[postgresql]", "postgresql", "setup", "skipped"),
        _report("c[postgresql]", "postgresql", "call", "passed"),
        _report("c[postgresql]", "postgresql", "teardown", "failed"),  # passed, then an error
        _report("plain", None, "call", "passed"),  # not about a backend: not counted
    ):
        counts.pytest_runtest_logreport(report)
    out = Lines()
    counts.pytest_terminal_summary(out)  # type: ignore[arg-type]
    assert out.lines == [
        "== tests per database backend",
        "sqlite: 2 tests (1 passed, 1 failed, 0 skipped)",
        "postgresql: 2 tests (0 passed, 1 failed, 1 skipped)",
    ]
