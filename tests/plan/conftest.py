"""The demo database (``demo_template``, made once per backend) copied for each test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from planner_desktop.plan import check_execution
from planner_desktop.store.database import Store
from tests.helpers import new_store
from tests.postgres_server import Databases, Target


@pytest.fixture
def store(demo_template: Target, databases: Databases) -> Iterator[Store]:
    """A fresh copy of the demo municipality, with provenance stamping."""
    opened = new_store(databases.copy(demo_template, "plan"))
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
