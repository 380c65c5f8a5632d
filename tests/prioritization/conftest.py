"""A copy of one demo municipality for each prioritisation test that writes."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner_desktop.demo import generate
from tests.helpers import new_store

FACILITATOR = "Facilitadora del taller"


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prioritization") / "demo.sqlite"
    store = new_store(path)
    with store.raw_session() as session:
        generate(session, seed=5, scale=1)
    store.close()
    return path


@pytest.fixture
def store(demo_file: Path, tmp_path: Path) -> Iterator[object]:
    path = tmp_path / "work.sqlite"
    shutil.copy(demo_file, path)
    opened = new_store(path, facilitator=FACILITATOR)
    yield opened
    opened.close()
