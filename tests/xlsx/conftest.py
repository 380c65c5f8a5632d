"""A demo municipality made once for the spreadsheet tests, copied for each import test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner_desktop.demo import generate
from planner_desktop.store.database import Store
from tests.helpers import new_store


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "libreoffice: converts with LibreOffice headless (installed when absent)"
    )


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx-demo") / "demo.sqlite"
    store = new_store(path)
    try:
        with store.raw_session() as session:
            generate(session, seed=3)
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def demo(demo_file: Path) -> Iterator[Store]:
    """The shared demo database, read only."""
    store = new_store(demo_file)
    yield store
    store.close()


@pytest.fixture
def fresh(demo_file: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the demo database that a test may change."""
    copy = tmp_path / "copy.sqlite"
    shutil.copyfile(demo_file, copy)
    store = new_store(copy)
    yield store
    store.close()


@pytest.fixture(scope="session")
def empty_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database at the current schema, made once and copied by each test."""
    path = tmp_path_factory.mktemp("xlsx-empty") / "empty.sqlite"
    new_store(path).close()
    return path


@pytest.fixture(scope="session")
def colombia_file(empty_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Colombian plan built by hand (four levels), made once and copied by each test."""
    from tests.xlsx.plan_books import build_colombia, copied

    path = copied(empty_file, tmp_path_factory.mktemp("xlsx-colombia") / "colombia.sqlite")
    store = new_store(path)
    try:
        build_colombia(store)
    finally:
        store.close()
    return path
