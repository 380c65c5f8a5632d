"""Shared fixtures. pytest-qt provides ``qtbot`` and ``qapp`` (offscreen, see the Makefile)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from planner_desktop import paths

if TYPE_CHECKING:  # imported by pytest as a plugin below, so that its asserts are rewritten
    from tests.postgres_server import Databases, Target

# A temporary PostgreSQL server and the ``backend`` fixture (sqlite, postgresql).
pytest_plugins = ["tests.postgres_server"]


@pytest.fixture(scope="session", autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Keep every test away from the real user folder and the user's database."""
    home = tmp_path_factory.mktemp("planner-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(paths.ENV_HOME, str(home))
        patch.delenv(paths.ENV_DB, raising=False)
        yield home


@pytest.fixture(autouse=True)
def _english_messages():
    """Core tests read messages in English; tests of Spanish switch on purpose."""
    from planner_desktop.i18n import set_language

    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="session")
def empty_template(session_databases: Databases) -> Target:
    """An empty database at the current schema on the test's backend, made once."""
    from tests.helpers import new_store

    target = session_databases.fresh("empty")
    new_store(target).close()
    return target


@pytest.fixture
def empty_target(empty_template: Target, databases: Databases) -> Target:
    """A new empty database at the current schema for this test (a copy of the template)."""
    return databases.copy(empty_template, "empty")


@pytest.fixture(scope="session")
def demo_template(session_databases: Databases) -> Target:
    """The demo municipality (seed 1, scale 1) on the test's backend, made once; copy it."""
    from planner_desktop.demo import generate
    from tests.helpers import new_store

    target = session_databases.fresh("demo")
    store = new_store(target)
    try:
        with store.raw_session() as session:
            generate(session, seed=1)
    finally:
        store.close()
    return target
