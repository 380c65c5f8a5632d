"""A scale-1 demo database made once, copied for each test that changes it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from planner_desktop.demo import generate
from planner_desktop.plan import check_execution
from planner_desktop.store.database import Store
from tests.helpers import new_store


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan-demo") / "demo.sqlite"
    store = new_store(path)
    with store.raw_session() as session:
        generate(session, seed=1)
    store.close()
    return path


@pytest.fixture
def store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A fresh copy of the demo municipality, with provenance stamping."""
    path = tmp_path / "plan.sqlite"
    shutil.copyfile(demo_template, path)
    opened = new_store(path)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def demo_is_past(monkeypatch: pytest.MonkeyPatch) -> date:
    """The checks run as if on a day after everything the demo records (its progress is
    dated in 2026 and 2027), so that none of it is progress in the future; a test that
    wants another day sets it again."""
    day = date(2028, 1, 1)
    monkeypatch.setattr(check_execution, "today", lambda: day)
    return day
